package vn.warddesk.bot.conversation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.warddesk.bot.catalog.Catalog;
import vn.warddesk.bot.catalog.Lang;
import vn.warddesk.bot.message.Button;
import vn.warddesk.bot.message.Reply;
import vn.warddesk.bot.testing.EngineFixture;
import vn.warddesk.bot.testing.MutableClock;
import vn.warddesk.bot.testing.TestDatabase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engine driven directly, as the Telegram and Zalo channels do, on a real MariaDB. */
class ConversationEngineTest {
    private static final Instant START = Instant.parse("2026-12-01T02:00:00Z");
    private static final MutableClock CLOCK = new MutableClock(START);
    private static HikariDataSource pool;
    private static EngineFixture fx;

    @BeforeAll
    static void setUp() {
        pool = TestDatabase.fresh("conversation_engine");
        fx = new EngineFixture(pool, CLOCK);
    }

    @AfterAll
    static void tearDown() {
        pool.close();
    }

    private static ConversationRef.ByChannelUser telegramUser(String name) {
        return new ConversationRef.ByChannelUser("telegram", vn.warddesk.bot.consent.ConsentLog.sha256(name), "chat-" + name,
                                                 "demo-hoa-an");
    }

    private static InboundEvent text(ConversationRef ref, String eventId, String text) {
        return new InboundEvent(ref, "telegram", eventId, new Input.Text(text), null, CLOCK.instant());
    }

    private static InboundEvent action(ConversationRef ref, String eventId, String action) {
        return new InboundEvent(ref, "telegram", eventId, new Input.Action(action), null, CLOCK.instant());
    }

    @Test
    void two_concurrent_events_for_one_conversation_serialize_and_lose_nothing() throws Exception {
        ConversationRef user = telegramUser("concurrent");
        int perThread = 15;
        ExecutorService pool2 = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<String>>> results = new ArrayList<>();
        for (int thread = 0; thread < 2; thread++) {
            int t = thread;
            results.add(pool2.submit(() -> {
                go.await();
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    ids.add(fx.engine.handle(text(user, "t" + t + "-" + i, i % 2 == 0 ? "giờ làm việc của phường"
                            : "đăng ký khai sinh cần giấy tờ gì")).conversationId());
                }
                return ids;
            }));
        }
        go.countDown();
        List<String> ids = new ArrayList<>();
        for (Future<List<String>> f : results) {
            ids.addAll(f.get(60, TimeUnit.SECONDS));
        }
        pool2.shutdown();
        assertEquals(1, ids.stream().distinct().count(), "both threads found the same single conversation");
        String id = ids.get(0);
        assertEquals(2 * perThread, fx.count("SELECT COUNT(*) FROM message WHERE conversation_id = ? AND direction = 'in'", id));
        int out = fx.count("SELECT COUNT(*) FROM message WHERE conversation_id = ? AND direction = 'out'", id);
        assertTrue(out >= 2 * perThread, "every event answered");
        assertEquals(out, fx.count("SELECT COUNT(*) FROM outbox WHERE conversation_id = ?", id),
                     "every reply queued for Telegram in the same transaction");
        assertEquals(2 * perThread, fx.count("SELECT COUNT(*) FROM message WHERE conversation_id = ? AND event_id IS NOT NULL",
                                             id), "every event id in the replay ledger (its message row)");
        // Serialized: each inbound message is directly followed by its own replies, never by the other thread's input.
        List<String> directions = new ArrayList<>();
        try (var c = pool.getConnection(); var q = c.prepareStatement(
                "SELECT direction FROM message WHERE conversation_id = ? ORDER BY id")) {
            q.setString(1, id);
            try (var rs = q.executeQuery()) {
                while (rs.next()) {
                    directions.add(rs.getString(1));
                }
            }
        }
        for (int i = 0; i + 1 < directions.size(); i++) {
            assertFalse(directions.get(i).equals("in") && directions.get(i + 1).equals("in"), "interleaved at " + i);
        }
    }

    /** What a conversation's turns stored, without ids: its messages, outbox payloads and dialogue events, in order. */
    private static List<String> stored(String conversationId) throws Exception {
        List<String> rows = new ArrayList<>();
        try (var c = pool.getConnection()) {
            for (String sql : List.of(
                    "SELECT CONCAT_WS('|', 'message', direction, origin, text, action) FROM message"
                    + " WHERE conversation_id = ? ORDER BY id",
                    "SELECT CONCAT_WS('|', 'outbox', m.text, o.payload, o.status) FROM outbox o JOIN message m"
                    + " ON m.id = o.message_id WHERE o.conversation_id = ? ORDER BY o.id",
                    "SELECT CONCAT_WS('|', 'event', type, message_id IS NULL, intent, aspect, procedure_id, detail)"
                    + " FROM conversation_event WHERE conversation_id = ? ORDER BY id")) {
                try (var q = c.prepareStatement(sql)) {
                    q.setString(1, conversationId);
                    try (var rs = q.executeQuery()) {
                        while (rs.next()) {
                            rows.add(rs.getString(1));
                        }
                    }
                }
            }
        }
        return rows;
    }

    @Test
    void a_batch_writes_its_turns_together_and_stores_what_the_turns_alone_store() throws Exception {
        List<String> script = List.of("làm giấy khai sinh cần gì", "phi bn", "tôi muốn gặp cán bộ");
        int chats = 4;
        List<ConversationRef.ByChannelUser> alone = new ArrayList<>();
        List<ConversationRef.ByChannelUser> together = new ArrayList<>();
        for (int i = 0; i < chats; i++) {
            alone.add(telegramUser("alone-" + i));
            together.add(telegramUser("together-" + i));
        }
        List<String> aloneIds = new ArrayList<>();
        List<String> togetherIds = new ArrayList<>();
        for (int line = 0; line < script.size(); line++) {
            for (int i = 0; i < chats; i++) {
                String id = fx.engine.handle(text(alone.get(i), "alone-" + i + "-" + line, script.get(line)))
                        .conversationId();
                if (line == 0) {
                    aloneIds.add(id);
                }
            }
            long inserts;
            try (var c = pool.getConnection()) {
                c.setTransactionIsolation(java.sql.Connection.TRANSACTION_READ_COMMITTED);
                c.setAutoCommit(false);
                long before = sessionCount(c, "Com_insert");
                long updatesBefore = sessionCount(c, "Com_update");
                ConversationPort.Batch batch = fx.engine.batch(c);
                for (int i = 0; i < chats; i++) {
                    ConversationPort.Handled handled = batch.handle(
                            text(together.get(i), "together-" + i + "-" + line, script.get(line)));
                    assertFalse(handled.replies().isEmpty());
                    if (line == 0) {
                        togetherIds.add(handled.conversationId());
                    }
                }
                batch.flush();
                inserts = sessionCount(c, "Com_insert") - before;
                if (line < 2) {
                    assertEquals(1, sessionCount(c, "Com_update") - updatesBefore, "the batch's rows, one UPDATE");
                }
                c.commit();
                c.setAutoCommit(true);
            }
            // Per turn its message (and a new chat's row, the case the handoff opens); for the batch one INSERT each of
            // replies, outbox rows and events.
            int perTurn = line == 0 ? 2 : line == 2 ? 2 : 1;
            assertEquals(chats * perTurn + 3, inserts, "the batch's statements, line " + line);
        }
        for (int i = 0; i < chats; i++) {
            List<String> expected = stored(aloneIds.get(i));
            List<String> actual = stored(togetherIds.get(i));
            // Case codes are random: the same shape is enough.
            assertEquals(expected.size(), actual.size(), "chat " + i + ": " + actual);
            for (int r = 0; r < expected.size(); r++) {
                assertEquals(expected.get(r).replaceAll("PH-[0-9-]+", "PH-code"),
                             actual.get(r).replaceAll("PH-[0-9-]+", "PH-code"), "chat " + i + ", row " + r);
            }
            assertTrue(actual.stream().anyMatch(r -> r.startsWith("event|bot_said|0|")), "bot_said has its message id");
        }
    }

    @Test
    void two_events_of_one_conversation_in_one_batch_are_handled_as_one_after_the_other() throws Exception {
        ConversationRef.ByChannelUser one = telegramUser("batch-twice-alone");
        ConversationRef.ByChannelUser two = telegramUser("batch-twice");
        List<Reply> expected = new ArrayList<>();
        expected.addAll(fx.engine.handle(text(one, "twice-a-1", "làm giấy khai sinh cần gì")).replies());
        expected.addAll(fx.engine.handle(text(one, "twice-a-2", "phi bn")).replies());
        List<Reply> actual = new ArrayList<>();
        try (var c = pool.getConnection()) {
            c.setTransactionIsolation(java.sql.Connection.TRANSACTION_READ_COMMITTED);
            c.setAutoCommit(false);
            ConversationPort.Batch batch = fx.engine.batch(c);
            actual.addAll(batch.handle(text(two, "twice-b-1", "làm giấy khai sinh cần gì")).replies());
            actual.addAll(batch.handle(text(two, "twice-b-2", "phi bn")).replies()); // needs the topic of the first
            batch.flush();
            c.commit();
            c.setAutoCommit(true);
        }
        assertEquals(expected.stream().map(Reply::text).toList(), actual.stream().map(Reply::text).toList());
    }

    private static long sessionCount(java.sql.Connection c, String variable) throws Exception {
        try (var q = c.createStatement(); var rs = q.executeQuery("SHOW SESSION STATUS LIKE '" + variable + "'")) {
            rs.next();
            return rs.getLong(2);
        }
    }

    @Test
    void a_replayed_platform_update_sends_nothing_twice() {
        ConversationRef user = telegramUser("replay");
        ConversationPort.Handled first = fx.engine.handle(text(user, "update-1", "xin chào"));
        int queued = fx.count("SELECT COUNT(*) FROM outbox WHERE conversation_id = ?", first.conversationId());
        ConversationPort.Handled again = fx.engine.handle(text(user, "update-1", "xin chào"));
        assertTrue(again.duplicate());
        assertTrue(again.replies().isEmpty());
        assertEquals(queued, fx.count("SELECT COUNT(*) FROM outbox WHERE conversation_id = ?", first.conversationId()));
    }

    @Test
    void an_expired_session_greets_again_and_keeps_the_case_link_but_not_an_unsent_form() {
        ConversationRef user = telegramUser("expiry");
        ConversationPort.Handled handed = fx.engine.handle(text(user, "x1", "tôi muốn gặp cán bộ"));
        String code = fx.string("SELECT case_code FROM conversation WHERE id = ?", handed.conversationId());
        assertTrue(code != null && code.startsWith("PH-"));
        fx.engine.handle(action(user, "x2", "start:birth_registration"));
        fx.engine.handle(action(user, "x3", "consent:agree"));
        fx.engine.handle(text(user, "x4", "Trần Văn Bình"));
        assertTrue(fx.string("SELECT draft FROM conversation WHERE id = ?", handed.conversationId()).contains("Bình"));

        CLOCK.advance(Duration.ofMinutes(31));
        ConversationPort.Handled later = fx.engine.handle(text(user, "x5", "giờ làm việc của phường"));
        String greeting = later.replies().get(0).text();
        assertTrue(greeting.startsWith("Xin chào"), greeting);
        assertTrue(later.replies().size() >= 2, "the question is still answered");
        assertEquals(code, fx.string("SELECT case_code FROM conversation WHERE id = ?", handed.conversationId()));
        assertEquals(null, fx.string("SELECT draft FROM conversation WHERE id = ?", handed.conversationId()));
        CLOCK.set(START);
    }

    @Test
    void two_unclear_messages_offer_choices_and_a_staff_button_but_only_the_citizen_opens_a_case() {
        ConversationRef user = telegramUser("unclear");
        ConversationPort.Handled first = fx.engine.handle(text(user, "u1", "asdf qwer"));
        String id = first.conversationId();
        List<Button> options = first.replies().get(0).buttons();
        assertTrue(options.size() >= 2 && options.stream().anyMatch(b -> b.action().equals("staff")), options.toString());
        ConversationPort.Handled second = fx.engine.handle(text(user, "u2", "không phải"));
        assertEquals(Reply.Kind.NOT_UNDERSTOOD, second.replies().get(0).kind());
        assertTrue(second.replies().get(0).buttons().stream().anyMatch(b -> b.action().equals("staff")));
        assertEquals(0, fx.count("SELECT COUNT(*) FROM case_file WHERE conversation_id = ?", id), "no case on its own");
        assertNotEquals("handed_off", fx.string("SELECT state FROM conversation WHERE id = ?", id));
        fx.engine.handle(action(user, "u3", "staff"));
        assertEquals(1, fx.count("SELECT COUNT(*) FROM case_file WHERE conversation_id = ? AND status = 'new'", id),
                     "pressing the staff button is asking for staff");
    }

    @Test
    void english_speakers_get_english_questions_during_intake() {
        ConversationRef user = telegramUser("english");
        fx.engine.handle(text(user, "e1", "What documents do I need to register a birth?"));
        ConversationPort.Handled consent = fx.engine.handle(action(user, "e2", "start:birth_registration"));
        assertTrue(consent.replies().get(0).text().contains(fx.catalog.privacyNotice(Lang.EN).shortText()));
        ConversationPort.Handled first = fx.engine.handle(action(user, "e3", "consent:agree"));
        Catalog.IntakeField field = fx.catalog.intakeFields("birth_registration", Lang.EN).get(0);
        assertTrue(first.replies().stream().anyMatch(r -> r.text().contains(field.question())));
        assertNotEquals(fx.catalog.intakeFields("birth_registration", Lang.VI).get(0).question(), field.question());
    }

    private static boolean asks(ConversationPort.Handled handled, Reply.Kind kind, String field) {
        return handled.replies().stream().anyMatch(r -> r.kind() == kind && r.field().equals(java.util.Optional.ofNullable(field)));
    }

    @Test
    void a_correction_that_carries_the_new_value_takes_it_and_goes_back_to_where_the_form_was() {
        ConversationRef user = telegramUser("correct-with-value");
        String id = fx.engine.handle(action(user, "c1", "start:birth_registration")).conversationId();
        fx.engine.handle(action(user, "c2", "consent:agree"));
        fx.engine.handle(text(user, "c3", "Trần Thị Mai"));
        assertTrue(asks(fx.engine.handle(text(user, "c4", "0905123456")), Reply.Kind.ASK_FIELD, "preferred_day"));
        ConversationPort.Handled corrected = fx.engine.handle(text(user, "c5", "à nhầm, sđt là 0905123465"));
        assertTrue(asks(corrected, Reply.Kind.ASK_FIELD, "preferred_day"), "the day is asked again, not the phone: " + corrected.replies());
        String draft = fx.string("SELECT draft FROM conversation WHERE id = ?", id);
        assertTrue(draft.contains("0905123465") && !draft.contains("0905123456"), draft);
        ConversationPort.Handled longer = fx.engine.handle(text(user, "c6", "sorry, I want to change my phone to 0912000111 please"));
        assertTrue(asks(longer, Reply.Kind.ASK_FIELD, "preferred_day"), "a longer correction with a valid value: " + longer.replies());
        assertTrue(fx.string("SELECT draft FROM conversation WHERE id = ?", id).contains("0912000111"));
        ConversationPort.Handled noValue = fx.engine.handle(text(user, "c7", "sửa số điện thoại"));
        assertTrue(asks(noValue, Reply.Kind.ASK_FIELD, "phone"), "without a value the field is asked: " + noValue.replies());
    }

    @Test
    void a_name_and_a_phone_in_one_line_fill_both_fields_and_the_phone_stays_out_of_the_name() throws Exception {
        ConversationRef user = telegramUser("name-and-phone");
        String id = fx.engine.handle(action(user, "np1", "start:death_registration")).conversationId();
        fx.engine.handle(action(user, "np2", "consent:agree"));
        ConversationPort.Handled both = fx.engine.handle(text(user, "np3", "Lê Thị Mai, sđt 0935 222 333"));
        assertTrue(asks(both, Reply.Kind.ASK_FIELD, "preferred_day"), both.replies().toString());
        String draft = fx.string("SELECT draft FROM conversation WHERE id = ?", id);
        assertTrue(draft.contains("\"Lê Thị Mai\"") && draft.contains("\"0935222333\""), draft);
        assertEquals(2, fx.count("SELECT COUNT(*) FROM conversation_event WHERE conversation_id = ? AND type = 'field_filled'",
                                 id));
    }

    @Test
    void a_marked_correction_of_the_phone_while_the_day_is_asked_is_recorded_as_field_corrected() throws Exception {
        ConversationRef user = telegramUser("late-correction");
        String id = fx.engine.handle(action(user, "lc1", "start:marital_status_certificate")).conversationId();
        fx.engine.handle(action(user, "lc2", "consent:agree"));
        fx.engine.handle(text(user, "lc3", "Hoàng Minh Tuấn"));
        fx.engine.handle(text(user, "lc4", "0987654321"));
        ConversationPort.Handled corrected = fx.engine.handle(text(user, "lc5", "à nhầm, số đúng là 0987654312"));
        assertTrue(asks(corrected, Reply.Kind.ASK_FIELD, "preferred_day"), corrected.replies().toString());
        String draft = fx.string("SELECT draft FROM conversation WHERE id = ?", id);
        assertTrue(draft.contains("0987654312") && !draft.contains("0987654321"), draft);
        assertEquals(1, fx.count("SELECT COUNT(*) FROM conversation_event WHERE conversation_id = ?"
                                 + " AND type = 'field_corrected' AND detail = 'phone'", id));
    }

    @Test
    void a_negated_erase_verb_keeps_the_data() {
        ConversationRef user = telegramUser("keep-data");
        fx.engine.handle(action(user, "k1", "start:birth_registration"));
        fx.engine.handle(action(user, "k2", "consent:agree"));
        fx.engine.handle(text(user, "k3", "xóa dữ liệu của tôi"));
        ConversationPort.Handled kept = fx.engine.handle(text(user, "k4", "thôi ko xoá nữa"));
        assertFalse(kept.erased());
        assertTrue(kept.replies().stream().anyMatch(r -> r.kind() == Reply.Kind.ERASE_KEPT), kept.replies().toString());
    }

    @Test
    void withdrawal_also_erases_delivered_copies_in_the_outbox() throws Exception {
        ConversationRef user = telegramUser("scrub");
        String id = fx.engine.handle(action(user, "w1", "start:birth_registration")).conversationId();
        fx.engine.handle(action(user, "w2", "consent:agree"));
        fx.engine.handle(text(user, "w3", "Đỗ Thị Mai"));
        fx.engine.handle(action(user, "w4", "mydata"));
        assertTrue(fx.count("SELECT COUNT(*) FROM outbox WHERE conversation_id = ? AND payload LIKE '%Mai%'", id) > 0);
        try (var c = pool.getConnection();
             var u = c.prepareStatement("UPDATE outbox SET status = 'sent' WHERE conversation_id = ?")) {
            u.setString(1, id);
            u.executeUpdate(); // as the dispatcher would after delivering
        }
        assertFalse(fx.engine.handle(text(user, "w5", "xóa dữ liệu của tôi")).erased(), "only asked, not yet erased");
        assertTrue(fx.engine.handle(action(user, "w6", "erase:confirm")).erased(),
                   "the channels learn that copies they keep must go too");
        assertEquals(0, fx.count("SELECT COUNT(*) FROM outbox WHERE conversation_id = ? AND payload LIKE '%Mai%'", id));
        assertEquals(0, fx.count("SELECT COUNT(*) FROM message WHERE conversation_id = ? AND text LIKE '%Mai%'", id));
        assertEquals(null, fx.string("SELECT draft FROM conversation WHERE id = ?", id));
    }

    @Test
    void replies_still_queued_at_erasure_are_not_sent_but_the_confirmation_is() throws Exception {
        ConversationRef user = telegramUser("queued-erase");
        String id = fx.engine.handle(action(user, "q1", "start:birth_registration")).conversationId();
        fx.engine.handle(action(user, "q2", "consent:agree"));
        fx.engine.handle(text(user, "q3", "Đỗ Thị Mai"));
        fx.engine.handle(action(user, "q4", "mydata"));
        fx.engine.handle(text(user, "q5", "xóa dữ liệu của tôi"));
        int before = fx.count("SELECT COUNT(*) FROM outbox WHERE conversation_id = ?", id);
        fx.engine.handle(action(user, "q6", "erase:confirm"));
        assertEquals(0, fx.count("SELECT COUNT(*) FROM outbox WHERE conversation_id = ? AND payload LIKE '%Mai%'", id));
        assertEquals(before, fx.count("SELECT COUNT(*) FROM outbox WHERE conversation_id = ? AND status = 'failed'"
                                      + " AND failure_reason LIKE '%erasure%'", id), "every earlier queued reply cancelled");
        assertTrue(fx.count("SELECT COUNT(*) FROM outbox WHERE conversation_id = ? AND status = 'queued'", id) > 0,
                   "the erasure confirmation is still sent");
    }

    @Test
    void of_two_officers_claiming_at_the_same_moment_exactly_one_wins() throws Exception {
        String id = fx.engine.handle(text(telegramUser("race"), "r1", "tôi muốn gặp cán bộ")).conversationId();
        String code = fx.string("SELECT case_code FROM conversation WHERE id = ?", id);
        ExecutorService officers = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> wins = new ArrayList<>();
        for (String officer : List.of("lan", "minh")) {
            wins.add(officers.submit(() -> {
                go.await();
                return fx.cases.claim("demo-hoa-an", code, officer, CLOCK.instant()).orElseThrow()
                        instanceof vn.warddesk.bot.cases.Cases.Change.Done;
            }));
        }
        go.countDown();
        int won = 0;
        for (Future<Boolean> w : wins) {
            won += w.get(30, TimeUnit.SECONDS) ? 1 : 0;
        }
        officers.shutdown();
        assertEquals(1, won);
        assertEquals(1, fx.count("SELECT COUNT(*) FROM case_file WHERE code = ? AND status = 'claimed'", code));
        assertTrue(fx.cases.claim("other-ward", code, "x", CLOCK.instant()).isEmpty(), "another ward cannot see it");
    }

    @Test
    void staff_replies_and_claim_notices_to_a_telegram_citizen_go_through_the_outbox() {
        String id = fx.engine.handle(text(telegramUser("outbox"), "o1", "tôi muốn gặp cán bộ")).conversationId();
        String code = fx.string("SELECT case_code FROM conversation WHERE id = ?", id);
        fx.cases.claim("demo-hoa-an", code, "lan", CLOCK.instant());
        fx.cases.reply("demo-hoa-an", code, "lan", "Chào anh, em là Lan.", CLOCK.instant());
        assertEquals(1, fx.count("SELECT COUNT(*) FROM outbox WHERE conversation_id = ? AND origin = 'staff'"
                                 + " AND payload LIKE '%em là Lan%' AND address = 'chat-outbox'", id));
        assertTrue(fx.count("SELECT COUNT(*) FROM outbox WHERE conversation_id = ? AND origin = 'bot'"
                            + " AND payload LIKE ?", id, "%" + code + "%") >= 2, "handoff and claim notices");
    }

    @Test
    void a_bare_given_name_as_a_correction_asks_the_full_name_and_keeps_the_stored_one_until_then() throws Exception {
        ConversationRef user = telegramUser("bare-given-name");
        String id = fx.engine.handle(action(user, "g1", "start:signature_certification")).conversationId();
        fx.engine.handle(action(user, "g2", "consent:agree"));
        assertTrue(asks(fx.engine.handle(text(user, "g3", "Phạm Thị Hảo")), Reply.Kind.ASK_FIELD, "phone"));
        ConversationPort.Handled bare = fx.engine.handle(text(user, "g4", "sai tên rồi, tên e là Hoa"));
        assertTrue(asks(bare, Reply.Kind.ASK_FIELD, "contact_name"), "the full name is asked: " + bare.replies());
        String draft = fx.string("SELECT draft FROM conversation WHERE id = ?", id);
        assertTrue(draft.contains("Phạm Thị Hảo") && !draft.contains("\"Hoa\""), draft);
        ConversationPort.Handled full = fx.engine.handle(text(user, "g5", "Phạm Thị Hoa"));
        assertTrue(asks(full, Reply.Kind.ASK_FIELD, "phone"), "back to where the form was: " + full.replies());
        assertTrue(fx.string("SELECT draft FROM conversation WHERE id = ?", id).contains("Phạm Thị Hoa"));
    }
}
