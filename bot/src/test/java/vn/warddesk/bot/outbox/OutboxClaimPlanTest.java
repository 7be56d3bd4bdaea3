package vn.warddesk.bot.outbox;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.warddesk.bot.testing.TestDatabase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dispatcher's claim reads the same index entries whether Connector/J sends its parameters as text (client-side
 * prepared statements) or binary (server-side, {@code useServerPrepStmts=true}), and never the rows leased or spaced
 * into the future: a plan that bounded the {@code outbox_due} range by status alone would read the whole queued
 * backlog on every claim (issue 13; suspected in the sixth session's runs with server-side prepared statements).
 */
class OutboxClaimPlanTest {
    private static final int CONVERSATIONS = 300;
    private static final int DUE = 10;
    private static HikariDataSource pool;

    @BeforeAll
    static void backlog() throws SQLException {
        pool = TestDatabase.fresh("outbox_claim_plan");
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            // Per conversation: a first reply either due (DUE of them) or leased 30 s ahead, and a second reply due
            // but held back by the first (the shape of a burst: greeting + answer per update).
            for (int i = 0; i < CONVERSATIONS; i++) {
                s.execute("INSERT INTO conversation (id, ward_id, channel, created_at, updated_at) VALUES ('c" + i
                          + "', 'w1', 'telegram', NOW(3), NOW(3))");
                String first = i < DUE ? "NOW(3) - INTERVAL 1 SECOND" : "NOW(3) + INTERVAL 30 SECOND";
                s.execute(row(i, first));
                s.execute(row(i, "NOW(3) - INTERVAL 1 SECOND"));
            }
            s.execute("ANALYZE TABLE outbox");
        }
    }

    @AfterAll
    static void close() {
        pool.close();
    }

    @Test
    void the_claim_reads_the_same_rows_over_text_and_binary_protocol_and_no_leased_row() throws SQLException {
        Claim text = claim("");
        Claim binary = claim("&useServerPrepStmts=true");

        assertEquals(DUE, text.ids().size(), "each due first reply is claimed, no held-back second one");
        assertEquals(text.ids(), binary.ids());
        assertEquals(text.indexReads(), binary.indexReads(), "Handler_read_next over text vs binary protocol");
        // The range ends at now: it holds the due entries (DUE first replies, all second ones) and their probes, not
        // the leased first replies; a range on status alone would read every queued entry, leased ones included.
        assertTrue(binary.indexReads() < 2 * CONVERSATIONS,
                   "read " + binary.indexReads() + " index entries; the whole queued backlog is " + 2 * CONVERSATIONS);
    }

    private record Claim(List<Long> ids, long indexReads) {
    }

    private static Claim claim(String options) throws SQLException {
        String url = pool.getJdbcUrl();
        try (Connection c = DriverManager.getConnection(url + (url.contains("?") ? "" : "?") + options,
                                                        TestDatabase.user(), TestDatabase.password())) {
            c.setAutoCommit(false);
            List<Long> ids = new ArrayList<>();
            long before = readNext(c);
            try (PreparedStatement p = c.prepareStatement(OutboxDispatcher.CLAIM.formatted("?", OutboxDispatcher.CLAIM_BATCH))) {
                p.setTimestamp(1, Timestamp.from(Instant.now()));
                p.setString(2, "telegram");
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            long reads = readNext(c) - before;
            c.rollback();
            return new Claim(ids, reads);
        }
    }

    private static long readNext(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW SESSION STATUS LIKE 'Handler_read_next'")) {
            rs.next();
            return rs.getLong(2);
        }
    }

    private static String row(int conversation, String nextAttemptAt) {
        return "INSERT INTO outbox (conversation_id, channel, address, payload, next_attempt_at, created_at) VALUES ('c"
               + conversation + "', 'telegram', '1', '{}', " + nextAttemptAt + ", NOW(3))";
    }
}
