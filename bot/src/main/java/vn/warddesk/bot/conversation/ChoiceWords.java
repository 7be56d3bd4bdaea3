package vn.warddesk.bot.conversation;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import vn.warddesk.bot.catalog.Catalog.Choice;

/**
 * Which option of a choice field a typed line names, as a desk officer hears it: by its words in either language
 * (the labels and the catalog's {@code words}), without accents, particles or "I want", also by a part of the label
 * ("lần đầu", "close the business", "đăng ký mới ạ", "sang tên") or its number ("2"). A line names an option when
 * more of its words belong to that option than to any other, one of them belongs to that option alone, and most of
 * the line is such words; a line that names two options equally ("đăng ký") or negates ("không phải…") names none.
 */
final class ChoiceWords {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    /** Words that say nothing about which option: particles, pronouns, "I want", "the", "số" before a number. */
    private static final Set<String> FILLER = Set.of(
            "a", "ah", "o", "oi", "ad", "admin", "nhe", "nha", "nhen", "di", "voi", "giup", "dum", "ho", "cho", "e", "em",
            "toi", "tui", "minh", "anh", "chi", "chau", "muon", "can", "lam", "la", "thi", "vay", "the", "ok", "oke", "u",
            "uk", "vang", "da", "roi", "kieu", "cai", "loai", "viec", "ve", "xin", "chon", "so", "muc", "thu", "nay",
            "i", "id", "im", "want", "wanna", "would", "like", "to", "an", "my", "our", "it", "its", "please", "option",
            "one", "need", "for", "this", "that", "just", "do", "is", "me", "we", "choose", "pick", "select", "number",
            "of", "or", "and", "yes", "okay", "sure", "hoac", "va",
            // what is left of "I'm", "it's", "I'd", "we'll", "we're"; teen-code t (tôi)
            "m", "s", "d", "ll", "re", "t");
    /** A line that denies ("không phải đăng ký mới") is not read as naming an option. */
    private static final Set<String> NEGATION = Set.of("khong", "ko", "k", "kh", "hong", "chua", "not", "no", "don",
                                                       "dont", "nope");
    private static final String ENGLISH_NO = "no";
    private static final Pattern SUFFIX = Pattern.compile("(ing|ed|es|s|e)$");
    private static final int PARTIAL = 4;
    /** Option words a story must hold to name the option (see {@link #toldInAStory}). */
    private static final int STORY_WORDS = 2;
    private static final int SHARED_PREFIX = 5;

    private ChoiceWords() {
    }

    /** The option the line names, if it names exactly one. */
    static Optional<Choice> named(String typed, List<Choice> choices) {
        List<String> said = content(typed);
        if (said.isEmpty() || denies(content(withoutOwnPhrases(typed, choices)))) {
            return Optional.empty();
        }
        if (said.size() == 1 && said.get(0).matches("[1-9]")) {
            int index = Integer.parseInt(said.get(0)) - 1;
            return index < choices.size() ? Optional.of(choices.get(index)) : Optional.empty();
        }
        List<List<String>> vocabularies = choices.stream().map(ChoiceWords::vocabulary).toList();
        int best = -1;
        int bestScore = 0;
        int runnerUp = 0;
        boolean tie = false;
        for (int c = 0; c < choices.size(); c++) {
            int score = 0;
            for (String word : said) {
                score += belongs(word, vocabularies.get(c)) ? 1 : 0;
            }
            if (score > bestScore) {
                best = c;
                runnerUp = bestScore;
                bestScore = score;
                tie = false;
            } else if (score == bestScore && score > 0) {
                tie = true;
            } else {
                runnerUp = Math.max(runnerUp, score);
            }
        }
        if (best < 0 || tie || !distinctive(said, best, vocabularies)) {
            return Optional.empty();
        }
        boolean mostlyOptionWords = said.size() - bestScore <= bestScore;
        return mostlyOptionWords || toldInAStory(bestScore, runnerUp) ? Optional.of(choices.get(best)) : Optional.empty();
    }

    /**
     * A negation among the line's words. "no" denies only opening the line ("no, the first time"): further in, it is
     * mostly the Vietnamese "nó" folded ("ba cho nó miếng đất, giờ sang tên cho nó": him, not no).
     */
    private static boolean denies(List<String> words) {
        for (int i = 0; i < words.size(); i++) {
            if (NEGATION.contains(words.get(i)) && (i == 0 || !ENGLISH_NO.equals(words.get(i)))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The option told inside the citizen's story ("mua đất của người ta, giờ sang tên", "I bought a plot from someone,
     * now I need to transfer it to my name"): the rest of the line is the story, so it need not be mostly option words
     * when two of its words or more belong to the option and at least twice as many as to any other.
     */
    private static boolean toldInAStory(int bestScore, int runnerUp) {
        return bestScore >= STORY_WORDS && bestScore >= 2 * runnerUp;
    }

    /**
     * The line (folded) without the options' own phrases: a negation or question word inside one ("chưa có sổ",
     * "never had one") describes the option, it neither denies one nor asks — "cap lan dau, chua co so" picks the
     * first certificate.
     */
    static String withoutOwnPhrases(String typed, List<Choice> choices) {
        String line = " " + String.join(" ", words(typed)) + " ";
        for (Choice choice : choices) {
            for (String phrase : choice.words()) {
                List<String> own = words(phrase);
                if (!own.isEmpty()) {
                    line = line.replace(" " + String.join(" ", own) + " ", " ");
                }
            }
        }
        return line.strip();
    }

    /** One word of the line belongs to the chosen option and to no other. */
    private static boolean distinctive(List<String> said, int chosen, List<List<String>> vocabularies) {
        for (String word : said) {
            boolean own = belongs(word, vocabularies.get(chosen));
            boolean elsewhere = false;
            for (int c = 0; c < vocabularies.size(); c++) {
                elsewhere |= c != chosen && belongs(word, vocabularies.get(c));
            }
            if (own && !elsewhere) {
                return true;
            }
        }
        return false;
    }

    private static boolean belongs(String word, List<String> vocabulary) {
        for (String known : vocabulary) {
            if (same(word, known)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The same word: equal; a beginning of it typed ("regist", "inherit"); one English form of the other ("closing",
     * "closed" and "close"); or five letters or more in common at the start ("registered", "registration").
     */
    static boolean same(String typed, String known) {
        if (typed.equals(known)) {
            return true;
        }
        if (typed.length() >= PARTIAL && known.startsWith(typed)) {
            return true;
        }
        if (typed.length() < PARTIAL || known.length() < PARTIAL) {
            return false;
        }
        if (stem(typed).equals(stem(known))) {
            return true;
        }
        int shared = 0;
        while (shared < Math.min(typed.length(), known.length()) && typed.charAt(shared) == known.charAt(shared)) {
            shared++;
        }
        return shared >= SHARED_PREFIX;
    }

    private static String stem(String word) {
        String stem = SUFFIX.matcher(word).replaceFirst("");
        return stem.length() >= 3 ? stem : word;
    }

    /** Every word the option may be typed as: its labels in both languages, its value and the catalog's words. */
    private static List<String> vocabulary(Choice choice) {
        List<String> words = new ArrayList<>(words(choice.value().replace('_', ' ')));
        words.addAll(words(choice.label()));
        choice.words().forEach(w -> words.addAll(words(w)));
        words.removeIf(FILLER::contains);
        return words;
    }

    /** The line's words that may name an option: folded, "dk" spelled out, fillers left out. */
    private static List<String> content(String typed) {
        List<String> content = new ArrayList<>();
        for (String word : words(typed)) {
            if (word.equals("dk") || word.equals("dky")) {
                content.add("dang");
                content.add("ky");
            } else if (!FILLER.contains(word)) {
                content.add(word);
            }
        }
        return content;
    }

    private static List<String> words(String text) {
        String folded = MARKS.matcher(Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD))
                .replaceAll("").replace('đ', 'd');
        String spaced = NOT_WORD.matcher(folded).replaceAll(" ").strip();
        return spaced.isEmpty() ? List.of() : List.of(spaced.split(" "));
    }
}
