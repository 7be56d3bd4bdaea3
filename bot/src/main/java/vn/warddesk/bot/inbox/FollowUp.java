package vn.warddesk.bot.inbox;

import vn.warddesk.bot.conversation.ConversationPort;
import vn.warddesk.bot.conversation.InboundEvent;

/** What a channel does after the engine handled one of its events (e.g. answer Telegram's callback query). */
@FunctionalInterface
public interface FollowUp {
    void after(InboundEvent event, String followUp, ConversationPort.Handled handled);
}
