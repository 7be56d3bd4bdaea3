package vn.warddesk.bot.conversation;

import java.sql.SQLException;
import java.util.Map;
import java.util.Set;

import vn.warddesk.nlu.Understanding;

/**
 * Follow-ups to an office or privacy answer: right after the opening hours, "còn thứ 7?" or "and the day before?" is
 * still about the hours; after a privacy answer, "còn thông tin hồ sơ thì giữ bao lâu" is still about privacy. The
 * message is read again with words of that topic after it, and answered as that topic when the reading is clear.
 */
final class DialogueTopic {
    /** Words that put a message in the context of each topic, by language (vi, en). */
    private static final Map<String, String[]> WORDS = Map.of(
            "office_hours", new String[]{"giờ làm việc, địa chỉ phường", "ward office opening hours, address"},
            "office_location", new String[]{"giờ làm việc, địa chỉ phường", "ward office opening hours, address"},
            "privacy_info", new String[]{"bảo vệ dữ liệu cá nhân của tôi", "privacy of my personal data"});
    private static final Set<String> WEAK = Set.of("out_of_scope", "affirm", "deny", Understanding.ASPECT_ONLY);
    /** A clear intent of its own wins over the topic's reading. */
    private static final double OWN_INTENT = 0.8;
    private static final double TOPIC_READING = 0.6;

    private final Policy.Actions a;
    private final DialogueIntentPolicy intents;

    DialogueTopic(Policy.Actions actions, DialogueIntentPolicy intents) {
        this.a = actions;
        this.intents = intents;
    }

    static boolean isTopic(String intent) {
        return WORDS.containsKey(intent);
    }

    boolean handle(Turn t, Heard h) throws SQLException {
        String last = t.ctx().lastIntent();
        Understanding u = h.u();
        if (!WORDS.containsKey(last) || !h.hasContent()) {
            return false;
        }
        if (a.catalog().knows(u.intent()) && !u.clarify()) {
            return false; // a procedure named: not a follow-up
        }
        if (!u.clarify() && u.confidence() >= OWN_INTENT && !WEAK.contains(u.intent())) {
            return false; // a clear question of its own ("giờ làm việc?", "tôi muốn gặp cán bộ")
        }
        Understanding again = h.inContext(WORDS.get(last)[t.vi() ? 0 : 1]);
        if (again.clarify() || again.confidence() < TOPIC_READING || !WORDS.containsKey(again.intent())) {
            return false;
        }
        intents.run(t, again.intent(), h.folded, u); // the original's entities: "thứ 7", "2/9"
        return true;
    }
}
