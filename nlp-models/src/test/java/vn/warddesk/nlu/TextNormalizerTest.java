package vn.warddesk.nlu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.util.List;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    @Test
    void decomposed_and_precomposed_vietnamese_give_the_same_text() {
        String precomposed = "Đăng ký khai sinh";
        String decomposed = Normalizer.normalize(precomposed, Normalizer.Form.NFD);
        assertEquals(TextNormalizer.normalize(precomposed), TextNormalizer.normalize(decomposed));
    }

    @Test
    void text_is_lower_cased_and_folded_with_d_bar_to_d() {
        NormalizedText text = TextNormalizer.normalize("ĐĂNG KÝ Tạm Trú");
        assertEquals("đăng ký tạm trú", text.accented());
        assertEquals("dang ky tam tru", text.folded());
        assertEquals(List.of("dang", "ky", "tam", "tru"), text.foldedTokens());
        assertTrue(text.hasDiacritics());
    }

    @Test
    void punctuation_emoji_and_extra_whitespace_become_single_separators() {
        NormalizedText text = TextNormalizer.normalize("  Làm giấy khai sinh cần gì???  😀🙏\t\n(gấp!!)  ");
        assertEquals("làm giấy khai sinh cần gì gấp", text.accented());
    }

    @Test
    void digit_runs_collapse_so_numbers_do_not_become_vocabulary() {
        assertEquals("số điện thoại 0", TextNormalizer.normalize("sđt 0912345678").accented());
        assertEquals("0h0", TextNormalizer.normalize("9h30").accented());
    }

    @Test
    void teen_code_is_expanded_in_both_forms() {
        NormalizedText text = TextNormalizer.normalize("dk tam tru ko dc a, can j");
        assertEquals("đăng ký tam tru không được a can gì", text.accented());
        assertEquals("dang ky tam tru khong duoc a can gi", text.folded());
    }

    @Test
    void ambiguous_short_forms_are_left_alone() {
        // "hong" is also "hồng" (sổ hồng), "tt" may be tạm trú, thủ tục or thông tin.
        assertEquals("so hong", TextNormalizer.normalize("so hong").accented());
        assertEquals("tt", TextNormalizer.normalize("tt").accented());
        // A price like 100k stays one token and is not read as "không".
        assertEquals("0k", TextNormalizer.normalize("100k").accented());
    }

    @Test
    void long_input_is_cut_to_a_bounded_length() {
        NormalizedText text = TextNormalizer.normalize("khai sinh ".repeat(1000));
        assertTrue(text.accented().length() <= TextNormalizer.MAX_CHARS);
        assertFalse(text.tokens().isEmpty());
    }

    @Test
    void other_scripts_are_kept_and_lone_surrogates_dropped() {
        NormalizedText text = TextNormalizer.normalize("Привет \uD800 你好 abc\uDC00");
        assertEquals("привет 你好 abc", text.accented());
        assertTrue(text.hasLetters());
    }

    @Test
    void fold_keeps_length_char_by_char_for_entity_offsets() {
        String text = "Ngày 5 tháng 3 năm 2024, Đà Nẵng";
        assertEquals(text.length(), EntityExtractor.view(text).length());
        assertEquals("ngay 5 thang 3 nam 2024, da nang", EntityExtractor.view(text));
    }

    /**
     * The chars below U+2000 are decided by one table read instead of the Unicode look-ups; every one of them must be
     * decided as those look-ups do: a letter or combining mark is kept lower-cased, a digit becomes 0, the rest separates.
     */
    @Test
    void every_char_below_u2000_is_a_letter_a_digit_or_a_separator_exactly_as_unicode_classifies_it() {
        for (char c = 0; c < 0x2000; c++) {
            int type = Character.getType(c);
            boolean kept = Character.isLetter(c) || type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
            List<String> expected = Character.isDigit(c) ? List.of("a", "0", "b")
                    : kept ? List.of("a", String.valueOf(Character.toLowerCase(c)), "b") : List.of("a", "b");
            String text = "a " + c + " b";
            if (!Normalizer.isNormalized(text, Normalizer.Form.NFC)) {
                continue; // a singleton such as U+0340: replaced by NFC before any table is read
            }
            assertEquals(expected, TextNormalizer.normalize(text, false).tokens(), "char " + Integer.toHexString(c));
        }
    }

    /** The chars nfc() passes without asking the Unicode tables: in NFC alone and next to each other. */
    @Test
    void nfc_inert_chars_are_in_nfc_alone_and_in_every_pair() {
        StringBuilder inert = new StringBuilder();
        for (char c = 0; c < 0x2000; c++) {
            if (TextNormalizer.isNfcInert(c)) {
                inert.append(c);
            }
        }
        assertTrue(inert.length() > 1000);
        char[] pair = new char[2];
        for (int i = 0; i < inert.length(); i++) {
            pair[0] = inert.charAt(i);
            assertTrue(Normalizer.isNormalized(String.valueOf(pair[0]), Normalizer.Form.NFC), "U+" + Integer.toHexString(pair[0]));
            for (int j = 0; j < inert.length(); j++) {
                pair[1] = inert.charAt(j);
                String text = new String(pair);
                if (!Normalizer.isNormalized(text, Normalizer.Form.NFC)) {
                    throw new AssertionError("not NFC: U+" + Integer.toHexString(pair[0]) + " U+" + Integer.toHexString(pair[1]));
                }
            }
        }
        // and a combining mark after one of them is not passed
        assertEquals("ế", TextNormalizer.nfc("e\u0302\u0301"));
    }
}
