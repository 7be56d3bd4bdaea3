package vn.warddesk.bot.conversation;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.warddesk.nlu.Nlu;
import vn.warddesk.nlu.Understanding;
import vn.warddesk.nlu.YesNo;

/**
 * A typed message of this turn with what the NLU made of it. The NLU runs at most once per message, and only when a
 * policy asks (a phone number typed into the form needs no classification).
 */
final class Heard {
    /** Readings that answer nothing by themselves: not a rival to an office question. */
    private static final Set<String> NON_ANSWERS = Set.of("out_of_scope", "affirm", "deny");
    /** An office question that is more likely than not, when its only rival is a non-answer. */
    private static final double MORE_LIKELY = 0.5;
    /** Out of scope this sure, and nothing else even this likely, is a line like the NLU's off-topic training. */
    private static final double OFF_TOPIC = 0.95;
    private static final double SOME_TOPIC = 0.02;
    private static final Pattern ENGLISH_SO = Pattern.compile(
            "(?i)\\bso (do|does|did) (i|we|you|they|he|she|it)\\b");
    /**
     * English "-ing" forms of the procedures' verbs that the training lines hardly have: "which is faster, certifying a
     * copy or certifying a signature?" is read as "certify a copy" (copy certification) — as "certifying a copy" it was
     * a greeting at 0.29.
     */
    private static final Map<String, String> BASE_VERB = Map.of(
            "certifying", "certify", "recognising", "recognise", "recognizing", "recognize", "declaring", "declare",
            "transferring", "transfer", "renewing", "renew", "applying", "apply");
    private static final Pattern ENGLISH_ING = Pattern.compile(
            "(?i)\\b(" + String.join("|", BASE_VERB.keySet()) + ")\\b");
    final String text;
    /** Lower case, accents folded, single spaces: what the phrase patterns read. */
    final String folded;
    private final Nlu nlu;
    private final Turn turn;
    private Understanding understanding;
    private final Map<String, Understanding> inContext = new HashMap<>(2);
    private Clauses clauses;
    /** Clauses already heard: the two-questions and the closing-question readings ask about the same clauses. */
    private final Map<String, Heard> clauseHeard = new HashMap<>(4);

    Heard(String text, Nlu nlu, Turn turn) {
        this.text = text.strip();
        this.folded = Folding.fold(this.text);
        this.nlu = nlu;
        this.turn = turn;
    }

    Understanding u() {
        if (understanding == null) {
            understanding = nlu.understand(forNlu(text), turn.lang().locale(), turn.today);
        }
        return understanding;
    }

    /**
     * The text as the NLU should read it: an English "so do I …" / "so does it …" loses its "so", which folded is
     * also "sổ đỏ" (the land certificate) — "so do I need to get the original legalised first?" is no land question.
     */
    static String forNlu(String text) {
        String plain = ENGLISH_SO.matcher(text).replaceAll("$1 $2");
        Matcher ing = ENGLISH_ING.matcher(plain);
        return ing.find() ? ing.replaceAll(m -> BASE_VERB.get(m.group(1).toLowerCase(java.util.Locale.ROOT))) : plain;
    }

    /** The understanding when a policy asked for one (nothing is classified just to be logged). */
    Optional<Understanding> understood() {
        return Optional.ofNullable(understanding);
    }

    Optional<YesNo.Answer> yesNo() {
        return YesNo.of(text);
    }

    /**
     * The answer to a pending yes/no question: a plain yes or no, or one that opens the message ("no, keep it",
     * "ừ hủy", "yes, send it", "à không, làm tiếp"). Not for a field value: "không biết" is no answer there.
     */
    Optional<YesNo.Answer> answer() {
        Optional<YesNo.Answer> plain = yesNo();
        if (plain.isPresent() || text.endsWith("?")) {
            return plain;
        }
        int comma = text.indexOf(',');
        if (comma > 0) {
            Optional<YesNo.Answer> opening = YesNo.of(text.substring(0, comma));
            if (opening.isPresent()) {
                return opening;
            }
        }
        String[] words = folded.split(" ");
        if (words.length <= 4 && !QuestionShapes.question(folded.substring(words[0].length()).strip())) {
            return YesNo.of(words[0]);
        }
        return Optional.empty();
    }

    boolean answerYes() {
        return answer().filter(a -> a == YesNo.Answer.YES).isPresent();
    }

    boolean answerNo() {
        return answer().filter(a -> a == YesNo.Answer.NO).isPresent();
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
        if (offTopic()) {
            return Optional.empty(); // "giá vàng hôm nay bao nhiêu": with the topic's name it would read as its fee
        }
        Understanding again = inContext(topicName);
        if (topic.equals(again.intent()) && !again.clarify() && again.aspectConfidence() >= confidence) {
            return again.aspect().filter(a -> !"general".equals(a));
        }
        return Optional.empty();
    }

    /**
     * The NLU all but certain the message is not a ward matter: out of scope at {@value #OFF_TOPIC} or more, with no
     * follow-up or procedure reading even at {@value #SOME_TOPIC} ("giá vàng hôm nay bao nhiêu", "giá xăng hôm nay bao
     * nhiêu"). Such a line is not re-read with the topic's name, where almost any question lands on the topic.
     */
    boolean offTopic() {
        Understanding u = u();
        return "out_of_scope".equals(u.intent()) && !u.clarify() && u.confidence() >= OFF_TOPIC
               && u.alternatives().stream().skip(1).noneMatch(c -> c.probability() >= SOME_TOPIC
                                                                   && !NON_ANSWERS.contains(c.intent()));
    }

    /** The message read once more with words of the conversation's topic after it. */
    Understanding inContext(String topicWords) {
        return inContext.computeIfAbsent(topicWords, w -> nlu.understand(forNlu(text) + " " + w, turn.lang().locale(),
                                                                         turn.today));
    }

    /** Enough of a message to be re-read in context: a question, or two words or more (never a lone "hjhj"). */
    boolean hasContent() {
        return QuestionShapes.question(folded) || Folding.words(folded) >= 2;
    }

    /**
     * The office or privacy question (hours, address, privacy) the message asks on its own reading, when the NLU is
     * sure of it or unsure only between it and a non-answer (out of scope, yes, no) with at least half the probability:
     * "wait, are you open on Saturdays?" is 0.51 hours against 0.48 out of scope. Such a question is answered as itself,
     * never re-read as an aspect of the topic's procedure ("how long" for "open on Saturdays").
     */
    Optional<String> officeQuestion(double sure) {
        Understanding u = u();
        if (!DialogueTopic.isTopic(u.intent())) {
            return Optional.empty();
        }
        if (!u.clarify() && u.confidence() >= sure) {
            return Optional.of(u.intent());
        }
        boolean rivalSaysNothing = u.alternatives().size() > 1 && NON_ANSWERS.contains(u.alternatives().get(1).intent());
        return rivalSaysNothing && u.confidence() >= MORE_LIKELY ? Optional.of(u.intent()) : Optional.empty();
    }

    /** The aspect the NLU heard, when it is sure enough. */
    Optional<String> aspect(double confidence) {
        Understanding u = u();
        return u.aspect().filter(a -> u.aspectConfidence() >= confidence);
    }

    /** This message cut into its sentences and clauses. */
    Clauses clauses() {
        if (clauses == null) {
            clauses = Clauses.of(text);
        }
        return clauses;
    }

    /** One clause of this message heard as a message of its own: its own NLU readings, in this turn's language. */
    Heard clause(String clause) {
        return clauseHeard.computeIfAbsent(clause, c -> new Heard(c, nlu, turn));
    }
}
