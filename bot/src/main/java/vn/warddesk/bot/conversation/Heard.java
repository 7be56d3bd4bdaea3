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

    /** The aspect the NLU heard, when it is sure enough. */
    Optional<String> aspect(double confidence) {
        Understanding u = u();
        return u.aspect().filter(a -> u.aspectConfidence() >= confidence);
    }
}
