package vn.warddesk.bot.outbox;

import java.util.List;

import vn.warddesk.bot.message.Reply;

/**
 * A reply on its way to a push channel. {@code origin} is "bot" or "staff"; {@code messageId} is the stored
 * message it sends (0 when there is none), so staff can see the delivery of exactly that message.
 */
public record OutboundMessage(String conversationId, String channel, String address, Reply reply, String origin,
                              long messageId) {
    public OutboundMessage(String conversationId, String channel, String address, Reply reply, String origin) {
        this(conversationId, channel, address, reply, origin, 0);
    }
}
