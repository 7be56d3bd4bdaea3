package vn.warddesk.bot.ward;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import vn.warddesk.bot.secret.SecretKeys;
import vn.warddesk.bot.store.Jdbc;

/**
 * All SQL of the per-ward channel credentials (table ward_channel_secret): sealed with {@link SecretKeys} on the way
 * in, opened on the way out. Each value is bound to its ward and field (associated data "ward/field"), so a row
 * copied elsewhere does not decrypt. Values are never logged.
 * <p>
 * Every webhook call and every send asks for its ward's credentials, so the opened values are kept in memory for
 * {@link #CACHE_TTL}: a save or a rotation through this instance drops them at once; a change made by another
 * instance (or by {@code ./warddesk admin} while the service runs) takes effect within that time.
 */
public final class WardChannelSecrets {
    private static final String SELECT = "SELECT field, key_id, sealed FROM ward_channel_secret WHERE ward_id = ?";
    private static final String UPSERT = """
            INSERT INTO ward_channel_secret (ward_id, field, key_id, sealed, updated_at) VALUES (?, ?, ?, ?, ?)
            ON DUPLICATE KEY UPDATE key_id = VALUES(key_id), sealed = VALUES(sealed), updated_at = VALUES(updated_at)""";
    private static final String DELETE = "DELETE FROM ward_channel_secret WHERE ward_id = ? AND field = ?";
    private static final String OLDER_KEYS = """
            SELECT ward_id, field, key_id, sealed FROM ward_channel_secret WHERE key_id <> ? FOR UPDATE""";
    private static final String RESEAL = "UPDATE ward_channel_secret SET key_id = ?, sealed = ? WHERE ward_id = ? AND field = ?";

    /** How long opened credentials (and other per-request ward reads) are kept before the database is asked again. */
    public static final Duration CACHE_TTL = Duration.ofSeconds(30);

    private final DataSource dataSource;
    private final SecretKeys keys;
    private final Cache<String, Map<ChannelField, String>> opened = Caffeine.newBuilder()
            .expireAfterWrite(CACHE_TTL).maximumSize(10_000).build();

    public WardChannelSecrets(DataSource dataSource, SecretKeys keys) {
        this.dataSource = dataSource;
        this.keys = keys;
    }

    /** Whether credentials can be saved (an encryption key is configured). */
    public boolean canSave() {
        return keys.ready();
    }

    /**
     * The ward's credentials in plain text (fields not set are absent). Without keys nothing is read: a deployment
     * that has no key uses only the channels of its configuration.
     */
    public Map<ChannelField, String> read(String wardId) {
        if (!keys.ready() || !Ward.isId(wardId)) {
            return new EnumMap<>(ChannelField.class);
        }
        return opened.get(wardId, this::readStored);
    }

    private Map<ChannelField, String> readStored(String wardId) {
        return Collections.unmodifiableMap(Jdbc.withConnection(dataSource, c -> read(c, wardId)));
    }

    /**
     * The same, on the caller's connection and never from the cache: a token refresh reads the pair it spends inside
     * the transaction that holds the OA's lock and stores the new pair.
     */
    public Map<ChannelField, String> read(Connection c, String wardId) throws SQLException {
        Map<ChannelField, String> out = new EnumMap<>(ChannelField.class);
        if (!keys.ready() || !Ward.isId(wardId)) {
            return out;
        }
        try (PreparedStatement select = c.prepareStatement(SELECT)) {
            select.setString(1, wardId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Optional<ChannelField> field = ChannelField.byKey(rows.getString(1));
                    if (field.isPresent()) {
                        out.put(field.get(), keys.open(place(wardId, field.get()),
                                                       new SecretKeys.Sealed(rows.getString(2), rows.getBytes(3))));
                    }
                }
            }
        }
        return out;
    }

    /**
     * Sets (non-blank value) or clears (blank) the given fields in one transaction.
     *
     * @throws SecretKeys.NoKeyException when no encryption key is configured and something is to be set
     */
    public void update(String wardId, Map<ChannelField, String> changes, Instant now) {
        Jdbc.inTransaction(dataSource, c -> {
            write(c, wardId, changes, now);
            return null;
        });
        opened.invalidate(wardId);
    }

    /** The same, inside the caller's transaction (a refreshed token pair replaces the spent one atomically). */
    public void update(Connection c, String wardId, Map<ChannelField, String> changes, Instant now) throws SQLException {
        write(c, wardId, changes, now);
        opened.invalidate(wardId);
    }

    private void write(Connection c, String wardId, Map<ChannelField, String> changes, Instant now) throws SQLException {
        Map<ChannelField, SecretKeys.Sealed> sealed = new EnumMap<>(ChannelField.class);
        changes.forEach((field, value) -> {
            if (!value.isBlank()) {
                sealed.put(field, keys.seal(place(wardId, field), value.strip()));
            }
        });
        for (ChannelField field : changes.keySet()) {
            SecretKeys.Sealed value = sealed.get(field);
            if (value == null) {
                try (PreparedStatement delete = c.prepareStatement(DELETE)) {
                    delete.setString(1, wardId);
                    delete.setString(2, field.key());
                    delete.executeUpdate();
                }
            } else {
                try (PreparedStatement upsert = c.prepareStatement(UPSERT)) {
                    upsert.setString(1, wardId);
                    upsert.setString(2, field.key());
                    upsert.setString(3, value.keyId());
                    upsert.setBytes(4, value.bytes());
                    upsert.setTimestamp(5, Timestamp.from(now));
                    upsert.executeUpdate();
                }
            }
        }
    }

    /** Re-encrypts every value sealed with an older key under the newest one, in one transaction; returns how many. */
    public int rotate() {
        String newest = keys.newestKeyId().orElseThrow(() -> new IllegalStateException(
                "no encryption key configured: set WARDDESK_SECRET_KEYS"));
        Integer resealed = Jdbc.inTransaction(dataSource, c -> {
            record Row(String wardId, ChannelField field, SecretKeys.Sealed sealed) {
            }
            List<Row> rows = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement(OLDER_KEYS)) {
                select.setString(1, newest);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        Optional<ChannelField> field = ChannelField.byKey(rs.getString(2));
                        if (field.isPresent()) {
                            rows.add(new Row(rs.getString(1), field.get(),
                                             new SecretKeys.Sealed(rs.getString(3), rs.getBytes(4))));
                        }
                    }
                }
            }
            for (Row row : rows) {
                reseal(c, row.wardId(), row.field(), row.sealed());
            }
            return rows.size();
        }).intValue();
        opened.invalidateAll();
        return resealed;
    }

    private void reseal(Connection c, String wardId, ChannelField field, SecretKeys.Sealed old) throws SQLException {
        String place = place(wardId, field);
        SecretKeys.Sealed fresh = keys.seal(place, keys.open(place, old));
        try (PreparedStatement update = c.prepareStatement(RESEAL)) {
            update.setString(1, fresh.keyId());
            update.setBytes(2, fresh.bytes());
            update.setString(3, wardId);
            update.setString(4, field.key());
            update.executeUpdate();
        }
    }

    private static String place(String wardId, ChannelField field) {
        return wardId + "/" + field.key();
    }
}
