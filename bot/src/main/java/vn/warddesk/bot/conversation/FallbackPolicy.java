package vn.warddesk.bot.conversation;

import vn.warddesk.nlu.Understanding;

/**
 * Nothing else understood the message: "did you mean A or B?" when both are plausible, else "I did not understand"
 * with choices and a talk-to-staff button. It never opens a case. A real question about the topic that the NLU cannot
 * place ("bé sinh hơn 2 tháng rồi thì có bị trễ hạn không") gets the topic's general answer, as an officer would give
 * (it holds the deadlines and conditions), never a lone "hjhj" or "k".
 */
final class FallbackPolicy implements Policy {
    /** A question about the topic has at least this many words: "k", "sao?", "hả?" are not one. */
    private static final int TOPIC_QUESTION_WORDS = 3;

    private final Actions a;

    FallbackPolicy(Actions actions) {
        this.a = actions;
    }

    @Override
    public boolean handle(Turn t, Heard h) {
        if (topicQuestion(t, h) && a.answering().clarifyOptions(t, h.u()).isEmpty()) {
            a.answering().answer(t, t.ctx().topic(), "general");
            return true;
        }
        a.answering().unclear(t, h.u());
        return true;
    }

    /**
     * A question (question word or mark, three words or more) while a procedure is the topic, that the NLU does not
     * call out of scope with confidence, and that lands on the topic when read with the topic's name after it.
     */
    private boolean topicQuestion(Turn t, Heard h) {
        String topic = t.ctx().topic();
        if (topic == null || !a.catalog().knows(topic) || Policy.inForm(t) || !Phrases.question(h.folded)
            || Phrases.words(h.folded.replace("?", "").strip()) < TOPIC_QUESTION_WORDS) {
            return false;
        }
        Understanding u = h.u();
        if ("out_of_scope".equals(u.intent()) && !u.clarify() && u.confidence() >= SURE) {
            return false;
        }
        Understanding again = h.inContext(Labels.intent(a.catalog(), t, topic));
        return topic.equals(again.intent()) && !again.clarify();
    }
}
