package vn.warddesk.bot.conversation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * SQL of the append-only {@code conversation_event} table: one multi-row insert per turn (or per batch of turns),
 * the events of the current session read back for the fold, delete on erasure. Each event is one row: its type and
 * the columns it needs.
 */
final class EventLog {
    private static final String INSERT = """
            INSERT INTO conversation_event (conversation_id, type, message_id, intent, aspect, confidence, procedure_id,
                                            detail, created_at)
            VALUES """;
    private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /** Event types after which nothing earlier counts ({@link Tracker#startsOver}). */
    private static final String STARTS_OVER = "'session_started', 'data_erased', 'session_ended', 'restarted'";
    // The subquery finds the last start-over event through the (conversation_id, type, id) index (V36); the outer one
    // reads the session from it through (conversation_id, id). Without such an event, the whole (short) history.
    private static final String SESSION = """
            SELECT type, message_id, intent, aspect, confidence, procedure_id, detail FROM conversation_event
            WHERE conversation_id = ? AND id >= (SELECT COALESCE(MAX(id), 0) FROM conversation_event
                                                 WHERE conversation_id = ? AND type IN (%s))
            ORDER BY id""".formatted(STARTS_OVER);
    /** The columns of an event as {@link #read(ResultSet, int)} reads them, from the table aliased {@code e}. */
    static final String EVENT_COLUMNS = "e.type, e.message_id, e.intent, e.aspect, e.confidence, e.procedure_id, e.detail";
    /**
     * Joins the table {@code conversation} to the events of each row's current session (as {@link #session}), for a
     * read of the row and its session in one statement: {@code ORDER BY e.id}; a row without events gets one row of
     * NULL event columns.
     */
    static final String SESSION_JOIN = """
            LEFT JOIN conversation_event e ON e.conversation_id = conversation.id
             AND e.id >= (SELECT COALESCE(MAX(s.id), 0) FROM conversation_event s
                          WHERE s.conversation_id = conversation.id AND s.type IN (%s))""".formatted(STARTS_OVER);
    private static final String ALL = """
            SELECT type, message_id, intent, aspect, confidence, procedure_id, detail FROM conversation_event
            WHERE conversation_id = ? ORDER BY id""";

    private EventLog() {
    }

    /** One event as its table row (the columns it does not use are null). */
    private record Stored(String type, Long message, String intent, String aspect, Double confidence, String procedure,
                          String detail) {
        static Stored of(String type) {
            return new Stored(type, null, null, null, null, null, null);
        }

        static Stored of(String type, String procedure, String detail) {
            return new Stored(type, null, null, null, null, procedure, detail);
        }
    }

    /** One event to store: its conversation and when it happened. */
    record Entry(String conversationId, ConversationEvent event, Instant at) {
    }

    static void append(Connection c, String conversationId, List<ConversationEvent> events, Instant now)
            throws SQLException {
        append(c, events.stream().map(e -> new Entry(conversationId, e, now)).toList());
    }

    /**
     * One statement for the events of one or several turns (of different conversations), in order: ids ascend with
     * the rows of one INSERT, and a conversation's ids are the fold's order.
     */
    static void append(Connection c, List<Entry> entries) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        String sql = INSERT + String.join(", ", java.util.Collections.nCopies(entries.size(), ROW));
        try (PreparedStatement insert = c.prepareStatement(sql)) {
            int at = 0;
            for (Entry entry : entries) {
                Stored row = encode(entry.event());
                insert.setString(at + 1, entry.conversationId());
                insert.setString(at + 2, row.type());
                if (row.message() == null) {
                    insert.setNull(at + 3, Types.BIGINT);
                } else {
                    insert.setLong(at + 3, row.message());
                }
                insert.setString(at + 4, row.intent());
                insert.setString(at + 5, row.aspect());
                if (row.confidence() == null) {
                    insert.setNull(at + 6, Types.DECIMAL);
                } else {
                    insert.setDouble(at + 6, row.confidence());
                }
                insert.setString(at + 7, row.procedure());
                insert.setString(at + 8, row.detail());
                insert.setTimestamp(at + 9, Timestamp.from(entry.at()));
                at += 9;
            }
            insert.executeUpdate();
        }
    }

    /** The events of the conversation's current session (from its last start-over event), oldest first. */
    static List<ConversationEvent> session(Connection c, String conversationId) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(SESSION)) {
            q.setString(1, conversationId);
            q.setString(2, conversationId);
            return read(q);
        }
    }

    /** Every stored event of the conversation, oldest first (tests and audits: the session fold must agree). */
    static List<ConversationEvent> all(Connection c, String conversationId) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(ALL)) {
            q.setString(1, conversationId);
            return read(q);
        }
    }

    private static List<ConversationEvent> read(PreparedStatement q) throws SQLException {
        List<ConversationEvent> events = new ArrayList<>();
        try (ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                read(rs, 1).ifPresent(events::add);
            }
        }
        return events;
    }

    /**
     * The event in the current result row, its columns from {@code first} on ({@link #EVENT_COLUMNS}); empty when the
     * row has none (the NULLs of a LEFT JOIN) or of a type this version does not know.
     */
    static java.util.Optional<ConversationEvent> read(ResultSet rs, int first) throws SQLException {
        String type = rs.getString(first);
        if (type == null) {
            return java.util.Optional.empty();
        }
        long message = rs.getLong(first + 1);
        Long messageId = rs.wasNull() ? null : message;
        double confidence = rs.getDouble(first + 4);
        Double conf = rs.wasNull() ? null : confidence;
        return decode(new Stored(type, messageId, rs.getString(first + 2), rs.getString(first + 3), conf,
                                 rs.getString(first + 5), rs.getString(first + 6)));
    }

    private static Stored encode(ConversationEvent event) {
        return switch (event) {
            case ConversationEvent.UserSaid e -> new Stored(
                    "user_said", e.messageId(), e.intent(), e.aspect(), Math.round(e.confidence() * 10_000) / 10_000.0,
                    null, e.clarify() ? "clarify" : e.entityTypes().isEmpty() ? null : String.join(",", e.entityTypes()));
            case ConversationEvent.BotSaid e -> new Stored(
                    "bot_said", e.messageId(), null, e.aspect(), null, e.procedure(),
                    e.field() == null ? e.kind() : e.kind() + ":" + e.field());
            case ConversationEvent.TopicSet e -> new Stored("topic_set", null, null, e.aspect(), null, e.procedure(), null);
            case ConversationEvent.FormStarted e -> Stored.of("form_started", e.procedure(), null);
            case ConversationEvent.FieldFilled e -> Stored.of("field_filled", e.procedure(), e.field());
            case ConversationEvent.FieldCorrected e -> Stored.of("field_corrected", e.procedure(), e.field());
            case ConversationEvent.FieldSkipped e -> Stored.of("field_skipped", e.procedure(), e.field());
            case ConversationEvent.FieldRejected e -> Stored.of("field_rejected", e.procedure(), e.field() + ":" + e.error());
            case ConversationEvent.FormMoved e -> Stored.of("form_moved", e.procedure(),
                                                            e.fieldIndex() + (e.editing() == null ? "" : ":" + e.editing()));
            case ConversationEvent.FormCancelled e -> Stored.of("form_cancelled", e.procedure(), null);
            case ConversationEvent.FormSubmitted e -> Stored.of("form_submitted", e.procedure(), e.caseCode());
            case ConversationEvent.ConsentDecided e -> Stored.of("consent_decided", e.procedure(), e.decision());
            case ConversationEvent.HandedOff e -> Stored.of("handed_off", null, e.caseCode());
            case ConversationEvent.NoticeShown e -> Stored.of("notice_shown", null, e.version() + ":" + e.sha256());
            case ConversationEvent.ClarifyAsked e -> Stored.of("clarify_asked", null, String.join(",", e.options()));
            case ConversationEvent.NotUnderstood e -> Stored.of("not_understood");
            case ConversationEvent.UnclearCleared e -> Stored.of("unclear_cleared");
            case ConversationEvent.ErasePending e -> Stored.of("erase_pending", null, String.valueOf(e.pending()));
            case ConversationEvent.CancelPending e -> Stored.of("cancel_pending", null, String.valueOf(e.pending()));
            case ConversationEvent.ForwardAcked e -> Stored.of("forward_acked", null, String.valueOf(e.acked()));
            case ConversationEvent.IntentAnswered e -> new Stored("intent_answered", null, e.intent(), e.fact(), null, null, null);
            case ConversationEvent.Restarted e -> Stored.of("restarted");
            case ConversationEvent.StateSet e -> Stored.of("state_set", null, e.state());
            case ConversationEvent.SessionStarted e -> Stored.of("session_started");
            case ConversationEvent.SessionEnded e -> Stored.of("session_ended");
            case ConversationEvent.DataErased e -> Stored.of("data_erased");
            case ConversationEvent.DraftExpired e -> Stored.of("draft_expired");
        };
    }

    /** The event a row holds; empty for a type this version does not know (a newer instance wrote it). */
    private static java.util.Optional<ConversationEvent> decode(Stored row) {
        String p = row.procedure();
        String d = row.detail();
        ConversationEvent event = switch (row.type()) {
            case "user_said" -> new ConversationEvent.UserSaid(
                    row.message() == null ? 0 : row.message(), row.intent(), row.aspect(),
                    row.confidence() == null ? 0 : row.confidence(), "clarify".equals(d),
                    d == null || "clarify".equals(d) ? List.of() : Arrays.asList(d.split(",")));
            case "bot_said" -> new ConversationEvent.BotSaid(row.message() == null ? 0 : row.message(), before(d),
                                                             p, row.aspect(), after(d));
            case "topic_set" -> new ConversationEvent.TopicSet(p, row.aspect());
            case "form_started" -> new ConversationEvent.FormStarted(p);
            case "field_filled" -> new ConversationEvent.FieldFilled(p, d);
            case "field_corrected" -> new ConversationEvent.FieldCorrected(p, d);
            case "field_skipped" -> new ConversationEvent.FieldSkipped(p, d);
            case "field_rejected" -> new ConversationEvent.FieldRejected(p, before(d), after(d));
            case "form_moved" -> new ConversationEvent.FormMoved(p, Integer.parseInt(before(d)), after(d));
            case "form_cancelled" -> new ConversationEvent.FormCancelled(p);
            case "form_submitted" -> new ConversationEvent.FormSubmitted(p, d);
            case "consent_decided" -> new ConversationEvent.ConsentDecided(p, d);
            case "handed_off" -> new ConversationEvent.HandedOff(d);
            case "notice_shown" -> new ConversationEvent.NoticeShown(d.substring(0, d.lastIndexOf(':')),
                                                                     d.substring(d.lastIndexOf(':') + 1));
            case "clarify_asked" -> new ConversationEvent.ClarifyAsked(
                    d == null || d.isEmpty() ? List.of() : Arrays.asList(d.split(",")));
            case "not_understood" -> new ConversationEvent.NotUnderstood();
            case "unclear_cleared" -> new ConversationEvent.UnclearCleared();
            case "erase_pending" -> new ConversationEvent.ErasePending(Boolean.parseBoolean(d));
            case "cancel_pending" -> new ConversationEvent.CancelPending(Boolean.parseBoolean(d));
            case "forward_acked" -> new ConversationEvent.ForwardAcked(Boolean.parseBoolean(d));
            case "intent_answered" -> new ConversationEvent.IntentAnswered(row.intent(), row.aspect());
            case "restarted" -> new ConversationEvent.Restarted();
            case "state_set" -> new ConversationEvent.StateSet(d);
            case "session_started" -> new ConversationEvent.SessionStarted();
            case "session_ended" -> new ConversationEvent.SessionEnded();
            case "data_erased" -> new ConversationEvent.DataErased();
            case "draft_expired" -> new ConversationEvent.DraftExpired();
            default -> null;
        };
        return java.util.Optional.ofNullable(event);
    }

    /** "a:b" → "a"; "a" → "a" (field names, reply kinds and numbers hold no colon). */
    private static String before(String detail) {
        int colon = detail.indexOf(':');
        return colon < 0 ? detail : detail.substring(0, colon);
    }

    /** "a:b" → "b" (everything after the first colon: an error text may hold colons); "a" → null. */
    private static String after(String detail) {
        int colon = detail.indexOf(':');
        return colon < 0 ? null : detail.substring(colon + 1);
    }

    /** Erasure: the history goes with the texts (it holds no personal data, but the citizen asked for a clean slate). */
    static int erase(Connection c, String conversationId) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM conversation_event WHERE conversation_id = ?")) {
            delete.setString(1, conversationId);
            return delete.executeUpdate();
        }
    }

    /** Retention: a draft_expired event for each conversation whose unsubmitted draft is about to be erased. */
    static int draftsExpiring(Connection c, Instant cutoff, Instant now) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO conversation_event (conversation_id, type, created_at)
                SELECT id, 'draft_expired', ? FROM conversation WHERE draft IS NOT NULL AND draft_updated_at < ?""")) {
            insert.setTimestamp(1, Timestamp.from(now));
            insert.setTimestamp(2, Timestamp.from(cutoff));
            return insert.executeUpdate();
        }
    }
}
