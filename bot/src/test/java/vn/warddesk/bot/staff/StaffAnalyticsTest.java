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

    @Test
    void intents_out_of_scope_questions_handoffs_medians_and_consent_rates_come_from_the_engines_tables() throws SQLException {
        String ward = "ward-metrics";
        String weather = conversation(ward, "web", NOW.minusSeconds(7200), 0);
        message(weather, "Thời tiết mai thế nào? gọi tôi 0912345678", NOW.minusSeconds(7100), "out_of_scope");
        String birth = conversation(ward, "telegram", NOW.minusSeconds(7200), 2);
        String marriage = conversation(ward, "zalo", NOW.minusSeconds(7200), 1);
        long agree = consent(birth, "agree");
        consent(marriage, "agree");
        consent(weather, "decline");
        caseFile(ward, birth, "birth_registration", agree, NOW.minusSeconds(7000), 10, 100);
        caseFile(ward, marriage, "marriage_registration", null, NOW.minusSeconds(7000), 30, null);

        Map<String, Object> report = new Analytics(pool, java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC))
                .report(ward, 7);
        assertEquals(List.of(new Analytics.Count("birth_registration", 3), new Analytics.Count("out_of_scope", 1)),
                     report.get("topIntents"));
        assertEquals(List.of(), report.get("outOfScope"), "one conversation typed it: counted, not shown (k = 3)");
        assertEquals(1L, report.get("unansweredNotShown"));
        assertEquals(2.0 / 3, (double) report.get("handoffRate"), 1e-9);
        assertEquals(20.0, (double) report.get("medianMinutesToClaim"), 1e-9, "median of 10 and 30 minutes");
        assertEquals(100.0, (double) report.get("medianMinutesToResolve"), 1e-9);
        @SuppressWarnings("unchecked")
        Map<String, Object> consent = (Map<String, Object>) report.get("consent");
        assertEquals(2L, consent.get("agree"));
        assertEquals(1L, consent.get("decline"));
        assertEquals(List.of(new Analytics.Count("birth_registration", 1), new Analytics.Count("marriage_registration", 1)),
                     report.get("topProcedures"));
    }

    @Test
    void an_unanswered_question_is_shown_masked_only_when_three_conversations_typed_it_and_form_answers_never_count()
            throws SQLException {
        String ward = "ward-k-anonymity";
        for (int i = 0; i < 3; i++) {
            String c = conversation(ward, "web", NOW.minusSeconds(3600), 0);
            message(c, i == 1 ? "Giá vé xe buýt   bao nhiêu? " : "giá vé xe buýt bao nhiêu", NOW.minusSeconds(3500), "out_of_scope");
            message(c, "Thời tiết mai thế nào, gọi 0912 345 67" + i, NOW.minusSeconds(3400 - i), "out_of_scope");
        }
        for (int i = 0; i < 2; i++) {
            message(conversation(ward, "kiosk", NOW.minusSeconds(3600), 0), "Ai thắng trận bóng tối qua", NOW.minusSeconds(3300), "out_of_scope");
        }
        // An intake: typed after consent, and a message to an officer after the case was opened.
        String intake = conversation(ward, "kiosk", NOW.minusSeconds(3600), 0);
        message(intake, "tôi muốn làm khai sinh", NOW.minusSeconds(7100), "birth_registration");
        long agree = consent(intake, "agree");
        for (int i = 0; i < 3; i++) {
            message(intake, "Nguyễn Văn An", NOW.minusSeconds(7000 - i), "out_of_scope");
            message(intake, "0905 123 456", NOW.minusSeconds(6900 - i), "out_of_scope");
        }
        caseFile(ward, intake, "birth_registration", agree, NOW.minusSeconds(6800), 10, null);
        message(intake, "Tôi là Trần Thị Bích, số 0905 123 456", NOW.minusSeconds(6000), "out_of_scope");

        // Every message carries the intent the engine stored (form answers would read as out of scope): the rules, not
        // the classifier, keep them out.
        Map<String, Object> report = new Analytics(pool, java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC))
                .report(ward, 7);

        @SuppressWarnings("unchecked")
        List<UnansweredQuestions.Shown> shown = (List<UnansweredQuestions.Shown>) report.get("outOfScope");
        assertEquals(2, shown.size(), "bus fare, and weather once the phone numbers are masked, reached k = 3: " + shown);
        org.junit.jupiter.api.Assertions.assertTrue(shown.stream().allMatch(q -> q.conversations() == 3), shown.toString());
        org.junit.jupiter.api.Assertions.assertTrue(shown.stream().anyMatch(q -> q.text().toLowerCase(java.util.Locale.ROOT)
                .startsWith("giá vé xe buýt")), shown.toString());
        org.junit.jupiter.api.Assertions.assertTrue(shown.stream().anyMatch(q -> q.text().equals("Thời tiết mai thế nào, gọi [phone]")),
                                                    shown.toString());
        assertEquals(8L, report.get("unanswered"));
        assertEquals(2L, report.get("unansweredNotShown"), "the football question: 2 conversations, counted, not shown");
        String json = StaffService.JSON.valueToTree(report).toString();
        org.junit.jupiter.api.Assertions.assertFalse(json.contains("0912") || json.contains("Nguyễn Văn An") || json.contains("0905"), json);
    }

    private static long consent(String conversation, String decision) throws SQLException {
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO consent (conversation_id, purpose, notice_version, notice_sha256, channel, decision, method, created_at)
                VALUES (?, 'request_handling', 'v1', REPEAT('a', 64), 'web', ?, 'button', ?)""",
                java.sql.Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, conversation);
            ps.setString(2, decision);
            ps.setTimestamp(3, Timestamp.from(NOW.minusSeconds(7050)));
            ps.executeUpdate();
            try (var keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static void caseFile(String ward, String conversation, String procedure, Long consent, Instant created,
                                 int claimAfterMinutes, Integer resolveAfterMinutes) throws SQLException {
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO case_file (code, ward_id, conversation_id, kind, procedure_id, consent_id, channel, status,
                                       claimed_by, claimed_at, created_at, updated_at, closed_at)
                VALUES (?, ?, ?, 'request', ?, ?, 'web', ?, 'demo.officer', ?, ?, ?, ?)""")) {
            ps.setString(1, "PH-2026-" + (1000000 + (int) (Math.random() * 8999999)));
            ps.setString(2, ward);
            ps.setString(3, conversation);
            ps.setString(4, procedure);
            ps.setObject(5, consent);
            ps.setString(6, resolveAfterMinutes == null ? "claimed" : "resolved");
            ps.setTimestamp(7, Timestamp.from(created.plusSeconds(60L * claimAfterMinutes)));
            ps.setTimestamp(8, Timestamp.from(created));
            ps.setTimestamp(9, Timestamp.from(created));
            ps.setTimestamp(10, resolveAfterMinutes == null ? null : Timestamp.from(created.plusSeconds(60L * resolveAfterMinutes)));
            ps.executeUpdate();
        }
    }

    /** A citizen's message and the intent the engine stored for it when it handled it (conversation_event). */
    private static void message(String conversation, String text, Instant at, String intent) throws SQLException {
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO message (conversation_id, direction, origin, text, created_at) VALUES (?, 'in', 'citizen', ?, ?)",
                java.sql.Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, conversation);
            ps.setString(2, text);
            ps.setTimestamp(3, Timestamp.from(at));
            ps.executeUpdate();
            try (var keys = ps.getGeneratedKeys()) {
                keys.next();
                understood(c, conversation, keys.getLong(1), intent, at);
            }
        }
    }

    private static void understood(Connection c, String conversation, long messageId, String intent, Instant at)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO conversation_event (conversation_id, type, message_id, intent, confidence, created_at)
                VALUES (?, 'user_said', ?, ?, 0.9, ?)""")) {
            ps.setString(1, conversation);
            ps.setLong(2, messageId);
            ps.setString(3, intent);
            ps.setTimestamp(4, Timestamp.from(at));
            ps.executeUpdate();
        }
    }

    private static String conversation(String ward, String channel, Instant at, int questions) throws SQLException {
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
                            "INSERT INTO message (conversation_id, direction, text, created_at) VALUES (?, ?, ?, ?)",
                            java.sql.Statement.RETURN_GENERATED_KEYS)) {
                        ps.setString(1, id);
                        ps.setString(2, direction);
                        ps.setString(3, "câu " + i);
                        ps.setTimestamp(4, Timestamp.from(at.plusSeconds(i)));
                        ps.executeUpdate();
                        if ("in".equals(direction)) {
                            try (var keys = ps.getGeneratedKeys()) {
                                keys.next();
                                understood(c, id, keys.getLong(1), "birth_registration", at.plusSeconds(i));
                            }
                        }
                    }
                }
            }
        }
        return id;
    }
}
