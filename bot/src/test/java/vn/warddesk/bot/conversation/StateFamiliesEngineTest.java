package vn.warddesk.bot.conversation;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import vn.warddesk.bot.testing.MutableClock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Conversation-state families of the eighth session, through the engine with the real NLU on a real MariaDB: another
 * agency's matter mid-topic, a return to the procedure before the topic, where to go in person, a page count after
 * the fee.
 */
class StateFamiliesEngineTest {
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-12-01T02:00:00Z"));
    @RegisterExtension
    static final EngineChat chat = EngineChat.on("state_families", CLOCK);

    private static List<String> say(String user, String text) {
        return chat.seen(user, text);
    }

    @Test
    void another_agencys_matter_named_mid_topic_is_out_of_scope_but_a_loose_follow_up_stays() {
        say("id", "người khuyết tật có được nhận trợ cấp hàng tháng không");
        assertEquals(List.of("out_of_scope"), say("id", "còn bố em bị mất căn cước công dân thì làm lại ở đâu"));
        say("loose", "người khuyết tật có được nhận trợ cấp hàng tháng không");
        List<String> loose = say("loose", "thế người già neo đơn thì sao");
        assertTrue(loose.get(0).startsWith("answer/social_allowance"), loose.toString());
    }

    @Test
    void going_back_to_the_procedure_before_the_topic_by_a_word_of_its_name() {
        say("back", "I need a copy of my son's birth record");
        say("back", "his birth date is wrong on it, how do I correct that");
        assertEquals("answer/civil_status_extract/fee", say("back", "back to the copy, what does it cost").get(0));
    }

    @Test
    void where_to_go_in_person_after_the_online_answer_is_the_office() {
        say("place", "đăng ký kết hôn nộp online được không");
        assertTrue(say("place", "nếu đi trực tiếp thì nộp ở đâu").contains("office_location"));
    }

    @Test
    void a_page_count_after_the_fee_answer_is_the_fee_again() {
        say("pages", "chứng thực bản sao bao nhiêu tiền");
        assertEquals(List.of("answer/copy_certification/fee"), say("pages", "giấy tờ của em có 9 trang"));
    }
}
