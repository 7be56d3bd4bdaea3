package vn.warddesk.bot.staff;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import vn.warddesk.bot.observe.LogMask;
import vn.warddesk.bot.store.Jdbc;

/**
 * Every analytics query of the console, scoped by ward and period. Counts only, except out-of-scope questions,
 * whose text is shown after masking personal data with {@link LogMask}.
 */
final class Analytics {
    private final DataSource dataSource;
    private final Clock clock;

    Analytics(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    record Day(String day, long conversations, long questions) {
    }

    record Count(String key, long count) {
    }

    Map<String, Object> report(String wardId, int days) {
        Instant since = clock.instant().minus(Duration.ofDays(days));
        return Jdbc.withConnection(dataSource, c -> {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("wardId", wardId);
            report.put("days", days);
            report.put("perDay", perDay(c, wardId, since));
            report.put("conversations", single(c, "SELECT COUNT(*) FROM conversation WHERE ward_id = ? AND created_at >= ?", wardId, since));
            report.put("questions", single(c, """
                    SELECT COUNT(*) FROM message m JOIN conversation c ON c.id = m.conversation_id
                    WHERE c.ward_id = ? AND m.direction = 'in' AND m.created_at >= ?""", wardId, since));
            report.put("byChannel", counts(c, """
                    SELECT channel, COUNT(*) FROM conversation WHERE ward_id = ? AND created_at >= ?
                    GROUP BY channel ORDER BY COUNT(*) DESC""", wardId, since));
            return report;
        });
    }

    private static List<Day> perDay(Connection c, String wardId, Instant since) throws SQLException {
        Map<String, long[]> days = new java.util.TreeMap<>();
        for (Count n : counts(c, """
                SELECT DATE_FORMAT(created_at, '%Y-%m-%d'), COUNT(*) FROM conversation
                WHERE ward_id = ? AND created_at >= ? GROUP BY 1""", wardId, since)) {
            days.computeIfAbsent(n.key(), k -> new long[2])[0] = n.count();
        }
        for (Count n : counts(c, """
                SELECT DATE_FORMAT(m.created_at, '%Y-%m-%d'), COUNT(*) FROM message m
                JOIN conversation c ON c.id = m.conversation_id
                WHERE c.ward_id = ? AND m.direction = 'in' AND m.created_at >= ? GROUP BY 1""", wardId, since)) {
            days.computeIfAbsent(n.key(), k -> new long[2])[1] = n.count();
        }
        List<Day> list = new ArrayList<>();
        days.forEach((day, n) -> list.add(new Day(day, n[0], n[1])));
        return list;
    }

    static long single(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, args); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    static List<Count> counts(Connection c, String sql, Object... args) throws SQLException {
        List<Count> list = new ArrayList<>();
        try (PreparedStatement ps = prepare(c, sql, args); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                list.add(new Count(rs.getString(1) == null ? "-" : rs.getString(1), rs.getLong(2)));
            }
        }
        return list;
    }

    static String masked(String text) {
        return text == null ? "" : LogMask.mask(text);
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i] instanceof Instant instant ? Timestamp.from(instant) : args[i]);
        }
        return ps;
    }
}
