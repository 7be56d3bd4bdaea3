package vn.warddesk.bot.conversation;

import java.sql.SQLException;

/**
 * "I sent a request yesterday for a birth registration appointment, any update?", "em đã nộp hồ sơ, xong chưa ạ":
 * a request said to be sent and how it is going asked is the case's status, whatever procedure the line names. Where
 * this conversation has sent one (its case link), "what's the status of it now", "how do I check on it later?" need
 * not say so: the "it" is that request, not the procedure talked about.
 */
final class SentRequestPolicy implements Policy {
    private final Actions a;

    SentRequestPolicy(Actions actions) {
        this.a = actions;
    }

    @Override
    public boolean handle(Turn t, Heard h) throws SQLException {
        boolean sent = CitizenAsks.statusOfSent(h.folded) || t.conv.caseCode != null && CitizenAsks.followsRequest(h.folded);
        if (Policy.inForm(t) || !sent) {
            return false;
        }
        a.staff().caseStatus(t, h.u().entities());
        return true;
    }
}
