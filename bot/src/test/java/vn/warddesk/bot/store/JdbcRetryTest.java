package vn.warddesk.bot.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.warddesk.bot.testing.TestDatabase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Jdbc#inTransaction} runs work again that the database rolled back whole — here a real InnoDB deadlock
 * (error 1213, the same error a Galera certification failure raises) — and does not repeat other failures.
 */
class JdbcRetryTest {
    private static HikariDataSource pool;

    @BeforeAll
    static void start() {
        pool = TestDatabase.fresh("jdbc_retry");
        Jdbc.withConnection(pool, c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE counter (id INT PRIMARY KEY, n INT NOT NULL)");
                s.execute("INSERT INTO counter VALUES (1, 0), (2, 0)");
            }
            return null;
        });
    }

    @AfterAll
    static void stop() {
        pool.close();
    }

    @Test
    void a_deadlock_victim_is_run_again_and_both_transactions_take_effect_once() throws Exception {
        CountDownLatch bothHoldOneRow = new CountDownLatch(2);
        AtomicInteger runs = new AtomicInteger();
        Thread first = Thread.ofPlatform().start(() -> increment(1, 2, bothHoldOneRow, runs));
        Thread second = Thread.ofPlatform().start(() -> increment(2, 1, bothHoldOneRow, runs));
        first.join(TimeUnit.SECONDS.toMillis(60));
        second.join(TimeUnit.SECONDS.toMillis(60));

        assertEquals(3, runs.get(), "two transactions, one of them run a second time after the deadlock");
        assertEquals(2, value(1), "each transaction counted once on row 1");
        assertEquals(2, value(2), "each transaction counted once on row 2");
    }

    @Test
    void an_error_that_is_not_a_conflict_is_not_repeated() {
        AtomicInteger runs = new AtomicInteger();
        StoreException error = assertThrows(StoreException.class, () -> Jdbc.inTransaction(pool, c -> {
            runs.incrementAndGet();
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO counter VALUES (1, 0)"); // duplicate key: repeating would not help
            }
            return null;
        }));
        assertEquals(1, runs.get());
        assertTrue(!error.retryable(), "a duplicate key is not retryable");
    }

    /** Locks {@code a}, waits until the other thread holds its row, then locks {@code b}: a deadlock on the first run. */
    private static void increment(int a, int b, CountDownLatch bothHoldOneRow, AtomicInteger runs) {
        Jdbc.inTransaction(pool, c -> {
            boolean firstRun = runs.incrementAndGet() <= 2;
            update(c, a);
            if (firstRun) {
                bothHoldOneRow.countDown();
                try {
                    bothHoldOneRow.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            update(c, b);
            return null;
        });
    }

    private static void update(Connection c, int id) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE counter SET n = n + 1 WHERE id = " + id);
        }
    }

    private static int value(int id) {
        return Jdbc.withConnection(pool, c -> {
            try (Statement s = c.createStatement(); var rs = s.executeQuery("SELECT n FROM counter WHERE id = " + id)) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }
}
