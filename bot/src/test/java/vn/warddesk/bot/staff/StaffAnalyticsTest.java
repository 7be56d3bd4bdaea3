package vn.warddesk.bot.staff;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.warddesk.bot.testing.TestDatabase;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Analytics counts on real MariaDB: per ward, per day, within the period. */
class StaffAnalyticsTest {
    private static final Instant NOW = Instant.parse("2026-11-28T05:00:00Z");
    private static HikariDataSource pool;

    @BeforeAll
    static void open() {
        pool = TestDatabase.fresh("staff_analytics");
    }

    @AfterAll
    static void close() {
        pool.close();
    }

    @Test
    void conversations_and_questions_are_counted_per_ward_and_day_within_the_period() throws SQLException {
        conversation("demo-hoa-an", "telegram", NOW.minusSeconds(3600), 3);
        conversation("demo-hoa-an", "kiosk", NOW.minusSeconds(86_400 + 60), 1);
        conversation("demo-hoa-an", "web", NOW.minusSeconds(40L * 86_400), 5); // outside a 30-day period
        conversation("demo-phu-my", "zalo", NOW.minusSeconds(3600), 7);

        Map<String, Object> report = new Analytics(pool, java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC))
                .report("demo-hoa-an", 30);
        assertEquals(2L, report.get("conversations"));
        assertEquals(4L, report.get("questions"));
        @SuppressWarnings("unchecked")
        List<Analytics.Day> days = (List<Analytics.Day>) report.get("perDay");
        assertEquals(List.of(new Analytics.Day("2026-11-27", 1, 1), new Analytics.Day("2026-11-28", 1, 3)), days);
    }

    private static void conversation(String ward, String channel, Instant at, int questions) throws SQLException {
        String id = UUID.randomUUID().toString();
        try (Connection c = pool.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO conversation (id, ward_id, channel, created_at, updated_at) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, id);
                ps.setString(2, ward);
                ps.setString(3, channel);
                ps.setTimestamp(4, Timestamp.from(at));
                ps.setTimestamp(5, Timestamp.from(at));
                ps.executeUpdate();
            }
            for (int i = 0; i < questions; i++) {
                for (String direction : List.of("in", "out")) {
                    try (PreparedStatement ps = c.prepareStatement(
                            "INSERT INTO message (conversation_id, direction, text, created_at) VALUES (?, ?, ?, ?)")) {
                        ps.setString(1, id);
                        ps.setString(2, direction);
                        ps.setString(3, "câu " + i);
                        ps.setTimestamp(4, Timestamp.from(at.plusSeconds(i)));
                        ps.executeUpdate();
                    }
                }
            }
        }
    }
}
