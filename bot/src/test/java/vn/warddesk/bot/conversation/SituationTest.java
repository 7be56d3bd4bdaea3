package vn.warddesk.bot.conversation;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SituationTest {
    @Test
    void a_persons_situation_before_thi_leaves_the_question_after_it() {
        assertEquals(Optional.of("sao a"), Situation.question("nguoi yeu e ho khau o tinh khac thi sao a"));
        assertEquals(Optional.of("phai nop o dau"), Situation.question("Vợ tôi tạm trú ở đây thì phải nộp ở đâu"));
    }

    @Test
    void a_question_that_only_asks_what_the_situation_changes_is_bare() {
        for (String q : new String[] {"sao a", "sao ạ?", "thế nào vậy", "what about it?", "thì sao nhỉ"}) {
            assertTrue(Situation.bare(q), q);
        }
        for (String q : new String[] {"phai nop o dau", "mất bao lâu", "sao phải nộp phí", "what about the fee?"}) {
            assertFalse(Situation.bare(q), q);
        }
    }

    @Test
    void a_statement_about_oneself_beside_a_question_leaves_the_question() {
        assertEquals(Optional.of("do I have to go back to my hometown for it?"),
                     Situation.question("do I have to go back to my hometown for it? I'm only registered here as temporary resident"));
    }

    @Test
    void a_wish_a_bare_subject_or_a_single_question_is_no_situation() {
        assertEquals(Optional.empty(), Situation.question("em muốn đăng ký tạm trú thì cần giấy gì"));
        assertEquals(Optional.empty(), Situation.question("còn tạm trú thì sao"));
        assertEquals(Optional.empty(), Situation.question("e can sao y cccd nua thi bao nhieu 1 trang"), "a need");
        assertEquals(Optional.empty(), Situation.question("I need some copies certified, how much is it?"), "a need");
        assertEquals(Optional.empty(), Situation.question("how long does temporary residence take?"));
        assertEquals(Optional.empty(), Situation.question("going back to the birth record copies, can I get them the same day?"));
    }
}
