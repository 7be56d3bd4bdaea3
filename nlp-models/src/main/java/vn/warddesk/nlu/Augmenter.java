package vn.warddesk.nlu;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Training-time augmentation: for every training line typed with diacritics, the copies a phone or a hurried typist
 * would send — every other line (by a hash of its text) folded whole ("đăng ký tạm trú" → "dang ky tam tru"), the others
 * folded word by word for about half of the words ("đăng ky tạm tru"); and for about one line in four also the Telex
 * keystrokes typed with the Vietnamese input method off ("ddawng kys tamj trus"). Deterministic: the choices depend only
 * on the text, so the same data gives the same model. A copy that equals an existing line is not added.
 *
 * <p>Not a whole fold of every line: measured (issue 20, round 11) it did not beat one copy per line, and its extra
 * copies equalled six held-out lines, which would have scored them as seen ({@code DataSplitTest}).
 *
 * <p>Why: the hand-written lines are about half accented; unaccented messages then see the accented word features
 * ({@code w=}, {@code b=}) only through the folded ones. The copies teach the model that the forms mean the same. Every
 * copy is derived from accents a writer typed: none is guessed for a line written without them.
 */
final class Augmenter {

    private Augmenter() {
    }

    /** The lines followed by their unaccented copies (validation/test lines are never passed through here). */
    static List<Dataset.Example> withUnaccentedCopies(List<Dataset.Example> examples) {
        Set<String> seen = new HashSet<>();
        for (Dataset.Example example : examples) {
            seen.add(key(example.text()));
        }
        List<Dataset.Example> all = new ArrayList<>(examples);
        for (Dataset.Example example : examples) {
            for (String copy : copies(example.text())) {
                if (seen.add(key(copy))) {
                    all.add(new Dataset.Example(example.label(), example.aspect(), copy, example.source() + " (unaccented copy)",
                            example.line()));
                }
            }
        }
        return all;
    }

    /** The copies of a line: its whole or partial fold, then perhaps its Telex keystrokes; empty when it has no diacritics. */
    static List<String> copies(String text) {
        String nfc = TextNormalizer.nfc(text);
        String folded = TextNormalizer.fold(nfc);
        if (folded.equals(nfc)) {
            return List.of();
        }
        List<String> copies = new ArrayList<>(2);
        int seed = mix(nfc.hashCode());
        String partial = (seed & 1) == 0 ? null : partlyFolded(nfc, seed);
        // A line whose coin flips kept every accent still yields a copy: the whole-line fold.
        copies.add(partial == null ? folded : partial);
        if ((mix(seed ^ TELEX_SALT) & 3) == 0) {
            copies.add(telex(nfc));
        }
        return copies;
    }

    /** Salt of the Telex coin, so that it does not follow the partial-fold coin. */
    private static final int TELEX_SALT = 0x5bd1e995;

    /** About half of the words folded, chosen by {@code seed} and the word's position; null when no word was. */
    static String partlyFolded(String nfc, int seed) {
        String[] words = nfc.split(" ", -1);
        StringBuilder out = new StringBuilder(nfc.length());
        boolean changed = false;
        for (int i = 0; i < words.length; i++) {
            if (i > 0) {
                out.append(' ');
            }
            String word = words[i];
            String foldedWord = TextNormalizer.fold(word);
            if (!foldedWord.equals(word) && (mix(seed + 31 * (i + 1)) & 2) == 0) {
                out.append(foldedWord);
                changed = true;
            } else {
                out.append(word);
            }
        }
        return changed ? out.toString() : null;
    }

    /**
     * The Telex keystrokes of a text, as a phone sends them when its Vietnamese input method is off: "â ê ô" doubled
     * ("aa ee oo"), "ă ơ ư" with a trailing w ("aw ow uw"), "đ" as "dd", the tone as a letter at the end of the word
     * (sắc s, huyền f, hỏi r, ngã x, nặng j): "chứng thực" → "chuwngs thuwcj".
     */
    static String telex(String nfc) {
        String decomposed = Normalizer.normalize(nfc, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length() + 8);
        char tone = 0;
        for (int i = 0; i <= decomposed.length(); i++) {
            char c = i < decomposed.length() ? decomposed.charAt(i) : ' ';
            if (!Character.isLetterOrDigit(c) && Character.getType(c) != Character.NON_SPACING_MARK) {
                if (tone != 0) {
                    out.append(tone);
                    tone = 0;
                }
                if (i < decomposed.length()) {
                    out.append(c);
                }
                continue;
            }
            switch (c) {
                case '\u0301' -> tone = 's';
                case '\u0300' -> tone = 'f';
                case '\u0309' -> tone = 'r';
                case '\u0303' -> tone = 'x';
                case '\u0323' -> tone = 'j';
                case '\u0302' -> out.append(out.isEmpty() ? ' ' : out.charAt(out.length() - 1));
                case '\u0306', '\u031B' -> out.append('w');
                case 'đ' -> out.append("dd");
                case 'Đ' -> out.append("DD");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String key(String text) {
        return String.join(" ", TextNormalizer.nfc(text).toLowerCase(Locale.ROOT).strip().split("\\s+"));
    }

    /** A small integer hash (murmur3 fmix32): String.hashCode alone has poor low bits for similar lines. */
    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}
