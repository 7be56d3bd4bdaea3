package vn.warddesk.bot.conversation;

import java.util.Set;

import vn.warddesk.nlu.Understanding;

/**
 * Right after an answer, a bare fact sent as its own message ("she is 80 actually", "tui 70 tuoi roi", "I'm not a
 * resident here") is a condition on the question just answered: the topic's same aspect is answered again (its
 * eligibility when the answer was the general one), never "I did not understand" and never a new topic. A count of
 * pages or copies ("hợp đồng của em dài 12 trang" after the fee) is such a fact whatever office intent the NLU
 * guesses for it (it read that line as the opening hours at 0.73).
 */
final class BareFactPolicy implements Policy {
    /** Readings that are answers in their own right ("em cảm ơn", "em hiểu rồi", "em đã nộp hồ sơ rồi"). */
    private static final Set<String> NOT_FACTS = Set.of("thanks", "goodbye", "greeting", "affirm", "deny", "talk_to_staff",
                                                        "case_status", "my_data", "delete_my_data");
    /** How sure such a reading must be to win over the fact. */
    private static final double OTHER_SURE = 0.5;

    private final Actions a;

    BareFactPolicy(Actions actions) {
        this.a = actions;
    }

    @Override
    public boolean handle(Turn t, Heard h) {
        String topic = t.ctx().topic();
        if (topic == null || !a.catalog().knows(topic) || Policy.inForm(t)
            || !Dialogue.ANSWERING.equals(t.conv.state) || t.ctx().lastIntent() != null || !BareFact.told(h.folded)) {
            return false;
        }
        Understanding u = h.u();
        if (NOT_FACTS.contains(u.intent()) && u.confidence() >= OTHER_SURE
            || !BareFact.counts(h.folded) && !a.catalog().knows(u.intent()) && !"out_of_scope".equals(u.intent())
               && !Understanding.ASPECT_ONLY.equals(u.intent()) && !u.clarify() && u.confidence() >= SURE) {
            return false;
        }
        String aspect = t.ctx().lastAspect();
        a.answering().answer(t, topic, aspect == null || "general".equals(aspect) ? "eligibility" : aspect);
        return true;
    }
}
