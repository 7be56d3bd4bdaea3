package vn.warddesk.bot.conversation;

import java.time.Instant;

/**
 * A channel-neutral event for the engine. {@code eventId} is unique per channel (Telegram update_id, Zalo msg_id,
 * a client-generated id on the web API): a replayed event changes nothing and sends nothing twice.
 */
public record InboundEvent(ConversationRef conversation, String channel, String eventId, Input input, String locale,
                           Instant at) {
}
