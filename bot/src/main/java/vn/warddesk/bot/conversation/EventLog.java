package vn.warddesk.bot.conversation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;

/** SQL of the append-only {@code conversation_event} table: one batched insert per turn, delete on erasure. */
final class EventLog {
    private static final String INSERT = """
            INSERT INTO conversation_event (conversation_id, type, message_id, intent, aspect, confidence, procedure_id,
                                            detail, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private EventLog() {
    }

    static void append(Connection c, String conversationId, List<ConversationEvent> events, Instant now)
            throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement(INSERT)) {
            for (ConversationEvent event : events) {
                insert.setString(1, conversationId);
                Long message = null;
                String type;
                String intent = null;
                String aspect = null;
                Double confidence = null;
                String procedure = null;
                String detail = null;
                switch (event) {
                    case ConversationEvent.UserSaid e -> {
                        type = "user_said";
                        message = e.messageId();
                        intent = e.intent();
                        aspect = e.aspect();
                        confidence = Math.round(e.confidence() * 10_000) / 10_000.0;
                        detail = e.clarify() ? "clarify" : e.entityTypes().isEmpty() ? null : String.join(",", e.entityTypes());
                    }
                    case ConversationEvent.BotSaid e -> {
                        type = "bot_said";
                        message = e.messageId();
                        procedure = e.procedure();
                        aspect = e.aspect();
                        detail = e.field() == null ? e.kind() : e.kind() + ":" + e.field();
                    }
                    case ConversationEvent.TopicSet e -> {
                        type = "topic_set";
                        procedure = e.procedure();
                        aspect = e.aspect();
                    }
                    case ConversationEvent.FormStarted e -> {
                        type = "form_started";
                        procedure = e.procedure();
                    }
                    case ConversationEvent.FieldFilled e -> {
                        type = "field_filled";
                        procedure = e.procedure();
                        detail = e.field();
                    }
                    case ConversationEvent.FieldCorrected e -> {
                        type = "field_corrected";
                        procedure = e.procedure();
                        detail = e.field();
                    }
                    case ConversationEvent.FormCancelled e -> {
                        type = "form_cancelled";
                        procedure = e.procedure();
                    }
                    case ConversationEvent.FormSubmitted e -> {
                        type = "form_submitted";
                        procedure = e.procedure();
                        detail = e.caseCode();
                    }
                    case ConversationEvent.ConsentDecided e -> {
                        type = "consent_decided";
                        procedure = e.procedure();
                        detail = e.decision();
                    }
                    case ConversationEvent.HandedOff e -> {
                        type = "handed_off";
                        detail = e.caseCode();
                    }
                    case ConversationEvent.SessionStarted e -> type = "session_started";
                    case ConversationEvent.DataErased e -> type = "data_erased";
                }
                insert.setString(2, type);
                if (message == null) {
                    insert.setNull(3, Types.BIGINT);
                } else {
                    insert.setLong(3, message);
                }
                insert.setString(4, intent);
                insert.setString(5, aspect);
                if (confidence == null) {
                    insert.setNull(6, Types.DECIMAL);
                } else {
                    insert.setDouble(6, confidence);
                }
                insert.setString(7, procedure);
                insert.setString(8, detail);
                insert.setTimestamp(9, Timestamp.from(now));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Erasure: the history goes with the texts (it holds no personal data, but the citizen asked for a clean slate). */
    static int erase(Connection c, String conversationId) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM conversation_event WHERE conversation_id = ?")) {
            delete.setString(1, conversationId);
            return delete.executeUpdate();
        }
    }
}
