package vn.warddesk.bot.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
 * A dispatcher batch whose messages were all sent costs the database the claim's transaction and one autocommitted
 * statement for the record, and the record is the same as a transaction's: every row sent, with the platform's id
 * (issue 13: the dispatcher's statements were the largest share of the database's time per update).
 */
class DispatcherRoundTripsTest {
    private static HikariDataSource pool;

    @BeforeAll
    static void database() {
        String url;
        try (HikariDataSource migrated = TestDatabase.fresh("outbox_round_trips")) {
            url = migrated.getJdbcUrl();
        }
        // One connection: every statement of the dispatcher is counted in its session's status.
        pool = TestDatabase.singleConnection(url);
    }

    @AfterAll
    static void close() {
        pool.close();
    }

    @Test
    void a_batch_sent_whole_is_recorded_sent_with_the_platforms_ids_in_one_statement_after_the_claim()
            throws SQLException {
        List<String> conversations = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            String conversation = OutboxRows.conversation(pool, "telegram", "70" + i, Instant.now());
            OutboxRows.enqueue(pool, conversation, "telegram", "70" + i, Reply.text("trả lời " + i));
            conversations.add(conversation);
        }
        TelegramStandIn sender = TelegramStandIn.sendingAll();
        Config outbox = Config.just(ConfigSources.create(Map.of("outbox.bot-rate-wait", "PT0S"))).get("outbox");
        OutboxDispatcher dispatcher = new OutboxDispatcher(pool, Clock.systemUTC(), DispatcherSettings.from(outbox),
                                                           List.of(sender));
        long before = TestDatabase.sessionQuestions(pool);

        assertEquals(3, dispatcher.processBatch(), "the three conversations' messages are claimed together");

        // The SHOW STATUS of the second reading counts itself.
        long statements = TestDatabase.sessionQuestions(pool) - before - 1;
        for (String conversation : conversations) {
            OutboxRows.Row row = OutboxRows.rows(pool, conversation).get(0);
            assertEquals("sent", row.status(), "recorded sent: " + row);
            assertEquals(1, row.attempts());
            assertEquals("tg-" + row.id(), platformId(row.id()), "each row keeps the platform's id of its own message");
        }
        // Claim and lease: autocommit off, the transaction's isolation, the claim, the lease, COMMIT, autocommit on;
        // then the record, one UPDATE. As a transaction the record was three round trips more (10).
        assertTrue(statements <= 7, statements + " statements for the batch");
        try (Connection c = pool.getConnection()) {
            assertTrue(c.getAutoCommit(), "the pooled connection is left in autocommit");
        }
        dispatcher.close();
    }

    private static String platformId(long id) {
        return vn.warddesk.bot.store.Jdbc.withConnection(pool, c -> {
            try (var q = c.prepareStatement("SELECT platform_message_id FROM outbox WHERE id = ?")) {
                q.setLong(1, id);
                try (var rs = q.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
    }
}
