package vn.warddesk.bot.conversation;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FormWordsTest {
    private static final List<String> FIELDS = List.of("contact_name", "phone", "preferred_day", "details");

    @Test
    void correction_markers_in_both_languages() {
        for (String marked : List.of("à nhầm, số đúng là 0987654312", "nham so roi", "sorry, my full name is X",
                                     "actually my number is 0912", "I meant Sarah", "sai rồi")) {
            assertTrue(FormWords.correction(Folding.fold(marked)), marked);
        }
        assertFalse(FormWords.correction(Folding.fold("thứ 2 tuần sau")));
    }

    @Test
    void so_alone_names_the_phone_only_in_a_short_line() {
        assertEquals(Optional.of("phone"), FormWords.field(Folding.fold("sai số rồi"), FIELDS));
        assertEquals(Optional.empty(), FormWords.field(Folding.fold("cần sửa số CCCD trong giấy khai sinh của con"), FIELDS));
        assertEquals(Optional.empty(), FormWords.field(Folding.fold("sửa hồ sơ"), FIELDS));
    }

    @Test
    void the_citizens_own_data_as_the_subject() {
        for (String mine : List.of("so dt nay ai xem dc v", "what exactly will you keep about me and for how long?",
                                   "thông tin của em lưu bao lâu vậy", "who will see my phone number?")) {
            assertTrue(FormWords.myData(Folding.fold(mine)), mine);
        }
        for (String other : List.of("lệ phí bao nhiêu", "how long does it take", "cho em xin thông tin thủ tục")) {
            assertFalse(FormWords.myData(Folding.fold(other)), other);
        }
    }

    @Test
    void the_summary_confirmed_in_words_but_not_a_denial_a_question_or_particles_alone() {
        for (String send : List.of("submit", "looks good, send it", "gửi đi ạ", "đúng rồi nộp luôn", "xác nhận",
                                   "ok gui di", "that's correct", "yes please send it", "chốt nhé ad")) {
            assertTrue(FormWords.send(Folding.fold(send)), send);
        }
        for (String not : List.of("đừng gửi", "not right", "send it to my other number?", "em", "ok nhưng sửa tên",
                                  "gửi cho ai vậy")) {
            assertFalse(FormWords.send(Folding.fold(not)), not);
        }
    }

    @Test
    void an_optional_note_left_empty_in_teen_code() {
        for (String nothing : List.of("ko co j", "k co j dau", "hong co gi het", "không có gì ạ", "nothing")) {
            assertTrue(FormWords.nothing(Folding.fold(nothing)), nothing);
        }
        assertFalse(FormWords.nothing(Folding.fold("ko co so do")));
    }

    @Test
    void not_wanting_to_leave_ones_details_in_any_words() {
        for (String keep : List.of("thoi e ko muon de lai thong tin dau", "không muốn cung cấp sđt",
                                   "I'd rather not give my details", "em không dám để lại số điện thoại đâu",
                                   "I don't want to share my personal information")) {
            assertTrue(FormWords.keepsDetails(Folding.fold(keep)), keep);
        }
        assertFalse(FormWords.keepsDetails(Folding.fold("không muốn cung cấp sđt có được không")));
        assertFalse(FormWords.keepsDetails(Folding.fold("what if I don't want to give my number?")));
        assertFalse(FormWords.keepsDetails(Folding.fold("thông tin của em để làm gì")));
    }

    @Test
    void a_decline_of_the_notice_in_a_sentence_is_not_a_question() {
        for (String no : List.of("Thôi tôi không đồng ý để lại thông tin đâu, để tôi bàn với gia đình đã",
                                 "em chưa đồng ý đâu", "I don't agree to that")) {
            assertTrue(FormWords.notAgreeing(Folding.fold(no)), no);
        }
        for (String asks : List.of("không đồng ý thì có được làm không?", "what if I don't agree", "tôi đồng ý")) {
            assertFalse(FormWords.notAgreeing(Folding.fold(asks)), asks);
        }
    }

    @Test
    void a_no_and_coming_in_person_instead_declines() {
        for (String no : List.of("no thanks then, I'll just walk in", "thôi vậy, để em ra phường trực tiếp",
                                 "ko cần đâu, mai e lên phường làm", "nah, I'll go there myself")) {
            assertTrue(FormWords.goesInstead(Folding.fold(no)), no);
        }
        for (String other : List.of("no, can I come in person instead?", "I'll just walk in tomorrow, ok",
                                    "không, em muốn làm trực tuyến", "không đồng ý thì có phải ra phường trực tiếp không")) {
            assertFalse(FormWords.goesInstead(Folding.fold(other)), other);
        }
    }

    @Test
    void agreeing_in_a_sentence_is_consent_but_not_negated_conditional_or_asked() {
        for (String yes : List.of("Tôi đã đọc và đồng ý với thông báo nêu trên.", "rứa thì được, tui đồng ý",
                                  "da ba em dong y a", "I have read the notice and I agree to it.",
                                  "vậy thì được, tôi đồng ý nhé", "ok em dong y lam tam tru")) {
            assertTrue(FormWords.agrees(Folding.fold(yes)), yes);
        }
        for (String not : List.of("tôi không đồng ý", "em chua dong y dau", "I don't agree", "đồng ý thì sao?",
                                  "nếu không đồng ý thì có được làm không", "tôi đồng ý nhưng không muốn cho số điện thoại",
                                  "I agree but I don't want to give my phone", "rút lại sự đồng ý", "ờ", "ok")) {
            assertFalse(FormWords.agrees(Folding.fold(not)), not);
        }
    }

    @Test
    void a_decline_after_a_concession_and_refusing_details_in_simple_english() {
        assertTrue(FormWords.notAgreeing(Folding.fold("em đọc rồi nhưng em không đồng ý đâu")));
        assertFalse(FormWords.notAgreeing(Folding.fold("em đọc rồi nhưng không đồng ý thì sao")));
        for (String refusal : List.of("no. I don't want give my phone number", "no, I not want give my number and name")) {
            assertTrue(FormWords.keepsDetails(Folding.fold(refusal)), refusal);
        }
        assertFalse(FormWords.keepsDetails(Folding.fold("what if I don't want give my number?")));
    }

    @Test
    void sending_the_summary_with_the_time_and_a_polite_xin() {
        assertTrue(FormWords.send(Folding.fold("Bây giờ thì đúng rồi, xin gửi.")));
        assertFalse(FormWords.send(Folding.fold("vậy thì sao")));
        assertFalse(FormWords.send(Folding.fold("bây giờ thì sai rồi")));
    }
}
