package vn.warddesk.bot.conversation;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.warddesk.bot.message.Reply;
import vn.warddesk.bot.testing.MutableClock;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Follow-ups that lean on what was said before, through the engine on a real MariaDB: back to the procedure after an
 * office question, back to an earlier procedure, two procedures compared, where to hand in the papers, closing words.
 */
class TopicReturnsEngineTest {
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-12-01T02:00:00Z"));
    private static EngineChat chat;

    @BeforeAll
    static void setUp() {
        chat = EngineChat.open("topic_returns", CLOCK);
    }

    @AfterAll
    static void tearDown() {
        chat.close();
    }

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
}
