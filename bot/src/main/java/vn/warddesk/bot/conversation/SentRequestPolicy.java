package vn.warddesk.bot.conversation;

import java.sql.SQLException;

/**
 * "I sent a request yesterday for a birth registration appointment, any update?", "em đã nộp hồ sơ, xong chưa ạ":
 * a request said to be sent and how it is going asked is the case's status, whatever procedure the line names.
 */
final class SentRequestPolicy implements Policy {
    private final Actions a;

    SentRequestPolicy(Actions actions) {
        this.a = actions;
    }

    @Override
    public boolean handle(Turn t, Heard h) throws SQLException {
        if (Policy.inForm(t) || !CitizenAsks.statusOfSent(h.folded)) {
            return false;
        }
        a.staff().caseStatus(t, h.u().entities());
        return true;
    }
}
