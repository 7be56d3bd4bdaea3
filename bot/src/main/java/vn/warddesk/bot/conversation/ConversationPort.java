package vn.warddesk.bot.conversation;

import java.util.List;

/** The engine as channels see it. */
public interface ConversationPort {
    /**
     * Handles one event in one transaction (state change, stored messages and outbox rows commit together)
     * and returns what to say. Events of one conversation never interleave.
     */
    Handled handle(InboundEvent event);

    /** @param duplicate true when the event id was seen before: nothing changed, replies are empty */
    record Handled(String conversationId, boolean duplicate, List<Reply> replies) {
    }
}
