package vn.warddesk.bot.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.warddesk.bot.consent.ConsentLog;
import vn.warddesk.bot.message.Reply;
import vn.warddesk.bot.testing.EngineFixture;
import vn.warddesk.bot.testing.MutableClock;
import vn.warddesk.bot.testing.TestDatabase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Long and two-question messages through the engine, on a real MariaDB: what is answered and what is recorded. */
class LongMessagesEngineTest {
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-12-01T02:00:00Z"));
    private static HikariDataSource pool;
    private static EngineFixture fx;

    @BeforeAll
    static void setUp() {
        pool = TestDatabase.fresh("long_messages");
        fx = new EngineFixture(pool, CLOCK);
    }

    @AfterAll
    static void tearDown() {
        pool.close();
    }

    private static ConversationPort.Handled say(String user, String eventId, String text) {
        ConversationRef ref = new ConversationRef.ByChannelUser("telegram", ConsentLog.sha256(user), "chat-" + user,
                                                                "demo-hoa-an");
        return fx.engine.handle(new InboundEvent(ref, "telegram", eventId, new Input.Text(text), null,
                                                 CLOCK.instant()));
    }

    private static List<String> answeredAspects(ConversationPort.Handled handled) {
        return handled.replies().stream().filter(r -> r.kind() == Reply.Kind.ANSWER).map(Reply::aspect)
                .flatMap(Optional::stream).toList();
    }

    @Test
    void two_questions_in_one_line_get_two_answers_each_recorded_as_its_own_topic_event() {
        ConversationPort.Handled both = say("two-questions", "tq1",
                                            "dang ky giam ho phi bao nhieu va mat may ngay vay ad");
        assertEquals(List.of("fee", "processing_time"), answeredAspects(both), both.replies().toString());
        String id = both.conversationId();
        assertEquals(2, fx.count("SELECT COUNT(*) FROM conversation_event WHERE conversation_id = ?"
                                 + " AND type = 'topic_set' AND procedure_id = 'guardianship_registration'", id));
        assertEquals("processing_time", fx.string("SELECT aspect FROM conversation_event WHERE conversation_id = ?"
                                                  + " AND type = 'topic_set' ORDER BY id DESC LIMIT 1", id));
    }

    @Test
    void the_closing_question_of_a_story_sets_the_aspect() {
        ConversationPort.Handled answered = say("story", "st1",
                                                "chao ad a. ong ngoai e mat o nha tu 2 thang truoc, hoi do lo dam tang"
                                                + " xong ca nha quen mat chua lam khai tu, gio moi nho ra."
                                                + " gio lam thi can nhung giay to gi a");
        assertEquals(List.of("documents"), answeredAspects(answered), answered.replies().toString());
    }

    @Test
    void a_lone_hjhj_after_a_topic_is_still_not_understood_and_opens_no_case() {
        say("hjhj", "hj1", "dang ky ket hon can giay to gi");
        ConversationPort.Handled unclear = say("hjhj", "hj2", "hjhj");
        assertTrue(unclear.replies().stream().allMatch(r -> r.kind() == Reply.Kind.NOT_UNDERSTOOD),
                   unclear.replies().toString());
        assertEquals(0, fx.count("SELECT COUNT(*) FROM conversation WHERE id = ? AND case_code IS NOT NULL",
                                 unclear.conversationId()));
    }
}
