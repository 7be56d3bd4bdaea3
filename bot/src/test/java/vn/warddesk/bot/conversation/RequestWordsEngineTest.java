package vn.warddesk.bot.conversation;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import vn.warddesk.bot.message.Reply;
import vn.warddesk.bot.message.Reply.Kind;
import vn.warddesk.bot.testing.MutableClock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A request filled, confirmed, declined and taken up again in the citizen's own words, through the engine. */
class RequestWordsEngineTest {
    /** A Tuesday, 09:00 in Vietnam: "thứ 2 tuần sau" is an open day. */
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-12-01T02:00:00Z"));
    @RegisterExtension
    static final EngineChat chat = EngineChat.on("request_words", CLOCK);

    private static ConversationPort.Handled say(String user, String text) {
        return chat.say(user, text);
    }

    private static ConversationPort.Handled press(String user, String action) {
        return chat.press(user, action);
    }



    private static List<Kind> kinds(ConversationPort.Handled handled) {
        return EngineChat.kinds(handled);
    }

    private static void asks(ConversationPort.Handled handled, String field) {
        assertTrue(handled.replies().stream().anyMatch(r -> r.kind() == Kind.ASK_FIELD && r.field().orElse("").equals(field)),
                   "expected " + field + " asked, got " + handled.replies());
    }

    @Test
    void an_option_typed_in_its_own_words_is_taken_even_when_they_are_edit_words() {
        String user = "choice-words";
        say(user, "dat lich dang ky ho kinh doanh");
        asks(press(user, "consent:agree"), "request_kind");
        ConversationPort.Handled typed = say(user, "thay doi noi dung"); // "thay đổi" and "nội dung" also name an edit
        asks(typed, "contact_name");
        assertTrue(chat.fx().string("SELECT draft FROM conversation WHERE id = ?", typed.conversationId()).contains("\"change\""));
    }

    @Test
    void a_teen_code_no_skips_the_note_and_the_summary_is_confirmed_in_words() {
        String user = "send-words";
        say(user, "dang ky khai sinh cho con, dat lich giup em");
        asks(press(user, "consent:agree"), "contact_name");
        say(user, "Nguyen Thi Lan");
        say(user, "0905123456");
        asks(say(user, "thu 2 tuan sau"), "details");
        assertTrue(kinds(say(user, "ko co j")).contains(Kind.SUMMARY));
        ConversationPort.Handled sent = say(user, "looks good, send it");
        assertTrue(kinds(sent).contains(Kind.SUBMITTED), sent.replies().toString());
    }

    @Test
    void a_note_that_tells_the_case_is_the_note_even_with_question_like_words() {
        String user = "note";
        say(user, "dang ky khai sinh cho con, dat lich giup em");
        press(user, "consent:agree");
        say(user, "Nguyen Thi Lan");
        say(user, "0905123456");
        say(user, "thu 2 tuan sau");
        ConversationPort.Handled note = say(user, "chau sinh o que, chua co giay chung sinh, muon hoi thu tuc");
        assertEquals(List.of(Kind.SUMMARY), kinds(note));
    }

    @Test
    void after_declining_the_notice_registering_again_asks_for_consent_again() {
        String user = "again";
        say(user, "dk ket hon giup e voi");
        assertTrue(kinds(say(user, "thoi khoi")).contains(Kind.CONSENT_DECLINED));
        ConversationPort.Handled again = say(user, "a thoi de e dang ky lai");
        assertTrue(kinds(again).contains(Kind.ASK_CONSENT), again.replies().toString());
        assertEquals(0, chat.fx().count("SELECT COUNT(*) FROM conversation WHERE id = ? AND case_code IS NOT NULL",
                                 again.conversationId()));
    }

    @Test
    void what_time_to_come_after_a_decline_gets_the_opening_hours() {
        String user = "hours";
        say(user, "Vậy tôi muốn đăng ký trợ cấp xã hội cho mẹ tôi");
        say(user, "không, tôi không muốn để lại số điện thoại");
        ConversationPort.Handled hours = say(user, "thế tôi ra phường lúc mấy giờ thì được");
        assertEquals(List.of(Kind.OFFICE_HOURS), kinds(hours));
    }

    @Test
    void right_after_my_data_what_it_is_used_for_is_a_privacy_question() {
        String user = "my-data";
        assertTrue(kinds(say(user, "can I see what data you have about me")).contains(Kind.MY_DATA));
        ConversationPort.Handled used = say(user, "and what do you use it for");
        assertEquals(List.of(Kind.PRIVACY_INFO), kinds(used));
    }

    @Test
    void my_own_special_case_asks_for_an_officer_and_opens_a_case() {
        String user = "special";
        say(user, "nhap ho khau cho con vao nha ong ba noi thi lam sao");
        ConversationPort.Handled own = say(user, "e hoi truong hop rieng, ad oi tra loi e voi");
        assertTrue(kinds(own).contains(Kind.HANDOFF), own.replies().toString());
    }
}
