package vn.warddesk.bot.staff;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import vn.warddesk.bot.cases.Cases;
import vn.warddesk.bot.consent.ConsentLog;
import vn.warddesk.bot.store.Jdbc;

/**
 * Test data through the engine's own code: a conversation with citizen messages, an agree consent and a request
 * case, as the engine writes them when a citizen confirms an intake (or a handoff without consent).
 */
final class EngineCases {
    private final DataSource dataSource;
    private final Cases cases;
    private final java.time.Clock clock;

    EngineCases(DataSource dataSource) {
        this(dataSource, java.time.Clock.systemUTC());
    }

    /** With the clock of the server under test (case ages, SLA). */
    EngineCases(DataSource dataSource, java.time.Clock clock) {
        this.dataSource = dataSource;
        this.cases = new Cases(dataSource, "PH", ZoneId.of("Asia/Ho_Chi_Minh"),
                               vn.warddesk.bot.conversation.ConversationLog.access(vn.warddesk.bot.outbox.Outbox.QUEUE));
        this.clock = clock;
    }

    /** The real engine cases behind the staff desk (the same object the server's Staff feature gets). */
    Cases cases() {
        return cases;
    }

    /** A column of the case as stored (status, claimed_by, outcome). */
    String column(String code, String column) {
        return Jdbc.withConnection(dataSource, c -> {
            try (PreparedStatement q = c.prepareStatement("SELECT " + column + " FROM case_file WHERE code = ?")) {
                q.setString(1, code);
                try (ResultSet rs = q.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
    }

    record Created(String code, String conversationId) {
    }

    Created request(String ward, String channel, String procedure, Map<String, String> fields, String citizenText) {
        Instant now = clock.instant();
        return Jdbc.inTransaction(dataSource, c -> {
            String conversation = conversation(c, ward, channel, now);
            message(c, conversation, "in", "citizen", citizenText, now);
            long consent = ConsentLog.record(c, conversation, ConsentLog.PURPOSE_REQUEST, "2026-07-01",
                                             ConsentLog.sha256("notice text"), channel, ConsentLog.Decision.AGREE,
                                             ConsentLog.Method.BUTTON, now);
            String code = cases.createRequest(c, ward, conversation, channel, procedure, fields, consent, now);
            return new Created(code, conversation);
        });
    }

    Created handoff(String ward, String channel, String citizenText) {
        Instant now = clock.instant();
        return Jdbc.inTransaction(dataSource, c -> {
            String conversation = conversation(c, ward, channel, now);
            message(c, conversation, "in", "citizen", citizenText, now);
            String code = cases.createHandoff(c, ward, conversation, channel, Optional.empty(), now);
            return new Created(code, conversation);
        });
    }

    void withdraw(Created created) {
        Jdbc.inTransaction(dataSource, c -> {
            ConsentLog.record(c, created.conversationId(), ConsentLog.PURPOSE_REQUEST, "2026-07-01",
                              ConsentLog.sha256("notice text"), "web", ConsentLog.Decision.WITHDRAW,
                              ConsentLog.Method.TYPED, clock.instant());
            return cases.eraseForConversation(c, created.conversationId(), clock.instant());
        });
    }

    void citizenWrites(Created created, String text) {
        Jdbc.inTransaction(dataSource, c -> {
            message(c, created.conversationId(), "in", "citizen", text, clock.instant());
            return null;
        });
    }

    /** Outbound messages of the conversation as the citizen's channel sees them: (origin, text). */
    List<String[]> outbound(Created created) {
        return Jdbc.withConnection(dataSource, c -> {
            try (PreparedStatement q = c.prepareStatement(
                    "SELECT origin, text FROM message WHERE conversation_id = ? AND direction = 'out' ORDER BY id")) {
                q.setString(1, created.conversationId());
                List<String[]> rows = new ArrayList<>();
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new String[] {rs.getString(1), rs.getString(2)});
                    }
                }
                return rows;
            }
        });
    }

    String status(String code) {
        return cases.byCode(code).orElseThrow().status();
    }

    private static String conversation(Connection c, String ward, String channel, Instant now) throws SQLException {
        String id = UUID.randomUUID().toString();
        boolean push = channel.equals("telegram") || channel.equals("zalo");
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO conversation (id, ward_id, channel, channel_user_hash, channel_address, locale, state,
                                          created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'vi', 'handed_off', ?, ?)""")) {
            ps.setString(1, id);
            ps.setString(2, ward);
            ps.setString(3, channel);
            ps.setString(4, push ? id.replace("-", "") + id.replace("-", "").substring(0, 32) : null);
            ps.setString(5, push ? "chat-" + id.substring(0, 8) : null);
            ps.setTimestamp(6, Timestamp.from(now));
            ps.setTimestamp(7, Timestamp.from(now));
            ps.executeUpdate();
        }
        return id;
    }

    private static void message(Connection c, String conversation, String direction, String origin, String text, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO message (conversation_id, direction, origin, text, created_at) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, conversation);
            ps.setString(2, direction);
            ps.setString(3, origin);
            ps.setString(4, text);
            ps.setTimestamp(5, Timestamp.from(now));
            ps.executeUpdate();
        }
    }
}
