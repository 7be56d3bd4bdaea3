package vn.warddesk.bot.conversation;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TopicReturnTest {
    private static final List<String> EXTRACT = List.of("Cấp bản sao trích lục hộ tịch", "Civil status extract (copy)");
    private static final List<String> CORRECTION = List.of("Thay đổi, cải chính, bổ sung hộ tịch",
                                                           "Civil status change/correction");

    private static Optional<String> referent(String line) {
        return TopicReturn.referent(Folding.fold(line));
    }

    @Test
    void the_words_after_back_to_or_quay_lai_are_what_the_citizen_returns_to() {
        assertEquals(Optional.of("copy"), referent("ok back to the copy, how much is it"));
        assertEquals(Optional.of("ban sao"), referent("thôi quay lại cái bản sao đi, mất mấy ngày"));
        assertEquals(Optional.of("extract"), referent("going back to the extract how long does it take"));
        assertEquals(Optional.empty(), referent("how much is the copy"));
    }

    @Test
    void a_referent_points_at_a_procedure_when_all_its_words_are_in_one_of_its_names() {
        assertTrue(TopicReturn.names("copy", EXTRACT));
        assertTrue(TopicReturn.names("ban sao", EXTRACT));
        assertFalse(TopicReturn.names("copy", CORRECTION));
        assertFalse(TopicReturn.names("birth certificate", EXTRACT));
        assertFalse(TopicReturn.names("ho tich", EXTRACT), "words every civil-status name shares point at none");
        assertTrue(TopicReturn.names("tam vang", List.of("Đăng ký tạm trú, khai báo tạm vắng")), "a word twice in a name");
    }
}
