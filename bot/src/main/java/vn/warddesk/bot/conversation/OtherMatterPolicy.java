package vn.warddesk.bot.conversation;

import java.sql.SQLException;
import java.util.regex.Pattern;

import vn.warddesk.nlu.Understanding;

/**
 * Mid-topic, a question about another agency's matter ("the con lam lai can cuoc cong dan bi mat thi lam o dau" during
 * the allowance, "also I lost my passport, where do I get a new one?") is answered as out of scope: read with the
 * topic's name, almost any question lands on the topic, so such a line must not be re-read as a follow-up. It wins
 * only when the line names that matter: the whole line reads out of scope, and so does the part that tells what it is
 * about (before "thì", a comma, "where"), read alone — a loose follow-up ("thế người khuyết tật thì sao") does not, nor
 * a line that is all question ("1 bản bao nhiêu tiền").
 */
final class OtherMatterPolicy implements Policy {
    /**
     * How likely out of scope the line and its subject must be (the NLU may still flag the line unsure). The subject's
     * bar is high: a group of people read alone ("thế người già neo đơn" 0.66) is no ward matter either, but it is the
     * topic's follow-up; a lost ID card or passport reads 0.9 and more. Wrongly dropping a citizen's follow-up costs
     * more than answering the topic once too often.
     */
    private static final double LINE_OFF = 0.7;
    private static final double SUBJECT_OFF = 0.8;
    /** A subject of fewer words names nothing ("thế còn", "and"). */
    private static final int SUBJECT_WORDS = 3;
    /** Where the subject ends and the question begins: "… thì làm ở đâu", "…, where do I …", "… ở đâu". */
    private static final Pattern QUESTION_START = Pattern.compile(" thi | (where|how|what) | (lam|xin|cap) lai o ");

    private final Actions a;
    private final DialogueIntentPolicy dialogueIntents;

    OtherMatterPolicy(Actions actions, DialogueIntentPolicy dialogueIntents) {
        this.a = actions;
        this.dialogueIntents = dialogueIntents;
    }

    @Override
    public boolean handle(Turn t, Heard h) throws SQLException {
        String topic = t.ctx().topic();
        if (topic == null || !a.catalog().knows(topic) || Policy.inForm(t) || !QuestionShapes.question(h.folded)
            || !namesOtherMatter(h)) {
            return false;
        }
        dialogueIntents.run(t, "out_of_scope", h.folded, h.u());
        return true;
    }

    private static boolean namesOtherMatter(Heard h) {
        // even a line the NLU is all but certain of needs a subject of its own: "1 bản bao nhiêu tiền" after the
        // extract's papers is its fee, though read alone it is out of scope
        if (!h.offTopic() && !offScope(h.u(), LINE_OFF)) {
            return false;
        }
        // cut on the typed text's commas, then on the folded words (the NLU reads unaccented lines as well)
        String first = h.text.split("[,;]", 2)[0];
        String subject = QUESTION_START.split(" " + Folding.fold(first) + " ", 2)[0].strip();
        return !subject.equals(h.folded) && Folding.words(subject) >= SUBJECT_WORDS
               && offScope(h.clause(subject).u(), SUBJECT_OFF);
    }

    private static boolean offScope(Understanding u, double likely) {
        return "out_of_scope".equals(u.intent()) && u.confidence() >= likely;
    }
}
