package vn.warddesk.bot.conversation;

import vn.warddesk.bot.message.Reply;
import java.util.List;

/** The engine as channels see it. */
public interface ConversationPort {
    /**
     * Handles one event in one transaction (state change, stored messages and outbox rows commit together)
     * and returns what to say. Events of one conversation never interleave.
     */
    Handled handle(InboundEvent event);

    /**
     * @param duplicate true when the event id was seen before: nothing changed, replies are empty
     * @param erased    true when this event erased the conversation's data (the citizen withdrew consent): whoever
     *                  still keeps a copy of the citizen's earlier messages must drop it now
     */
    record Handled(String conversationId, boolean duplicate, List<Reply> replies, boolean erased) {
        public Handled(String conversationId, boolean duplicate, List<Reply> replies) {
            this(conversationId, duplicate, replies, false);
        }
    }
}
