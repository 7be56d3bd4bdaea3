package vn.warddesk.bot.inbox;

import java.util.Optional;

import vn.warddesk.bot.conversation.InboundEvent;

/**
 * An event a webhook accepted for the engine, plus what the channel must do once it is handled
 * ({@code followUp}, e.g. the Telegram callback query to answer).
 */
public record Accepted(InboundEvent event, Optional<String> followUp) {
}
