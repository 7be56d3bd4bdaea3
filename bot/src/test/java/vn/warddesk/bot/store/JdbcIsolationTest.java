package vn.warddesk.bot.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.warddesk.bot.testing.TestDatabase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Jdbc#inReadCommitted} runs its work in READ COMMITTED and leaves the pooled connection in REPEATABLE READ,
 * with as few round trips besides the work as it can: the inbox and outbox claims run in it several times a second
 * per worker, and its session SETs were a third of all statements the database received per update (issue 13).
 */
class JdbcIsolationTest {
    private static HikariDataSource pool;

    @BeforeAll
    static void start() {
        String url;
        try (HikariDataSource migrated = TestDatabase.fresh("jdbc_isolation")) {
            url = migrated.getJdbcUrl();
        }
        // One connection: the one whose session state and counters the tests read.
        pool = TestDatabase.singleConnection(url);
        Jdbc.withConnection(pool, c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE note (id INT PRIMARY KEY)");
            }
            return null;
        });
    }

    @AfterAll
    static void stop() {
        pool.close();
    }

    @Test
    void read_committed_work_sees_a_row_committed_meanwhile_and_repeatable_read_work_does_not() throws Exception {
        assertEquals(2L, (long) Jdbc.inReadCommitted(pool, c -> countSeenAfterAnotherInsert(c, 1)),
                     "READ COMMITTED: the second read sees the row another connection committed in between");
        assertEquals(0L, (long) Jdbc.inTransaction(pool, c -> countSeenAfterAnotherInsert(c, 2)),
                     "REPEATABLE READ (the pool's default, also after a READ COMMITTED transaction): the same snapshot");
        try (Connection c = pool.getConnection()) {
            assertEquals(Connection.TRANSACTION_REPEATABLE_READ, c.getTransactionIsolation());
            assertTrue(c.getAutoCommit(), "autocommit restored");
        }
    }

    @Test
    void a_read_committed_transaction_costs_at_most_four_statements_besides_its_work() throws Exception {
        long before = TestDatabase.sessionQuestions(pool);
        Jdbc.inReadCommitted(pool, c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM note")) {
                rs.next();
                return rs.getLong(1);
            }
        });
        // The SHOW STATUS of the second reading counts itself; the work is one SELECT.
        long statements = TestDatabase.sessionQuestions(pool) - before - 1 - 1;
        // autocommit off, the isolation of this transaction, COMMIT, autocommit on; setting the session's isolation
        // and setting it back were two more.
        assertTrue(statements <= 4, statements + " statements besides the work");
    }

    /** Counts the note rows, lets another connection insert one, counts again: how many more the second read saw. */
    private static long countSeenAfterAnotherInsert(Connection c, int id) throws SQLException {
        long first = count(c);
        try (Connection meanwhile = java.sql.DriverManager.getConnection(pool.getJdbcUrl(), TestDatabase.user(),
                                                                         TestDatabase.password());
             Statement s = meanwhile.createStatement()) {
            s.execute("INSERT INTO note VALUES (" + (id * 10) + "), (" + (id * 10 + 1) + ")");
        }
        return count(c) - first;
    }

    private static long count(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM note")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
