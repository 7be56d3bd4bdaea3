package vn.warddesk.bot.conversation;

import vn.warddesk.bot.message.Logged;
import vn.warddesk.bot.message.Reply;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import vn.warddesk.bot.catalog.Lang;
import vn.warddesk.bot.cases.ConversationAccess;

/**
 * The conversation rows and stored messages as other features (cases, staff, web API, retention) may touch them,
 * always inside the caller's transaction. Everything that changes a conversation takes its row lock first, so staff
 * replies never interleave with the engine handling a citizen's event.
 */
public final class ConversationLog {
    private ConversationLog() {
    }

    /** Row lock on the conversation ({@code SELECT … FOR UPDATE}); false when it does not exist. */
    public static boolean lock(Connection c, String conversationId) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT id FROM conversation WHERE id = ? FOR UPDATE")) {
            q.setString(1, conversationId);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * Stores an outbound message and, when the conversation has a push address, queues it through the outbound port in
     * the same transaction. Returns the message's sequence number.
     */
    static long deliver(Connection c, OutboundQueue queue, String conversationId, String channel, String address,
                        Reply reply, String origin, Instant now) throws SQLException {
        long seq = insert(c, conversationId, "out", origin, reply.text(), null, now);
        if (address != null) {
            queue.enqueue(c, conversationId, channel, address, reply, origin, seq, now);
        }
        return seq;
    }

    /** A message the bot or staff sends, to be stored. */
    record Outgoing(String conversationId, String origin, String text, Instant at) {
    }

    /**
     * Outbound messages (of one or several conversations) as one multi-row INSERT; {@code RETURNING} gives their ids in
     * the order of the rows (MariaDB 10.5+), whatever the auto-increment step (a Galera cluster's ids are not
     * consecutive). The ids are the messages' sequence numbers.
     */
    static List<Long> insertOutgoing(Connection c, List<Outgoing> messages) throws SQLException {
        if (messages.isEmpty()) {
            return List.of();
        }
        String sql = "INSERT INTO message (conversation_id, direction, origin, text, action, created_at) VALUES "
                     + String.join(", ", java.util.Collections.nCopies(messages.size(), "(?, 'out', ?, ?, NULL, ?)"))
                     + " RETURNING id";
        List<Long> ids = new ArrayList<>(messages.size());
        try (PreparedStatement insert = c.prepareStatement(sql)) {
            int at = 0;
            for (Outgoing message : messages) {
                insert.setString(at + 1, message.conversationId());
                insert.setString(at + 2, message.origin());
                insert.setString(at + 3, message.text());
                insert.setTimestamp(at + 4, Timestamp.from(message.at()));
                at += 4;
            }
            try (ResultSet rs = insert.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        if (ids.size() != messages.size()) {
            throw new SQLException("stored " + ids.size() + " of " + messages.size() + " messages");
        }
        return ids;
    }

    /**
     * Stores the citizen's message of a turn and records its platform event id in the same row (the replay ledger,
     * unique per channel and event id). Returns the message's sequence number, or empty when a message with this
     * event id is already stored: the event is a replay, and nothing was written. Without an event id (the web API
     * gives none) the message is always stored.
     */
    static java.util.OptionalLong insertInbound(Connection c, String conversationId, String text, String action,
                                                String eventChannel, String eventId, Instant now) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT IGNORE INTO message (conversation_id, direction, origin, text, action, event_channel, event_id,
                                            created_at)
                VALUES (?, 'in', 'citizen', ?, ?, ?, ?, ?) RETURNING id""")) {
            insert.setString(1, conversationId);
            insert.setString(2, text);
            insert.setString(3, action);
            insert.setString(4, eventId == null ? null : eventChannel);
            insert.setString(5, eventId);
            insert.setTimestamp(6, Timestamp.from(now));
            try (ResultSet rs = insert.executeQuery()) {
                return rs.next() ? java.util.OptionalLong.of(rs.getLong(1)) : java.util.OptionalLong.empty();
            }
        }
    }

    /** The engine's port for case work (staff replies, claim and hand-back notices, state after staff actions). */
    public static ConversationAccess access(OutboundQueue queue) {
        return new ConversationAccess() {
            @Override
            public boolean lock(Connection c, String conversationId) throws SQLException {
                return ConversationLog.lock(c, conversationId);
            }

            @Override
            public void setState(Connection c, String conversationId, String state, Instant now) throws SQLException {
                ConversationLog.setState(c, conversationId, state, now);
            }

            @Override
            public long deliver(Connection c, String conversationId, Reply reply, String origin, Instant now)
                    throws SQLException {
                try (PreparedStatement q = c.prepareStatement(
                        "SELECT channel, channel_address FROM conversation WHERE id = ?")) {
                    q.setString(1, conversationId);
                    try (ResultSet rs = q.executeQuery()) {
                        boolean found = rs.next();
                        return ConversationLog.deliver(c, queue, conversationId, found ? rs.getString(1) : null,
                                                       found ? rs.getString(2) : null, reply, origin, now);
                    }
                }
            }

            @Override
            public Lang lang(Connection c, String conversationId) throws SQLException {
                return ConversationLog.lang(c, conversationId);
            }

            @Override
            public List<Logged> transcript(Connection c, String conversationId, int limit) throws SQLException {
                return ConversationLog.transcript(c, conversationId, limit);
            }
        };
    }

    static long insert(Connection c, String conversationId, String direction, String origin, String text, String action,
                       Instant now) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO message (conversation_id, direction, origin, text, action, created_at)
                VALUES (?, ?, ?, ?, ?, ?)""", Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, conversationId);
            insert.setString(2, direction);
            insert.setString(3, origin);
            insert.setString(4, text);
            insert.setString(5, action);
            insert.setTimestamp(6, Timestamp.from(now));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** Staff changed the conversation's state (claim, hand back, close): an event, as every change of dialogue state. */
    public static void setState(Connection c, String conversationId, String state, Instant now) throws SQLException {
        EventLog.append(c, conversationId, List.of(new ConversationEvent.StateSet(state)), now);
        try (PreparedStatement u = c.prepareStatement("UPDATE conversation SET state = ?, updated_at = ? WHERE id = ?")) {
            u.setString(1, state);
            u.setTimestamp(2, Timestamp.from(now));
            u.setString(3, conversationId);
            u.executeUpdate();
        }
    }

    public static Lang lang(Connection c, String conversationId) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT locale FROM conversation WHERE id = ?")) {
            q.setString(1, conversationId);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Lang.of(rs.getString(1)) : Lang.VI;
            }
        }
    }

    /** The last {@code limit} messages, oldest first, with the intent the engine understood for typed ones. */
    public static List<Logged> transcript(Connection c, String conversationId, int limit) throws SQLException {
        List<Logged> messages = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("""
                SELECT last.id, last.direction, last.origin, last.text, last.action, last.created_at, e.intent FROM (
                    SELECT id, direction, origin, text, action, created_at FROM message
                    WHERE conversation_id = ? ORDER BY id DESC LIMIT ?) last
                LEFT JOIN conversation_event e ON e.message_id = last.id AND e.type = 'user_said'
                ORDER BY last.id""")) {
            q.setString(1, conversationId);
            q.setInt(2, limit);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    messages.add(new Logged(rs.getLong(1), rs.getString(2), rs.getString(3),
                                            Optional.ofNullable(rs.getString(4)), Optional.ofNullable(rs.getString(5)),
                                            rs.getTimestamp(6).toInstant(), Optional.ofNullable(rs.getString(7))));
                }
            }
        }
        return messages;
    }

    /** Messages after a sequence number, oldest first (the kiosk polls this for staff replies). */
    public static List<Logged> after(Connection c, String conversationId, long after, int limit) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("""
                SELECT id, direction, origin, text, action, created_at FROM message
                WHERE conversation_id = ? AND id > ? ORDER BY id LIMIT ?""")) {
            q.setString(1, conversationId);
            q.setLong(2, after);
            q.setInt(3, limit);
            return read(q);
        }
    }

    private static List<Logged> read(PreparedStatement q) throws SQLException {
        List<Logged> messages = new ArrayList<>();
        try (ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                messages.add(new Logged(rs.getLong(1), rs.getString(2), rs.getString(3),
                                        Optional.ofNullable(rs.getString(4)), Optional.ofNullable(rs.getString(5)),
                                        rs.getTimestamp(6).toInstant()));
            }
        }
        return messages;
    }

    /** Erases every message text of a conversation (withdrawal). Returns how many texts were erased. */
    static int eraseTexts(Connection c, String conversationId, Instant now) throws SQLException {
        try (PreparedStatement u = c.prepareStatement("""
                UPDATE message SET text = NULL, erased_at = ?
                WHERE conversation_id = ? AND (text IS NOT NULL OR erased_at IS NULL)""")) {
            u.setTimestamp(1, Timestamp.from(now));
            u.setString(2, conversationId);
            int erased = u.executeUpdate();
            scrubOutbox(c, "conversation_id = ?", conversationId);
            cancelQueued(c, conversationId);
            return erased;
        }
    }

    /**
     * Replies still waiting to be sent may repeat what the citizen just asked to erase (e.g. the intake summary):
     * they are not sent. Replies queued after this, in the same transaction (the erasure confirmation), still are.
     */
    private static void cancelQueued(Connection c, String conversationId) throws SQLException {
        try (PreparedStatement u = c.prepareStatement("""
                UPDATE outbox SET status = 'failed', failure_reason = 'not sent: the citizen asked for erasure',
                                  payload = '{"text":"","buttons":[]}', address = NULL
                WHERE conversation_id = ? AND status = 'queued'""")) {
            u.setString(1, conversationId);
            u.executeUpdate();
        }
    }

    /**
     * Delivered or abandoned outbox rows keep a copy of the reply (e.g. the intake summary): erase it with the
     * message texts. Queued rows are left for the dispatcher; they are erased by a later pass once sent.
     */
    private static void scrubOutbox(Connection c, String where, Object arg) throws SQLException {
        try (PreparedStatement u = c.prepareStatement(
                "UPDATE outbox SET payload = '{\"text\":\"\",\"buttons\":[]}', address = NULL WHERE status <> 'queued'"
                + " AND address IS NOT NULL AND " + where)) {
            u.setObject(1, arg);
            u.executeUpdate();
        }
    }

    /** Retention: message texts older than the cut-off. */
    public static int eraseTextsBefore(Connection c, Instant cutoff, Instant now) throws SQLException {
        try (PreparedStatement u = c.prepareStatement("""
                UPDATE message SET text = NULL, erased_at = ? WHERE text IS NOT NULL AND created_at < ?""")) {
            u.setTimestamp(1, Timestamp.from(now));
            u.setTimestamp(2, Timestamp.from(cutoff));
            int erased = u.executeUpdate();
            scrubOutbox(c, "created_at < ?", Timestamp.from(cutoff));
            return erased;
        }
    }

    /** Retention: unsubmitted intake answers untouched since the cut-off; such conversations go back to idle. */
    public static int eraseDraftsBefore(Connection c, Instant cutoff) throws SQLException {
        // The form's end is an event the fold sees; the copy of the state in the row follows it.
        EventLog.draftsExpiring(c, cutoff, Instant.now());
        try (PreparedStatement u = c.prepareStatement("""
                UPDATE conversation SET draft = NULL, draft_updated_at = NULL,
                       state = CASE WHEN state IN ('consent', 'intake', 'confirm') THEN 'idle' ELSE state END
                WHERE draft IS NOT NULL AND draft_updated_at < ?""")) {
            u.setTimestamp(1, Timestamp.from(cutoff));
            return u.executeUpdate();
        }
    }
}

