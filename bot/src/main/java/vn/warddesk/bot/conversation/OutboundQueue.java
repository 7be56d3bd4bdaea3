package vn.warddesk.bot.conversation;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

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
}
