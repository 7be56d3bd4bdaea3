package vn.warddesk.bot.consent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The append-only consent record: every decision (agree, decline, withdraw) is a new row, never an update, so the
 * history stays provable. All SQL on the {@code consent} table lives here; callers pass their transaction.
 */
public final class ConsentLog {
    /** The one purpose the assistant asks consent for: handling the citizen's request at the ward. */
    public static final String PURPOSE_REQUEST = "request_handling";

    public enum Decision { AGREE, DECLINE, WITHDRAW;
        public String db() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public enum Method { BUTTON, TYPED;
        public String db() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One stored decision. */
    public record Event(long id, String conversationId, String purpose, String noticeVersion, String noticeSha256,
                        String channel, String decision, String method, Instant at) {
        public boolean agreed() {
            return "agree".equals(decision);
        }
    }

    private ConsentLog() {
    }

    public static long record(Connection c, String conversationId, String purpose, String noticeVersion,
                              String noticeSha256, String channel, Decision decision, Method method, Instant now)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO consent (conversation_id, purpose, notice_version, notice_sha256, channel, decision, method,
                                     created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, conversationId);
            insert.setString(2, purpose);
            insert.setString(3, noticeVersion);
            insert.setString(4, noticeSha256);
            insert.setString(5, channel);
            insert.setString(6, decision.db());
            insert.setString(7, method.db());
            insert.setTimestamp(8, Timestamp.from(now));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** Every decision of a conversation, oldest first. */
    public static List<Event> history(Connection c, String conversationId) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("""
                SELECT id, conversation_id, purpose, notice_version, notice_sha256, channel, decision, method, created_at
                FROM consent WHERE conversation_id = ? ORDER BY id""")) {
            q.setString(1, conversationId);
            List<Event> events = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    events.add(new Event(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                         rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                                         rs.getTimestamp(9).toInstant()));
                }
            }
            return events;
        }
    }

    /** The latest decision for a purpose: it alone says whether personal data may be kept now. */
    public static Optional<Event> latest(Connection c, String conversationId, String purpose) throws SQLException {
        List<Event> all = history(c, conversationId);
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).purpose().equals(purpose)) {
                return Optional.of(all.get(i));
            }
        }
        return Optional.empty();
    }

    /** The agreement currently in force for the purpose, if the latest decision is "agree". */
    public static Optional<Event> inForce(Connection c, String conversationId, String purpose) throws SQLException {
        return latest(c, conversationId, purpose).filter(Event::agreed);
    }

    public static Optional<Event> byId(Connection c, long id) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT conversation_id FROM consent WHERE id = ?")) {
            q.setLong(1, id);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String conversation = rs.getString(1);
                return history(c, conversation).stream().filter(e -> e.id() == id).findFirst();
            }
        }
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                                                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
