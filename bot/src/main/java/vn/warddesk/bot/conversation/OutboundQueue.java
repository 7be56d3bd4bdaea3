package vn.warddesk.bot.conversation;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import vn.warddesk.bot.message.Reply;

/**
 * The conversation's outbound port: queue a reply for a channel that pushes messages (Telegram, Zalo) in the caller's
 * transaction. The outbox implements it; channels read from a browser (web, kiosk, Mini App) queue nothing.
 */
@FunctionalInterface
public interface OutboundQueue {
    /** {@code messageId} is the stored message this sends (its sequence number), so staff see its delivery. */
    void enqueue(Connection c, String conversationId, String channel, String address, Reply reply, String origin,
                 long messageId, Instant now) throws SQLException;

    /** A stored reply to queue: the reply and its message's sequence number. */
    record Queued(Reply reply, long messageId) {
    }

    /** A turn's stored replies to one conversation, to queue. */
    record Addressed(String conversationId, String channel, String address, List<Queued> replies, String origin,
                     Instant now) {
    }

    /**
     * Queues the replies of several turns (of different conversations), each conversation's in order (an
     * implementation may write them all with one statement; this default queues them conversation by conversation).
     */
    default void enqueueAll(Connection c, List<Addressed> turns) throws SQLException {
        for (Addressed turn : turns) {
            enqueueAll(c, turn.conversationId(), turn.channel(), turn.address(), turn.replies(), turn.origin(),
                       turn.now());
        }
    }

    /**
     * Queues a turn's replies to one conversation, in order (an implementation may write them with one statement;
     * this default queues them one by one).
     */
    default void enqueueAll(Connection c, String conversationId, String channel, String address, List<Queued> replies,
                            String origin, Instant now) throws SQLException {
        for (Queued queued : replies) {
            enqueue(c, conversationId, channel, address, queued.reply(), origin, queued.messageId(), now);
        }
    }
}
