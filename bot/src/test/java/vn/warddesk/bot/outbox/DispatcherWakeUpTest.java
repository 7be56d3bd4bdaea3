package vn.warddesk.bot.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.warddesk.bot.channel.OutboxRows;
import vn.warddesk.bot.message.Reply;
import vn.warddesk.bot.testing.TestDatabase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The running dispatcher's wake-ups (issue 13, 2026-12-08): a claim smaller than a batch is not followed by another,
 * a nudge wakes one worker, and a claim woken by a nudge waits for the coalesce delay after the previous one. None of
 * that may leave a due reply waiting for the poll: every test polls every 30 s and expects its replies long before.
 */
class DispatcherWakeUpTest {
    /** Far longer than any test waits for its replies: a reply sent only by the poll fails the test. */
    private static final String POLL = "PT30S";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static HikariDataSource pool;
    private static int chats;

    @BeforeAll
    static void database() {
        pool = TestDatabase.fresh("outbox_wake_up");
    }

    @AfterAll
    static void close() {
        pool.close();
    }

    private static OutboxDispatcher dispatcher(TelegramStandIn sender, String coalesce) {
        Map<String, String> keys = new HashMap<>(Map.of("outbox.bot-rate-wait", "PT0S", "outbox.poll-interval", POLL,
                                                        "outbox.workers", "2", "outbox.coalesce", coalesce));
        Config outbox = Config.just(ConfigSources.create(keys)).get("outbox");
        return new OutboxDispatcher(pool, Clock.systemUTC(), DispatcherSettings.from(outbox), List.of(sender));
    }

    /** One reply to a new chat; returns its conversation id. */
    private static String reply() {
        String address = String.valueOf(880_000 + ++chats);
        String conversation = OutboxRows.conversation(pool, "telegram", address, Instant.now());
        OutboxRows.enqueue(pool, conversation, "telegram", address, Reply.text("trả lời " + chats));
        return conversation;
    }

    private static void awaitSent(TelegramStandIn sender, int count) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (sender.count() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(count, sender.count(), "sent before the 30 s poll");
    }

    @Test
    void more_due_replies_than_one_claim_takes_are_all_sent_without_waiting_for_the_poll() throws Exception {
        int replies = OutboxDispatcher.CLAIM_BATCH * 2 + 3;
        List<String> conversations = new ArrayList<>();
        for (int i = 0; i < replies; i++) {
            conversations.add(reply());
        }
        TelegramStandIn sender = TelegramStandIn.sendingAll();
        try (OutboxDispatcher dispatcher = dispatcher(sender, "PT0.01S")) {
            dispatcher.start();
            awaitSent(sender, replies);
        }
        for (String conversation : conversations) {
            assertTrue(OutboxRows.allSent(pool, conversation), conversation + " recorded sent");
        }
    }

    @Test
    void replies_queued_while_a_batch_is_being_sent_go_out_on_their_nudge() throws Exception {
        TelegramStandIn sender = TelegramStandIn.holdingFirst();
        try (OutboxDispatcher dispatcher = dispatcher(sender, "PT0.2S")) {
            dispatcher.start();
            reply();
            dispatcher.nudge();
            assertTrue(sender.firstSendStarted.await(WAIT.toSeconds(), TimeUnit.SECONDS), "the first reply is sent");
            // While that worker waits for the platform: three more replies, each announced, as inbox commits do.
            for (int i = 0; i < 3; i++) {
                reply();
                dispatcher.nudge();
            }
            sender.hold.countDown();
            awaitSent(sender, 4);
        }
    }

    @Test
    void replies_committed_within_the_coalesce_delay_are_sent_by_one_claim() throws Exception {
        TelegramStandIn sender = TelegramStandIn.sendingAll();
        List<String> conversations = new ArrayList<>();
        try (OutboxDispatcher dispatcher = dispatcher(sender, "PT2S")) {
            // The workers' first look finds nothing; the replies then come 50 ms apart, each with its nudge, as the
            // inbox's commits announce theirs: the first nudge's claim waits 2 s after that look and takes them all.
            dispatcher.start();
            for (int i = 0; i < 5; i++) {
                conversations.add(reply());
                dispatcher.nudge();
                Thread.sleep(50);
            }
            awaitSent(sender, 5);
        }
        assertEquals(1, distinctSentAt(conversations), "one claim, one record: one sent_at for the five replies");
    }

    private static int distinctSentAt(List<String> conversations) throws SQLException {
        String in = String.join(", ", java.util.Collections.nCopies(conversations.size(), "?"));
        try (Connection connection = pool.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT COUNT(DISTINCT sent_at) FROM outbox WHERE conversation_id IN (" + in + ")")) {
            for (int i = 0; i < conversations.size(); i++) {
                select.setString(i + 1, conversations.get(i));
            }
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
