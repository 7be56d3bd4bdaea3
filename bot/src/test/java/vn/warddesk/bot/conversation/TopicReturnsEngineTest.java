package vn.warddesk.bot.conversation;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import vn.warddesk.bot.message.Reply;
import vn.warddesk.bot.testing.MutableClock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Follow-ups that lean on what was said before, through the engine on a real MariaDB: back to the procedure after an
 * office question, back to an earlier procedure, two procedures compared, where to hand in the papers, closing words.
 */
class TopicReturnsEngineTest {
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-12-01T02:00:00Z"));
    @RegisterExtension
    static final EngineChat chat = EngineChat.on("topic_returns", CLOCK);

    private static List<Reply> say(String user, String text) {
        return chat.say(user, text).replies();
    }

    private static List<String> seen(List<Reply> replies) {
        return EngineChat.seen(replies);
    }

    @Test
    void after_an_office_answer_a_question_about_the_papers_goes_back_to_the_procedure() {
        say("office-back", "chứng thực bản sao bao nhiêu tiền một trang");
        assertEquals(List.of("office_hours"), seen(say("office-back", "chiều thứ 6 mấy giờ đóng cửa")));
        assertEquals(List.of("answer/copy_certification/documents"),
                     seen(say("office-back", "vậy có cần cầm theo cccd không")));
    }

    @Test
    void a_bare_it_points_at_the_procedure_named_in_the_same_line() {
        say("it", "how long does death registration take");
        say("it", "what about marriage registration?");
        assertEquals(List.of("answer/death_registration/fee"), seen(say("it", "and death registration, is it free?")));
    }

    @Test
    void two_procedures_compared_are_each_answered_then_which_one_compares_them_again() {
        assertEquals(List.of("answer/marriage_registration/fee", "answer/birth_registration/fee"),
                     seen(say("compare", "đăng ký kết hôn với khai sinh cái nào mất phí")));
        assertEquals(List.of("answer/marriage_registration/processing_time", "answer/birth_registration/processing_time"),
                     seen(say("compare", "thế cái nào nhanh hơn")));
    }

    @Test
    void where_to_file_a_police_procedure_names_the_police_and_a_ward_procedure_gives_the_address() {
        say("where-police", "đăng ký tạm trú cần giấy tờ gì");
        assertEquals(List.of("answer/temporary_residence/general"), seen(say("where-police", "nộp hồ sơ ở đâu ạ")));
        say("where-ward", "đăng ký khai sinh cần giấy tờ gì");
        assertEquals(List.of("office_location"), seen(say("where-ward", "nộp hồ sơ ở đâu ạ")));
    }

    @Test
    void an_off_topic_line_is_not_read_as_the_topics_fee_and_thanks_with_bye_takes_leave() {
        say("off-topic", "xin giấy xác nhận độc thân cần gì");
        assertEquals(List.of("out_of_scope"), seen(say("off-topic", "giá xăng hôm nay bao nhiêu")));
        assertEquals(List.of("goodbye"), seen(say("off-topic", "ok cảm ơn nhé, tạm biệt")));
    }

    @Test
    void mine_after_a_relatives_matter_goes_back_to_the_citizens_own_procedure() {
        say("mine", "tui mới chuyển về phường này, nhập hộ khẩu cần giấy tờ gì");
        List<String> nephew = seen(say("mine", "còn đứa cháu ở nhờ nhà tui đi làm thì đăng ký tạm trú sao"));
        assertTrue(nephew.size() == 1 && nephew.get(0).startsWith("answer/temporary_residence/"), nephew.toString());
        assertEquals(List.of("answer/permanent_residence/fee"), seen(say("mine", "cái của tui thì phí bao nhiêu")));
    }

    @Test
    void a_lone_price_word_and_a_count_of_months_after_toon_follow_the_topic() {
        say("one-word", "sao y giay to");
        assertEquals(List.of("answer/copy_certification/fee"), seen(say("one-word", "gia")));
        say("months", "dat nha toi o tu nam 90 chua co so do thi co lam so dc ko");
        assertEquals(List.of("answer/land_certificate/processing_time"), seen(say("months", "ton may thang")));
    }

    @Test
    void a_special_case_that_tells_its_matter_is_answered_with_the_staff_button_and_opens_no_case() {
        List<Reply> replies = say("complicated", "my case is complicated, I'm a foreigner marrying a Vietnamese citizen "
                                                 + "and my divorce was abroad");
        List<String> seen = seen(replies);
        assertTrue(seen.size() == 1 && seen.get(0).startsWith("answer/marriage_registration/"), seen.toString());
        Reply answer = replies.stream().filter(r -> r.kind() == Reply.Kind.ANSWER).findFirst().orElseThrow();
        assertTrue(answer.buttons().stream().anyMatch(b -> "staff".equals(b.action())), answer.buttons().toString());
        assertEquals(List.of("handoff"), seen(say("complicated-bare", "e hoi truong hop rieng, ad oi tra loi e voi")));
    }
}
