package vn.warddesk.bot.channel;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import vn.warddesk.bot.message.Button;
import vn.warddesk.bot.conversation.ConversationPort;
import vn.warddesk.bot.conversation.ConversationRef;
import vn.warddesk.bot.conversation.InboundEvent;
import vn.warddesk.bot.conversation.Input;
import vn.warddesk.bot.message.Reply;
import vn.warddesk.bot.outbox.OutboundMessage;
import vn.warddesk.bot.outbox.Outbox;
import vn.warddesk.bot.store.Jdbc;

/**
 * A stand-in for the conversation engine (until it is merged): records events and, like the engine, stores the
 * conversation, the inbound message and the outbox replies in one real transaction, de-duplicating by event id.
 * Text "boom" makes it fail like a database outage.
 */
public final class RecordingPort implements ConversationPort {
    private final DataSource dataSource;
    private final List<InboundEvent> events = new CopyOnWriteArrayList<>();
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    public RecordingPort(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<InboundEvent> events() {
        return events;
    }

    /** The reply the stand-in engine gives: it echoes what it understood, so tests can see it arrive. */
    public static Reply replyTo(Input input) {
        return switch (input) {
            case Input.Text text -> new Reply("heard: " + text.text(), List.of(new Button("Giờ làm việc", "hours")));
            case Input.Action action -> Reply.text("action: " + action.action());
            case Input.Started started -> new Reply("Xin chào!", List.of(new Button("Hỏi thủ tục", "ask:birth:general")));
            case Input.Left left -> Reply.text("");
        };
    }

    @Override
    public Handled handle(InboundEvent event) {
        if (event.input() instanceof Input.Text text && text.text().equals("boom")) {
            throw new vn.warddesk.bot.store.StoreException("simulated database outage", null);
        }
        if (!seen.add(event.eventId())) {
            return new Handled("", true, List.of());
        }
        try {
            return store(event);
        } catch (RuntimeException e) {
            seen.remove(event.eventId());
            throw e;
        }
    }

    private Handled store(InboundEvent event) {
        ConversationRef.ByChannelUser user = (ConversationRef.ByChannelUser) event.conversation();
        Reply reply = replyTo(event.input());
        String id = Jdbc.inTransaction(dataSource, connection -> {
            String conversation = conversation(connection, user, event.at());
            try (PreparedStatement in = connection.prepareStatement(
                    "INSERT INTO message (conversation_id, direction, text, created_at) VALUES (?, 'in', ?, ?)")) {
                in.setString(1, conversation);
                in.setString(2, "(test)");
                in.setTimestamp(3, Timestamp.from(Instant.now()));
                in.executeUpdate();
            }
            if (!(event.input() instanceof Input.Left)) {
                Outbox.enqueue(connection, new OutboundMessage(conversation, user.channel(), user.address(), reply, "bot"),
                               Instant.now());
            }
            return conversation;
        });
        events.add(event);
        return new Handled(id, false, List.of(reply));
    }

    private static String conversation(Connection connection, ConversationRef.ByChannelUser user, Instant at)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id FROM conversation WHERE channel = ? AND channel_user_hash = ?")) {
            select.setString(1, user.channel());
            select.setString(2, user.userHash());
            try (ResultSet rs = select.executeQuery()) {
                if (rs.next()) {
                    return rs.getString(1);
                }
            }
        }
        String id = UUID.randomUUID().toString();
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO conversation (id, ward_id, channel, channel_user_hash, channel_address, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setString(1, id);
            insert.setString(2, user.wardId());
            insert.setString(3, user.channel());
            insert.setString(4, user.userHash());
            insert.setString(5, user.address());
            insert.setTimestamp(6, Timestamp.from(at));
            insert.setTimestamp(7, Timestamp.from(at));
            insert.executeUpdate();
        }
        return id;
    }
}
