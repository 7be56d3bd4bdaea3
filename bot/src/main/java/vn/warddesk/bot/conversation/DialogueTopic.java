package vn.warddesk.bot.conversation;

import java.sql.SQLException;
import java.util.Map;
import java.util.Set;

import vn.warddesk.bot.catalog.Catalog;
import vn.warddesk.nlu.EntityType;
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
    /**
     * The office topics share one place: "phòng mấy?" right after the hours asks where, "còn thứ 7?" right after the
     * address asks when. So the message is first read with only the office named, and that reading moves to the other
     * office topic only when it is very sure ({@link #SWITCH}); otherwise the topic's own words decide.
     */
    private static final Map<String, String[]> OFFICE = Map.of(
            "office_hours", new String[]{"phường", "ward office"},
            "office_location", new String[]{"phường", "ward office"});
    private static final Set<String> WEAK = Set.of("out_of_scope", "affirm", "deny", Understanding.ASPECT_ONLY);
    /** A clear intent of its own wins over the topic's reading. */
    private static final double OWN_INTENT = 0.8;
    private static final double TOPIC_READING = 0.6;
    /** Leaving the hours for the address (or back) on the office-only reading: "and the day before?" is 0.68 "where". */
    private static final double SWITCH = 0.9;
    /**
     * Another agency's matter right after an office answer ("Also my visa is expiring, can you extend it?" after the
     * address): out of scope read alone and still read so with only the office named. The office's full words would
     * turn it into the hours; an office follow-up ("còn thứ 7?" 0.41, "can I bring my dog?" 0.42) is rarely this sure,
     * and one that asks of a day is kept ({@link #asksOfADay}).
     */
    private static final double OTHER_MATTER = 0.8;
    /** Closing words ("thanks, bye", "ok cảm ơn") end the topic; they are not a question about it. */
    private static final Set<String> CLOSING = Set.of("thanks", "goodbye", "greeting");

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
        boolean leaving = CLOSING.contains(u.intent()) && !u.clarify() || DialogueIntentPolicy.closing(u);
        if (leaving && !QuestionShapes.question(h.folded)) { // "ok tks ad, bye": torn between thanks and bye is still leave
            return false;
        }
        if (OFFICE.containsKey(last) && (asksTheProcedure(t, h) || filedElsewhere(t, h))) {
            return false; // "vậy mang bản gốc theo hay sao" after the Saturday hours: the papers, not the office
        }
        int language = t.vi() ? 0 : 1;
        Understanding again = OFFICE.containsKey(last) ? h.inContext(OFFICE.get(last)[language]) : null;
        if (again != null && outOfScope(u) && outOfScope(again) && !asksOfADay(h)) {
            intents.run(t, "out_of_scope", h.folded, u);
            return true;
        }
        if (again == null || !clear(again) || !again.intent().equals(last) && again.confidence() < SWITCH) {
            again = h.inContext(WORDS.get(last)[language]);
        }
        if (!clear(again)) {
            return false;
        }
        intents.run(t, again.intent(), h.folded, u); // the original's entities: "thứ 7", "2/9"
        return true;
    }

    /**
     * After an office answer, a message whose own reading asks a specific aspect (papers, fee, online…) while a
     * procedure is still the topic goes back to that procedure: re-read with the office's words, almost any line
     * becomes an office question.
     */
    private boolean asksTheProcedure(Turn t, Heard h) {
        String topic = t.ctx().topic();
        return topic != null && a.catalog().knows(topic)
               && h.aspect(Policy.ASPECT_SURE).filter(x -> !"general".equals(x) && Catalog.ASPECTS.contains(x))
                       .isPresent();
    }

    /**
     * Where to hand in the topic's papers when the ward's People's Committee does not receive them ("vay tam tru nop o
     * cong an phuong hay ubnd a" after the Saturday hours): the procedure's overview names the authority; the ward's
     * address would send the citizen to the wrong desk.
     */
    private boolean filedElsewhere(Turn t, Heard h) {
        String topic = t.ctx().topic();
        return topic != null && a.catalog().knows(topic) && !a.catalog().handledByWardOffice(topic)
               && FollowUpPolicy.asksWhereToFile(h.folded);
    }

    /**
     * A day, a time or "còn X thì sao" after an office answer asks of the hours, however the NLU reads the day alone:
     * "thế 30/4 thì sao", "còn mùng 2 tháng 9 thì sao", "còn Tết thì sao".
     */
    private static boolean asksOfADay(Heard h) {
        return QuestionShapes.whatAbout(h.folded) || h.u().entities().stream()
                .anyMatch(e -> e.type() == EntityType.DATE || e.type() == EntityType.TIME);
    }

    private static boolean outOfScope(Understanding reading) {
        return "out_of_scope".equals(reading.intent()) && reading.confidence() >= OTHER_MATTER;
    }

    private static boolean clear(Understanding reading) {
        return !reading.clarify() && reading.confidence() >= TOPIC_READING && WORDS.containsKey(reading.intent());
    }
}
