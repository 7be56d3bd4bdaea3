package vn.warddesk.bot.inbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.warddesk.bot.channel.Await;
import vn.warddesk.bot.conversation.ConversationPort;
import vn.warddesk.bot.conversation.ConversationRef;
import vn.warddesk.bot.conversation.InboundEvent;
import vn.warddesk.bot.conversation.Input;
import vn.warddesk.bot.testing.EngineFixture;
import vn.warddesk.bot.testing.TestDatabase;
import vn.warddesk.bot.testing.Waits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The inbox working off events in batches with the real engine: the turns of one batch share one transaction, a
 * poison event rolls its batch back without losing or doubling the others' replies and ends as a dead letter, and a
 * chat's events stay in order.
 */
class InboxBatchTest {
    private static final InboxSettings ONE_WORKER = new InboxSettings(true, 1, Duration.ofMillis(20), 3,
                                                                      Duration.ofMillis(10), Duration.ofMillis(40),
                                                                      Duration.ofDays(7), 32);
    private static final AtomicInteger NEXT_USER = new AtomicInteger();
    private static HikariDataSource pool;
    private static EngineFixture fx;

    @BeforeAll
    static void database() {
        pool = TestDatabase.fresh("inbox_batch");
        fx = new EngineFixture(pool, Clock.systemUTC());
    }

    @AfterAll
    static void close() {
        pool.close();
    }

    /** One call of the engine inside a batch: the event, and its connection with the commits it had made so far. */
    private record Call(String eventId, String conversationKey, String transaction) {
    }

    /** The real engine, noting for each call how many commits its connection had made (same count = same batch). */
    private static final class Watched implements ConversationPort {
        final List<Call> calls = new CopyOnWriteArrayList<>();

        @Override
        public Handled handle(InboundEvent event) {
            throw new AssertionError("the inbox hands events over inside its own transaction");
        }

        @Override
        public Handled handle(Connection transaction, InboundEvent event) throws SQLException {
            // The same connection with the same number of commits made: the same transaction.
            String connection;
            try (var query = transaction.createStatement(); var rs = query.executeQuery("SELECT CONNECTION_ID()")) {
                rs.next();
                connection = rs.getString(1);
            }
            try (var status = transaction.createStatement();
                 var rs = status.executeQuery("SHOW SESSION STATUS LIKE 'Com_commit'")) {
                rs.next();
                calls.add(new Call(event.eventId(), key(event), connection + ":" + rs.getLong(2)));
            }
            return fx.engine.handle(transaction, event);
        }
    }

    @Test
    void a_poison_event_rolls_its_batch_back_the_others_are_answered_once_and_it_ends_as_a_dead_letter() {
        Inbox inbox = new Inbox(pool, Clock.systemUTC());
        List<ConversationRef.ByChannelUser> citizens = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            citizens.add(user());
        }
        // The poison sits in the middle of the batch: citizens before it were handled when it failed.
        for (int i = 0; i < 5; i++) {
            if (i == 2) {
                inbox.accept(new Accepted(new InboundEvent(new ConversationRef.ById("no-such-conversation"), "web",
                                                           "web:poison", new Input.Text("xin chào"), "vi", Instant.now()),
                                          Optional.empty()));
            }
            inbox.accept(new Accepted(text(citizens.get(i), "tg:batch-" + i, "Giờ làm việc của phường?"), Optional.empty()));
        }
        // What one turn of this kind answers, handled alone: the number of replies each citizen must get.
        ConversationRef.ByChannelUser control = user();
        int repliesOfOneTurn = fx.engine.handle(text(control, "tg:control", "Giờ làm việc của phường?")).replies().size();
        assertTrue(repliesOfOneTurn > 0);

        Watched engine = new Watched();
        InboxWorker worker = new InboxWorker(inbox, pool, engine, Map.of(), () -> { }, ONE_WORKER, Clock.systemUTC());
        worker.start();
        try {
            assertTrue(Await.until(Waits.BACKGROUND, () -> count("SELECT COUNT(*) FROM inbox WHERE status = 'failed'") == 1
                                                                 && count("SELECT COUNT(*) FROM inbox WHERE status = 'pending'") == 0),
                       "the poison set aside, everything else handled");
        } finally {
            worker.close();
        }

        for (ConversationRef.ByChannelUser citizen : citizens) {
            String conversation = fx.string("SELECT id FROM conversation WHERE channel_user_hash = ?", citizen.userHash());
            assertEquals(1, fx.count("SELECT COUNT(*) FROM message WHERE conversation_id = ? AND direction = 'in'",
                                     conversation), "the citizen's message is stored once");
            assertEquals(repliesOfOneTurn, fx.count("SELECT COUNT(*) FROM outbox WHERE conversation_id = ?", conversation),
                         "the citizen is answered once, not once per run of the batch");
            assertEquals(1, fx.count("SELECT COUNT(*) FROM message WHERE conversation_id = ? AND event_id IS NOT NULL",
                                     conversation), "the update's id is in the replay ledger once");
        }
        long poisonCalls = engine.calls.stream().filter(c -> c.eventId().equals("web:poison")).count();
        assertEquals(ONE_WORKER.maxAttempts(), poisonCalls, "each failure counted once, up to max-attempts");
        assertTrue(fx.string("SELECT failure_reason FROM inbox WHERE event_id = 'web:poison'")
                           .contains("UnknownConversation"));
        assertEquals(1, fx.count("SELECT COUNT(*) FROM dead_letter WHERE event_key = ?", DeadLetters.key("web:poison")),
                     "admins see the poison as a dead letter");

        // The first batch met the poison after two citizens, went back to its savepoint, set the poison aside and
        // handled all five citizens again in the same transaction, which then committed.
        List<String> first = batches(engine.calls).values().iterator().next();
        int poisonAt = first.indexOf("web:poison");
        assertEquals(List.of("tg:batch-0", "tg:batch-1", "web:poison"), first.subList(0, poisonAt + 1), first.toString());
        assertEquals(List.of("tg:batch-0", "tg:batch-1", "tg:batch-2", "tg:batch-3", "tg:batch-4"),
                     first.subList(poisonAt + 1, first.size()), first.toString());
    }

    @Test
    void a_batch_takes_one_event_per_chat_and_a_chats_events_are_handled_in_order() {
        Inbox inbox = new Inbox(pool, Clock.systemUTC());
        ConversationRef.ByChannelUser talkative = user();
        List<String> said = List.of("làm giấy khai sinh cần gì", "phi bn", "mat bao lau", "cảm ơn");
        for (int i = 0; i < said.size(); i++) {
            inbox.accept(new Accepted(text(talkative, "tg:talk-" + i, said.get(i)), Optional.empty()));
            inbox.accept(new Accepted(text(user(), "tg:other-" + i, "giờ làm việc"), Optional.empty()));
        }
        Watched engine = new Watched();
        InboxWorker worker = new InboxWorker(inbox, pool, engine, Map.of(), () -> { }, ONE_WORKER, Clock.systemUTC());
        assertEquals(said.size() * 2, worker.drain());

        Map<String, List<String>> batches = batches(engine.calls);
        assertEquals(said.size(), batches.size(), "one batch per message of the talkative chat: " + batches);
        Map<String, List<String>> keysPerBatch = new LinkedHashMap<>();
        engine.calls.forEach(c -> keysPerBatch.computeIfAbsent(c.transaction(), k -> new ArrayList<>()).add(c.conversationKey()));
        keysPerBatch.values().forEach(keys -> assertEquals(keys.size(), keys.stream().distinct().count(),
                                                           "no batch holds two events of one chat: " + keys));
        assertEquals(5, batches.values().iterator().next().size(), "the first batch takes every chat's first event");
        String conversation = fx.string("SELECT id FROM conversation WHERE channel_user_hash = ?", talkative.userHash());
        List<String> stored = new ArrayList<>();
        for (int i = 1; i <= said.size(); i++) {
            stored.add(fx.string("SELECT text FROM message WHERE conversation_id = ? AND direction = 'in' ORDER BY id"
                                 + " LIMIT 1 OFFSET " + (i - 1), conversation));
        }
        assertEquals(said, stored, "the chat's messages were handled in the order they arrived");
    }

    /** The real engine with its gathered writes; the first flush can be made to fail as a constraint violation would. */
    private static final class Gathering implements ConversationPort {
        final boolean failFirstFlush;
        final AtomicInteger flushes = new AtomicInteger();
        final List<String> gathered = new CopyOnWriteArrayList<>();
        final List<String> oneByOne = new CopyOnWriteArrayList<>();

        Gathering(boolean failFirstFlush) {
            this.failFirstFlush = failFirstFlush;
        }

        @Override
        public Handled handle(InboundEvent event) {
            throw new AssertionError("the inbox hands events over inside its own transaction");
        }

        @Override
        public Handled handle(Connection transaction, InboundEvent event) throws SQLException {
            oneByOne.add(event.eventId());
            return fx.engine.handle(transaction, event);
        }

        @Override
        public Batch batch(Connection transaction) {
            Batch real = fx.engine.batch(transaction);
            return new Batch() {
                @Override
                public Handled handle(InboundEvent event) throws SQLException {
                    gathered.add(event.eventId());
                    return real.handle(event);
                }

                @Override
                public void flush() throws SQLException {
                    if (flushes.incrementAndGet() == 1 && failFirstFlush) {
                        throw new SQLException("simulated: a gathered write breaks a constraint", "23000", 1062);
                    }
                    real.flush();
                }
            };
        }
    }

    @Test
    void a_batchs_writes_are_gathered_and_if_writing_them_fails_its_events_are_handled_one_by_one_once_each() {
        for (boolean failFirstFlush : List.of(false, true)) {
            Inbox inbox = new Inbox(pool, Clock.systemUTC());
            String question = "Giờ làm việc của phường?";
            int repliesOfOneTurn = fx.engine.handle(text(user(), "tg:gather-control-" + failFirstFlush, question))
                    .replies().size();
            List<ConversationRef.ByChannelUser> citizens = List.of(user(), user(), user());
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < citizens.size(); i++) {
                ids.add("tg:gather-" + failFirstFlush + "-" + i);
                inbox.accept(new Accepted(text(citizens.get(i), ids.get(i), question), Optional.empty()));
            }
            Gathering engine = new Gathering(failFirstFlush);
            InboxWorker worker = new InboxWorker(inbox, pool, engine, Map.of(), () -> { }, ONE_WORKER, Clock.systemUTC());
            assertEquals(citizens.size(), worker.drain());

            assertEquals(ids, engine.gathered, "the batch went through the engine's gathered writes");
            assertEquals(failFirstFlush ? ids : List.of(), engine.oneByOne,
                         "after a failed gathered write the same batch runs turn by turn");
            for (ConversationRef.ByChannelUser citizen : citizens) {
                String conversation = fx.string("SELECT id FROM conversation WHERE channel_user_hash = ?",
                                                citizen.userHash());
                assertEquals(1, fx.count("SELECT COUNT(*) FROM message WHERE conversation_id = ? AND direction = 'in'",
                                         conversation), "the citizen's message is stored once");
                assertEquals(repliesOfOneTurn, fx.count("SELECT COUNT(*) FROM outbox WHERE conversation_id = ?",
                                                        conversation), "the citizen is answered once");
                assertTrue(fx.count("SELECT COUNT(*) FROM conversation_event WHERE conversation_id = ?"
                                    + " AND type = 'bot_said'", conversation) == repliesOfOneTurn,
                           "each reply logged once");
            }
            assertEquals(0, fx.count("SELECT COUNT(*) FROM inbox WHERE event_id LIKE 'tg:gather-%'"),
                         "every event handled and its inbox row deleted");
        }
    }

    private static Map<String, List<String>> batches(List<Call> calls) {
        Map<String, List<String>> batches = new LinkedHashMap<>();
        calls.forEach(c -> batches.computeIfAbsent(c.transaction(), k -> new ArrayList<>()).add(c.eventId()));
        return batches;
    }

    private static String key(InboundEvent event) {
        return switch (event.conversation()) {
            case ConversationRef.ById byId -> byId.conversationId();
            case ConversationRef.ByChannelUser user -> user.userHash();
        };
    }

    private static ConversationRef.ByChannelUser user() {
        int n = NEXT_USER.incrementAndGet();
        String hash = "%064x".formatted(n * 104_729L + System.nanoTime() % 1000);
        return new ConversationRef.ByChannelUser("telegram", hash, String.valueOf(7000 + n), "demo-hoa-an");
    }

    private static InboundEvent text(ConversationRef.ByChannelUser user, String eventId, String text) {
        return new InboundEvent(user, "telegram", eventId, new Input.Text(text), "vi", Instant.now());
    }

    private static int count(String sql) {
        return fx.count(sql);
    }
}
