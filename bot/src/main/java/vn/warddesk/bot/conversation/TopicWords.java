package vn.warddesk.bot.conversation;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import vn.warddesk.bot.catalog.Catalog;
import vn.warddesk.bot.catalog.Lang;
import vn.warddesk.nlu.Understanding;

/**
 * Whether a question that the NLU reads as another procedure only uses words the topic's own catalog text uses, as a
 * part, paper or step of the topic's procedure: "bao lâu có trích lục" in a death conversation (the death extract is
 * what death registration issues), "ủy quyền cho bà ngoại đi làm thay được không" in a birth conversation (who may
 * file). Without those shared words the line no longer reads as the other procedure, and it does not name the other
 * procedure itself ("khai sinh cần gì" after a death question still switches).
 */
final class TopicWords {
    /** How surely the rest of the line must read as a follow-up (or the topic) for the topic to keep the line. */
    private static final double REST_SURE = 0.5;
    /**
     * Lines that turn to the other procedure on purpose: "còn xác nhận độc thân thì phí bn", "and back to the baby",
     * "quay lại cái tạm trú", and where to get a paper ("giấy đó xin ở đâu", "where does she get that") — a paper
     * the topic needs is obtained through its own procedure; and a wish ("muốn đổi tên cho con gái thì sao" after a
     * land question): what one wants to do is a procedure of its own.
     */
    private static final Pattern TURNS_AWAY = Pattern.compile(
            "^((a|ok|oke|vay|the|thi|u|um|so) )?(con|what about|how about|and|back to|going back|quay lai|tro lai|ve lai)\\b"
            + "|\\b(o dau|tai dau|cho nao|where)\\b"
            + "|\\b(muon|want|wants|would like)\\b");
    /** Generic verbs that open procedure names: "Đăng ký kết hôn" is named by "kết hôn". */
    private static final String NAME_VERB = "^(dang ky|cap|chung thuc|xac nhan|thay doi) ";
    /** English names are named without their generic nouns: "Birth registration" by "birth". */
    private static final String NAME_NOUN = " (registration|certificates?|certification|\\(copy\\)|copies)$";

    private static final Pattern PHRASE_END = Pattern.compile("[,.;:!?()\\[\\]\\n…]+");
    private static final Pattern NOT_LETTER = Pattern.compile("[^\\p{L}\\p{N}]+");

    private final Catalog catalog;

    TopicWords(Catalog catalog) {
        this.catalog = catalog;
    }

    /** True when the line's reading as {@code other} comes only from words of the topic's own text. */
    boolean partOfTopic(Heard h, String topic, String other) {
        if (TURNS_AWAY.matcher(h.folded).find() || names(h.folded, other)) {
            return false;
        }
        String[] words = Folding.withoutQuestionMark(h.folded).strip().split("\\s+");
        // read from the live catalog each time (no cache): a ward's edit of the topic's texts counts from the next line;
        // only lines the NLU reads as another procedure inside a topic get here
        // a line typed with its accents is compared with the accents, so "tên sổ" is not a folded "tên số"; a line typed
        // without them can only be compared folded
        String[] marked = markedWords(h.text);
        boolean withMarks = marked.length == words.length && !String.join(" ", marked).equals(String.join(" ", words));
        String[] compared = withMarks ? marked : words;
        Set<String> shared = pairsOf(topic, withMarks);
        boolean[] drop = new boolean[words.length];
        boolean any = false;
        for (int i = 0; i + 1 < words.length; i++) {
            if (shared.contains(compared[i] + " " + compared[i + 1])) {
                drop[i] = drop[i + 1] = true;
                any = true;
            }
        }
        if (!any) {
            return false;
        }
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < words.length; i++) {
            if (!drop[i]) {
                rest.add(words[i]);
            }
        }
        if (rest.isEmpty()) {
            return true;
        }
        Understanding u = h.clause(String.join(" ", rest)).u();
        // what is left must still ask something of the topic ("thế … được không" → who may file): "sang tên … thì cần
        // gì" without "sổ đỏ" is no question about residence
        return (Understanding.ASPECT_ONLY.equals(u.intent()) || topic.equals(u.intent())) && !u.clarify()
               && u.confidence() >= REST_SURE;
    }

    /**
     * The line names the procedure by its own name (without the generic verb): "kết hôn", "tạm trú", "birth", or by its
     * English term in full ("copy certification").
     */
    boolean names(String folded, String procedure) {
        String line = " " + folded.replaceAll("[^a-z0-9 ]", " ").replaceAll("\\s+", " ") + " ";
        if (line.contains(" " + procedure.replace('_', ' ') + " ")) {
            return true; // the procedure's own English term, whole: "copy certification" (the catalog says "Certified copies")
        }
        for (Lang lang : Lang.values()) {
            for (Catalog.ProcedureSummary p : catalog.procedures(lang)) {
                if (!p.id().equals(procedure)) {
                    continue;
                }
                // split before folding: folding turns the comma and slash into spaces, so "Đăng ký tạm trú, khai báo
                // tạm vắng" would be one name that no line says
                for (String part : p.name().split("[,/]")) {
                    String name = Folding.fold(part).replaceAll(NAME_VERB, "").replaceAll(NAME_NOUN, "").strip();
                    if (!name.isEmpty() && line.contains(" " + name + " ")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Every two-word sequence of the topic's answers, both languages, folded or lower case with their accents. */
    private Set<String> pairsOf(String procedure, boolean withMarks) {
        Set<String> out = new HashSet<>();
        for (Lang lang : Lang.values()) {
            for (String aspect : Catalog.ASPECTS) {
                catalog.answer(procedure, aspect, lang).ifPresent(answer -> {
                    addPairs(out, answer.text(), withMarks);
                    answer.items().forEach(item -> addPairs(out, item, withMarks));
                });
            }
        }
        return out;
    }

    /**
     * The two-word sequences of a text within its phrases: words on either side of a comma or a full stop are no pair
     * (a "tên, số …" has no "tên số", which folded is the "ten so" of "sang ten so do").
     */
    private static void addPairs(Set<String> out, String text, boolean withMarks) {
        for (String phrase : PHRASE_END.split(text)) {
            String[] words = withMarks ? markedWords(phrase)
                    : Arrays.stream(Folding.fold(phrase).split("[^a-z0-9]+")).filter(w -> !w.isEmpty())
                            .toArray(String[]::new);
            for (int i = 0; i + 1 < words.length; i++) {
                out.add(words[i] + " " + words[i + 1]);
            }
        }
    }

    /** The words of a text in lower case, accents kept (composed), as the citizen typed them. */
    private static String[] markedWords(String text) {
        String lower = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
        return Arrays.stream(NOT_LETTER.split(lower)).filter(w -> !w.isEmpty()).toArray(String[]::new);
    }
}
