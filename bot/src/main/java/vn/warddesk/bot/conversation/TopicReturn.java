package vn.warddesk.bot.conversation;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Going back to something talked about earlier, named by a word of it (pure, on folded text): "ok back to the copy,
 * how much is it" after an extract and then a correction question, "quay lại vụ bản sao, phí bao nhiêu". The words
 * after "back to" / "quay lại" are compared with the names of the procedure talked about before the topic: one cannot
 * go back to the matter one is on, so "the copy" is the earlier extract even where the word alone reads as copy
 * certification.
 */
final class TopicReturn {
    /** "back to …", "going back to …", "quay lại …", "trở lại …", up to the comma or the question. */
    private static final Pattern RETURN = Pattern.compile(
            "\\b(?:back to|going back to|go back to|return to|quay lai|tro lai|quay ve)( (?:cai|vu|phan|viec|chuyen"
            + "|thu tuc|ve|the|that|my|our|a)\\b)*((?: \\w+){1,4}?)(?=\\s*(?:,|$| di| nha| nhe| thi| how| what| is| do"
            + "| can| phi| het| mat| lam| co| bao| can))");
    /** Words a name may share with anything: not enough to point at one procedure. */
    private static final Set<String> COMMON = Set.of("dang", "ky", "registration", "and", "of", "the", "ho", "tich");

    private TopicReturn() {
    }

    /** The words the citizen goes back to ("copy", "ban sao"), when the line goes back at all. */
    static Optional<String> referent(String folded) {
        Matcher m = RETURN.matcher(folded);
        return m.find() ? Optional.of(m.group(2).strip()).filter(w -> !w.isEmpty()) : Optional.empty();
    }

    /**
     * Whether the referent's words all belong to one of the names of the procedure talked about before ("copy" in
     * "Civil status extract (copy)", "bản sao" in "Cấp bản sao trích lục hộ tịch") — its names folded, both languages.
     */
    static boolean names(String referent, List<String> names) {
        List<String> words = Arrays.stream(referent.split(" ")).filter(w -> !COMMON.contains(w)).toList();
        if (words.isEmpty()) {
            return false;
        }
        return names.stream().map(Folding::fold).map(n -> Set.copyOf(Arrays.asList(n.replaceAll("[^a-z0-9 ]", " ").trim().split("\\s+"))))
                .anyMatch(name -> name.containsAll(words));
    }
}
