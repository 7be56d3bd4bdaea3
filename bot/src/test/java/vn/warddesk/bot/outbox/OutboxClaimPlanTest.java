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
 * Its two subqueries look up the claimed row's own conversation also when the table's statistics are stale and say
 * otherwise (the eighth session's bench: a subquery that scanned every queued row, or the whole table, per claimed row).
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
    void the_claim_looks_up_each_rows_conversation_even_when_the_statistics_are_stale() throws SQLException {
        try (HikariDataSource stale = TestDatabase.fresh("outbox_claim_stale")) {
            try (Connection c = stale.getConnection(); Statement s = c.createStatement()) {
                // InnoDB recalculates a table's statistics only after a tenth of its rows changed, and in the
                // background: during a burst the optimizer plans with figures from when the table looked otherwise.
                // Frozen here at a moment when one long conversation held every row ...
                s.execute("ALTER TABLE outbox STATS_AUTO_RECALC = 0");
                s.execute("INSERT INTO conversation (id, ward_id, channel, created_at, updated_at)"
                          + " SELECT CONCAT('c', seq), 'w1', 'telegram', NOW(3), NOW(3) FROM seq_0_to_5000");
                s.execute("INSERT INTO outbox (conversation_id, channel, address, payload, status, next_attempt_at,"
                          + " created_at) SELECT 'c0', 'telegram', '1', '{}', 'sent', NOW(3), NOW(3) FROM seq_1_to_300");
                s.execute("ANALYZE TABLE outbox");
                // ... then many short conversations were answered, and a burst queued two replies for each of 40 more
                // (more than a claim takes).
                s.execute("INSERT INTO outbox (conversation_id, channel, address, payload, status, next_attempt_at,"
                          + " created_at) SELECT CONCAT('c', seq), 'telegram', '1', '{}', 'sent', NOW(3), NOW(3)"
                          + " FROM seq_41_to_5000");
                for (int reply = 0; reply < 2; reply++) {
                    s.execute("INSERT INTO outbox (conversation_id, channel, address, payload, next_attempt_at,"
                              + " created_at) SELECT CONCAT('c', seq), 'telegram', '1', '{}', NOW(3) - INTERVAL 1 SECOND,"
                              + " NOW(3) FROM seq_1_to_40");
                }
            }
            for (boolean serverSide : new boolean[] {false, true}) {
                Claim claim = claim(stale, serverSide);
                assertEquals(OutboxDispatcher.CLAIM_BATCH, claim.ids().size(), "server-side " + serverSide);
                // 32 claimed of the 80 due entries in the range, with one probe of a conversation's few rows for each
                // subquery: about 160 entries. Probing by status reads the 80 queued entries per row (≈ 2,500).
                assertTrue(claim.indexReads() < 400, "server-side " + serverSide + ": read " + claim.indexReads()
                                                     + " index entries, fewer than 400 expected");
                // A scan of the table reads its 5,300 rows; the claim's own temporary tables read a few dozen.
                assertTrue(claim.scannedRows() < 200, "server-side " + serverSide + ": " + claim.scannedRows()
                                                      + " rows read by a scan");
            }
        }
    }

    @Test
    void the_claim_reads_the_same_rows_over_text_and_binary_protocol_and_no_leased_row() throws SQLException {
        Claim text = claim(pool, false);
        Claim binary = claim(pool, true);

        assertEquals(DUE, text.ids().size(), "each due first reply is claimed, no held-back second one");
        assertEquals(text.ids(), binary.ids());
        assertEquals(text.indexReads(), binary.indexReads(), "Handler_read_next over text vs binary protocol");
        // The range ends at now: it holds the due entries (DUE first replies, all second ones) and their probes, not
        // the leased first replies; a range on status alone would read every queued entry, leased ones included.
        assertTrue(binary.indexReads() < 2 * CONVERSATIONS,
                   "read " + binary.indexReads() + " index entries; the whole queued backlog is " + 2 * CONVERSATIONS);
    }

    private record Claim(List<Long> ids, long indexReads, long scannedRows) {
    }

    /** The claim on a connection of its own, over the binary protocol or the text one (the pool's URL names one). */
    private static Claim claim(HikariDataSource database, boolean serverSide) throws SQLException {
        String url = database.getJdbcUrl().replaceAll("&?useServerPrepStmts=(true|false)", "");
        try (Connection c = DriverManager.getConnection(url + (url.contains("?") ? "&" : "?") + "useServerPrepStmts="
                                                        + serverSide, TestDatabase.user(), TestDatabase.password())) {
            c.setAutoCommit(false);
            List<Long> ids = new ArrayList<>();
            // SHOW STATUS scans a temporary table of its own: what one costs is taken off the claim's figures.
            long[] idle = delta(counters(c), counters(c));
            long[] before = counters(c);
            try (PreparedStatement p = c.prepareStatement(OutboxDispatcher.CLAIM.formatted("?", OutboxDispatcher.CLAIM_BATCH))) {
                p.setTimestamp(1, Timestamp.from(Instant.now()));
                p.setString(2, "telegram");
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            long[] used = delta(before, counters(c));
            c.rollback();
            return new Claim(ids, used[0] - idle[0], used[1] - idle[1]);
        }
    }

    /** [Handler_read_next, Handler_read_rnd_next] of the session: index entries read in order, rows read by scans. */
    private static long[] counters(Connection c) throws SQLException {
        long[] values = new long[2];
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SHOW SESSION STATUS WHERE Variable_name IN ('Handler_read_next', 'Handler_read_rnd_next')")) {
            while (rs.next()) {
                values[rs.getString(1).equalsIgnoreCase("Handler_read_next") ? 0 : 1] = rs.getLong(2);
            }
        }
        return values;
    }

    private static long[] delta(long[] before, long[] after) {
        return new long[] {after[0] - before[0], after[1] - before[1]};
    }

    private static String row(int conversation, String nextAttemptAt) {
        return "INSERT INTO outbox (conversation_id, channel, address, payload, next_attempt_at, created_at) VALUES ('c"
               + conversation + "', 'telegram', '1', '{}', " + nextAttemptAt + ", NOW(3))";
    }
}
