package vn.warddesk.bot.conversation;

import java.util.Optional;

import vn.warddesk.nlu.Nlu;
import vn.warddesk.nlu.Understanding;
import vn.warddesk.nlu.YesNo;

/**
 * A typed message of this turn with what the NLU made of it. The NLU runs at most once per message, and only when a
 * policy asks (a phone number typed into the form needs no classification).
 */
final class Heard {
    final String text;
    /** Lower case, accents folded, single spaces: what the phrase patterns read. */
    final String folded;
    private final Nlu nlu;
    private final Turn turn;
    private Understanding understanding;
    private Understanding inContext;

    Heard(String text, Nlu nlu, Turn turn) {
        this.text = text.strip();
        this.folded = Phrases.fold(this.text);
        this.nlu = nlu;
        this.turn = turn;
    }

    Understanding u() {
        if (understanding == null) {
            understanding = nlu.understand(text, turn.lang().locale(), turn.today);
        }
        return understanding;
    }

    /** The understanding when a policy asked for one (nothing is classified just to be logged). */
    Optional<Understanding> understood() {
        return Optional.ofNullable(understanding);
    }

    Optional<YesNo.Answer> yesNo() {
        return YesNo.of(text);
    }

    boolean yes() {
        return yesNo().filter(a -> a == YesNo.Answer.YES).isPresent();
    }

    boolean no() {
        return yesNo().filter(a -> a == YesNo.Answer.NO).isPresent();
    }

    /** The top intent when the NLU is sure of it (not a "did you mean" case and at least {@code confidence}). */
    boolean sure(String intent, double confidence) {
        Understanding u = u();
        return intent.equals(u.intent()) && !u.clarify() && u.confidence() >= confidence;
    }

    /**
     * The aspect of a follow-up about the topic. The NLU's own aspect when it is sure of it; otherwise the message is
     * read once more with the topic's name added ("phí bn" + "đăng ký khai sinh"), as a person at the desk hears it
     * in context, and the aspect counts when that reading lands on the topic with a specific aspect.
     */
    Optional<String> topicAspect(String topic, String topicName, double confidence) {
        Optional<String> own = aspect(confidence);
        if (own.isPresent() && !"general".equals(own.get())) {
            return own;
        }
        if (inContext == null) {
            inContext = nlu.understand(text + " " + topicName, turn.lang().locale(), turn.today);
        }
        Understanding again = inContext;
        if (topic.equals(again.intent()) && !again.clarify() && again.aspectConfidence() >= confidence) {
            return again.aspect().filter(a -> !"general".equals(a));
        }
        return Optional.empty();
    }

    /** The aspect the NLU heard, when it is sure enough. */
    Optional<String> aspect(double confidence) {
        Understanding u = u();
        return u.aspect().filter(a -> u.aspectConfidence() >= confidence);
    }
}
