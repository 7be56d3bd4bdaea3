package vn.warddesk.bot.outbox;

import java.time.Duration;

/**
 * What a platform said. A token that had to be refreshed is handled inside the sender (it knows which token it
 * used, refreshes once and resends within the same attempt), so there is no separate "refresh" outcome here.
 */
public sealed interface SendResult {
    /**
     * Delivered: never send it again. {@code platformMessageId} is the id the platform gave the message (Telegram
     * result.message_id, Zalo data.message_id), kept on the outbox row so staff see where a reply went.
     */
    record Sent(java.util.Optional<String> platformMessageId) implements SendResult {
        public Sent {
            platformMessageId = platformMessageId.filter(id -> !id.isBlank()).map(id -> id.length() > 64 ? id.substring(0, 64) : id);
        }
    }

    /** Transient trouble (5xx, timeout, connection refused): retry with exponential backoff and jitter. */
    record Retry(String reason) implements SendResult {
    }

    /** The platform said when to come back (Telegram 429 parameters.retry_after, Zalo rate limit). */
    record RetryAfter(Duration delay, String reason) implements SendResult {
        public RetryAfter {
            delay = delay.isNegative() ? Duration.ZERO : delay;
        }
    }

    /** Will never succeed (blocked by the user, outside the interaction window, bad request): staff see the reason. */
    record Failed(String reason) implements SendResult {
    }

    static SendResult sent() {
        return new Sent(java.util.Optional.empty());
    }

    /** Sent, with the platform's id for the message when its answer carried one. */
    static SendResult sent(String platformMessageId) {
        return new Sent(java.util.Optional.ofNullable(platformMessageId));
    }
}
