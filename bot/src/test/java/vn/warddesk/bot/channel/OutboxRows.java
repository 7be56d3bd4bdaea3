package vn.warddesk.bot.channel;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import vn.warddesk.bot.message.Reply;
import vn.warddesk.bot.outbox.OutboundMessage;
import vn.warddesk.bot.outbox.Outbox;
import vn.warddesk.bot.store.Jdbc;

/** Test helpers over the real tables: a conversation with a citizen message, queued replies, row states. */
public final class OutboxRows {
    private OutboxRows() {
    }

    /** A conversation whose citizen last wrote at {@code lastInbound}; returns its id. */
    public static String conversation(DataSource dataSource, String channel, String address, Instant lastInbound) {
        String id = UUID.randomUUID().toString();
        Jdbc.inTransaction(dataSource, connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO conversation (id, ward_id, channel, channel_user_hash, channel_address, created_at, updated_at)
                    VALUES (?, 'w', ?, ?, ?, ?, ?)""")) {
                insert.setString(1, id);
                insert.setString(2, channel);
                insert.setString(3, UUID.randomUUID().toString().replace("-", "") + "0".repeat(32));
                insert.setString(4, address);
                insert.setTimestamp(5, Timestamp.from(lastInbound));
                insert.setTimestamp(6, Timestamp.from(lastInbound));
                insert.executeUpdate();
            }
            try (PreparedStatement in = connection.prepareStatement(
                    "INSERT INTO message (conversation_id, direction, text, created_at) VALUES (?, 'in', 'x', ?)")) {
                in.setString(1, id);
                in.setTimestamp(2, Timestamp.from(lastInbound));
                in.executeUpdate();
            }
            return null;
        });
        return id;
    }

    public static long enqueue(DataSource dataSource, String conversationId, String channel, String address, Reply reply) {
        return Jdbc.inTransaction(dataSource, connection -> Outbox.enqueue(
                connection, new OutboundMessage(conversationId, channel, address, reply, "bot"), Instant.now()).orElseThrow());
    }

    public record Row(long id, String status, int attempts, String failureReason) {
    }

    public static List<Row> rows(DataSource dataSource, String conversationId) {
        return Jdbc.withConnection(dataSource, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id, status, attempts, failure_reason FROM outbox WHERE conversation_id = ? ORDER BY id")) {
                select.setString(1, conversationId);
                List<Row> rows = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4)));
                    }
                }
                return rows;
            }
        });
    }

    public static boolean allSent(DataSource dataSource, String conversationId) {
        return rows(dataSource, conversationId).stream().allMatch(r -> r.status().equals("sent"));
    }
}
