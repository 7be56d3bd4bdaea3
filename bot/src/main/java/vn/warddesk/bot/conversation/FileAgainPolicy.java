package vn.warddesk.bot.conversation;

import java.sql.SQLException;
import java.util.regex.Pattern;

import vn.warddesk.nlu.Understanding;

/**
 * "Thôi để em đăng ký lại", "cho em làm hồ sơ luôn", "ok, I'll register after all": after talking about a procedure
 * (often right after declining the notice or cancelling), the citizen asks to file it after all. The NLU reads the
 * "thôi" of such a line as a no; a person hears the change of mind, so the topic's request starts (consent first).
 * Tried only when no other policy understood the line.
 */
final class FileAgainPolicy implements Policy {
    /** A filing verb, then within a few words "lại", "luôn", "again", "after all". */
    private static final Pattern FILE_AGAIN = Pattern.compile(
            "\\b(dang ky|dk|lam ho so|nop ho so|lam thu tuc|dat lich|dat hen|register|sign up|apply|book)\\b"
            + "( [a-z0-9]+){0,3}? (lai|again|after all|luon)\\b");

    private final Actions a;

    FileAgainPolicy(Actions actions) {
        this.a = actions;
    }

    @Override
    public boolean handle(Turn t, Heard h) throws SQLException {
        String topic = t.ctx().topic();
        if (topic == null || Policy.inForm(t) || !a.catalog().knows(topic) || !FILE_AGAIN.matcher(h.folded).find()
            || QuestionShapes.asksSomething(h.folded)) {
            return false;
        }
        Understanding u = h.u();
        if (a.catalog().knows(u.intent()) && !u.clarify() && !topic.equals(u.intent())) {
            return false; // another procedure named: not this one again
        }
        a.form().start(t, topic);
        return true;
    }
}
