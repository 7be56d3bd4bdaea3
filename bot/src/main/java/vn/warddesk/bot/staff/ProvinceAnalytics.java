package vn.warddesk.bot.staff;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import vn.warddesk.bot.store.Jdbc;

/**
 * The SQL of the province view: per ward, counts only — conversations started, cases by status and free questions
 * the bot could not answer — never a text, a name or an id of a citizen.
 */
final class ProvinceAnalytics {
    private static final List<String> STATUSES = List.of("new", "claimed", "waiting", "resolved", "withdrawn");

    private static final String CONVERSATIONS =
            "SELECT COUNT(*) FROM conversation WHERE ward_id = ? AND created_at >= ?";
    private static final String CASES =
            "SELECT status, COUNT(*) FROM case_file WHERE ward_id = ? AND created_at >= ? GROUP BY status";
    /** The same free questions as {@link UnansweredQuestions#CANDIDATES} (before consent or case), counted, not read. */
    private static final String UNANSWERED = """
            SELECT COUNT(*) FROM conversation_event e
            JOIN message m ON m.id = e.message_id
            JOIN conversation c ON c.id = e.conversation_id
            WHERE c.ward_id = ? AND e.type = 'user_said' AND m.direction = 'in' AND m.created_at >= ?
              AND (e.intent IN ('out_of_scope', 'unclear') OR e.detail = 'clarify')
              AND NOT EXISTS (SELECT 1 FROM consent k WHERE k.conversation_id = m.conversation_id
                              AND k.created_at <= m.created_at)
              AND NOT EXISTS (SELECT 1 FROM case_file f WHERE f.conversation_id = m.conversation_id
                              AND f.created_at <= m.created_at)""";

    private final DataSource dataSource;

    ProvinceAnalytics(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    List<Map<String, Object>> counts(List<String> wardIds, Instant since) {
        return Jdbc.withConnection(dataSource, c -> wardIds.stream().map(ward -> {
            try {
                return ward(c, ward, since);
            } catch (SQLException e) {
                throw new vn.warddesk.bot.store.StoreException("province analytics", e);
            }
        }).toList());
    }

    private static Map<String, Object> ward(Connection c, String ward, Instant since) throws SQLException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("wardId", ward);
        json.put("conversations", count(c, CONVERSATIONS, ward, since));
        Map<String, Long> cases = new LinkedHashMap<>();
        STATUSES.forEach(status -> cases.put(status, 0L));
        try (PreparedStatement ps = c.prepareStatement(CASES)) {
            ps.setString(1, ward);
            ps.setTimestamp(2, Timestamp.from(since));
            try (ResultSet rows = ps.executeQuery()) {
                while (rows.next()) {
                    cases.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        json.put("casesByStatus", cases);
        json.put("unansweredQuestions", count(c, UNANSWERED, ward, since));
        return json;
    }

    private static long count(Connection c, String sql, String ward, Instant since) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, ward);
            ps.setTimestamp(2, Timestamp.from(since));
            try (ResultSet rows = ps.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
