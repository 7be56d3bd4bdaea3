package vn.warddesk.bot.conversation;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import vn.warddesk.bot.message.Reply;
import vn.warddesk.bot.testing.MutableClock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Follow-ups whose words name something else than what they ask (fresh_eyes_8/9), through the engine on a real
 * MariaDB: a situation told in another procedure's words, "that paper" after a procedure named in the line or listed
 * in the last answer, which of two places, a lost record's copy, an English "so do I".
 */
class FollowUpContextEngineTest {
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-12-01T02:00:00Z"));
    @RegisterExtension
    static final EngineChat chat = EngineChat.on("follow_up_context", CLOCK);

    private static List<Reply> say(String user, String text) {
        return chat.say(user, text).replies();
    }

    /** kind/procedure for answers, kind otherwise (the greeting of a new session left out). */
    private static List<String> procedures(List<Reply> replies) {
        return replies.stream().filter(r -> r.kind() != Reply.Kind.GREET).map(r -> r.kind() == Reply.Kind.ANSWER
                ? "answer/" + r.procedure().orElse("?") : r.kind().name().toLowerCase()).toList();
    }

    private static List<String> aspects(List<Reply> replies) {
        return EngineChat.seen(replies);
    }

    @Test
    void a_situation_in_another_procedures_words_stays_on_the_topic_but_a_wish_switches() {
        say("situation", "dang ky ket hon can nhung giay to gi a");
        assertEquals(List.of("answer/marriage_registration"),
                     procedures(say("situation", "nguoi yeu e ho khau o tinh khac thi sao a")));
        say("wish", "dang ky ket hon can nhung giay to gi a");
        assertEquals(List.of("answer/temporary_residence"),
                     procedures(say("wish", "em muốn đăng ký tạm trú thì cần giấy tờ gì")));
    }

    @Test
    void that_paper_after_the_topics_papers_is_the_one_listed_paper_of_another_procedure() {
        say("listed", "dang ky ket hon can nhung giay to gi a");
        assertEquals(List.of("answer/marital_status_certificate"), procedures(say("listed", "cai giay do xin o dau vay")));
    }

    @Test
    void that_paper_after_a_procedure_named_in_the_same_line_is_that_procedure() {
        say("named", "dang ky ket hon can nhung gi a");
        assertEquals(List.of("answer/marital_status_certificate"), procedures(say("named",
                "ban trai e o tinh khac thi phai xin giay xac nhan doc than ha, giay do xin o dau")));
    }

    @Test
    void which_of_two_places_for_a_police_procedure_is_its_overview() {
        say("place", "cho ba toi nhap ho khau ve nha toi thi can giay to gi");
        assertEquals(List.of("answer/permanent_residence/general"), aspects(say("place", "nop o ubnd phuong hay o cong an a")));
    }

    @Test
    void a_lost_death_extract_asked_again_is_the_extract() {
        assertEquals(List.of("answer/civil_status_extract"),
                     procedures(say("lost", "ad oi trich luc khai tu cua ba e mat roi xin lai o dau")));
    }

    @Test
    void an_english_so_do_i_is_no_land_certificate() {
        say("so-do", "Can the ward certify a copy of my university diploma? It was issued in Korea");
        assertEquals(List.of("answer/copy_certification"),
                     procedures(say("so-do", "so do I need to get the original legalised first?")));
    }

    @Test
    void where_the_paper_is_handed_out_is_the_topics_overview() {
        say("result", "dang ky khai sinh cho be co lam lien thong the bhyt luon dc ko ad");
        assertEquals(List.of("answer/birth_registration/general"), aspects(say("result", "the ban giay nhan o dau")));
    }

    @Test
    void a_plan_to_go_read_as_filing_only_in_context_does_not_start_a_request() {
        say("plan", "sang ten so do mat bao lau ad");
        List<String> seen = procedures(say("plan", "ok de tuan sau e ra phuong lam"));
        assertFalse(seen.contains("ask_consent"), seen.toString());
    }

    @Test
    void where_to_file_after_a_situation_in_residence_words_is_who_may_file_where_for_the_topic() {
        say("situation-where", "đăng ký kết hôn cần giấy tờ gì");
        assertEquals(List.of("answer/marriage_registration/eligibility"),
                     aspects(say("situation-where", "chồng em thường trú ở quận khác thì nộp ở đâu")));
    }
}
