package vn.warddesk.bot.ward;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import vn.warddesk.bot.store.Jdbc;

/**
 * All SQL of kiosk pairing: a ward admin's one-time pairing codes and the devices that exchanged one for a device
 * token. Codes are 8 digits (typed on the kiosk keypad; short-lived and single-use), tokens 256 random bits; only
 * SHA-256 hashes of both are stored, so a database dump pairs nothing.
 */
public final class KioskDevices {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int CODE_DIGITS = 8;

    private final DataSource dataSource;

    public KioskDevices(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A pairing code as the admin sees it once. */
    public record PairingCode(String code, String wardId, String label, Instant expiresAt) {
    }

    /** A paired kiosk as admins list it (never its token). */
    public record Device(long id, String wardId, String label, Instant pairedAt, Optional<Instant> lastSeenAt,
                         Optional<Instant> revokedAt) {
    }

    /** What the kiosk gets once: its token and the ward it now belongs to. */
    public record Paired(long deviceId, String wardId, String label, String token) {
    }

    public PairingCode issueCode(String wardId, String label, String createdBy, Instant now, Duration ttl) {
        for (int attempt = 0; ; attempt++) {
            String code = digits();
            Instant expiresAt = now.plus(ttl);
            try {
                Jdbc.inTransaction(dataSource, c -> {
                    // Expired and used codes are of no use to anyone: cleared as new ones are made.
                    try (PreparedStatement purge = c.prepareStatement(
                            "DELETE FROM kiosk_pairing_code WHERE expires_at < ? OR used_at IS NOT NULL");
                         PreparedStatement insert = c.prepareStatement("""
                                 INSERT INTO kiosk_pairing_code (code_hash, ward_id, label, created_by, expires_at)
                                 VALUES (?, ?, ?, ?, ?)""")) {
                        purge.setTimestamp(1, Timestamp.from(now));
                        purge.executeUpdate();
                        insert.setString(1, sha256(code));
                        insert.setString(2, wardId);
                        insert.setString(3, label);
                        insert.setString(4, createdBy);
                        insert.setTimestamp(5, Timestamp.from(expiresAt));
                        return insert.executeUpdate();
                    }
                });
                return new PairingCode(code, wardId, label, expiresAt);
            } catch (RuntimeException e) {
                // A live code with the same digits (1 in 10^8 per live code): draw again.
                if (attempt >= 3 || !duplicate(e)) {
                    throw e;
                }
            }
        }
    }

    /** Uses the code (once, before it expires) and registers the device; empty for an unknown, used or expired code. */
    public Optional<Paired> pair(String code, Instant now) {
        if (code == null || !code.matches("\\d{" + CODE_DIGITS + "}")) {
            return Optional.empty();
        }
        String codeHash = sha256(code);
        return Jdbc.inTransaction(dataSource, c -> {
            try (PreparedStatement use = c.prepareStatement(
                    "UPDATE kiosk_pairing_code SET used_at = ? WHERE code_hash = ? AND used_at IS NULL AND expires_at > ?")) {
                use.setTimestamp(1, Timestamp.from(now));
                use.setString(2, codeHash);
                use.setTimestamp(3, Timestamp.from(now));
                if (use.executeUpdate() != 1) {
                    return Optional.<Paired>empty();
                }
            }
            String wardId;
            String label;
            try (PreparedStatement read = c.prepareStatement("SELECT ward_id, label FROM kiosk_pairing_code WHERE code_hash = ?")) {
                read.setString(1, codeHash);
                try (ResultSet rows = read.executeQuery()) {
                    rows.next();
                    wardId = rows.getString(1);
                    label = rows.getString(2);
                }
            }
            String token = token();
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO kiosk_device (ward_id, label, token_hash, paired_at) VALUES (?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, wardId);
                insert.setString(2, label);
                insert.setString(3, sha256(token));
                insert.setTimestamp(4, Timestamp.from(now));
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    return Optional.of(new Paired(keys.getLong(1), wardId, label, token));
                }
            }
        });
    }

    /** The device behind a token, unless revoked; notes when it was last seen (at most once a minute). */
    public Optional<Device> device(String token, Instant now) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        String tokenHash = sha256(token);
        return Jdbc.withConnection(dataSource, c -> {
            try (PreparedStatement seen = c.prepareStatement("""
                    UPDATE kiosk_device SET last_seen_at = ?
                    WHERE token_hash = ? AND revoked_at IS NULL AND (last_seen_at IS NULL OR last_seen_at < ?)""")) {
                seen.setTimestamp(1, Timestamp.from(now));
                seen.setString(2, tokenHash);
                seen.setTimestamp(3, Timestamp.from(now.minusSeconds(60)));
                seen.executeUpdate();
            }
            List<Device> found = query(c, "token_hash = ? AND revoked_at IS NULL", tokenHash);
            return found.stream().findFirst();
        });
    }

    public List<Device> devices(String wardId) {
        return Jdbc.withConnection(dataSource, c -> query(c, "ward_id = ?", wardId));
    }

    /** Revokes a device of the ward; false when the ward has no such device. */
    public boolean revoke(String wardId, long deviceId, Instant now) {
        return Jdbc.inTransaction(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE kiosk_device SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ? AND ward_id = ?")) {
                ps.setTimestamp(1, Timestamp.from(now));
                ps.setLong(2, deviceId);
                ps.setString(3, wardId);
                return ps.executeUpdate() == 1;
            }
        });
    }

    private static List<Device> query(Connection c, String where, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, ward_id, label, paired_at, last_seen_at, revoked_at FROM kiosk_device WHERE " + where
                + " ORDER BY id")) {
            ps.setString(1, value);
            try (ResultSet rows = ps.executeQuery()) {
                List<Device> devices = new ArrayList<>();
                while (rows.next()) {
                    devices.add(new Device(rows.getLong(1), rows.getString(2), rows.getString(3),
                                           rows.getTimestamp(4).toInstant(), instant(rows.getTimestamp(5)),
                                           instant(rows.getTimestamp(6))));
                }
                return devices;
            }
        }
    }

    private static boolean duplicate(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLIntegrityConstraintViolationException) {
                return true;
            }
        }
        return false;
    }

    private static Optional<Instant> instant(Timestamp timestamp) {
        return Optional.ofNullable(timestamp).map(Timestamp::toInstant);
    }

    private static String digits() {
        StringBuilder code = new StringBuilder(CODE_DIGITS);
        for (int i = 0; i < CODE_DIGITS; i++) {
            code.append(RANDOM.nextInt(10));
        }
        return code.toString();
    }

    private static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
