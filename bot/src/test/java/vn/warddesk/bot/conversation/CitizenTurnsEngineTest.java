package vn.warddesk.bot.conversation;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import vn.warddesk.bot.message.Reply;
import vn.warddesk.bot.testing.MutableClock;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What citizens send between questions (issue #13, seventh session), through the engine with the real NLU on a real
 * MariaDB: a bare fact after an answer, a correction that names the old value, a word of another procedure that is
 * part of the topic's procedure.
 */
class CitizenTurnsEngineTest {
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-12-01T02:00:00Z"));
    @RegisterExtension
    static final EngineChat chat = EngineChat.on("citizen_turns", CLOCK);

    private static List<String> say(String user, String text) {
        return chat.seen(user, text);
    }

    @Test
    void a_bare_fact_after_an_answer_is_answered_on_the_same_aspect_of_the_topic() {
        say("age", "bà em có được nhận trợ cấp xã hội hằng tháng không");
        assertEquals(List.of("answer/social_allowance/eligibility"), say("age", "bà em 80 tuổi rồi"));
        say("en", "what documents do I need for the monthly social allowance?");
        assertEquals(List.of("answer/social_allowance/documents"), say("en", "my father is 82 and never had a pension"));
    }

    @Test
    void thanks_after_an_answer_stays_thanks() {
        say("thanks", "bà em có được nhận trợ cấp xã hội hằng tháng không");
        assertEquals("thanks", say("thanks", "em cảm ơn ạ").get(0));
    }

    @Test
    void another_procedures_word_that_the_topics_own_text_uses_stays_on_the_topic() {
        say("extract", "đăng ký khai tử cho bố em cần giấy tờ gì");
        assertEquals(List.of("answer/death_registration/processing_time"), say("extract", "bao lau co trich luc"));
        say("proxy", "em tự đi làm giấy khai sinh cho con được không");
        assertEquals("answer/birth_registration/eligibility",
                     say("proxy", "the uy quyen cho ba ngoai di lam thay dc ko").get(0));
    }

    @Test
    void another_procedure_named_by_its_name_still_switches() {
        say("switch", "đăng ký khai tử cho bố em cần giấy tờ gì");
        assertEquals(List.of("answer/birth_registration/documents"), say("switch", "khai sinh cho con thì cần giấy tờ gì"));
        assertEquals("answer/marriage_registration/documents", say("switch", "thế còn kết hôn thì sao").get(0));
        say("wish", "sang tên sổ đỏ cho con trai thì cần gì");
        assertEquals("answer/civil_status_correction", say("wish", "muon doi ten cho con gai thi sao ad").get(0)
                .replaceAll("/[a-z_]+$", ""));
    }
}
