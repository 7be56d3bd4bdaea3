package vn.warddesk.bot.conversation;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClausesTest {
    @Test
    void sentences_are_cut_at_stops_question_marks_semicolons_and_new_lines() {
        assertEquals(List.of("Hello!", "I need certified copies of my passport.", "Can the ward do that?",
                             "How much per page?"),
                     Clauses.of("Hello! I need certified copies of my passport. Can the ward do that?"
                                + " How much per page?").parts());
        assertEquals(List.of("chao ad a.", "phi bao nhieu;", "mat may ngay"),
                     Clauses.of("chao ad a. phi bao nhieu; mat may ngay").parts());
        assertEquals(List.of("dạ em chào ad", "làm khai sinh cần gì ạ"),
                     Clauses.of("dạ em chào ad\n\nlàm khai sinh cần gì ạ").parts());
    }

    @Test
    void a_stop_inside_a_number_or_a_date_does_not_cut() {
        assertEquals(List.of("phí 10.000 đồng một trang hả ad?"),
                     Clauses.of("phí 10.000 đồng một trang hả ad?").parts());
        assertEquals(List.of("bé sinh 10.11.2026 ạ"), Clauses.of("bé sinh 10.11.2026 ạ").parts());
    }

    @Test
    void commas_cut_the_story_from_the_question() {
        assertEquals(List.of("chào ad", "chị nuôi 2 đứa nhỏ một mình", "vậy chị có được nhận hông ad"),
                     Clauses.of("chào ad, chị nuôi 2 đứa nhỏ một mình, vậy chị có được nhận hông ad").parts());
    }

    @Test
    void a_joining_word_cuts_only_between_two_questions() {
        assertEquals(List.of("dang ky giam ho phi bao nhieu", "mat may ngay vay ad"),
                     Clauses.of("dang ky giam ho phi bao nhieu va mat may ngay vay ad").parts());
        assertEquals(List.of("Cho em hỏi đăng ký khai tử mất mấy ngày", "có làm online được không ạ?"),
                     Clauses.of("Cho em hỏi đăng ký khai tử mất mấy ngày, với lại có làm online được không ạ?")
                             .parts());
        assertEquals(List.of("How much is a marital status certificate", "how long does it take?"),
                     Clauses.of("How much is a marital status certificate and how long does it take?").parts());
        assertEquals(List.of("cần giấy tờ gì", "phí bao nhiêu ạ"),
                     Clauses.of("cần giấy tờ gì còn phí bao nhiêu ạ").parts());
        // a story "and" or "và" is not a second question
        assertEquals(List.of("I need copies of my passport and my work permit."),
                     Clauses.of("I need copies of my passport and my work permit.").parts());
        assertEquals(List.of("vợ và chồng cùng đi làm được không"),
                     Clauses.of("vợ và chồng cùng đi làm được không").parts());
    }

    @Test
    void one_clause_is_not_many() {
        assertFalse(Clauses.of("phí bao nhiêu ạ?").many());
        assertFalse(Clauses.of("hjhj").many());
        assertFalse(Clauses.of("   ").many());
        assertTrue(Clauses.of("chào ad. phí bao nhiêu ạ?").many());
    }

    @Test
    void a_question_ends_with_a_question_word_or_mark_or_opens_with_an_english_one() {
        assertTrue(Clauses.question("How much per page?"));
        assertTrue(Clauses.question("how long does it take"));
        assertTrue(Clauses.question("gio lam thi can nhung giay to gi a"));
        assertTrue(Clauses.question("vậy chị có được nhận hông ad"));
        assertTrue(Clauses.question("em đi thay được không ạ"));
        assertFalse(Clauses.question("em ơi chị bán bún bò ở đầu hẻm 3 năm rồi"));
        assertFalse(Clauses.question("My father passed away at home last Friday."));
        assertFalse(Clauses.question("hjhj"));
        // "chưa" inside a clause is "not yet", a question only at the end
        assertFalse(Clauses.question("vi luc sinh chua dang ky ket hon"));
        assertTrue(Clauses.question("hồ sơ của em xong chưa ạ"));
        assertTrue(Clauses.question("will it take long"));
        assertTrue(Clauses.question("would you book it for me"));
        assertFalse(Clauses.question("will check later"), "the speaker's plan, its 'I' dropped");
        assertFalse(Clauses.question("will come back tomorrow with my wife"));
    }

    @Test
    void a_request_asks_too_but_is_no_question() {
        assertTrue(Clauses.asks("Please book an appointment for me to register her death."));
        assertTrue(Clauses.asks("ad đặt lịch giúp em nhé"));
        assertFalse(Clauses.question("Please book an appointment for me to register her death."));
        assertFalse(Clauses.asks("I'm his daughter."));
    }

    @Test
    void the_asking_clauses_keep_their_order() {
        Clauses c = Clauses.of("My father passed away at home last Friday. I'm his daughter. "
                               + "Can I make an appointment with the ward?");
        assertEquals(List.of("Can I make an appointment with the ward?"), c.asking());
        assertEquals(Optional.of("Can I make an appointment with the ward?"), c.lastAsking());
        assertEquals(Optional.empty(), Clauses.of("He died at home. Not in hospital.").lastAsking());
    }

    @Test
    void the_comment_after_thi_is_the_question_of_a_topic_comment_clause() {
        assertEquals(Optional.of("em đi thay được không ạ?"),
                     Clauses.comment("Cho em hỏi xin lại bản sao trích lục khai sinh cho mẹ"
                                     + " thì em đi thay được không ạ?"));
        assertEquals(Optional.of("can nhung giay to gi a"), Clauses.comment("gio lam thi can nhung giay to gi a"));
        assertEquals(Optional.empty(), Clauses.comment("phí bao nhiêu ạ"));
        assertEquals(Optional.empty(), Clauses.comment("khai sinh thì sao")); // one word after it: nothing to read
    }

    @Test
    void a_short_list_that_opens_the_line_is_cut_at_its_joiner() {
        assertEquals(List.of("phí", "thời gian làm tạm trú"), Clauses.openingList("phí và thời gian làm tạm trú"));
        assertEquals(List.of("documents", "fee for marriage"), Clauses.openingList("documents and fee for marriage"));
        assertEquals(List.of(), Clauses.openingList("bố em mất tuần trước và mẹ em đi làm khai tử được không"));
        assertEquals(List.of(), Clauses.openingList("lệ phí bao nhiêu"));
    }

    @Test
    void a_clause_of_courtesy_only_closes_the_one_before() {
        assertEquals(List.of("What is the fee, please?"), Clauses.of("What is the fee, please?").parts());
        assertEquals(List.of("phí bao nhiêu, cảm ơn ạ"), Clauses.of("phí bao nhiêu, cảm ơn ạ").parts());
        assertEquals(2, Clauses.of("please, what is the fee?").parts().size());
    }
}
