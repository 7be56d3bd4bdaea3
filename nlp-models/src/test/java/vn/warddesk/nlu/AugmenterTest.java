package vn.warddesk.nlu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class AugmenterTest {

    private static Dataset.Example line(String text) {
        return new Dataset.Example("birth_registration", Optional.of("fee"), text, "test", 1);
    }

    @Test
    void the_same_lines_give_the_same_copies_whatever_their_order() {
        List<Dataset.Example> lines = new ArrayList<>(List.of(line("Lệ phí đăng ký khai sinh bao nhiêu ạ"),
                line("làm giấy khai sinh cho con cần những gì"), line("dang ky khai sinh o dau"), line("thủ tục khai sinh")));
        List<String> first = Augmenter.withUnaccentedCopies(lines).stream().map(Dataset.Example::text).sorted().toList();
        Collections.reverse(lines);
        List<String> second = Augmenter.withUnaccentedCopies(lines).stream().map(Dataset.Example::text).sorted().toList();
        assertEquals(first, second);
        assertEquals(Augmenter.copies("Lệ phí đăng ký khai sinh bao nhiêu ạ"),
                Augmenter.copies("Lệ phí đăng ký khai sinh bao nhiêu ạ"));
    }

    @Test
    void a_copy_has_fewer_accents_keeps_the_words_and_the_labels() {
        String text = "Cho em hỏi đăng ký tạm trú cho người thuê trọ cần giấy tờ gì";
        String copy = Augmenter.copies(text).get(0);
        assertNotEquals(text, copy);
        assertEquals(TextNormalizer.fold(text), TextNormalizer.fold(copy));
        Dataset.Example augmented = Augmenter.withUnaccentedCopies(List.of(line(text))).get(1);
        assertEquals("birth_registration", augmented.label());
        assertEquals(Optional.of("fee"), augmented.aspect());
    }

    @Test
    void whole_partial_and_telex_copies_all_occur() {
        int whole = 0, partial = 0, telex = 0;
        List<String> lines = List.of("đăng ký khai sinh", "lệ phí bao nhiêu", "mất bao lâu vậy ạ", "cần mang giấy tờ gì",
                "làm online được không", "ai được làm thay", "chứng thực chữ ký", "đăng ký kết hôn ở đâu",
                "trợ cấp người cao tuổi", "sổ đỏ lần đầu", "xin giấy xác nhận độc thân", "đất chưa có sổ thì sao",
                "tách hộ khẩu cho con", "giờ làm việc của phường", "cảm ơn nhiều ạ", "xóa dữ liệu của tôi");
        for (String text : lines) {
            for (String copy : Augmenter.copies(text)) {
                if (copy.equals(Augmenter.telex(text))) {
                    telex++;
                } else if (copy.equals(TextNormalizer.fold(text))) {
                    whole++;
                } else {
                    assertEquals(TextNormalizer.fold(text), TextNormalizer.fold(copy), copy);
                    partial++;
                }
            }
        }
        assertTrue(whole > 0 && partial > 0 && telex > 0, "whole " + whole + ", partial " + partial + ", telex " + telex);
        assertEquals(lines.size(), whole + partial, "one fold copy per line");
        assertTrue(telex < lines.size() / 2, "telex " + telex);
    }

    @Test
    void telex_spells_the_keystrokes_with_the_tone_at_the_end_of_the_word() {
        assertEquals("DDawng kys tamj trus", Augmenter.telex("Đăng ký tạm trú"));
        assertEquals("chuwngs thuwcj banr sao, giaays khai sinh", Augmenter.telex("chứng thực bản sao, giấy khai sinh"));
        assertEquals("dduwowngf naof? 2 ngayf", Augmenter.telex("đường nào? 2 ngày"));
        assertEquals("ngax tuw", Augmenter.telex("ngã tư"));
    }

    @Test
    void a_line_without_accents_or_whose_copy_exists_adds_nothing() {
        assertTrue(Augmenter.copies("dang ky khai sinh").isEmpty());
        List<Dataset.Example> lines = List.of(line("đăng ký khai sinh"), line("dang ky khai sinh"), line("dang ky khai sinh"));
        // Only "đăng ký khai sinh" has accents; a whole-fold copy would repeat line 2 and is dropped, other copies are new.
        List<String> copies = Augmenter.copies("đăng ký khai sinh");
        int added = Augmenter.withUnaccentedCopies(lines).size() - lines.size();
        assertEquals(copies.size() - (copies.contains("dang ky khai sinh") ? 1 : 0), added);
    }
}
