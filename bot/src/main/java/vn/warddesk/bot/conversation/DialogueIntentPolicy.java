package vn.warddesk.bot.conversation;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import vn.warddesk.nlu.Candidate;
import vn.warddesk.nlu.Understanding;

/** Greetings, thanks, office hours and location, privacy, case status, data rights: intents that are not procedures. */
final class DialogueIntentPolicy implements Policy {
    /** Below this an out-of-scope reading is not trusted: the fallback asks instead. */
    private static final double OUT_OF_SCOPE_SURE = 0.6;
    /** Thanks and goodbye together at least this likely: the message takes leave. */
    private static final double CLOSING = 0.9;
    private static final Set<String> LEAVE = Set.of("thanks", "goodbye");
    /** Readings that answer nothing: an office question just behind one of them is decided by its question word. */
    private static final Set<String> NON_ANSWERS = Set.of("out_of_scope", "affirm", "deny");
    /** How likely the office reading behind a non-answer must be for the question word to decide. */
    private static final double OFFICE_RUNNER_UP = 0.3;

    private final Actions a;

    DialogueIntentPolicy(Actions actions) {
        this.a = actions;
    }

    @Override
    public boolean handle(Turn t, Heard h) throws SQLException {
        Understanding u = h.u();
        if (u.clarify() && privacyQuestion(u) && a.answering().asksPrivacyFact(h.folded)) {
            run(t, "privacy_info", h.folded, u); // "ai xem được thông tin của tôi": privacy, not "show me my data"
            return true;
        }
        if (u.clarify() && h.officeQuestion(SURE).isPresent()) {
            run(t, u.intent(), h.folded, u); // "wait, are you open on Saturdays?": hours or nothing, so the hours
            return true;
        }
        boolean leaving = closing(u) || !u.clarify() && "thanks".equals(u.intent());
        if (leaving) {
            // "thanks, bye", "ok cảm ơn nhé, tạm biệt": thanks with a farewell (or torn between the two) takes leave
            run(t, AsksNothing.farewell(h.folded) ? "goodbye" : u.intent(), h.folded, u);
            return true;
        }
        Optional<String> office = officeAsked(h, u);
        if (office.isPresent()) {
            run(t, office.get(), h.folded, u); // "thế tôi ra phường lúc mấy giờ thì được": 0.56 nothing, 0.41 hours
            return true;
        }
        if (u.clarify() || a.catalog().knows(u.intent()) || u.aspectOnly()) {
            return false;
        }
        if ("greeting".equals(u.intent()) && Dialogue.ANSWERING.equals(t.conv.state) && acknowledges(h)) {
            a.answering().goodbye(t); // "vâng chào ạ" after an answer takes leave, it does not start over
            return true;
        }
        boolean form = Policy.inForm(t);
        switch (u.intent()) {
            case "out_of_scope", "affirm", "deny" -> {
                // "???", "…", "asdfgh" (keyboard mash): nothing was said, so not understood rather than out of scope
                boolean noWords = h.folded.codePoints().noneMatch(Character::isLetter) || AsksNothing.mash(h.folded);
                if (form || ("out_of_scope".equals(u.intent()) && (u.confidence() < OUT_OF_SCOPE_SURE || noWords))) {
                    return false;
                }
            }
            default -> { }
        }
        run(t, u.intent(), h.folded, u);
        return true;
    }

    /** Thanks and goodbye are the two likeliest readings and together nearly all of it. */
    static boolean closing(Understanding u) {
        List<Candidate> top = u.alternatives();
        return top.size() > 1 && LEAVE.contains(top.get(0).intent()) && LEAVE.contains(top.get(1).intent())
               && top.get(0).probability() + top.get(1).probability() >= CLOSING;
    }

    /**
     * When the NLU hesitates and an office question is its likeliest reading, or the next after a non-answer (out of
     * scope, yes, no), the question word decides, as it would for a person: "mấy giờ", "khi nào", "what time" ask the
     * hours; "ở đâu", "where" the place.
     */
    private static Optional<String> officeAsked(Heard h, Understanding u) {
        List<Candidate> top = u.alternatives();
        if (!u.clarify() || top.isEmpty()) {
            return Optional.empty();
        }
        Candidate office = top.get(0);
        if (NON_ANSWERS.contains(office.intent()) && top.size() > 1) {
            office = top.get(1);
        }
        if (office.probability() < OFFICE_RUNNER_UP) {
            return Optional.empty();
        }
        return switch (office.intent()) {
            case "office_hours" -> QuestionShapes.asksWhen(h.folded) ? Optional.of(office.intent()) : Optional.empty();
            case "office_location" -> QuestionShapes.asksWhere(h.folded) ? Optional.of(office.intent()) : Optional.empty();
            default -> Optional.empty();
        };
    }

    private static boolean privacyQuestion(Understanding u) {
        Set<String> data = Set.of("privacy_info", "my_data", "delete_my_data");
        return u.alternatives().stream().limit(2).anyMatch(c -> data.contains(c.intent()));
    }

    private static boolean acknowledges(Heard h) {
        String first = h.folded.split(" ")[0];
        return vn.warddesk.nlu.YesNo.of(first).filter(x -> x == vn.warddesk.nlu.YesNo.Answer.YES).isPresent()
               || h.folded.matches(".*\\b(cam on|thanks|thank you|bye)\\b.*");
    }

    /** Also the target of the "intent:&lt;name&gt;" buttons of "did you mean A or B?". */
    void run(Turn t, String intent, String folded, Understanding u) throws SQLException {
        List<vn.warddesk.nlu.Entity> entities = u == null ? List.of() : u.entities();
        if (!"privacy_info".equals(intent)) { // a privacy answer records which fact it gave
            t.record(new ConversationEvent.IntentAnswered(DialogueTopic.isTopic(intent) ? intent : null));
        }
        switch (intent) {
            case "greeting" -> a.answering().greet(t);
            case "thanks" -> a.answering().thanks(t);
            case "goodbye" -> a.answering().goodbye(t);
            case "office_hours" -> a.answering().officeHours(t, folded, entities);
            case "office_location" -> a.answering().officeLocation(t);
            case "case_status" -> a.staff().caseStatus(t, entities);
            case "privacy_info" -> a.answering().privacyInfo(t, folded);
            case "my_data" -> a.rights().myData(t);
            case "delete_my_data" -> a.rights().askErase(t);
            case "talk_to_staff" -> a.staff().handoff(t);
            case "affirm", "deny" -> {
                if (t.ctx().unclear() > 0) {
                    a.answering().notUnderstood(t); // "hjhj", then "k": still nothing to say yes or no to
                } else {
                    a.answering().menu(t);
                }
            }
            default -> a.answering().outOfScope(t);
        }
    }
}
