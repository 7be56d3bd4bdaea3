package vn.warddesk.bot.store;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.warddesk.bot.testing.TestDatabase;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class VietnameseTextRoundTripTest {
    private static HikariDataSource pool;

    @BeforeAll
    static void open() {
        pool = TestDatabase.fresh("utf8");
    }

    @AfterAll
    static void close() {
        pool.close();
    }

    @Test
    void vietnamese_text_and_emoji_round_trip_byte_exact() throws Exception {
        // Both NFC and decomposed (NFD) forms, as phones send either; plus a 4-byte emoji that utf8 (3-byte) would break.
        String nfc = "Nguyễn Thị Ánh Tuyết, phường Hòa Cường 🙏";
        String nfd = java.text.Normalizer.normalize(nfc, java.text.Normalizer.Form.NFD);
        for (String text : new String[] {nfc, nfd}) {
            String id = UUID.randomUUID().toString();
            Timestamp now = Timestamp.from(Instant.now());
            try (Connection connection = pool.getConnection()) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO conversation (id, ward_id, channel, locale, state, created_at, updated_at)"
                        + " VALUES (?, 'phường-hòa-cường', 'web', 'vi', 'idle', ?, ?)")) {
                    insert.setString(1, id);
                    insert.setTimestamp(2, now);
                    insert.setTimestamp(3, now);
                    insert.executeUpdate();
                }
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO message (conversation_id, direction, text, created_at) VALUES (?, 'in', ?, ?)")) {
                    insert.setString(1, id);
                    insert.setString(2, text);
                    insert.setTimestamp(3, now);
                    insert.executeUpdate();
                }
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT m.text, c.ward_id FROM message m JOIN conversation c ON c.id = m.conversation_id"
                        + " WHERE m.conversation_id = ?")) {
                    select.setString(1, id);
                    try (ResultSet row = select.executeQuery()) {
                        row.next();
                        assertArrayEquals(text.getBytes(StandardCharsets.UTF_8),
                                          row.getString(1).getBytes(StandardCharsets.UTF_8));
                        assertArrayEquals("phường-hòa-cường".getBytes(StandardCharsets.UTF_8),
                                          row.getString(2).getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
        }
    }
}
