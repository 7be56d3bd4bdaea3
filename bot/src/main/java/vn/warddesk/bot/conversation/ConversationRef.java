package vn.warddesk.bot.conversation;

/** Which conversation an event belongs to: a known id (web, kiosk, Mini App) or a chat user of a platform. */
public sealed interface ConversationRef {
    /** A conversation created through the web API. */
    record ById(String conversationId) implements ConversationRef {
    }

    /**
     * A platform chat user. {@code userHash} is the keyed hash of the platform user id (never the raw id);
     * {@code address} is what sending needs (e.g. Telegram chat id, Zalo user id), kept for the outbox only.
     */
    record ByChannelUser(String channel, String userHash, String address, String wardId) implements ConversationRef {
    }
}
