package vn.warddesk.bot.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import vn.warddesk.bot.testing.TestDatabase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * V63 (issue 13, throughput) drops the secondary indexes every turn or reply wrote and no query needed, on a database
 * that already holds conversations and replies: the rows stay, the foreign keys still hold, and the queries by ward
 * read the new (ward_id, created_at) index.
 */
class HotPathIndexesTest {
    @Test
    void an_existing_database_keeps_its_rows_and_loses_only_the_unneeded_indexes() throws Exception {
        String url = TestDatabase.createDatabase("t_hot_path_indexes_" + ProcessHandle.current().pid());
        try (HikariDataSource pool = Database.pool(url, TestDatabase.user(), TestDatabase.password(), TestDatabase.settings())) {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").target("62").load().migrate();
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.execute("""
                        INSERT INTO conversation (id, ward_id, channel, channel_user_hash, created_at, updated_at)
                        VALUES ('c1', 'w1', 'telegram', REPEAT('a', 64), '2026-12-01', '2026-12-07')""");
                s.execute("""
                        INSERT INTO outbox (conversation_id, channel, address, payload, next_attempt_at, created_at)
                        VALUES ('c1', 'telegram', '1', '{}', '2026-12-01', '2026-12-01')""");
                // Other wards' conversations, so that reading one ward's through an index beats reading the table.
                for (int i = 2; i <= 200; i++) {
                    s.execute("INSERT INTO conversation (id, ward_id, channel, created_at, updated_at) VALUES ('c" + i
                              + "', 'w" + i + "', 'web', '2026-12-01', '2026-12-07')");
                }
            }

            Database.migrate(pool);

            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                assertEquals(1, count(s, "SELECT COUNT(*) FROM outbox WHERE conversation_id = 'c1'"));
                assertEquals(1, count(s, "SELECT COUNT(*) FROM conversation WHERE ward_id = 'w1'"));
                Set<String> outbox = indexes(s, "outbox");
                assertFalse(outbox.contains("outbox_by_conversation"), outbox.toString());
                assertTrue(outbox.contains("outbox_waiting_by_conversation"), outbox.toString());
                Set<String> conversation = indexes(s, "conversation");
                assertFalse(conversation.contains("conversation_by_channel_user"), conversation.toString());
                assertFalse(conversation.contains("conversation_by_ward"), conversation.toString());
                assertTrue(conversation.contains("conversation_channel_user_unique"), conversation.toString());
                assertTrue(conversation.contains("conversation_by_ward_created"), conversation.toString());
                // The outbox's foreign key still holds (served by the waiting index now).
                assertThrows(SQLException.class, () -> s.execute("""
                        INSERT INTO outbox (conversation_id, channel, address, payload, next_attempt_at, created_at)
                        VALUES ('missing', 'telegram', '1', '{}', '2026-12-01', '2026-12-01')"""));
                try (var rs = s.executeQuery(
                        "EXPLAIN SELECT COUNT(*) FROM conversation WHERE ward_id = 'w1' AND created_at >= '2026-11-01'")) {
                    rs.next();
                    assertEquals("conversation_by_ward_created", rs.getString("key"));
                }
            }
        }
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Set<String> indexes(Statement s, String table) throws SQLException {
        Set<String> names = new HashSet<>();
        try (var rs = s.executeQuery("SHOW INDEX FROM " + table)) {
            while (rs.next()) {
                names.add(rs.getString("Key_name"));
            }
        }
        return names;
    }
}
