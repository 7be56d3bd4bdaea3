package vn.warddesk.nlu;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Training-time augmentation: for every training line typed with diacritics, one copy without them, the way phones and
 * hurried typists send it — every other line (by a hash of its text) folded whole ("đăng ký tạm trú" → "dang ky tam
 * tru"), the others folded word by word for about half of the words ("đăng ky tạm tru"). Deterministic: the choice
 * depends only on the text, so the same data gives the same model. A copy that equals an existing line is not added.
 *
 * <p>Why: the hand-written lines are about half accented; unaccented messages then see the accented word features
 * ({@code w=}, {@code b=}) only through the folded ones. The copies teach the model that both forms mean the same.
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
            String copy = unaccentedCopy(example.text());
            if (copy != null && seen.add(key(copy))) {
                all.add(new Dataset.Example(example.label(), example.aspect(), copy, example.source() + " (unaccented copy)",
                        example.line()));
            }
        }
        return all;
    }

    /** The unaccented copy of a line, or null when the line has no diacritics. */
    static String unaccentedCopy(String text) {
        String nfc = TextNormalizer.nfc(text);
        String folded = TextNormalizer.fold(nfc);
        if (folded.equals(nfc)) {
            return null;
        }
        int seed = mix(nfc.hashCode());
        if ((seed & 1) == 0) {
            return folded;
        }
        // Partial: fold about half of the words, chosen by a hash of the text and the word's position.
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
        // A line whose coin flips kept every accent still yields a copy: the whole-line fold.
        return changed ? out.toString() : folded;
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
