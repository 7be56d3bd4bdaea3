package vn.warddesk.bot.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

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

/** The per-bot rate limit is per sending bot: two wards' own bots do not share one budget. */
class BotBudgetTest {
    private static HikariDataSource pool;

    @BeforeAll
    static void database() {
        pool = TestDatabase.fresh("outbox_bot_budget");
    }

    @AfterAll
    static void close() {
        pool.close();
    }

    /** A Telegram stand-in allowing one message per second per bot; "chat@ward" is sent by that ward's bot. */
    private static final class OnePerSecondPerBot implements ChannelSender {
        final List<String> sent = new CopyOnWriteArrayList<>();

        @Override
        public String channel() {
            return "telegram";
        }

        @Override
        public RateLimits limits() {
            return new RateLimits(1, 1000);
        }

        @Override
        public String bot(String address) {
            return address.substring(address.indexOf('@') + 1);
        }

        @Override
        public SendResult send(Delivery delivery) {
            sent.add(delivery.address());
            return SendResult.sent();
        }
    }

    @Test
    void each_wards_bot_has_its_own_budget_and_one_bot_keeps_to_its_own() {
        String a1 = OutboxRows.conversation(pool, "telegram", "1@ward-a", Instant.now());
        String a2 = OutboxRows.conversation(pool, "telegram", "2@ward-a", Instant.now());
        String b1 = OutboxRows.conversation(pool, "telegram", "3@ward-b", Instant.now());
        OutboxRows.enqueue(pool, a1, "telegram", "1@ward-a", Reply.text("một"));
        OutboxRows.enqueue(pool, a2, "telegram", "2@ward-a", Reply.text("hai"));
        OutboxRows.enqueue(pool, b1, "telegram", "3@ward-b", Reply.text("ba"));
        OnePerSecondPerBot sender = new OnePerSecondPerBot();
        // No waiting for a permit: a message over its bot's budget is put off at once.
        Config outbox = Config.just(ConfigSources.create(Map.of("outbox.bot-rate-wait", "PT0S"))).get("outbox");
        OutboxDispatcher dispatcher = new OutboxDispatcher(pool, Clock.systemUTC(), DispatcherSettings.from(outbox),
                                                           List.of(sender));

        assertEquals(3, dispatcher.processBatch(), "all three are due and claimed together");

        assertEquals(1, sender.sent.stream().filter(a -> a.endsWith("@ward-b")).count(),
                     "ward B's bot sends although ward A's bot used its budget: " + sender.sent);
        assertEquals(1, sender.sent.stream().filter(a -> a.endsWith("@ward-a")).count(),
                     "ward A's bot sends one of its two messages this second: " + sender.sent);
        long queued = OutboxRows.rows(pool, a1).stream().filter(r -> r.status().equals("queued")).count()
                      + OutboxRows.rows(pool, a2).stream().filter(r -> r.status().equals("queued")).count();
        assertEquals(1, queued, "the other of ward A waits for its bot's next second");
        // Put off to the limiter's next period, not left at the claim's 30 s lease: the deferral was written.
        java.time.Instant due = vn.warddesk.bot.store.Jdbc.withConnection(pool, c -> {
            try (var q = c.prepareStatement("SELECT MIN(next_attempt_at) FROM outbox WHERE status = 'queued'");
                 var rs = q.executeQuery()) {
                rs.next();
                return rs.getTimestamp(1).toInstant();
            }
        });
        assertTrue(due.isBefore(Instant.now().plusSeconds(5)), "the put-off message is due again within seconds: " + due);
        dispatcher.close();
    }
}
