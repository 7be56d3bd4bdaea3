package vn.warddesk.bot.outbox;

import java.time.Instant;
import java.util.Optional;

import vn.warddesk.bot.message.Reply;

/**
 * One claimed outbox row. {@code lastInboundAt} is when the citizen last wrote in this conversation (Zalo only lets
 * an OA answer inside an interaction window after that).
 */
public record Delivery(long id, String conversationId, String address, Reply reply, int attempts,
                       Optional<Instant> lastInboundAt) {
}
