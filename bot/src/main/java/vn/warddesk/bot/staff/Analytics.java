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

import vn.warddesk.bot.store.Jdbc;

/**
 * Every analytics query of the console, scoped by ward and period. Counts only, except unanswered questions typed
 * by at least three conversations, shown masked (see {@link UnansweredQuestions}).
 */
final class Analytics {
    /** Questions classified per report at most (newest first), so a report stays fast on a busy ward. */
    static final int MAX_CLASSIFIED = 20_000;

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
                    GROUP BY channel ORDER BY COUNT(*) DESC, channel""", wardId, since));
            questions(c, wardId, since, report);
            report.put("topProcedures", counts(c, """
                    SELECT COALESCE(procedure_id, 'handoff'), COUNT(*) FROM case_file WHERE ward_id = ? AND created_at >= ?
                    GROUP BY 1 ORDER BY COUNT(*) DESC, 1 LIMIT 10""", wardId, since));
            long conversations = (long) report.get("conversations");
            long handedOff = single(c, """
                    SELECT COUNT(DISTINCT conversation_id) FROM case_file WHERE ward_id = ? AND created_at >= ?""", wardId, since);
            report.put("casesCreated", single(c, "SELECT COUNT(*) FROM case_file WHERE ward_id = ? AND created_at >= ?", wardId, since));
            report.put("handoffRate", conversations == 0 ? null : (double) handedOff / conversations);
            report.put("medianMinutesToClaim", median(minutes(c, """
                    SELECT TIMESTAMPDIFF(SECOND, created_at, claimed_at) FROM case_file
                    WHERE ward_id = ? AND created_at >= ? AND claimed_at IS NOT NULL""", wardId, since)));
            report.put("medianMinutesToResolve", median(minutes(c, """
                    SELECT TIMESTAMPDIFF(SECOND, created_at, closed_at) FROM case_file
                    WHERE ward_id = ? AND created_at >= ? AND status = 'resolved' AND closed_at IS NOT NULL""", wardId, since)));
            long agree = single(c, """
                    SELECT COUNT(*) FROM consent k JOIN conversation c ON c.id = k.conversation_id
                    WHERE c.ward_id = ? AND k.created_at >= ? AND k.decision = 'agree'""", wardId, since);
            long decline = single(c, """
                    SELECT COUNT(*) FROM consent k JOIN conversation c ON c.id = k.conversation_id
                    WHERE c.ward_id = ? AND k.created_at >= ? AND k.decision = 'decline'""", wardId, since);
            Map<String, Object> consent = new LinkedHashMap<>();
            consent.put("agree", agree);
            consent.put("decline", decline);
            consent.put("agreeRate", agree + decline == 0 ? null : (double) agree / (agree + decline));
            report.put("consent", consent);
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

    /**
     * Top intents of the period's free questions and the unanswered ones the ward may read: all through
     * {@link UnansweredQuestions}, which holds the rules (no form answers, k-anonymity, masking).
     */
    private void questions(Connection c, String wardId, Instant since, Map<String, Object> report) throws SQLException {
        UnansweredQuestions.Result result = new UnansweredQuestions(MAX_CLASSIFIED).collect(c, wardId, since);
        report.put("topIntents", result.intents().entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(10).map(e -> new Count(e.getKey(), e.getValue())).toList());
        report.put("outOfScope", result.shown());
        report.put("unanswered", result.unanswered());
        report.put("unansweredNotShown", result.withheld());
        report.put("minimumConversationsToShow", UnansweredQuestions.K);
    }

    private static List<Double> minutes(Connection c, String sql, Object... args) throws SQLException {
        List<Double> values = new ArrayList<>();
        try (PreparedStatement ps = prepare(c, sql, args); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                values.add(rs.getLong(1) / 60.0);
            }
        }
        return values;
    }

    static Double median(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
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

    private static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i] instanceof Instant instant ? Timestamp.from(instant) : args[i]);
        }
        return ps;
    }
}
