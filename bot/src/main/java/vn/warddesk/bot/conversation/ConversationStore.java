package vn.warddesk.bot.conversation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/** SQL for the engine's own rows: conversation state, draft and the inbound event ledger. */
final class ConversationStore {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final String COLUMNS = """
            id, ward_id, channel, channel_address, locale, state, context, draft, draft_updated_at, case_code,
            session_started_at, created_at, updated_at""";

    /** A locked conversation row, changed in memory during one event and saved at the end. */
    static final class Row {
        final String id;
        final String wardId;
        final String channel;
        String address;
        String locale;
        String state;
        Context context;
        Map<String, String> draft;
        Instant draftUpdatedAt;
        String caseCode;
        Instant sessionStartedAt;
        final Instant updatedAt;
        boolean created;

        Row(String id, String wardId, String channel, String address, String locale, String state, Context context,
            Map<String, String> draft, Instant draftUpdatedAt, String caseCode, Instant sessionStartedAt,
            Instant updatedAt) {
            this.id = id;
            this.wardId = wardId;
            this.channel = channel;
            this.address = address;
            this.locale = locale;
            this.state = state;
            this.context = context;
            this.draft = draft;
            this.draftUpdatedAt = draftUpdatedAt;
            this.caseCode = caseCode;
            this.sessionStartedAt = sessionStartedAt;
            this.updatedAt = updatedAt;
        }
    }

    String create(Connection c, String channel, String wardId, String locale, String tokenSha256, Instant now)
            throws SQLException {
        String id = UUID.randomUUID().toString();
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO conversation (id, ward_id, channel, locale, state, token_sha256, created_at, updated_at)
                VALUES (?, ?, ?, ?, 'idle', ?, ?, ?)""")) {
            insert.setString(1, id);
            insert.setString(2, wardId);
            insert.setString(3, channel);
            insert.setString(4, locale);
            insert.setString(5, tokenSha256);
            insert.setTimestamp(6, Timestamp.from(now));
            insert.setTimestamp(7, Timestamp.from(now));
            insert.executeUpdate();
        }
        return id;
    }

    /** Finds (or, for a chat user, creates) the conversation and takes its row lock until the transaction ends. */
    Row findOrCreateLocked(Connection c, ConversationRef ref, String channel, String locale, Instant now)
            throws SQLException {
        return switch (ref) {
            case ConversationRef.ById byId -> lockedById(c, byId.conversationId())
                    .orElseThrow(() -> new UnknownConversation(byId.conversationId()));
            case ConversationRef.ByChannelUser user -> {
                // INSERT IGNORE against the unique (channel, user hash, ward) key: two first events cannot make two rows.
                boolean inserted;
                try (PreparedStatement insert = c.prepareStatement("""
                        INSERT IGNORE INTO conversation (id, ward_id, channel, channel_user_hash, channel_address, locale,
                                                         state, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, 'idle', ?, ?)""")) {
                    insert.setString(1, UUID.randomUUID().toString());
                    insert.setString(2, user.wardId());
                    insert.setString(3, user.channel());
                    insert.setString(4, user.userHash());
                    insert.setString(5, user.address());
                    insert.setString(6, locale == null ? "vi" : locale);
                    insert.setTimestamp(7, Timestamp.from(now));
                    insert.setTimestamp(8, Timestamp.from(now));
                    inserted = insert.executeUpdate() == 1;
                }
                String id;
                try (PreparedStatement q = c.prepareStatement("""
                        SELECT id FROM conversation WHERE channel = ? AND channel_user_hash = ? AND ward_id = ?""")) {
                    q.setString(1, user.channel());
                    q.setString(2, user.userHash());
                    q.setString(3, user.wardId());
                    try (ResultSet rs = q.executeQuery()) {
                        rs.next();
                        id = rs.getString(1);
                    }
                }
                Row row = lockedById(c, id).orElseThrow();
                row.created = inserted;
                if (user.address() != null && !user.address().equals(row.address)) {
                    row.address = user.address();
                }
                yield row;
            }
        };
    }

    Optional<Row> lockedById(Connection c, String id) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT " + COLUMNS + " FROM conversation WHERE id = ? FOR UPDATE")) {
            q.setString(1, id);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Row(rs.getString("id"), rs.getString("ward_id"), rs.getString("channel"),
                                           rs.getString("channel_address"), rs.getString("locale"), rs.getString("state"),
                                           context(rs.getString("context")), draft(rs.getString("draft")),
                                           instant(rs.getTimestamp("draft_updated_at")), rs.getString("case_code"),
                                           instant(rs.getTimestamp("session_started_at")),
                                           rs.getTimestamp("updated_at").toInstant()));
            }
        }
    }

    /** Records the event id; false when it was seen before (a replay). */
    boolean firstTime(Connection c, String channel, String eventId, String conversationId, Instant now)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT IGNORE INTO inbound_event (channel, event_id, conversation_id, received_at) VALUES (?, ?, ?, ?)""")) {
            insert.setString(1, channel);
            insert.setString(2, eventId);
            insert.setString(3, conversationId);
            insert.setTimestamp(4, Timestamp.from(now));
            return insert.executeUpdate() == 1;
        }
    }

    void save(Connection c, Row row, Instant now) throws SQLException {
        try (PreparedStatement u = c.prepareStatement("""
                UPDATE conversation SET channel_address = ?, locale = ?, state = ?, context = ?, draft = ?,
                       draft_updated_at = ?, case_code = ?, session_started_at = ?, updated_at = ?
                WHERE id = ?""")) {
            u.setString(1, row.address);
            u.setString(2, row.locale);
            u.setString(3, row.state);
            u.setString(4, write(row.context));
            u.setString(5, row.draft == null || row.draft.isEmpty() ? null : write(row.draft));
            u.setTimestamp(6, row.draft == null || row.draft.isEmpty() || row.draftUpdatedAt == null ? null
                    : Timestamp.from(row.draftUpdatedAt));
            u.setString(7, row.caseCode);
            u.setTimestamp(8, row.sessionStartedAt == null ? null : Timestamp.from(row.sessionStartedAt));
            u.setTimestamp(9, Timestamp.from(now));
            u.setString(10, row.id);
            u.executeUpdate();
        }
    }

    /** The token hash of a web conversation, if it exists. */
    Optional<String> tokenHash(Connection c, String id) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT token_sha256 FROM conversation WHERE id = ?")) {
            q.setString(1, id);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1) == null ? "" : rs.getString(1)) : Optional.empty();
            }
        }
    }

    int messageCount(Connection c, String id) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT COUNT(*) FROM message WHERE conversation_id = ?")) {
            q.setString(1, id);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    void tombstone(Connection c, String id, String reason, int messages, int fields, int cases, Instant now)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO erasure (conversation_id, reason, messages_erased, fields_erased, cases_withdrawn, created_at)
                VALUES (?, ?, ?, ?, ?, ?)""")) {
            insert.setString(1, id);
            insert.setString(2, reason);
            insert.setInt(3, messages);
            insert.setInt(4, fields);
            insert.setInt(5, cases);
            insert.setTimestamp(6, Timestamp.from(now));
            insert.executeUpdate();
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static Context context(String json) {
        if (json == null) {
            return Context.empty();
        }
        try {
            return JSON.readValue(json, Context.class);
        } catch (JsonProcessingException e) {
            return Context.empty(); // a context from an older version is forgotten, not fatal
        }
    }

    private static Map<String, String> draft(String json) {
        if (json == null) {
            return new LinkedHashMap<>();
        }
        try {
            return JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a draft that is not JSON", e);
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("engine state that cannot be written as JSON", e);
        }
    }
}
