package vn.warddesk.nlu;

import java.util.List;

/**
 * A text after {@link TextNormalizer}: NFC, lower case, punctuation/emoji/control characters removed, digit runs collapsed
 * to {@code 0}, abbreviations expanded.
 *
 * @param accented     tokens joined by single spaces, diacritics kept ("đăng ký tạm trú")
 * @param folded       the same with diacritics removed and đ→d ("dang ky tam tru")
 * @param tokens       accented tokens
 * @param foldedTokens folded tokens, same length and order as {@code tokens}
 */
public record NormalizedText(String accented, String folded, List<String> tokens, List<String> foldedTokens) {

    public NormalizedText {
        tokens = List.copyOf(tokens);
        foldedTokens = List.copyOf(foldedTokens);
        if (tokens.size() != foldedTokens.size()) {
            throw new IllegalArgumentException("tokens and folded tokens differ in length");
        }
    }

    /** True when at least one token contains a letter (of any script); digits-only or empty input has none. */
    public boolean hasLetters() {
        for (int i = 0; i < accented.length(); i++) {
            if (Character.isLetter(accented.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** True when the text carried Vietnamese diacritics (or đ). */
    public boolean hasDiacritics() {
        return !accented.equals(folded);
    }
}
