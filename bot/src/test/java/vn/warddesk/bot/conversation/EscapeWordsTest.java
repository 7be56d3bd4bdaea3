package vn.warddesk.bot.conversation;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EscapeWordsTest {
    @Test
    void start_over_with_closing_particles_and_a_form_of_address() {
        for (String restart : List.of("lam lai tu dau di ad", "làm lại từ đầu đi bạn ơi", "thoi bat dau lai tu dau nhe",
                                      "can we start over please", "làm lại đi ạ")) {
            assertTrue(EscapeWords.restart(Folding.fold(restart)), restart);
        }
        assertFalse(EscapeWords.restart(Folding.fold("lam lai giay khai sinh thi can gi")));
    }

    @Test
    void putting_the_request_off_is_a_cancel() {
        for (String later : List.of("thoi de hom khac", "để lần sau nhé", "thôi hẹn hôm khác", "maybe another time")) {
            assertTrue(EscapeWords.cancel(Folding.fold(later)), later);
        }
        assertFalse(EscapeWords.cancel(Folding.fold("hôm khác được không")));
        assertFalse(EscapeWords.cancel(Folding.fold("can I pick another day")));
    }

    @Test
    void a_cancel_with_words_of_hesitation_is_still_a_cancel() {
        for (String doubt : List.of("hmm wait, maybe I should cancel", "hay là thôi hủy nhỉ", "chắc thôi không làm nữa",
                                    "perhaps I'll just stop here", "có lẽ em nên hủy")) {
            assertTrue(EscapeWords.cancel(Folding.fold(doubt)), doubt);
        }
        assertFalse(EscapeWords.cancel(Folding.fold("maybe next Tuesday")));
        assertFalse(EscapeWords.cancel(Folding.fold("Hà Thị Huyền")));
        assertFalse(EscapeWords.cancel(Folding.fold("chắc là thứ 5 tuần sau")));
    }

    @Test
    void my_own_special_case() {
        assertTrue(EscapeWords.specialCase(Folding.fold("e hoi truong hop rieng, ad oi tra loi e voi")));
        assertFalse(EscapeWords.specialCase(Folding.fold("my case is a bit different")));
        assertTrue(EscapeWords.specialCase(Folding.fold("my case is complicated")));
        assertFalse(EscapeWords.specialCase(Folding.fold("trường hợp nào được miễn phí")));
    }

    @Test
    void putting_it_off_opening_the_line_is_a_cancel_whatever_reason_follows() {
        for (String later : List.of("thôi để sau đi, e chưa có hợp đồng thuê nhà", "thoi de sau a, e ban qua",
                                    "thoi khoan de sau, e hoi lai vo da", "để em suy nghĩ thêm đã",
                                    "ok I'll do it later", "not now, thanks", "let me think about it")) {
            assertTrue(EscapeWords.cancel(Folding.fold(later)), later);
        }
        for (String going : List.of("để sau khi cưới xong em làm", "để sau tết được không", "later this week",
                                    "not today, maybe Friday", "Đỗ Văn Sau")) {
            assertFalse(EscapeWords.cancel(Folding.fold(going)), going);
        }
    }

    @Test
    void what_is_left_of_a_special_case_line_is_what_the_citizen_tells() {
        assertEquals("i m a foreigner marrying a vietnamese citizen",
                     EscapeWords.withoutSpecialCase(Folding.fold("my case is complicated, I'm a foreigner marrying a "
                                                                 + "Vietnamese citizen")));
        assertEquals("e hoi ad oi tra loi e voi",
                     EscapeWords.withoutSpecialCase(Folding.fold("e hoi truong hop rieng, ad oi tra loi e voi")));
    }

    @Test
    void a_cancel_or_a_putting_off_that_closes_the_line_after_the_reason() {
        for (String cancel : List.of("thoi de ba me em tu di, em huy nha", "de ck e tu len phuong lam, huy giup e nhe",
                                     "my wife will go there herself, cancel it please",
                                     "thôi để bà em hỏi lại bố em đã, để sau nha")) {
            assertTrue(EscapeWords.cancelsLast(Clauses.of(cancel)), cancel);
        }
        for (String not : List.of("em hủy nha", "Nguyễn Quang Huy", "ghi chú: con em muốn hủy, hủy hộ kinh doanh cũ",
                                  "Lê Thị Mai, 0905 123 456")) {
            assertFalse(EscapeWords.cancelsLast(Clauses.of(not)), not);
        }
    }

    @Test
    void the_cancel_verb_answers_the_cancel_question_with_a_yes() {
        assertTrue(EscapeWords.cancelVerb(Folding.fold("dạ hủy ạ")));
        assertFalse(EscapeWords.cancelVerb(Folding.fold("không")));
    }
}
