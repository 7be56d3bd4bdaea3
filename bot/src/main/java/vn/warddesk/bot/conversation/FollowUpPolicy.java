package vn.warddesk.bot.conversation;

import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;

import vn.warddesk.bot.catalog.Catalog;
import vn.warddesk.nlu.Understanding;

/**
 * Questions that lean on the topic, as a person at the desk would read them: an aspect without a procedure
 * ("lệ phí bao nhiêu?", "mat may ngay") is about the topic's procedure; "còn kết hôn thì sao?" / "what about marriage?"
 * asks the last aspect about another procedure; "giấy đó" / "that one" is the topic.
 */
final class FollowUpPolicy implements Policy {
    /** Dialogue intents that win over a follow-up reading when the NLU is this sure of them. */
    private static final double DIALOGUE_SURE = 0.8;
    private static final Set<String> WEAK_INTENTS = Set.of("out_of_scope", "affirm", "deny");

    private final Actions a;

    FollowUpPolicy(Actions actions) {
        this.a = actions;
    }

    @Override
    public boolean handle(Turn t, Heard h) throws SQLException {
        String topic = t.ctx().topic();
        Catalog catalog = a.catalog();
        if (topic == null || !catalog.knows(topic)) {
            return false;
        }
        Understanding u = h.u();
        boolean procedure = catalog.knows(u.intent()) && !u.clarify();
        Optional<String> aspect = h.aspect(ASPECT_SURE).filter(Catalog.ASPECTS::contains);
        boolean ownAspect = aspect.filter(x -> !"general".equals(x)).isPresent();
        String last = t.ctx().lastAspect() == null ? "general" : t.ctx().lastAspect();

        if (procedure && !u.intent().equals(topic) && Phrases.whatAbout(h.folded)) {
            answer(t, u.intent(), ownAspect ? aspect.get() : last); // "còn kết hôn thì sao?"
            return true;
        }
        if (procedure) {
            return false; // a new procedure named: the procedure policy answers it
        }
        boolean dialogueIntent = !catalog.knows(u.intent()) && !WEAK_INTENTS.contains(u.intent())
                                 && !u.clarify() && u.confidence() >= DIALOGUE_SURE;
        if (dialogueIntent) {
            return false; // "giờ làm việc?" is about the office even right after a procedure answer
        }
        if (Phrases.thatOne(h.folded) && (ownAspect || Phrases.question(h.folded))) {
            answer(t, topic, ownAspect ? aspect.get() : last); // "giấy đó làm ở đâu", "how much is it"
            return true;
        }
        if (aspect.isPresent() && (ownAspect || h.aspect(0.7).isPresent())) {
            answer(t, topic, aspect.get()); // "phí bn", "mất bao lâu", "làm online được không"
            return true;
        }
        return false;
    }

    private void answer(Turn t, String procedure, String aspect) throws SQLException {
        if ("apply".equals(aspect) && !Policy.inForm(t)) {
            a.form().start(t, procedure);
        } else {
            a.answering().answer(t, procedure, aspect);
        }
    }
}
