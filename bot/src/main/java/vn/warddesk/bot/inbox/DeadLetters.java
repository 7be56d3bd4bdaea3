package vn.warddesk.bot.inbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import javax.sql.DataSource;

import vn.warddesk.bot.store.Jdbc;

/**
 * Platform events that can never be handled, kept once each (channel + SHA-256 of the platform's event id) with a
 * reason and a time — never the message text or a user id — so that the webhook can acknowledge them (the platform
 * stops retrying) without dropping them silently, and admins can see them (GET /api/v1/staff/dead-letters).
 */
public final class DeadLetters {
    private static final System.Logger LOGGER = System.getLogger(DeadLetters.class.getName());
    private static final String INSERT = """
            INSERT IGNORE INTO dead_letter (channel, event_key, reason, received_at) VALUES (?, ?, ?, ?)""";
    private static final String LIST = """
            SELECT id, channel, event_key, reason, received_at FROM dead_letter ORDER BY received_at DESC, id DESC LIMIT ?""";

    private final DataSource dataSource;
    private final Clock clock;

    public DeadLetters(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** One dead event as admins see it. */
    public record DeadLetter(long id, String channel, String eventKey, String reason, Instant receivedAt) {
    }

    /** Stores the event once (a redelivery of the same platform event adds nothing). */
    public void store(String channel, String platformEventId, String reason) {
        Jdbc.withConnection(dataSource, c -> {
            store(c, channel, platformEventId, reason, clock.instant());
            return null;
        });
    }

    static void store(Connection connection, String channel, String platformEventId, String reason, Instant at)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, channel);
            insert.setString(2, key(platformEventId));
            insert.setString(3, reason.length() > 200 ? reason.substring(0, 200) : reason);
            insert.setTimestamp(4, Timestamp.from(at));
            if (insert.executeUpdate() == 1) {
                LOGGER.log(System.Logger.Level.WARNING, channel + " event set aside as a dead letter: " + reason);
            }
        }
    }

    public List<DeadLetter> newest(int limit) {
        return Jdbc.withConnection(dataSource, c -> {
            try (PreparedStatement query = c.prepareStatement(LIST)) {
                query.setInt(1, Math.max(1, Math.min(limit, 1000)));
                List<DeadLetter> out = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        out.add(new DeadLetter(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                                               rows.getTimestamp(5).toInstant()));
                    }
                }
                return out;
            }
        });
    }

    /** The event's platform id as stored: a hash, since a poisoned id may be anything (and arbitrarily long). */
    static String key(String platformEventId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(platformEventId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
