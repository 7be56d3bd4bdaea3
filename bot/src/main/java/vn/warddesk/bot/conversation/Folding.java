package vn.warddesk.bot.conversation;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Typed text folded into the form every word pattern of the engine is written in: lower case, accents and đ folded,
 * single spaces, so that "hủy", "huỷ" and "huy" are one word.
 */
final class Folding {
    // Compiled once: fold runs several times per turn (String.replaceAll would compile each pattern every time).
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}?/ ]+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Folding() {
    }

    /** Lower case, accents and đ folded, punctuation other than "?" and "/" to spaces, single spaces. */
    static String fold(String text) {
        String decomposed = MARKS.matcher(Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD))
                .replaceAll("").replace('đ', 'd');
        return SPACES.matcher(NOT_WORD.matcher(decomposed).replaceAll(" ")).replaceAll(" ").strip();
    }

    static int words(String folded) {
        return folded.isBlank() ? 0 : folded.split(" ").length;
    }

    /** The folded line without its question marks, for patterns that must match the whole line. */
    static String withoutQuestionMark(String folded) {
        return folded.replace("?", "").strip();
    }
}
