package vn.warddesk.nlu;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A normalised text in reusable char arrays, the form {@code understand()} works on: what {@link NormalizedText} holds as
 * strings and lists (which cost a string per token and per join on every call), written by
 * {@link TextNormalizer#normalize(String, boolean, TokenBuffer)} and read by {@link Features#hashes(TokenBuffer, Features.HashBuffer)}.
 * Not thread-safe; one per thread.
 *
 * <p>The accented tokens are {@code accented[0, accentedLength)} joined by single spaces; the folded ones are in
 * {@code folded} the same way, with one space before the first and after the last ({@code folded[0] == ' '}): exactly
 * the padded text the char n-grams are taken from. A folded token may be empty (a token of combining marks only), as
 * {@link TextNormalizer#fold} makes it.
 */
final class TokenBuffer {

    char[] accented = new char[256];
    int accentedLength;
    /** Start and end (exclusive) of token {@code i} in {@code accented}. */
    int[] starts = new int[64], ends = new int[64];
    /** The padded folded text: {@code ' '}, the folded tokens joined by single spaces, {@code ' '}. */
    char[] folded = new char[256];
    int foldedLength;
    /** Start and end (exclusive) of folded token {@code i} in {@code folded}. */
    int[] foldedStarts = new int[64], foldedEnds = new int[64];
    int count;

    void clear() {
        accentedLength = 0;
        foldedLength = 0;
        count = 0;
    }

    /** Room for {@code more} further chars in both texts. */
    void ensureChars(int more) {
        if (accentedLength + more > accented.length) {
            accented = Arrays.copyOf(accented, Math.max(accented.length * 2, accentedLength + more));
        }
        if (foldedLength + more + 2 > folded.length) {
            folded = Arrays.copyOf(folded, Math.max(folded.length * 2, foldedLength + more + 2));
        }
    }

    /** Room for one more token. */
    void ensureToken() {
        if (count == starts.length) {
            int size = count * 2;
            starts = Arrays.copyOf(starts, size);
            ends = Arrays.copyOf(ends, size);
            foldedStarts = Arrays.copyOf(foldedStarts, size);
            foldedEnds = Arrays.copyOf(foldedEnds, size);
        }
    }

    /** True when the accented text has a letter char (as {@link NormalizedText#hasLetters()}: char by char). */
    boolean hasLetters() {
        for (int i = 0; i < accentedLength; i++) {
            char c = accented[i];
            if (c < 0x80 ? (c | 0x20) >= 'a' && (c | 0x20) <= 'z' : Character.isLetter(c)) {
                return true;
            }
        }
        return false;
    }

    String token(int i) {
        return new String(accented, starts[i], ends[i] - starts[i]);
    }

    String foldedToken(int i) {
        return new String(folded, foldedStarts[i], foldedEnds[i] - foldedStarts[i]);
    }

    /** The same text as strings (training, evaluation and tests). */
    NormalizedText toNormalizedText() {
        List<String> tokens = new ArrayList<>(count);
        List<String> foldedTokens = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            tokens.add(token(i));
            foldedTokens.add(foldedToken(i));
        }
        String foldedText = foldedLength <= 2 ? "" : new String(folded, 1, foldedLength - 2);
        return new NormalizedText(new String(accented, 0, accentedLength), foldedText, tokens, foldedTokens);
    }

    /** A {@link NormalizedText}'s tokens in this buffer (for {@link Features#hashes(NormalizedText, Features.HashBuffer)}). */
    void set(NormalizedText text) {
        clear();
        List<String> tokens = text.tokens();
        List<String> foldedTokens = text.foldedTokens();
        folded[foldedLength++] = ' ';
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            String foldedToken = foldedTokens.get(i);
            ensureChars(Math.max(token.length(), foldedToken.length()) + 1);
            ensureToken();
            if (i > 0) {
                accented[accentedLength++] = ' ';
                folded[foldedLength++] = ' ';
            }
            starts[count] = accentedLength;
            token.getChars(0, token.length(), accented, accentedLength);
            accentedLength += token.length();
            ends[count] = accentedLength;
            foldedStarts[count] = foldedLength;
            foldedToken.getChars(0, foldedToken.length(), folded, foldedLength);
            foldedLength += foldedToken.length();
            foldedEnds[count] = foldedLength;
            count++;
        }
        folded[foldedLength++] = ' ';
    }
}
