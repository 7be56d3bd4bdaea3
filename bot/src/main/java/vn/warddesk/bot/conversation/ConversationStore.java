package vn.warddesk.bot.conversation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * SQL for the engine's own rows: the conversation row (address, language, draft, case link, session times), its dialogue
 * state folded from the event log when the row is locked, and the inbound event ledger. The row's {@code state} column
 * is a copy of the folded state for other features' queries (staff lists), rewritten with each turn.
 */
final class ConversationStore {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final String COLUMNS = """
            conversation.id, ward_id, channel, channel_address, locale, state, draft, draft_updated_at, case_code,
            session_started_at, conversation.created_at, updated_at""";
    private static final int COLUMN_COUNT = 12;
    private static final String BY_ID = "conversation.id = ?";
    private static final String BY_USER = "channel = ? AND channel_user_hash = ? AND ward_id = ?";

    /**
     * A locked conversation row, changed in memory during one event and saved at the end. {@code state} and
     * {@code context} are the tracker's fold: they change only by {@link #apply} of an event the turn appends.
     */
    static final class Row {
        final String id;
        final String wardId;
        final String channel;
        String address;
        String locale;
        private Tracker tracker;
        String state;
        Context context;
        Map<String, String> draft;
        Instant draftUpdatedAt;
        String caseCode;
        Instant sessionStartedAt;
        final Instant updatedAt;
        boolean created;

        Row(String id, String wardId, String channel, String address, String locale, Tracker tracker,
            Map<String, String> draft, Instant draftUpdatedAt, String caseCode, Instant sessionStartedAt,
            Instant updatedAt) {
            this.id = id;
            this.wardId = wardId;
            this.channel = channel;
            this.address = address;
            this.locale = locale;
            this.draft = draft;
            this.draftUpdatedAt = draftUpdatedAt;
            this.caseCode = caseCode;
            this.sessionStartedAt = sessionStartedAt;
            this.updatedAt = updatedAt;
            follow(tracker);
        }

        /** Applies one event of this turn to the dialogue state (the caller appends it to the log). */
        void apply(ConversationEvent event) {
            follow(tracker.apply(event));
        }

        Tracker tracker() {
            return tracker;
        }

        private void follow(Tracker next) {
            tracker = next;
            state = next.state();
            context = next.context();
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

    /** Gives a conversation a new bearer token hash (a verified Mini App user reopening their conversation). */
    void replaceToken(Connection c, String conversationId, String tokenSha256, Instant now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE conversation SET token_sha256 = ?, updated_at = ? WHERE id = ?")) {
            update.setString(1, tokenSha256);
            update.setTimestamp(2, Timestamp.from(now));
            update.setString(3, conversationId);
            update.executeUpdate();
        }
    }

    /** Finds (or, for a chat user, creates) the conversation and takes its row lock until the transaction ends. */
    Row findOrCreateLocked(Connection c, ConversationRef ref, String channel, String locale, Instant now)
            throws SQLException {
        return findOrCreateLocked(c, ref, channel, locale, now, false);
    }

    /**
     * As {@link #findOrCreateLocked(Connection, ConversationRef, String, String, Instant)}; {@code readCommitted}
     * says the transaction is READ COMMITTED, where a locking read takes no gap lock: a chat user's row is then found
     * and locked by its user key in one statement.
     */
    Row findOrCreateLocked(Connection c, ConversationRef ref, String channel, String locale, Instant now,
                           boolean readCommitted) throws SQLException {
        return switch (ref) {
            case ConversationRef.ById byId -> locked(c, readCommitted, BY_ID, byId.conversationId())
                    .orElseThrow(() -> new UnknownConversation(byId.conversationId()));
            case ConversationRef.ByChannelUser user -> {
                // Every turn but the first finds the row: a plain read and the lock instead of insert, look-up and
                // lock. Under REPEATABLE READ not a locking read by the user key: for a new user it would lock the
                // gap, and two first messages of different users would then deadlock on their INSERTs.
                Optional<Row> known;
                if (readCommitted) {
                    known = locked(c, true, BY_USER, user.channel(), user.userHash(), user.wardId());
                } else {
                    String knownId = null;
                    try (PreparedStatement q = c.prepareStatement("""
                            SELECT id FROM conversation WHERE channel = ? AND channel_user_hash = ? AND ward_id = ?""")) {
                        q.setString(1, user.channel());
                        q.setString(2, user.userHash());
                        q.setString(3, user.wardId());
                        try (ResultSet rs = q.executeQuery()) {
                            knownId = rs.next() ? rs.getString(1) : null;
                        }
                    }
                    known = knownId == null ? Optional.empty() : lockedById(c, knownId);
                }
                if (known.isPresent()) {
                    Row row = known.get();
                    if (user.address() != null && !user.address().equals(row.address)) {
                        row.address = user.address();
                    }
                    yield row;
                }
                // INSERT IGNORE against the unique (channel, user hash, ward) key: two first events cannot make two rows.
                String id = UUID.randomUUID().toString();
                String startLocale = locale == null ? "vi" : locale;
                boolean inserted;
                try (PreparedStatement insert = c.prepareStatement("""
                        INSERT IGNORE INTO conversation (id, ward_id, channel, channel_user_hash, channel_address, locale,
                                                         state, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, 'idle', ?, ?)""")) {
                    insert.setString(1, id);
                    insert.setString(2, user.wardId());
                    insert.setString(3, user.channel());
                    insert.setString(4, user.userHash());
                    insert.setString(5, user.address());
                    insert.setString(6, startLocale);
                    insert.setTimestamp(7, Timestamp.from(now));
                    insert.setTimestamp(8, Timestamp.from(now));
                    inserted = insert.executeUpdate() == 1;
                }
                if (inserted) {
                    // Our own new row, locked by its insert: it is what we just wrote and has no events yet, so it is
                    // not read back.
                    Row row = new Row(id, user.wardId(), user.channel(), user.address(), startLocale,
                                      Tracker.initial(Dialogue.IDLE), new LinkedHashMap<>(), null, null, null, now);
                    row.created = true;
                    yield row;
                }
                // A locking read: it sees the row another first message committed meanwhile, which the snapshot of
                // the plain read above does not; the row exists now, so it locks that row, not a gap.
                Row row = locked(c, readCommitted, BY_USER, user.channel(), user.userHash(), user.wardId())
                        .orElseThrow();
                if (user.address() != null && !user.address().equals(row.address)) {
                    row.address = user.address();
                }
                yield row;
            }
        };
    }

    Optional<Row> lockedById(Connection c, String conversationId) throws SQLException {
        return locked(c, false, BY_ID, conversationId);
    }

    /**
     * The row found by {@code where}, locked, with its dialogue state folded from its current session's events, read
     * under the lock. {@code readCommitted}: one statement, the row joined to its session's events (a locking read
     * that locks those event rows too, but no gaps at this isolation level). Under REPEATABLE READ it would lock the
     * gaps after the events as well, where other conversations' first events are inserted: there the events are read
     * by a second, plain statement.
     */
    private Optional<Row> locked(Connection c, boolean readCommitted, String where, String... args) throws SQLException {
        String sql = readCommitted
                ? "SELECT " + COLUMNS + ", " + EventLog.EVENT_COLUMNS + " FROM conversation " + EventLog.SESSION_JOIN
                  + " WHERE " + where + " ORDER BY e.id FOR UPDATE"
                : "SELECT " + COLUMNS + " FROM conversation WHERE " + where + " FOR UPDATE";
        Row row;
        List<ConversationEvent> session = new java.util.ArrayList<>();
        try (PreparedStatement q = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                q.setString(i + 1, args[i]);
            }
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                // Without any event yet (a new or a pre-event-log conversation) the fold starts from the stored state.
                Tracker start = Tracker.initial(rs.getString("state"));
                row = new Row(rs.getString("id"), rs.getString("ward_id"), rs.getString("channel"),
                              rs.getString("channel_address"), rs.getString("locale"), start, draft(rs.getString("draft")),
                              instant(rs.getTimestamp("draft_updated_at")), rs.getString("case_code"),
                              instant(rs.getTimestamp("session_started_at")), rs.getTimestamp("updated_at").toInstant());
                if (readCommitted) {
                    do {
                        EventLog.read(rs, COLUMN_COUNT + 1).ifPresent(session::add);
                    } while (rs.next());
                }
            }
        }
        if (!readCommitted) {
            session = EventLog.session(c, row.id); // read under the row lock just taken
        }
        // The dialogue state is the fold of this session's events.
        row.follow(Tracker.fold(row.tracker(), session));
        return Optional.of(row);
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

    /** A row's columns as a turn left them, to be written with other rows' ({@link #saveAll}). */
    record Saved(String id, String address, String locale, String state, String draft, Instant draftUpdatedAt,
                 String caseCode, Instant sessionStartedAt, Instant now) {
    }

    Saved saved(Row row, Instant now) {
        boolean noDraft = row.draft == null || row.draft.isEmpty();
        return new Saved(row.id, row.address, row.locale, row.state, noDraft ? null : write(row.draft),
                         noDraft ? null : row.draftUpdatedAt, row.caseCode, row.sessionStartedAt, now);
    }

    /**
     * Several turns' rows with one UPDATE (a batch of the inbox): each column is a {@code CASE} over the rows' ids, as
     * the outbox marks its sent rows.
     */
    void saveAll(Connection c, List<Saved> rows) throws SQLException {
        if (rows.size() <= 1) {
            for (Saved row : rows) {
                save(c, row);
            }
            return;
        }
        String[] columns = {"channel_address", "locale", "state", "draft", "draft_updated_at", "case_code",
                            "session_started_at", "updated_at"};
        String cases = String.join(" ", java.util.Collections.nCopies(rows.size(), "WHEN ? THEN ?"));
        StringBuilder sql = new StringBuilder("UPDATE conversation SET ");
        for (int i = 0; i < columns.length; i++) {
            sql.append(i == 0 ? "" : ", ").append(columns[i]).append(" = CASE id ").append(cases).append(" END");
        }
        sql.append(" WHERE id IN (").append(String.join(", ", java.util.Collections.nCopies(rows.size(), "?")))
                .append(")");
        try (PreparedStatement u = c.prepareStatement(sql.toString())) {
            int at = 1;
            for (int column = 0; column < columns.length; column++) {
                for (Saved row : rows) {
                    u.setString(at++, row.id());
                    switch (column) {
                        case 0 -> u.setString(at, row.address());
                        case 1 -> u.setString(at, row.locale());
                        case 2 -> u.setString(at, row.state());
                        case 3 -> u.setString(at, row.draft());
                        case 4 -> u.setTimestamp(at, timestamp(row.draftUpdatedAt()));
                        case 5 -> u.setString(at, row.caseCode());
                        case 6 -> u.setTimestamp(at, timestamp(row.sessionStartedAt()));
                        default -> u.setTimestamp(at, timestamp(row.now()));
                    }
                    at++;
                }
            }
            for (Saved row : rows) {
                u.setString(at++, row.id());
            }
            u.executeUpdate();
        }
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    void save(Connection c, Row row, Instant now) throws SQLException {
        save(c, saved(row, now));
    }

    private static void save(Connection c, Saved row) throws SQLException {
        try (PreparedStatement u = c.prepareStatement("""
                UPDATE conversation SET channel_address = ?, locale = ?, state = ?, draft = ?,
                       draft_updated_at = ?, case_code = ?, session_started_at = ?, updated_at = ?
                WHERE id = ?""")) {
            u.setString(1, row.address());
            u.setString(2, row.locale());
            u.setString(3, row.state());
            u.setString(4, row.draft());
            u.setTimestamp(5, timestamp(row.draftUpdatedAt()));
            u.setString(6, row.caseCode());
            u.setTimestamp(7, timestamp(row.sessionStartedAt()));
            u.setTimestamp(8, Timestamp.from(row.now()));
            u.setString(9, row.id());
            u.executeUpdate();
        }
    }

    /** The token hash of a web conversation, if it exists. */
    Optional<String> wardOf(Connection c, String id) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT ward_id FROM conversation WHERE id = ?")) {
            q.setString(1, id);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

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

    /**
     * Erasure: the "which ward" a province-wide bot/OA remembers for this conversation's platform user
     * (channel_ward_choice, keyed by the same user hash). The next message asks again. Conversations without a
     * platform user (web, kiosk, Mini App) have none.
     */
    int forgetWardChoice(Connection c, String conversationId) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("""
                DELETE w FROM channel_ward_choice w JOIN conversation v
                  ON v.channel = w.channel AND v.channel_user_hash = w.user_hash
                WHERE v.id = ?""")) {
            delete.setString(1, conversationId);
            return delete.executeUpdate();
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
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
