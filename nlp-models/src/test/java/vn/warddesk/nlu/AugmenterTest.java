package vn.warddesk.nlu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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
        assertEquals(Augmenter.unaccentedCopy("Lệ phí đăng ký khai sinh bao nhiêu ạ"),
                Augmenter.unaccentedCopy("Lệ phí đăng ký khai sinh bao nhiêu ạ"));
    }

    @Test
    void a_copy_has_fewer_accents_keeps_the_words_and_the_labels() {
        String text = "Cho em hỏi đăng ký tạm trú cho người thuê trọ cần giấy tờ gì";
        String copy = Augmenter.unaccentedCopy(text);
        assertNotEquals(text, copy);
        assertEquals(TextNormalizer.fold(text), TextNormalizer.fold(copy));
        Dataset.Example augmented = Augmenter.withUnaccentedCopies(List.of(line(text))).get(1);
        assertEquals("birth_registration", augmented.label());
        assertEquals(Optional.of("fee"), augmented.aspect());
    }

    @Test
    void both_whole_and_partial_folding_occur() {
        int whole = 0, partial = 0;
        for (String text : List.of("đăng ký khai sinh", "lệ phí bao nhiêu", "mất bao lâu vậy ạ", "cần mang giấy tờ gì",
                "làm online được không", "ai được làm thay", "chứng thực chữ ký", "đăng ký kết hôn ở đâu",
                "trợ cấp người cao tuổi", "sổ đỏ lần đầu")) {
            String copy = Augmenter.unaccentedCopy(text);
            if (copy.equals(TextNormalizer.fold(text))) {
                whole++;
            } else {
                partial++;
            }
        }
        assertTrue(whole > 0 && partial > 0, "whole " + whole + ", partial " + partial);
    }

    @Test
    void a_line_without_accents_or_whose_copy_exists_adds_nothing() {
        assertNull(Augmenter.unaccentedCopy("dang ky khai sinh"));
        List<Dataset.Example> lines = List.of(line("đăng ký khai sinh"), line("dang ky khai sinh"), line("dang ky khai sinh"));
        // Only "đăng ký khai sinh" has accents; a whole-fold copy would repeat line 2 and is dropped, a partial one is new.
        int added = Augmenter.withUnaccentedCopies(lines).size() - lines.size();
        String copy = Augmenter.unaccentedCopy("đăng ký khai sinh");
        assertEquals(copy.equals("dang ky khai sinh") ? 0 : 1, added);
    }
}
