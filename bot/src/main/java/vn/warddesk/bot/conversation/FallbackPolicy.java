package vn.warddesk.bot.conversation;

import vn.warddesk.nlu.Understanding;

/**
 * Nothing else understood the message: "did you mean A or B?" when both are plausible, else "I did not understand"
 * with choices and a talk-to-staff button. It never opens a case. A real question about the topic that the NLU cannot
 * place ("con em 3 tuổi rồi thì còn làm được không" after a birth answer) gets the topic's general answer, as an
 * officer would give, never a lone "hjhj" or "k", nor a question about something else ("gần đây có chỗ gửi xe không").
 */
final class FallbackPolicy implements Policy {
    /** A question about the topic has at least this many words: "k", "sao?", "hả?" are not one. */
    private static final int TOPIC_QUESTION_WORDS = 3;
    /**
     * How likely the message's own reading must find it to be about the topic or about "the" procedure. Read with the
     * topic's name appended, almost any question lands on the topic ("gần đây có chỗ gửi xe không" + "đăng ký kết
     * hôn"), so that reading alone would answer parking questions with the marriage procedure.
     */
    private static final double OWN_HINT = 0.1;

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
     * call out of scope with confidence, whose own reading gives the topic or a follow-up some weight, and that lands
     * on the topic when read with the topic's name after it.
     */
    private boolean topicQuestion(Turn t, Heard h) {
        String topic = t.ctx().topic();
        if (topic == null || !a.catalog().knows(topic) || Policy.inForm(t) || !QuestionShapes.question(h.folded)
            || Folding.words(Folding.withoutQuestionMark(h.folded)) < TOPIC_QUESTION_WORDS) {
            return false;
        }
        Understanding u = h.u();
        if ("out_of_scope".equals(u.intent()) && !u.clarify() && u.confidence() >= SURE) {
            return false;
        }
        boolean ownHint = u.alternatives().stream().anyMatch(c -> c.probability() >= OWN_HINT
                && (topic.equals(c.intent()) || Understanding.ASPECT_ONLY.equals(c.intent())));
        if (!ownHint) {
            return false;
        }
        Understanding again = h.inContext(Labels.intent(a.catalog(), t, topic));
        return topic.equals(again.intent()) && !again.clarify();
    }
}
