package vn.warddesk.bot.conversation;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import vn.warddesk.bot.message.Reply;
import vn.warddesk.bot.message.Reply.Kind;
import vn.warddesk.bot.testing.MutableClock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Lines whose own words say what they are, through the engine with the real NLU: putting a request off, declining
 * the notice in a sentence, "I only want to ask", "at the same time?", "are you a real person?", thanks and a new
 * question, a sent request's status, another agency's tax, "I want to change something" at the summary.
 */
class CitizenAsksEngineTest {
    /** A Tuesday, 09:00 in Vietnam. */
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-12-01T02:00:00Z"));
    @RegisterExtension
    static final EngineChat chat = EngineChat.on("citizen_asks", CLOCK);

    private static ConversationPort.Handled say(String user, String text) {
        return chat.say(user, text);
    }

    private static ConversationPort.Handled press(String user, String action) {
        return chat.press(user, action);
    }

    private static List<Kind> kinds(ConversationPort.Handled handled) {
        return EngineChat.kinds(handled);
    }

    private static void answers(ConversationPort.Handled handled, String procedure) {
        assertTrue(handled.replies().stream().anyMatch(r -> r.kind() == Kind.ANSWER
                                                            && r.procedure().orElse("").equals(procedure)),
                   "expected an answer about " + procedure + ", got " + handled.replies());
    }

    private static int cases(ConversationPort.Handled handled) {
        return chat.fx().count("SELECT COUNT(*) FROM case_file WHERE conversation_id = ?", handled.conversationId());
    }

    @Test
    void putting_it_off_while_a_field_or_the_summary_is_asked_asks_to_cancel() {
        String user = "later-field";
        say(user, "dang ky tam tru cho e voi ad");
        press(user, "consent:agree");
        say(user, "Le Van Hung");
        assertEquals(List.of(Kind.ASK_CANCEL), kinds(say(user, "thôi để sau đi, e chưa có hợp đồng thuê nhà")));
        assertEquals(List.of(Kind.FORM_CANCELLED), kinds(say(user, "uk huy di")));

        String summary = "later-summary";
        say(summary, "dat lich chung thuc chu ky");
        press(summary, "consent:agree");
        say(summary, "Hoang Minh Duc");
        say(summary, "0334455667");
        say(summary, "mai");
        assertTrue(kinds(say(summary, "khong a")).contains(Kind.SUMMARY));
        assertEquals(List.of(Kind.ASK_CANCEL), kinds(say(summary, "thoi khoan de sau, e hoi lai vo da")));
    }

    @Test
    void a_decline_in_a_sentence_at_the_notice_declines() {
        String user = "decline-sentence";
        assertTrue(kinds(say(user, "Tôi muốn đặt lịch làm sổ đỏ lần đầu cho mảnh đất ông bà để lại")).contains(Kind.ASK_CONSENT));
        ConversationPort.Handled no = say(user, "Thôi tôi không đồng ý để lại thông tin đâu, để tôi bàn với gia đình đã");
        assertEquals(List.of(Kind.CONSENT_DECLINED), kinds(no));
    }

    @Test
    void saying_one_wants_to_ask_gets_the_answer_not_the_notice() {
        ConversationPort.Handled asked = say("only-asks", "toi muon hoi ve tro cap cho me don than nuoi con nho");
        answers(asked, "social_allowance");
        assertFalse(kinds(asked).contains(Kind.ASK_CONSENT), asked.replies().toString());
    }

    @Test
    void another_paper_at_the_same_time_as_the_topic_is_the_topics_combined_service() {
        String user = "together";
        say(user, "bố tôi mới mất thì làm khai tử cần những giấy gì");
        ConversationPort.Handled same = say(user, "có làm luôn được việc xóa thường trú cho bố tôi cùng lúc không");
        answers(same, "death_registration");
        assertFalse(kinds(same).contains(Kind.ASK_CONSENT), same.replies().toString());
    }

    @Test
    void asking_whether_the_bot_is_a_person_opens_no_case() {
        String user = "en-person";
        say(user, "hello");
        ConversationPort.Handled asked = say(user, "are you a real person?");
        assertEquals(List.of(Kind.GREET), kinds(asked));
        assertTrue(asked.replies().getFirst().buttons().stream().anyMatch(b -> b.action().equals("staff")));
        assertEquals(0, cases(asked));
    }

    @Test
    void a_question_after_thanks_is_answered() {
        String user = "thanks-then";
        say(user, "khai tu can giay gi ad");
        answers(say(user, "cam on, the con ket hon thi sao"), "marriage_registration");
    }

    @Test
    void a_sent_request_and_any_update_asks_the_status() {
        ConversationPort.Handled status = say("en-status",
                                              "hi I sent a request yesterday for a birth registration appointment, any update?");
        assertTrue(kinds(status).contains(Kind.CASE_STATUS), status.replies().toString()); // after the greeting
        assertFalse(kinds(status).contains(Kind.ANSWER), status.replies().toString());
    }

    @Test
    void tax_on_renting_out_is_another_agencys_matter() {
        ConversationPort.Handled tax = say("en-tax", "how much tax do I pay for renting out my apartment to tourists?");
        assertTrue(kinds(tax).contains(Kind.OUT_OF_SCOPE), tax.replies().toString()); // after the greeting
        assertFalse(kinds(tax).contains(Kind.CLARIFY), tax.replies().toString());
    }

    @Test
    void wanting_to_change_something_at_the_summary_asks_which_detail() {
        String user = "en-change";
        say(user, "I'd like to book an appointment to get copies of my passport certified");
        press(user, "consent:agree");
        say(user, "Emma Nguyen");
        say(user, "0387654321");
        say(user, "next Wednesday");
        assertTrue(kinds(say(user, "no")).contains(Kind.SUMMARY));
        assertEquals(List.of(Kind.ASK_WHICH_FIELD), kinds(say(user, "I want to change something")));
    }
}
