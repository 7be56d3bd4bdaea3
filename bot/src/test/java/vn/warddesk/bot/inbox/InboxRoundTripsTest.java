package vn.warddesk.bot.inbox;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.warddesk.bot.conversation.ConversationPort;
import vn.warddesk.bot.conversation.ConversationRef;
import vn.warddesk.bot.conversation.InboundEvent;
import vn.warddesk.bot.conversation.Input;
import vn.warddesk.bot.testing.TestDatabase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An inbox batch runs in READ COMMITTED (each turn sees what others committed meanwhile) and leaves the pooled
 * connection in REPEATABLE READ, with as few statements around the turns as it can (issue 13: the session SETs around
 * every claim were a tenth of the database's statements per update).
 */
class InboxRoundTripsTest {
    private static final InboxSettings ONE_WORKER = new InboxSettings(true, 1, Duration.ofMillis(20), 3,
                                                                      Duration.ofMillis(10), Duration.ofMillis(50),
                                                                      Duration.ofDays(7));
    private static HikariDataSource pool;
    private static String url;

    @BeforeAll
    static void database() throws SQLException {
        try (HikariDataSource migrated = TestDatabase.fresh("inbox_round_trips")) {
            url = migrated.getJdbcUrl();
            try (Connection c = migrated.getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE note (id INT PRIMARY KEY)");
            }
        }
        // One connection: the worker's statements are all counted in its session's status.
        pool = TestDatabase.singleConnection(url);
    }

    @AfterAll
    static void close() {
        pool.close();
    }

    /** Counts notes, lets another connection commit one, counts again: what each turn saw, and its statements. */
    private static final class SeesCommits implements ConversationPort {
        final List<Long> seen = new ArrayList<>();
        int statements;

        @Override
        public Handled handle(InboundEvent event) {
            throw new UnsupportedOperationException("the inbox hands its transaction");
        }

        @Override
        public Handled handle(Connection transaction, InboundEvent event) throws SQLException {
            long first = count(transaction);
            try (Connection meanwhile = java.sql.DriverManager.getConnection(url, TestDatabase.user(),
                                                                             TestDatabase.password());
                 Statement s = meanwhile.createStatement()) {
                s.execute("INSERT INTO note VALUES (" + (seen.size() + 1) + ")");
            }
            seen.add(count(transaction) - first);
            statements += 2;
            return new Handled("conversation-" + event.eventId(), false, List.of());
        }

        private static long count(Connection c) throws SQLException {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM note")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void a_batch_sees_rows_committed_meanwhile_and_leaves_repeatable_read_with_seven_statements_around_its_turns()
            throws SQLException {
        Inbox inbox = new Inbox(pool, Clock.systemUTC());
        for (int i = 1; i <= 3; i++) {
            ConversationRef.ByChannelUser user = new ConversationRef.ByChannelUser(
                    "telegram", "%064x".formatted(4242L + i), String.valueOf(4242 + i), "test-ward");
            inbox.accept(new Accepted(new InboundEvent(user, "telegram", "tg:rt-" + i, new Input.Text("Giờ làm việc?"),
                                                       "vi", Instant.now()), Optional.empty()));
        }
        SeesCommits port = new SeesCommits();
        InboxWorker worker = new InboxWorker(inbox, pool, port, Map.of(), () -> { }, ONE_WORKER, Clock.systemUTC());
        long before = TestDatabase.sessionQuestions(pool);

        assertEquals(3, worker.processBatch(), "the three citizens' events are claimed together");

        // The SHOW STATUS of the second reading counts itself.
        long around = TestDatabase.sessionQuestions(pool) - before - 1 - port.statements;
        assertEquals(List.of(1L, 1L, 1L), port.seen, "READ COMMITTED: each turn sees the row committed meanwhile");
        try (Connection c = pool.getConnection()) {
            assertEquals(Connection.TRANSACTION_REPEATABLE_READ, c.getTransactionIsolation(),
                         "the session stays at the pool's REPEATABLE READ");
            assertTrue(c.getAutoCommit(), "autocommit restored");
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM inbox")) {
                rs.next();
                assertEquals(0, rs.getLong(1), "the handled rows are deleted with the batch's commit");
            }
        }
        // autocommit off, this transaction's isolation, the claim, the savepoint, the delete, COMMIT, autocommit on;
        // setting the session's isolation and setting it back were one more.
        assertTrue(around <= 7, around + " statements around the turns");
        worker.close();
        inbox.close();
    }
}
