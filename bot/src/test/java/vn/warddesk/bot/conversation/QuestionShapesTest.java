package vn.warddesk.bot.conversation;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuestionShapesTest {
    @Test
    void a_question_word_asks_something_but_an_offered_day_with_duoc_khong_does_not() {
        for (String asks : List.of("what time are you open on Saturday?", "mấy giờ phường mở cửa thứ 7 vậy",
                                   "thu 7 phuong co lam ko", "when do you close on Friday")) {
            assertTrue(QuestionShapes.asksSomething(Folding.fold(asks)), asks);
        }
        for (String offers : List.of("thu 6 tuan sau dc ko ad", "thứ 7 có được không", "next Monday then", "thứ 7 ok không",
                                     "how about next Tuesday?")) {
            assertFalse(QuestionShapes.asksSomething(Folding.fold(offers)), offers);
        }
    }

    @Test
    void where_to_hand_in_the_papers_is_not_where_the_office_is() {
        for (String file : List.of("nộp hồ sơ ở đâu", "lam o ubnd phuong hay o dau", "where do I file them",
                                   "where can we submit it")) {
            assertTrue(QuestionShapes.fileWhere(Folding.fold(file)), file);
        }
        for (String office : List.of("phường ở đâu vậy", "where is your office", "dia chi ubnd o dau")) {
            assertFalse(QuestionShapes.fileWhere(Folding.fold(office)), office);
        }
    }

    @Test
    void a_situation_before_thi_or_an_if() {
        assertTrue(QuestionShapes.situation(Folding.fold("vợ chồng em ở 2 phường khác nhau thì nộp ở đâu")));
        assertTrue(QuestionShapes.situation(Folding.fold("where do we file if we live in different wards")));
        assertFalse(QuestionShapes.situation(Folding.fold("nộp ở đâu")));
    }

    @Test
    void a_bare_pronoun_is_not_a_reference_like_giay_do() {
        assertTrue(QuestionShapes.onlyPronoun(Folding.fold("back to the birth one, is it free?")));
        assertFalse(QuestionShapes.onlyPronoun(Folding.fold("giấy đó có cần công chứng không")));
        assertFalse(QuestionShapes.onlyPronoun(Folding.fold("that one, is it free?")));
        assertFalse(QuestionShapes.onlyPronoun(Folding.fold("phí bao nhiêu")));
    }

    @Test
    void comparing_words_but_not_a_plain_which() {
        for (String compare : List.of("cái nào nhanh hơn", "khác gì nhau", "which is cheaper", "and how long for each",
                                      "both of them")) {
            assertTrue(QuestionShapes.compares(Folding.fold(compare)), compare);
        }
        assertFalse(QuestionShapes.compares(Folding.fold("which documents do I need")));
        assertFalse(QuestionShapes.compares(Folding.fold("phí bao nhiêu")));
    }

    @Test
    void is_that_all_asks_but_thoi_a_takes_leave() {
        for (String asks : List.of("vậy thôi hả", "chỉ vậy thôi sao ad", "thế thôi à?", "is that all?", "is that it")) {
            assertTrue(QuestionShapes.thatsAll(Folding.fold(asks)), asks);
        }
        for (String not : List.of("thôi ạ", "vậy thôi ạ", "thoi khong can")) {
            assertFalse(QuestionShapes.thatsAll(Folding.fold(not)), not);
        }
    }

    @Test
    void question_words_for_a_time_or_a_place() {
        assertTrue(QuestionShapes.asksWhen(Folding.fold("thế tôi ra phường lúc mấy giờ thì được")));
        assertTrue(QuestionShapes.asksWhen(Folding.fold("when can I come")));
        assertFalse(QuestionShapes.asksWhen(Folding.fold("ra phường ở đâu")));
        assertTrue(QuestionShapes.asksWhere(Folding.fold("ra phường ở đâu")));
        assertFalse(QuestionShapes.asksWhere(Folding.fold("mấy giờ mở cửa")));
    }

    @Test
    void mine_set_against_what_was_just_talked_about_is_the_citizens_own_matter() {
        for (String mine : List.of("cái của tui thì phí bao nhiêu", "phần của em thì sao ạ", "còn cái của tôi thì sao",
                                   "and mine?", "what about my own one", "what about me, how long")) {
            assertTrue(QuestionShapes.mine(Folding.fold(mine)), mine);
        }
        for (String other : List.of("con của em 3 tuổi", "con của tôi thì sao", "cho em hỏi phí bao nhiêu", "giấy tờ của tôi bị mất",
                                    "my mother needs it")) {
            assertFalse(QuestionShapes.mine(Folding.fold(other)), other);
        }
    }

    @Test
    void the_same_asked_of_the_answer_just_given_is_the_last_aspect_again_but_not_the_same_day() {
        for (String same : List.of("is it the same if the original has ten pages", "would it be the same for my wife?",
                                   "vẫn vậy hả ad", "cũng giá đó à")) {
            assertTrue(QuestionShapes.sameAgain(Folding.fold(same)), same);
        }
        for (String other : List.of("can I get it the same day?", "is it the same office?", "vẫn chưa xong à")) {
            assertFalse(QuestionShapes.sameAgain(Folding.fold(other)), other);
        }
    }

    @Test
    void where_to_go_in_person_is_the_place() {
        for (String place : List.of("where do I go if I do it in person", "nếu đến trực tiếp thì nộp chỗ nào",
                                    "lam truc tiep thi di dau")) {
            assertTrue(QuestionShapes.inPersonWhere(Folding.fold(place)), place);
        }
        for (String not : List.of("where do I file it", "có phải đến trực tiếp không", "can I do it myself")) {
            assertFalse(QuestionShapes.inPersonWhere(Folding.fold(not)), not);
        }
    }

    @Test
    void an_english_no_is_not_the_vietnamese_no_it() {
        assertFalse(QuestionShapes.thatOne(Folding.fold("no worries. when are you open tomorrow?")));
        assertFalse(QuestionShapes.thatOne(Folding.fold("no problem, what time do you close")));
        assertTrue(QuestionShapes.thatOne(Folding.fold("no lam online dc ko")));
        assertTrue(QuestionShapes.thatOne(Folding.fold("nó mất bao lâu")));
    }

    @Test
    void the_one_from_before_points_back_at_the_topic() {
        for (String back : List.of("vay cai luc nay lam mat may ngay", "thế cái lúc nãy lệ phí bao nhiêu",
                                   "and the one from before, how long does it take?", "còn cái vừa nãy mất phí không")) {
            assertTrue(QuestionShapes.thatOne(Folding.fold(back)), back);
        }
        assertFalse(QuestionShapes.thatOne(Folding.fold("lúc này phường có làm không")));
        assertTrue(QuestionShapes.pointsBack(Folding.fold("vay cai luc nay lam mat may ngay")));
        assertFalse(QuestionShapes.pointsBack(Folding.fold("giấy đó xin ở đâu")), "that paper, not the one before");
        assertEquals(4, QuestionShapes.thatOneAt(Folding.fold("vay cai luc nay lam mat may ngay")));
    }

    @Test
    void the_offices_phone_number_asked_but_not_the_citizens_own_nor_a_call_back() {
        for (String asked : List.of("Máy móc tôi không tin. Phường có số điện thoại không để tôi gọi trực tiếp?",
                                    "sdt phuong la bao nhieu vay ad", "What's the ward office's phone number so I can call?",
                                    "Cho tôi xin số điện thoại của phường")) {
            assertTrue(QuestionShapes.officeContact(Folding.fold(asked)), asked);
        }
        for (String not : List.of("số điện thoại của em ai xem được", "phường gọi lại cho em theo số này nhé",
                                  "who will see my phone number?", "phường mở cửa mấy giờ",
                                  "Bà không biết dùng điện thoại, ra phường làm trực tiếp được không")) {
            assertFalse(QuestionShapes.officeContact(Folding.fold(not)), not);
        }
    }

    @Test
    void one_more_thing_opening_the_line_announces_a_new_matter_but_that_one_later_points_back() {
        for (String more : List.of("à còn cái này, chứng tử của ông ghi sai năm sinh", "con vu nay nua, sua ten o dau",
                                   "dạ còn chuyện này ạ, hộ khẩu thì sao", "ad oi con viec nay nua")) {
            assertTrue(QuestionShapes.oneMoreThing(Folding.fold(more)), more);
        }
        for (String back : List.of("giấy này xin ở đâu", "còn thủ tục này thì mất bao lâu",
                                   "vậy làm cái này mất bao lâu, còn cái này thì sao", "cái này còn nữa không")) {
            assertFalse(QuestionShapes.oneMoreThing(Folding.fold(back)), back);
        }
    }
}
