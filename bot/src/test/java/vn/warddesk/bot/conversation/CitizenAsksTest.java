package vn.warddesk.bot.conversation;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a line's own words say it asks (pure text work, no NLU). */
class CitizenAsksTest {

    private static boolean identity(String text) {
        return CitizenAsks.botIdentity(Folding.fold(text));
    }

    @Test
    void asking_whether_the_bot_is_a_person_is_not_asking_for_one() {
        for (String line : List.of("are you a real person?", "r u a bot", "is this a bot?", "am I talking to a human",
                                   "bạn là người thật hay máy vậy", "ad có phải người thật không",
                                   "ban la robot a")) {
            assertTrue(identity(line), line);
        }
        for (String line : List.of("I want to talk to a real person", "cho em gặp người thật", "talk to staff",
                                   "bạn ơi phí bao nhiêu", "người yêu mình là người Hàn thì có làm ở phường được không",
                                   "em là người nước ngoài", "phí của em là mấy", "có phải mấy giấy này không")) {
            assertFalse(identity(line), line);
        }
    }

    @Test
    void a_sent_request_and_how_it_goes_is_the_status() {
        for (String line : List.of("hi I sent a request yesterday for a birth registration appointment, any update?",
                                   "em đã nộp hồ sơ khai sinh tuần trước, xong chưa ạ",
                                   "what's the status of my application", "ho so cua em den dau roi ad",
                                   "I sent a request last week about certified copies. Could you tell me how it is progressing?",
                                   "I applied for temporary residence on Monday, can you tell me how it is going?",
                                   "We had submitted the papers five days back. How is it progressing?",
                                   "em nộp hồ sơ chứng thực tuần trước, giờ tới đâu rồi",
                                   "tuan truoc minh co gui yeu cau dang ky khai sinh cho be, h sao roi ad",
                                   "How is my temporary residence request going? I sent it last week")) {
            assertTrue(CitizenAsks.statusOfSent(Folding.fold(line)), line);
        }
        for (String line : List.of("how long does birth registration take", "any update on the fee?",
                                   "em muốn nộp hồ sơ khai sinh", "I submitted the form, thanks",
                                   "em muốn nộp hồ sơ chứng thực, giờ làm sao", "how is it going to work if I apply online?",
                                   "how is it going, ad?", "I sent the photos. How is the application going to be checked?",
                                   "hồ sơ của em có cần giấy xác nhận tình trạng hôn nhân không")) {
            assertFalse(CitizenAsks.statusOfSent(Folding.fold(line)), line);
        }
    }

    @Test
    void saying_one_only_asks_is_no_request_unless_a_booking_is_asked_too() {
        for (String line : List.of("toi muon hoi ve tro cap cho me don than nuoi con nho", "cho em hỏi về khai sinh",
                                   "I want to ask about marriage registration", "I have a question about guardianship")) {
            assertTrue(CitizenAsks.onlyAsks(Folding.fold(line)), line);
        }
        for (String line : List.of("em muốn hỏi khai sinh, đặt lịch giúp em", "tôi muốn đăng ký kết hôn",
                                   "I want to apply for marriage registration")) {
            assertFalse(CitizenAsks.onlyAsks(Folding.fold(line)), line);
        }
    }

    @Test
    void doing_two_things_at_the_same_time_is_asked_as_a_question() {
        assertTrue(CitizenAsks.together("có làm luôn được việc xóa thường trú cho bố tôi cùng lúc không"));
        assertTrue(CitizenAsks.together("can I do the residence at the same time?"));
        assertFalse(CitizenAsks.together("làm luôn xóa thường trú cùng lúc giúp em")); // a request, no question
        assertFalse(CitizenAsks.together("có làm online được không"));
        assertFalse(CitizenAsks.together("đăng ký kết hôn cùng với người nước ngoài được không"));
        assertFalse(CitizenAsks.together("can I get the extract at once?"));
    }

    @Test
    void a_question_after_thanks_is_what_is_asked() {
        assertEquals(Optional.of("the con ket hon thi sao"), CitizenAsks.afterThanks("cam on, the con ket hon thi sao"));
        assertEquals(Optional.of("what about marriage?"), CitizenAsks.afterThanks("Thanks a lot! what about marriage?"));
        assertEquals(Optional.of("còn phí thì sao"), CitizenAsks.afterThanks("ok cảm ơn ad nhé, còn phí thì sao"));
        for (String line : List.of("thanks, bye", "cảm ơn nhé", "Ok cảm ơn bạn nhé", "ok thanks anyway", "cam on ad",
                                   "Cảm ơn cán bộ.", "cam on can bo nhieu a", "thank you officer", "Thanks sir!",
                                   "cảm ơn, vậy là đủ rồi", "Thanks, will check later", "thank you, will come back tomorrow")) {
            assertEquals(Optional.empty(), CitizenAsks.afterThanks(line), line);
        }
    }

    @Test
    void a_question_after_a_greeting_is_what_is_asked() {
        assertEquals(Optional.of("do you guys do birth certificates here?"),
                     CitizenAsks.afterGreeting("hi, do you guys do birth certificates here?"));
        assertEquals(Optional.of("reckon you can certify copies?"), CitizenAsks.afterGreeting("g'day, reckon you can certify copies?"));
        assertEquals(Optional.of("phường có làm khai sinh không"),
                     CitizenAsks.afterGreeting("chào chị ơi, phường có làm khai sinh không"));
        for (String line : List.of("g'day mate", "hi there", "chào ad nhé", "xin chào", "hello, I'm Anna",
                                   "chao ban oi")) {
            assertEquals(Optional.empty(), CitizenAsks.afterGreeting(line), line);
        }
        assertEquals(Optional.empty(), CitizenAsks.afterGreeting("hierarchy of papers?"), "a word that begins with hi");
    }

    @Test
    void a_plan_to_come_to_the_office_later_is_no_request_unless_it_asks_to_book() {
        for (String plan : List.of("ok de tuan sau e ra phuong lam", "mai tui lên phường nộp luôn", "thứ 2 em qua ubnd làm",
                                   "ok I'll go next week", "I will come tomorrow then")) {
            assertTrue(CitizenAsks.plansVisit(Folding.fold(plan)), plan);
        }
        for (String other : List.of("tuần sau e ra phường làm, đặt lịch giúp e", "em muốn đăng ký khai sinh",
                                    "phuong mo cua thu 7 khong")) {
            assertFalse(CitizenAsks.plansVisit(Folding.fold(other)), other);
        }
    }

    @Test
    void filing_words_ask_to_file_now() {
        for (String file : List.of("I need a certified copy of my diploma, I want to apply now", "cho tôi đăng ký tạm trú",
                                   "e can chung thuc chu ky, lam luon giup em", "em muốn nộp hồ sơ giám hộ")) {
            assertTrue(CitizenAsks.filesNow(Folding.fold(file)), file);
        }
        for (String ask : List.of("đăng ký giám hộ cho cháu", "I want to register guardianship for my nephew",
                                  "e can sao y bang tot nghiep 5 ban")) {
            assertFalse(CitizenAsks.filesNow(Folding.fold(ask)), ask);
        }
    }

    @Test
    void a_line_that_asks_to_book_is_no_farewell() {
        for (String book : List.of("a thoi e dong y, dat lich di ad", "ok thanks, book me in then", "thôi được, hẹn lịch giúp em")) {
            assertTrue(CitizenAsks.asksToBook(Folding.fold(book)), book);
        }
        for (String leave : List.of("thôi chào ad nhé", "ok thanks bye", "cam on ad giup em nhieu")) {
            assertFalse(CitizenAsks.asksToBook(Folding.fold(leave)), leave);
        }
    }

    @Test
    void a_need_a_reason_or_a_story_before_the_wish_asks_how_rather_than_files() {
        for (String told : List.of("mình cần chứng thực 3 bản học bạ", "e can lam giay doc than de bo sung ho so",
                                   "I need to get my diploma copies certified for a job",
                                   "my wife and I just moved in and need to register our residence here",
                                   "we bought a house and need to transfer the red book to our name",
                                   "em muốn làm giám hộ cho cháu vì bố mẹ cháu mất rồi",
                                   "I want to register temporary residence because I moved here for work",
                                   "nhà em vừa mua căn hộ ở phường này muốn nhập hộ khẩu về",
                                   "we just bought a flat in this ward and want to register permanent residence")) {
            assertTrue(CitizenAsks.tellsNeed(Folding.fold(told)), told);
        }
        for (String request : List.of("em muốn đăng ký khai sinh", "toi muon dang ky ket hon", "Vậy tôi muốn đăng ký cho mẹ tôi",
                                      "cho tôi đăng ký tạm trú", "I need a certified copy of my diploma, I want to apply now",
                                      "e can chung thuc chu ky tren giay uy quyen, lam luon giup em",
                                      "my birth certificate has a wrong date, I want to apply for a correction",
                                      "my grandmother passed away, I want to register her death, can you start it",
                                      "tôi cần xin giấy xác nhận độc thân, bạn đặt lịch giúp tôi nhé",
                                      "I need to register my mother's death, can I book a time",
                                      "em cần nộp hồ sơ giám hộ cho em gái", "can you register my son's birth",
                                      "đơn vị nào cấp giấy này", "ở vị trí nào")) {
            assertFalse(CitizenAsks.tellsNeed(Folding.fold(request)), request);
        }
    }

    @Test
    void a_procedure_whose_only_rival_answers_nothing_is_the_procedure() {
        java.util.function.Function<List<vn.warddesk.nlu.Candidate>, vn.warddesk.nlu.Understanding> u =
                alts -> new vn.warddesk.nlu.Understanding(alts.get(0).intent(), Optional.of("eligibility"),
                                                          alts.get(0).probability(), 0.99, alts, true, List.of());
        assertTrue(ProcedurePolicy.onlyRivalSaysNothing(u.apply(List.of(
                new vn.warddesk.nlu.Candidate("marriage_registration", 0.60),
                new vn.warddesk.nlu.Candidate("out_of_scope", 0.39)))));
        assertFalse(ProcedurePolicy.onlyRivalSaysNothing(u.apply(List.of(
                new vn.warddesk.nlu.Candidate("marriage_registration", 0.55),
                new vn.warddesk.nlu.Candidate("marital_status_certificate", 0.40)))), "two procedures: ask which");
        assertFalse(ProcedurePolicy.onlyRivalSaysNothing(u.apply(List.of(
                new vn.warddesk.nlu.Candidate("marriage_registration", 0.45),
                new vn.warddesk.nlu.Candidate("out_of_scope", 0.40)))), "less likely than not");
    }

    @Test
    void following_a_request_up_is_asked_without_saying_it_was_sent() {
        for (String line : List.of("what's the status of it now", "how do I check on it later?",
                                   "how can I follow up on it?", "giờ làm sao em biết hồ sơ tới đâu rồi ạ",
                                   "theo dõi hồ sơ ở đâu vậy")) {
            assertTrue(CitizenAsks.followsRequest(Folding.fold(line)), line);
        }
        for (String line : List.of("how long does birth registration take", "kiểm tra giấy tờ gì",
                                   "can I check the fee online?", "thanks, that's all",
                                   "how is it going to work if I apply online?")) {
            assertFalse(CitizenAsks.followsRequest(Folding.fold(line)), line);
        }
    }

    @Test
    void asking_whether_the_office_does_it_at_all_is_a_question() {
        for (String asks : List.of("g'day, reckon you lot can certify copies of me passport?",
                                   "hi, can you guys certify a copy of my university diploma?",
                                   "phường có chứng thực bản sao không")) {
            assertTrue(CitizenAsks.asksIfDone(asks), asks);
        }
        for (String request : List.of("can you book me an appointment for copy certification?",
                                      "can I make an appointment with the ward?", "you can certify copies")) {
            assertFalse(CitizenAsks.asksIfDone(request), request);
        }
    }

    @Test
    void filing_elsewhere_as_the_purpose_is_no_filing_here() {
        assertFalse(CitizenAsks.filesNow(Folding.fold("e can sao y bang tot nghiep de nop ho so du hoc")));
        assertTrue(CitizenAsks.filesNow(Folding.fold("em muốn nộp hồ sơ khai sinh luôn")));
        assertTrue(CitizenAsks.filesNow(Folding.fold(
                "Tôi cần xin giấy xác nhận để làm hồ sơ vay ngân hàng, phường đặt lịch giúp tôi với")));
    }
}
