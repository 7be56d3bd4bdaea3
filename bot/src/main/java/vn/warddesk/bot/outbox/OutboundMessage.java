package vn.warddesk.bot.outbox;

import java.util.List;

import vn.warddesk.bot.message.Reply;

/** A reply on its way to a push channel. {@code origin} is "bot" or "staff". */
public record OutboundMessage(String conversationId, String channel, String address, Reply reply, String origin) {
}
