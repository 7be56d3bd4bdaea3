package vn.warddesk.bot.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.warddesk.bot.conversation.OutboundQueue;
import vn.warddesk.bot.message.Button;
import vn.warddesk.bot.message.Reply;

/**
 * Writes outbound messages for push channels inside the caller's transaction. Web and kiosk conversations read
 * their replies from the API response and the message history instead, so nothing is queued for them.
 */
public final class Outbox {
    /** Channels whose messages are pushed by the dispatcher. */
    public static final Set<String> PUSH_CHANNELS = Set.of("telegram", "zalo");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INSERT_ROWS = """
            INSERT INTO outbox (conversation_id, message_id, channel, address, payload, origin, status, next_attempt_at,
                                created_at)
            VALUES """;
    private static final String ROW = "(?, ?, ?, ?, ?, ?, 'queued', ?, ?)";
    private static final String INSERT = """
            INSERT INTO outbox (conversation_id, message_id, channel, address, payload, origin, status, next_attempt_at,
                                created_at)
            VALUES (?, ?, ?, ?, ?, ?, 'queued', ?, ?)""";

    /** The conversation's outbound port, implemented here: only push channels get a row. */
    public static final OutboundQueue QUEUE = new OutboundQueue() {
        @Override
        public void enqueue(Connection c, String conversationId, String channel, String address, Reply reply,
                            String origin, long messageId, Instant now) throws SQLException {
            Outbox.enqueue(c, new OutboundMessage(conversationId, channel, address, reply, origin, messageId), now);
        }

        @Override
        public void enqueueAll(Connection c, String conversationId, String channel, String address,
                               List<OutboundQueue.Queued> replies, String origin, Instant now) throws SQLException {
            Outbox.enqueueAll(c, List.of(new OutboundQueue.Addressed(conversationId, channel, address, replies, origin,
                                                                     now)));
        }

        @Override
        public void enqueueAll(Connection c, List<OutboundQueue.Addressed> turns) throws SQLException {
            Outbox.enqueueAll(c, turns);
        }
    };

    private Outbox() {
    }

    /** Queues the message in the caller's transaction; returns its id, or empty for channels that are not pushed. */
    public static OptionalLong enqueue(Connection transaction, OutboundMessage message, Instant now) throws SQLException {
        if (!PUSH_CHANNELS.contains(message.channel())) {
            return OptionalLong.empty();
        }
        try (PreparedStatement insert = transaction.prepareStatement(INSERT, Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, message.conversationId());
            if (message.messageId() > 0) {
                insert.setLong(2, message.messageId());
            } else {
                insert.setNull(2, java.sql.Types.BIGINT);
            }
            insert.setString(3, message.channel());
            insert.setString(4, message.address());
            insert.setString(5, payload(message.reply()));
            insert.setString(6, message.origin());
            insert.setTimestamp(7, Timestamp.from(now));
            insert.setTimestamp(8, Timestamp.from(now));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return OptionalLong.of(keys.getLong(1));
            }
        }
    }

    /**
     * Queues the replies of one or several turns (of different conversations) with one multi-row INSERT, each
     * conversation's in order: the rows' ids ascend with the rows of one statement, and the dispatcher sends a
     * conversation's rows in id order. Conversations of channels that are not pushed get no row.
     */
    static void enqueueAll(Connection transaction, List<OutboundQueue.Addressed> turns) throws SQLException {
        List<OutboundQueue.Addressed> pushed = turns.stream()
                .filter(t -> PUSH_CHANNELS.contains(t.channel()) && !t.replies().isEmpty()).toList();
        int rows = pushed.stream().mapToInt(t -> t.replies().size()).sum();
        if (rows == 0) {
            return;
        }
        String sql = INSERT_ROWS + String.join(", ", java.util.Collections.nCopies(rows, ROW));
        try (PreparedStatement insert = transaction.prepareStatement(sql)) {
            int at = 0;
            for (OutboundQueue.Addressed turn : pushed) {
                for (OutboundQueue.Queued queued : turn.replies()) {
                    insert.setString(at + 1, turn.conversationId());
                    if (queued.messageId() > 0) {
                        insert.setLong(at + 2, queued.messageId());
                    } else {
                        insert.setNull(at + 2, java.sql.Types.BIGINT);
                    }
                    insert.setString(at + 3, turn.channel());
                    insert.setString(at + 4, turn.address());
                    insert.setString(at + 5, payload(queued.reply()));
                    insert.setString(at + 6, turn.origin());
                    insert.setTimestamp(at + 7, Timestamp.from(turn.now()));
                    insert.setTimestamp(at + 8, Timestamp.from(turn.now()));
                    at += 8;
                }
            }
            insert.executeUpdate();
        }
    }

    static String payload(Reply reply) {
        List<Map<String, String>> buttons = new ArrayList<>();
        for (Button button : reply.buttons()) {
            buttons.add(Map.of("label", button.label(), "action", button.action()));
        }
        try {
            return JSON.writeValueAsString(Map.of("text", reply.text(), "buttons", buttons));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a reply that cannot be written as JSON", e);
        }
    }

    static Reply reply(String payload) {
        try {
            var node = JSON.readTree(payload);
            List<Button> buttons = new ArrayList<>();
            node.path("buttons").forEach(b -> buttons.add(new Button(b.path("label").asText(), b.path("action").asText())));
            return new Reply(node.path("text").asText(), buttons);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an outbox payload that is not JSON", e);
        }
    }
}
