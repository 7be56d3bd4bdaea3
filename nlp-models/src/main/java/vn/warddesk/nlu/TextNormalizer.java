package vn.warddesk.nlu;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

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

    private TextNormalizer() {
    }

    public static NormalizedText normalize(String raw) {
        return normalize(raw, true);
    }

    static NormalizedText normalize(String raw, boolean expandAbbreviations) {
        String text = nfc(truncate(raw == null ? "" : raw, MAX_CHARS));
        List<String> tokens = new ArrayList<>();
        StringBuilder token = new StringBuilder(16);
        boolean inDigits = false;
        int length = text.length();
        for (int i = 0; i < length; ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 0x80) {
                // ASCII, most of every message: the same decisions as the Unicode calls below, without their table look-ups.
                if (cp >= '0' && cp <= '9') {
                    if (!inDigits) {
                        token.append('0');
                        inDigits = true;
                    }
                    continue;
                }
                inDigits = false;
                if (cp >= 'a' && cp <= 'z') {
                    token.append((char) cp);
                } else if (cp >= 'A' && cp <= 'Z') {
                    token.append((char) (cp + ('a' - 'A')));
                } else if (!token.isEmpty()) {
                    addToken(tokens, token.toString(), expandAbbreviations);
                    token.setLength(0);
                }
                continue;
            }
            if (Character.isDigit(cp)) {
                if (!inDigits) {
                    token.append('0');
                    inDigits = true;
                }
                continue;
            }
            inDigits = false;
            int type = Character.getType(cp);
            if (Character.isLetter(cp) || type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK) {
                token.appendCodePoint(Character.toLowerCase(cp));
            } else if (!token.isEmpty()) {
                addToken(tokens, token.toString(), expandAbbreviations);
                token.setLength(0);
            }
        }
        if (!token.isEmpty()) {
            addToken(tokens, token.toString(), expandAbbreviations);
        }
        List<String> folded = new ArrayList<>(tokens.size());
        for (String t : tokens) {
            folded.add(fold(t));
        }
        return new NormalizedText(String.join(" ", tokens), String.join(" ", folded), tokens, folded);
    }

    private static void addToken(List<String> tokens, String token, boolean expandAbbreviations) {
        if (expandAbbreviations) {
            String[] expansion = Abbreviations.SHIPPED.expansion(token);
            if (expansion != null) {
                for (String part : expansion) {
                    tokens.add(part);
                }
                return;
            }
        }
        tokens.add(token);
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
        return Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
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
