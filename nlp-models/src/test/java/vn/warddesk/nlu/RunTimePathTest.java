package vn.warddesk.nlu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code understand()} normalises into reusable char arrays ({@link TokenBuffer}) and hashes the features from them, without
 * the strings training uses. This checks that path against plain string code on every training line, in upper case and
 * decomposed too, and on awkward input: the same tokens as a reference normaliser written with strings and Unicode calls
 * (the normaliser of before the buffers), and the same feature hashes as the feature strings OpenNLP is trained on.
 */
class RunTimePathTest {

    private static final List<String> AWKWARD = List.of(
            "", " ", "😀🙏", "0912345678", "sđt 0912345678, 9h30", "dk tam tru ko dc a, can j", "Đăng ký KHAI SINH",
            "a\u0301 \u0301\u0301 x", "\u0301", "İstanbul ǅemal ΣΟΦΟΣ ﬁle", "Привет \uD800 你好 abc\uDC00 𝐀𝐁 𠀀",
            "١٢٣ ٤٥ đ", "khai sinh ".repeat(60), "k ".repeat(190), "sdt ".repeat(99),
            "a\tb\nc\u00a0d\u2003e", "sdt/cccd/gks", "ngày 5 tháng 3 năm 2024, Đà Nẵng",
            "a e o u i y k j h", "e muon dk a ơi e o dau", "thủ tục \u0301 khai sinh", "x y z khai sinh o a");

    private static List<String> texts;

    @BeforeAll
    static void readTexts() throws IOException {
        Path data = Path.of(System.getProperty("nlu.dataDir", "data"));
        List<String> lines = new ArrayList<>(AWKWARD);
        Dataset.read(data.resolve("train")).forEach(example -> lines.add(example.text()));
        Dataset.read(data.resolve("dev-sample.tsv")).forEach(example -> lines.add(example.text()));
        texts = new ArrayList<>();
        for (String line : lines) {
            texts.add(line);
            texts.add(line.toUpperCase(Locale.ROOT));
            texts.add(Normalizer.normalize(line, Normalizer.Form.NFD));
        }
    }

    @Test
    void the_buffer_normaliser_gives_the_tokens_of_the_reference_normaliser() {
        TokenBuffer buffer = new TokenBuffer();
        for (String text : texts) {
            for (boolean expand : new boolean[] {true, false}) {
                NormalizedText expected = reference(text, expand);
                TextNormalizer.normalize(text, expand, buffer);
                assertEquals(expected, buffer.toNormalizedText(), text);
                assertEquals(expected.hasLetters(), buffer.hasLetters(), text);
            }
        }
    }

    @Test
    void the_buffer_hashes_are_those_of_the_feature_strings() {
        TokenBuffer tokens = new TokenBuffer();
        Features.HashBuffer buffer = new Features.HashBuffer();
        int compared = 0;
        for (String text : texts) {
            TextNormalizer.normalize(text, true, tokens);
            Features.hashes(tokens, buffer);
            long[] fast = Arrays.copyOf(buffer.values, buffer.size);
            NormalizedText normalized = TextNormalizer.normalize(text);
            long[] slow = normalized.tokens().isEmpty() ? new long[0]
                    : Features.strings(normalized.tokens().toArray(String[]::new)).stream().mapToLong(Features::hash).toArray();
            Arrays.sort(fast);
            Arrays.sort(slow);
            assertArrayEquals(slow, fast, text);
            compared += fast.length > 0 ? 1 : 0;
        }
        assertTrue(compared > 10_000, "texts with features: " + compared);
    }

    @Test
    void pre_summed_words_and_pairs_give_the_scores_of_all_features() {
        CompiledModel.Joint joint = Nlu.shipped().joint();
        TokenBuffer tokens = new TokenBuffer();
        Features.HashBuffer all = new Features.HashBuffer(), memo = new Features.HashBuffer();
        int width = joint.width();
        double[] expectedFirst = new double[width], expectedSecond = new double[width];
        double[] first = new double[width], second = new double[width];
        long memoRows = 0, hashes = 0, allHashes = 0;
        for (String text : texts) {
            TextNormalizer.normalize(text, true, tokens);
            Features.hashes(tokens, all);
            Features.jointHashes(tokens, joint.memo(), memo);
            joint.scores(all, expectedFirst, expectedSecond);
            joint.scores(memo, first, second);
            // The same weights added in another order: float rounding only. Against the sums in double, each within the
            // bound of float summation (terms x 2^-24 x the largest partial sum; the 400-char texts sum 1,300 terms, and equal
            // terms round the same way every time); a wrong or missing row moves a score by 0.02 or more (rows below that
            // were pruned), far above the bound of a normal message (~3e-4).
            double[] exact = new double[width], magnitude = new double[width];
            for (int i = 0; i < all.size; i++) {
                int row = joint.rowOf(all.values[i]);
                if (row >= 0) {
                    joint.addRow(row, 1, exact);
                    double[] one = new double[width];
                    joint.addRow(row, 1, one);
                    for (int k = 0; k < width; k++) {
                        magnitude[k] += Math.abs(one[k]);
                    }
                }
            }
            int intents = joint.firstWidth();
            for (int k = 0; k < width; k++) {
                double tolerance = all.size * 0x1p-24 * magnitude[k] + 1e-6;
                double ours = k < intents ? first[k] : second[k - intents];
                double before = k < intents ? expectedFirst[k] : expectedSecond[k - intents];
                assertEquals(exact[k], before, tolerance, text);
                assertEquals(exact[k], ours, tolerance, text);
            }
            assertEquals(all.namesProcedure, memo.namesProcedure, text);
            memoRows += memo.memoCount;
            hashes += memo.size;
            allHashes += all.size;
        }
        assertTrue(memoRows > texts.size() && hashes < allHashes / 2, memoRows + " memo rows, " + hashes + " of " + allHashes);
    }

    /** The normaliser as it was written before the buffers: strings, lists and the Unicode calls for every char. */
    private static NormalizedText reference(String raw, boolean expandAbbreviations) {
        String text = Normalizer.normalize(TextNormalizer.truncate(raw, TextNormalizer.MAX_CHARS), Normalizer.Form.NFC);
        List<String> tokens = new ArrayList<>();
        StringBuilder token = new StringBuilder();
        boolean inDigits = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
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
        List<String> folded = tokens.stream().map(TextNormalizer::fold).toList();
        return new NormalizedText(String.join(" ", tokens), String.join(" ", folded), tokens, folded);
    }

    private static void addToken(List<String> tokens, String token, boolean expandAbbreviations) {
        String[] expansion = expandAbbreviations ? Abbreviations.SHIPPED.expansion(token) : null;
        tokens.addAll(expansion == null ? List.of(token) : List.of(expansion));
    }
}
