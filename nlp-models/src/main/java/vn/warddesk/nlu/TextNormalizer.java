package vn.warddesk.nlu;

import java.text.Normalizer;

/**
 * The one place where text is normalised, for training and for understanding alike: Unicode NFC, lower case
 * (Locale-independent), everything that is not a letter, digit or combining mark is a separator (punctuation, emoji,
 * control characters, lone surrogates), digit runs become {@code 0} (numbers carry entities, not intent), abbreviations and
 * teen code are expanded from the reviewed table {@code data/abbreviations.tsv}, and an accent-folded form is built
 * alongside the accented one.
 */
public final class TextNormalizer {

    /** Longer input is cut before featurising: a chat question never needs more, and it bounds the time per call. */
    static final int MAX_CHARS = 400;

    private static final char[] FOLD = buildFoldTable();
    /** {@link #LOWER}: the char is a separator (not a letter, digit or combining mark). */
    static final char SEPARATOR = 0;
    /** {@link #LOWER}: the char is a digit. */
    static final char DIGIT = 0xFFFF;
    /** Per char below U+2000: its lower case when it belongs in a token (letter, combining mark), else SEPARATOR or DIGIT. */
    static final char[] LOWER = buildLowerTable();

    private TextNormalizer() {
    }

    public static NormalizedText normalize(String raw) {
        return normalize(raw, true);
    }

    static NormalizedText normalize(String raw, boolean expandAbbreviations) {
        TokenBuffer buffer = new TokenBuffer();
        normalize(raw, expandAbbreviations, buffer);
        return buffer.toNormalizedText();
    }

    /**
     * Normalises {@code raw} into {@code out}, in one pass over its chars and without a string per token: what
     * {@code understand()} calls on every message ({@link #normalize(String)} is this plus the strings).
     */
    static void normalize(String raw, boolean expandAbbreviations, TokenBuffer out) {
        String text = nfc(truncate(raw == null ? "" : raw, MAX_CHARS));
        int length = text.length();
        out.clear();
        out.ensureChars(length + 2);
        out.folded[out.foldedLength++] = ' ';
        // Start of the token being read in out.accented, -1 between tokens.
        int token = -1;
        boolean inDigits = false;
        for (int i = 0; i < length; ) {
            char c = text.charAt(i);
            char lower;
            if (c < LOWER.length) {
                // Latin, Vietnamese and the other scripts below U+2000, i.e. nearly every message: one table read gives the
                // same decision as the Unicode calls below (TextNormalizerTest compares them char by char).
                i++;
                lower = LOWER[c];
            } else {
                int cp = text.codePointAt(i);
                i += Character.charCount(cp);
                if (Character.isDigit(cp)) {
                    lower = DIGIT;
                } else if (!isWordCodePoint(cp)) {
                    lower = SEPARATOR;
                } else {
                    inDigits = false;
                    int lowerCodePoint = Character.toLowerCase(cp);
                    if (Character.isBmpCodePoint(lowerCodePoint)) {
                        token = append(out, token, (char) lowerCodePoint);
                    } else {
                        token = append(out, token, Character.highSurrogate(lowerCodePoint));
                        token = append(out, token, Character.lowSurrogate(lowerCodePoint));
                    }
                    continue;
                }
            }
            if (lower == DIGIT) {
                if (!inDigits) {
                    token = append(out, token, '0');
                    inDigits = true;
                }
                continue;
            }
            inDigits = false;
            if (lower != SEPARATOR) {
                token = append(out, token, lower);
            } else if (token >= 0) {
                endToken(out, token, expandAbbreviations);
                token = -1;
            }
        }
        if (token >= 0) {
            endToken(out, token, expandAbbreviations);
        }
        out.folded[out.foldedLength++] = ' ';
    }

    /** Appends a char to the token being read, opening one (after a space) when there is none; returns its start. */
    private static int append(TokenBuffer out, int token, char c) {
        if (token < 0) {
            out.ensureChars(2);
            if (out.count > 0) {
                out.accented[out.accentedLength++] = ' ';
            }
            token = out.accentedLength;
        } else if (out.accentedLength == out.accented.length) {
            out.ensureChars(1);
        }
        out.accented[out.accentedLength++] = c;
        return token;
    }

    /** Closes the token {@code out.accented[start, accentedLength)}: its expansion (if any) or itself, and its folded form. */
    private static void endToken(TokenBuffer out, int start, boolean expandAbbreviations) {
        Abbreviations table = Abbreviations.SHIPPED;
        int slot = expandAbbreviations ? table.find(out.accented, start, out.accentedLength) : -1;
        if (slot < 0) {
            addToken(out, start, out.accentedLength);
            return;
        }
        out.accentedLength = start;
        out.ensureChars(table.longestExpansion() + 1);
        String[] parts = table.parts(slot);
        for (int p = 0; p < parts.length; p++) {
            if (p > 0) {
                out.accented[out.accentedLength++] = ' ';
            }
            int from = out.accentedLength;
            parts[p].getChars(0, parts[p].length(), out.accented, from);
            out.accentedLength += parts[p].length();
            addToken(out, from, out.accentedLength);
        }
    }

    /** Records the token {@code out.accented[start, end)} and writes its folded form ({@link #fold}) after a space. */
    private static void addToken(TokenBuffer out, int start, int end) {
        out.ensureToken();
        out.ensureChars(end - start + 1);
        int i = out.count;
        out.starts[i] = start;
        out.ends[i] = end;
        char[] accented = out.accented, folded = out.folded;
        int at = out.foldedLength;
        if (i > 0) {
            folded[at++] = ' ';
        }
        out.foldedStarts[i] = at;
        for (int k = start; k < end; k++) {
            char f = foldChar(accented[k]);
            if (f != 0) {
                folded[at++] = f;
            }
        }
        out.foldedEnds[i] = at;
        out.foldedLength = at;
        out.count = i + 1;
    }

    /** Cuts at {@code max} chars without splitting a surrogate pair. */
    static String truncate(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }

    static String nfc(String text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            if (!isNfcInert(text.charAt(i))) {
                return Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
            }
        }
        return text;
    }

    /**
     * True for the chars below U+0300 and the precomposed Latin letters U+1E00–U+1EFF (Vietnamese "ạ…ỹ"): each is in NFC
     * and combines with no neighbour (quick-check "yes", combining class 0), so a text of only such chars is in NFC
     * without asking the Unicode tables. {@code TextNormalizerTest} checks every pair of them.
     */
    static boolean isNfcInert(char c) {
        return c < 0x300 || c >= 0x1E00 && c <= 0x1EFF;
    }

    /** Removes Vietnamese (and other Latin) diacritics, đ→d; combining marks are dropped. Other scripts are kept. */
    static String fold(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char f = foldChar(c);
            if (f != c && out == null) {
                out = new StringBuilder(text.length());
                out.append(text, 0, i);
            }
            if (out != null && f != 0) {
                out.append(f);
            }
        }
        return out == null ? text : out.toString();
    }

    /** One char to one char (0 for a combining mark), so offsets in a folded view match the original. */
    static char foldChar(char c) {
        return c < FOLD.length ? FOLD[c] : c;
    }

    /** A letter or combining mark: kept in a token (lower-cased). */
    static boolean isWordCodePoint(int cp) {
        int type = Character.getType(cp);
        return Character.isLetter(cp) || type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    private static char[] buildLowerTable() {
        char[] table = new char[0x2000];
        for (int c = 0; c < table.length; c++) {
            if (Character.isDigit(c)) {
                table[c] = DIGIT;
            } else if (isWordCodePoint(c)) {
                int lower = Character.toLowerCase(c);
                if (!Character.isBmpCodePoint(lower) || lower == SEPARATOR || lower == DIGIT) {
                    // No such char below U+2000 today; should a Unicode update bring one, fail loudly rather than differ.
                    throw new IllegalStateException("lower case of U+" + Integer.toHexString(c) + " does not fit the table");
                }
                table[c] = (char) lower;
            } else {
                table[c] = SEPARATOR;
            }
        }
        return table;
    }

    private static char[] buildFoldTable() {
        char[] table = new char[0x2000];
        for (char c = 0; c < table.length; c++) {
            table[c] = c;
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK && c >= 0x300 && c <= 0x36F) {
                table[c] = 0;
                continue;
            }
            if (!Character.isLetter(c)) {
                continue;
            }
            String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
            if (decomposed.length() > 1 && decomposed.charAt(0) < 0x250) {
                boolean marksOnly = true;
                for (int k = 1; k < decomposed.length(); k++) {
                    marksOnly &= Character.getType(decomposed.charAt(k)) == Character.NON_SPACING_MARK;
                }
                if (marksOnly) {
                    table[c] = decomposed.charAt(0);
                }
            }
        }
        table['đ'] = 'd';
        table['Đ'] = 'D';
        return table;
    }
}
