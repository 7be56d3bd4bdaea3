package vn.warddesk.bot.conversation;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PhrasesTest {
    private static final List<String> FIELDS = List.of("contact_name", "phone", "preferred_day", "details");

    @Test
    void lead_ins_and_field_words_around_a_value_are_left_out_as_typed() {
        assertEquals("Lê Thị Mai", Phrases.withoutLeadIns("tên e là Lê Thị Mai, sđt "));
        assertEquals("Anna Schmidt", Phrases.withoutLeadIns("I'm Anna Schmidt, "));
        assertEquals("Laura Chen", Phrases.withoutLeadIns("My name is Laura Chen, phone "));
        assertEquals("Thomas Becker", Phrases.withoutLeadIns("sorry, my full name is Thomas Becker"));
        assertEquals("Nguyễn Thị Thu Hà", Phrases.withoutLeadIns("à nhầm, tên đúng là Nguyễn Thị Thu Hà"));
    }

    @Test
    void a_pronoun_that_opens_a_name_is_kept() {
        assertEquals("Minh Trần", Phrases.withoutLeadIns("Minh Trần"));
        assertEquals("Anh Tuấn", Phrases.withoutLeadIns("Anh Tuấn sđt"));
        assertEquals("Minh Trần", Phrases.withoutLeadIns("mình là Minh Trần"));
    }

    @Test
    void correction_markers_in_both_languages() {
        for (String marked : List.of("à nhầm, số đúng là 0987654312", "nham so roi", "sorry, my full name is X",
                                     "actually my number is 0912", "I meant Sarah", "sai rồi")) {
            assertTrue(Phrases.correction(Phrases.fold(marked)), marked);
        }
        assertFalse(Phrases.correction(Phrases.fold("thứ 2 tuần sau")));
    }

    @Test
    void so_alone_names_the_phone_only_in_a_short_line() {
        assertEquals(Optional.of("phone"), Phrases.field(Phrases.fold("sai số rồi"), FIELDS));
        assertEquals(Optional.empty(), Phrases.field(Phrases.fold("cần sửa số CCCD trong giấy khai sinh của con"), FIELDS));
        assertEquals(Optional.empty(), Phrases.field(Phrases.fold("sửa hồ sơ"), FIELDS));
    }

    @Test
    void start_over_with_closing_particles_and_a_form_of_address() {
        for (String restart : List.of("lam lai tu dau di ad", "làm lại từ đầu đi bạn ơi", "thoi bat dau lai tu dau nhe",
                                      "can we start over please", "làm lại đi ạ")) {
            assertTrue(Phrases.restart(Phrases.fold(restart)), restart);
        }
        assertFalse(Phrases.restart(Phrases.fold("lam lai giay khai sinh thi can gi")));
    }

    @Test
    void keyboard_mash_runs_along_one_row_and_is_no_word() {
        for (String mash : List.of("asdfgh", "qwertyuiop", "sdfghjkl", "jkjkjkjk", "asdfg hjkl")) {
            assertTrue(Phrases.mash(Phrases.fold(mash)), mash);
        }
        for (String word : List.of("hjhj", "cai do", "hello", "were", "phí bao nhiêu", "are you a robot lol", "")) {
            assertFalse(Phrases.mash(Phrases.fold(word)), word);
        }
    }

    @Test
    void a_question_word_asks_something_but_an_offered_day_with_duoc_khong_does_not() {
        for (String asks : List.of("what time are you open on Saturday?", "mấy giờ phường mở cửa thứ 7 vậy",
                                   "thu 7 phuong co lam ko", "when do you close on Friday")) {
            assertTrue(Phrases.asksSomething(Phrases.fold(asks)), asks);
        }
        for (String offers : List.of("thu 6 tuan sau dc ko ad", "thứ 7 có được không", "next Monday then", "thứ 7 ok không",
                                     "how about next Tuesday?")) {
            assertFalse(Phrases.asksSomething(Phrases.fold(offers)), offers);
        }
    }

    @Test
    void the_citizens_own_data_as_the_subject() {
        for (String mine : List.of("so dt nay ai xem dc v", "what exactly will you keep about me and for how long?",
                                   "thông tin của em lưu bao lâu vậy", "who will see my phone number?")) {
            assertTrue(Phrases.myData(Phrases.fold(mine)), mine);
        }
        for (String other : List.of("lệ phí bao nhiêu", "how long does it take", "cho em xin thông tin thủ tục")) {
            assertFalse(Phrases.myData(Phrases.fold(other)), other);
        }
    }

    @Test
    void where_to_hand_in_the_papers_is_not_where_the_office_is() {
        for (String file : List.of("nộp hồ sơ ở đâu", "lam o ubnd phuong hay o dau", "where do I file them",
                                   "where can we submit it")) {
            assertTrue(Phrases.fileWhere(Phrases.fold(file)), file);
        }
        for (String office : List.of("phường ở đâu vậy", "where is your office", "dia chi ubnd o dau")) {
            assertFalse(Phrases.fileWhere(Phrases.fold(office)), office);
        }
    }

    @Test
    void a_situation_before_thi_or_an_if() {
        assertTrue(Phrases.situation(Phrases.fold("vợ chồng em ở 2 phường khác nhau thì nộp ở đâu")));
        assertTrue(Phrases.situation(Phrases.fold("where do we file if we live in different wards")));
        assertFalse(Phrases.situation(Phrases.fold("nộp ở đâu")));
    }

    @Test
    void a_bare_pronoun_is_not_a_reference_like_giay_do() {
        assertTrue(Phrases.onlyPronoun(Phrases.fold("back to the birth one, is it free?")));
        assertFalse(Phrases.onlyPronoun(Phrases.fold("giấy đó có cần công chứng không")));
        assertFalse(Phrases.onlyPronoun(Phrases.fold("that one, is it free?")));
        assertFalse(Phrases.onlyPronoun(Phrases.fold("phí bao nhiêu")));
    }

    @Test
    void comparing_words_but_not_a_plain_which() {
        for (String compare : List.of("cái nào nhanh hơn", "khác gì nhau", "which is cheaper", "and how long for each",
                                      "both of them")) {
            assertTrue(Phrases.compares(Phrases.fold(compare)), compare);
        }
        assertFalse(Phrases.compares(Phrases.fold("which documents do I need")));
        assertFalse(Phrases.compares(Phrases.fold("phí bao nhiêu")));
    }

    @Test
    void is_that_all_asks_but_thoi_a_takes_leave() {
        for (String asks : List.of("vậy thôi hả", "chỉ vậy thôi sao ad", "thế thôi à?", "is that all?", "is that it")) {
            assertTrue(Phrases.thatsAll(Phrases.fold(asks)), asks);
        }
        for (String not : List.of("thôi ạ", "vậy thôi ạ", "thoi khong can")) {
            assertFalse(Phrases.thatsAll(Phrases.fold(not)), not);
        }
    }

    @Test
    void a_farewell_beside_thanks() {
        assertTrue(Phrases.farewell(Phrases.fold("thanks, bye")));
        assertTrue(Phrases.farewell(Phrases.fold("cảm ơn, chào nhé")));
        assertFalse(Phrases.farewell(Phrases.fold("cảm ơn ad")));
    }

    @Test
    void the_summary_confirmed_in_words_but_not_a_denial_a_question_or_particles_alone() {
        for (String send : List.of("submit", "looks good, send it", "gửi đi ạ", "đúng rồi nộp luôn", "xác nhận",
                                   "ok gui di", "that's correct", "yes please send it", "chốt nhé ad")) {
            assertTrue(Phrases.send(Phrases.fold(send)), send);
        }
        for (String not : List.of("đừng gửi", "not right", "send it to my other number?", "em", "ok nhưng sửa tên",
                                  "gửi cho ai vậy")) {
            assertFalse(Phrases.send(Phrases.fold(not)), not);
        }
    }

    @Test
    void an_optional_note_left_empty_in_teen_code() {
        for (String nothing : List.of("ko co j", "k co j dau", "hong co gi het", "không có gì ạ", "nothing")) {
            assertTrue(Phrases.nothing(Phrases.fold(nothing)), nothing);
        }
        assertFalse(Phrases.nothing(Phrases.fold("ko co so do")));
    }

    @Test
    void putting_the_request_off_is_a_cancel() {
        for (String later : List.of("thoi de hom khac", "để lần sau nhé", "thôi hẹn hôm khác", "maybe another time")) {
            assertTrue(Phrases.cancel(Phrases.fold(later)), later);
        }
        assertFalse(Phrases.cancel(Phrases.fold("hôm khác được không")));
        assertFalse(Phrases.cancel(Phrases.fold("can I pick another day")));
    }

    @Test
    void a_cancel_with_words_of_hesitation_is_still_a_cancel() {
        for (String doubt : List.of("hmm wait, maybe I should cancel", "hay là thôi hủy nhỉ", "chắc thôi không làm nữa",
                                    "perhaps I'll just stop here", "có lẽ em nên hủy")) {
            assertTrue(Phrases.cancel(Phrases.fold(doubt)), doubt);
        }
        assertFalse(Phrases.cancel(Phrases.fold("maybe next Tuesday")));
        assertFalse(Phrases.cancel(Phrases.fold("Hà Thị Huyền")));
        assertFalse(Phrases.cancel(Phrases.fold("chắc là thứ 5 tuần sau")));
    }

    @Test
    void not_wanting_to_leave_ones_details_in_any_words() {
        for (String keep : List.of("thoi e ko muon de lai thong tin dau", "không muốn cung cấp sđt",
                                   "I'd rather not give my details", "em không dám để lại số điện thoại đâu",
                                   "I don't want to share my personal information")) {
            assertTrue(Phrases.keepsDetails(Phrases.fold(keep)), keep);
        }
        assertFalse(Phrases.keepsDetails(Phrases.fold("không muốn cung cấp sđt có được không")));
        assertFalse(Phrases.keepsDetails(Phrases.fold("what if I don't want to give my number?")));
        assertFalse(Phrases.keepsDetails(Phrases.fold("thông tin của em để làm gì")));
    }

    @Test
    void a_remark_that_the_value_was_mistyped_is_not_part_of_it() {
        assertEquals("Phạm Ngọc Hằng", Phrases.withoutLeadIns("xin lỗi tên em là Phạm Ngọc Hằng, gõ sai"));
        assertEquals("Trần Văn Hùng", Phrases.withoutLeadIns("em gõ nhầm, tên đúng là Trần Văn Hùng"));
        assertEquals("Thomas Becker", Phrases.withoutLeadIns("Thomas Becker, sorry typo"));
        assertEquals("Nguyễn Văn Nhâm", Phrases.withoutLeadIns("Nguyễn Văn Nhâm")); // a name, not "nhầm"
    }

    @Test
    void question_words_for_a_time_or_a_place() {
        assertTrue(Phrases.asksWhen(Phrases.fold("thế tôi ra phường lúc mấy giờ thì được")));
        assertTrue(Phrases.asksWhen(Phrases.fold("when can I come")));
        assertFalse(Phrases.asksWhen(Phrases.fold("ra phường ở đâu")));
        assertTrue(Phrases.asksWhere(Phrases.fold("ra phường ở đâu")));
        assertFalse(Phrases.asksWhere(Phrases.fold("mấy giờ mở cửa")));
    }

    @Test
    void my_own_special_case() {
        assertTrue(Phrases.specialCase(Phrases.fold("e hoi truong hop rieng, ad oi tra loi e voi")));
        assertFalse(Phrases.specialCase(Phrases.fold("my case is a bit different")));
        assertTrue(Phrases.specialCase(Phrases.fold("my case is complicated")));
        assertFalse(Phrases.specialCase(Phrases.fold("trường hợp nào được miễn phí")));
    }

    @Test
    void putting_it_off_opening_the_line_is_a_cancel_whatever_reason_follows() {
        for (String later : List.of("thôi để sau đi, e chưa có hợp đồng thuê nhà", "thoi de sau a, e ban qua",
                                    "thoi khoan de sau, e hoi lai vo da", "để em suy nghĩ thêm đã",
                                    "ok I'll do it later", "not now, thanks", "let me think about it")) {
            assertTrue(Phrases.cancel(Phrases.fold(later)), later);
        }
        for (String going : List.of("để sau khi cưới xong em làm", "để sau tết được không", "later this week",
                                    "not today, maybe Friday", "Đỗ Văn Sau")) {
            assertFalse(Phrases.cancel(Phrases.fold(going)), going);
        }
    }

    @Test
    void a_decline_of_the_notice_in_a_sentence_is_not_a_question() {
        for (String no : List.of("Thôi tôi không đồng ý để lại thông tin đâu, để tôi bàn với gia đình đã",
                                 "em chưa đồng ý đâu", "I don't agree to that")) {
            assertTrue(Phrases.notAgreeing(Phrases.fold(no)), no);
        }
        for (String asks : List.of("không đồng ý thì có được làm không?", "what if I don't agree",
                                   "tôi đồng ý")) {
            assertFalse(Phrases.notAgreeing(Phrases.fold(asks)), asks);
        }
    }
}
