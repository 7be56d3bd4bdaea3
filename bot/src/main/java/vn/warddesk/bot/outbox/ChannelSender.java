package vn.warddesk.bot.outbox;

/**
 * Sends one outbox message to one platform. Implementations never throw for platform or network trouble: they
 * answer with a {@link SendResult} and the dispatcher decides (retry later, give up, count for the circuit breaker).
 */
public interface ChannelSender {
    /** The outbox channel this sender serves ("telegram", "zalo"). */
    String channel();

    /** Platform limits the dispatcher enforces before calling {@link #send}. */
    RateLimits limits();

    SendResult send(Delivery delivery);

    /**
     * Which of the channel's bots/OAs sends to {@code address} (a ward's own bot or the configuration's), so each
     * gets its own per-bot budget: the platform counts messages per bot, not per WardDesk.
     */
    default String bot(String address) {
        return "";
    }

    /** Whether {@link Delivery#lastInboundAt()} is needed (costs one query per message). */
    default boolean needsLastInbound() {
        return false;
    }

    /** Messages per second for the whole bot/OA and per chat. */
    record RateLimits(double perBotPerSecond, double perChatPerSecond) {
    }
}
