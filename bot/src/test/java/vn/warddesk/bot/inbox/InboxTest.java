package vn.warddesk.bot.inbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.warddesk.bot.channel.Await;
import vn.warddesk.bot.channel.RecordingPort;
import vn.warddesk.bot.conversation.ConversationPort;
import vn.warddesk.bot.conversation.ConversationRef;
import vn.warddesk.bot.conversation.InboundEvent;
import vn.warddesk.bot.conversation.Input;
import vn.warddesk.bot.testing.MutableClock;
import vn.warddesk.bot.testing.TestDatabase;
import vn.warddesk.bot.testing.Waits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The inbox on a real MariaDB: durable acceptance, order per conversation, exactly-once effect, retries. */
class InboxTest {
    private static final InboxSettings FAST = new InboxSettings(true, 3, Duration.ofMillis(20), 3, Duration.ofMillis(10),
                                                                Duration.ofMillis(50), Duration.ofDays(7));
    private static HikariDataSource pool;
    private static final AtomicInteger NEXT_USER = new AtomicInteger();

    @BeforeAll
    static void database() {
        pool = TestDatabase.fresh("inbox");
    }

    @AfterAll
    static void close() {
        pool.close();
    }

    @BeforeEach
    void empty() throws SQLException {
        try (Connection connection = pool.getConnection(); var statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM inbox");
        }
    }

    @Test
    void an_accepted_event_waits_in_the_database_until_a_worker_of_a_later_process_handles_it() throws SQLException {
        Inbox inbox = new Inbox(pool, Clock.systemUTC());
        InboundEvent event = text(user(), "tg:1", "Giờ làm việc?");
        inbox.accept(new Accepted(event, Optional.empty()));
        inbox.accept(new Accepted(event, Optional.empty())); // a redelivery while it waits
        assertEquals(1, rows("pending"), "a redelivery while waiting is stored once");
        inbox.close();

        // "The process crashed": a new worker on a new Inbox finds the row.
        RecordingPort port = new RecordingPort(pool);
        AtomicInteger nudged = new AtomicInteger();
        InboxWorker worker = new InboxWorker(new Inbox(pool, Clock.systemUTC()), pool, port, Map.of(),
                                             nudged::incrementAndGet, FAST, Clock.systemUTC());
        assertEquals(1, worker.drain());
        assertEquals(List.of(event), port.events());
        assertEquals(0, rows("pending") + rows("failed"), "a handled row is deleted (its text lives on in messages only)");
        assertEquals(1, nudged.get(), "the outbox is woken after a new event");
    }

    @Test
    void competing_workers_of_two_instances_handle_each_event_once_and_in_order_per_conversation() {
        RecordingPort recording = new RecordingPort(pool);
        Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        ConversationPort slowly = event -> {
            calls.computeIfAbsent(event.eventId(), id -> new AtomicInteger()).incrementAndGet();
            sleep(ThreadLocalRandom.current().nextInt(3));
            return recording.handle(event);
        };
        Inbox inbox = new Inbox(pool, Clock.systemUTC());
        List<ConversationRef.ByChannelUser> users = List.of(user(), user(), user(), user());
        Map<String, List<String>> sentOrder = new HashMap<>();
        for (int i = 0; i < 25; i++) {
            for (ConversationRef.ByChannelUser user : users) {
                String id = "tg:order-" + user.address() + "-" + i;
                inbox.accept(new Accepted(text(user, id, "tin " + i), Optional.empty()));
                sentOrder.computeIfAbsent(user.userHash(), k -> new ArrayList<>()).add(id);
            }
        }
        InboxWorker first = new InboxWorker(inbox, pool, slowly, Map.of(), () -> { }, FAST, Clock.systemUTC());
        InboxWorker second = new InboxWorker(new Inbox(pool, Clock.systemUTC()), pool, slowly, Map.of(), () -> { }, FAST,
                                             Clock.systemUTC());
        first.start();
        second.start();
        try {
            assertTrue(Await.until(Duration.ofSeconds(30), () -> recording.events().size() == 100),
                       "handled " + recording.events().size() + " of 100");
        } finally {
            first.close();
            second.close();
        }
        assertTrue(calls.values().stream().allMatch(c -> c.get() == 1), "every event reached the engine once");
        for (ConversationRef.ByChannelUser user : users) {
            List<String> handledOrder = recording.events().stream()
                    .filter(e -> ((ConversationRef.ByChannelUser) e.conversation()).userHash().equals(user.userHash()))
                    .map(InboundEvent::eventId).toList();
            assertEquals(sentOrder.get(user.userHash()), handledOrder);
        }
    }

    @Test
    void an_engine_failure_is_retried_and_a_lasting_one_is_set_aside_while_the_conversation_goes_on() throws SQLException {
        Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
        RecordingPort recording = new RecordingPort(pool);
        ConversationPort flaky = event -> {
            int attempt = attempts.computeIfAbsent(event.eventId(), id -> new AtomicInteger()).incrementAndGet();
            if (event.eventId().equals("tg:flaky") && attempt == 1 || event.eventId().equals("tg:broken")) {
                throw new IllegalStateException("engine bug with text that must not be stored");
            }
            return recording.handle(event);
        };
        Inbox inbox = new Inbox(pool, Clock.systemUTC());
        ConversationRef.ByChannelUser user = user();
        inbox.accept(new Accepted(text(user, "tg:flaky", "một"), Optional.empty()));
        inbox.accept(new Accepted(text(user, "tg:broken", "hai"), Optional.empty()));
        inbox.accept(new Accepted(text(user, "tg:after", "ba"), Optional.empty()));
        InboxWorker worker = new InboxWorker(inbox, pool, flaky, Map.of(), () -> { }, FAST, Clock.systemUTC());
        worker.start();
        try {
            assertTrue(Await.until(Waits.BACKGROUND, () -> recording.events().size() == 2));
        } finally {
            worker.close();
        }
        assertEquals(List.of("tg:flaky", "tg:after"), recording.events().stream().map(InboundEvent::eventId).toList());
        assertEquals(2, attempts.get("tg:flaky").get());
        assertEquals(FAST.maxAttempts(), attempts.get("tg:broken").get());
        assertEquals(1, rows("failed"));
        String reason = single("SELECT failure_reason FROM inbox WHERE event_id = 'tg:broken'");
        assertTrue(reason.contains("IllegalStateException") && reason.contains("3 attempts"), reason);
        assertFalse(reason.contains("text that must not"), "the reason names the error class only");
    }

    @Test
    void a_withdrawal_erases_the_citizens_failed_events_and_nobody_elses() throws SQLException {
        RecordingPort recording = new RecordingPort(pool);
        ConversationPort port = event -> {
            if (event.eventId().endsWith("broken")) {
                throw new IllegalStateException("engine bug");
            }
            ConversationPort.Handled handled = recording.handle(event);
            return new ConversationPort.Handled(handled.conversationId(), false, handled.replies(),
                                                event.eventId().equals("tg:erase"));
        };
        Inbox inbox = new Inbox(pool, Clock.systemUTC());
        ConversationRef.ByChannelUser citizen = user();
        ConversationRef.ByChannelUser neighbour = user();
        inbox.accept(new Accepted(text(citizen, "tg:broken", "tên tôi là Đỗ Thị Mai"), Optional.empty()));
        inbox.accept(new Accepted(text(neighbour, "tg:other-broken", "số tôi 0912345678"), Optional.empty()));
        InboxWorker worker = new InboxWorker(inbox, pool, port, Map.of(), () -> { }, FAST, Clock.systemUTC());
        worker.start();
        try {
            assertTrue(Await.until(Waits.BACKGROUND, () -> failedRows() == 2), "both events set aside as failed");
            inbox.accept(new Accepted(text(citizen, "tg:erase", "erase:confirm"), Optional.empty()));
            worker.nudge();
            assertTrue(Await.until(Waits.BACKGROUND, () -> recording.events().size() == 1));
            assertTrue(Await.until(Waits.BACKGROUND, () -> failedRows() == 1),
                       "the citizen's failed event is erased with the conversation");
        } finally {
            worker.close();
        }
        assertEquals("tg:other-broken", single("SELECT event_id FROM inbox WHERE status = 'failed'"),
                     "another citizen's failed event stays for the operator");
    }

    @Test
    void the_channels_follow_up_runs_once_the_event_is_handled() {
        List<String> answered = new CopyOnWriteArrayList<>();
        RecordingPort recording = new RecordingPort(pool);
        Inbox inbox = new Inbox(pool, Clock.systemUTC());
        ConversationRef.ByChannelUser user = user();
        InboundEvent press = new InboundEvent(user, "telegram", "tg:press", new Input.Action("consent:agree"), "vi",
                                              Instant.now());
        inbox.accept(new Accepted(press, Optional.of("callback-77")));
        FollowUp answer = (event, followUp, handled) -> answered.add(followUp + " after " + recording.events().size());
        InboxWorker worker = new InboxWorker(inbox, pool, recording, Map.of("telegram", answer), () -> { }, FAST,
                                             Clock.systemUTC());
        assertEquals(1, worker.drain());
        assertEquals(List.of("callback-77 after 1"), answered);
    }

    @Test
    void an_unreadable_row_is_set_aside_and_old_failed_rows_are_purged() throws SQLException {
        MutableClock clock = new MutableClock(Instant.now());
        try (Connection connection = pool.getConnection(); PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO inbox (channel, event_id, conversation_key, payload, next_attempt_at, received_at)
                VALUES ('telegram', 'tg:garbled', 'k', '{"input":{"kind":"hologram"}}', ?, ?)""")) {
            insert.setTimestamp(1, Timestamp.from(clock.instant()));
            insert.setTimestamp(2, Timestamp.from(clock.instant()));
            insert.executeUpdate();
        }
        Inbox inbox = new Inbox(pool, clock);
        InboxWorker worker = new InboxWorker(inbox, pool, new RecordingPort(pool), Map.of(), () -> { }, FAST, clock);
        assertEquals(1, worker.drain());
        assertEquals("unreadable payload", single("SELECT failure_reason FROM inbox WHERE event_id = 'tg:garbled'"));
        assertEquals(new InboxStore.Backlog(0, Duration.ZERO, 1), inbox.store().backlog());

        assertEquals(0, inbox.store().purgeFailed(Duration.ofDays(7)));
        clock.advance(Duration.ofDays(8));
        assertEquals(1, inbox.store().purgeFailed(Duration.ofDays(7)));
        assertEquals(0, rows("failed"));
    }

    @Test
    void events_arriving_together_are_stored_together_and_one_bad_row_fails_alone() throws Exception {
        Inbox inbox = new Inbox(pool, Clock.systemUTC());
        ConversationRef.ByChannelUser user = user();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        String tooLong = "tg:" + "9".repeat(200); // longer than inbox.event_id: MariaDB refuses the row
        try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 120; i++) {
                String id = i == 60 ? tooLong : "tg:together-" + i;
                threads.submit(() -> {
                    try {
                        inbox.accept(new Accepted(text(user, id, "cùng lúc"), Optional.empty()));
                    } catch (RuntimeException e) {
                        failures.add(e);
                    }
                });
            }
        }
        inbox.close();
        assertEquals(119, rows("pending"), "every good event was stored");
        assertEquals(1, failures.size(), "only the bad row's webhook is told to retry");
        assertTrue(failures.get(0) instanceof vn.warddesk.bot.store.StoreException, failures.get(0).toString());
        long commits = Long.parseLong(single("SELECT COUNT(DISTINCT received_at) FROM inbox"));
        assertTrue(commits < 119, "events arriving together share statements (" + commits + " distinct writes)");
    }

    @Test
    void a_closed_inbox_refuses_so_the_platform_retries() {
        Inbox inbox = new Inbox(pool, Clock.systemUTC());
        inbox.close();
        assertThrows(vn.warddesk.bot.store.StoreException.class,
                     () -> inbox.accept(new Accepted(text(user(), "tg:late", "muộn"), Optional.empty())));
    }

    @Test
    void every_kind_of_event_survives_the_round_trip_through_the_table() {
        ConversationRef.ByChannelUser user = user();
        List<Accepted> events = List.of(
                new Accepted(text(user, "tg:a", "Xin chào \"phường\" ✓\n"), Optional.empty()),
                new Accepted(new InboundEvent(user, "telegram", "tg:b", new Input.Action("ask:birth:fee"), "en",
                                              Instant.ofEpochMilli(1_732_780_800_123L)), Optional.of("cbq")),
                new Accepted(new InboundEvent(user, "zalo", "zalo:c", new Input.Started(), "vi", Instant.EPOCH),
                             Optional.empty()),
                new Accepted(new InboundEvent(user, "zalo", "zalo:d", new Input.Left(), "vi", Instant.EPOCH),
                             Optional.empty()),
                new Accepted(new InboundEvent(new ConversationRef.ById("c-1"), "web", "w:e", new Input.Text(""), "vi",
                                              Instant.EPOCH), Optional.empty()));
        for (Accepted accepted : events) {
            assertEquals(Optional.of(accepted), InboxCodec.decode(InboxCodec.encode(accepted)));
        }
        assertEquals(Optional.empty(), InboxCodec.decode("not json"));
        assertEquals(Optional.empty(), InboxCodec.decode("{}"));
    }

    private static ConversationRef.ByChannelUser user() {
        int n = NEXT_USER.incrementAndGet();
        String hash = "%064x".formatted(n * 7919L + System.nanoTime() % 1000);
        return new ConversationRef.ByChannelUser("telegram", hash, String.valueOf(9000 + n), "test-ward");
    }

    private static InboundEvent text(ConversationRef.ByChannelUser user, String eventId, String text) {
        return new InboundEvent(user, "telegram", eventId, new Input.Text(text), "vi",
                                Instant.ofEpochMilli(System.currentTimeMillis()));
    }

    private static long rows(String status) throws SQLException {
        return Long.parseLong(single("SELECT COUNT(*) FROM inbox WHERE status = '" + status + "'"));
    }

    private static long failedRows() {
        try {
            return rows("failed");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String single(String sql) throws SQLException {
        try (Connection connection = pool.getConnection(); PreparedStatement select = connection.prepareStatement(sql);
             ResultSet rs = select.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
