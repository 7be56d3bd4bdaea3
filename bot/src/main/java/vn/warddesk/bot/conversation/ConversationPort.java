package vn.warddesk.bot.conversation;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import vn.warddesk.bot.message.Reply;

/** The engine as channels see it. */
public interface ConversationPort {
    /**
     * Handles one event in one transaction (state change, stored messages and outbox rows commit together)
     * and returns what to say. Events of one conversation never interleave.
     */
    Handled handle(InboundEvent event);

    /**
     * Handles one event inside the caller's transaction, which must be READ COMMITTED (every statement then sees what
     * other transactions committed, also after waiting for a lock): the caller commits it together with other work
     * (the inbox commits a batch of events of different conversations at once), or rolls it back and hands the event
     * again later. Nothing outside the transaction may happen here. A port that cannot join a transaction (a test
     * stand-in) handles the event in its own; a rolled-back batch then hands it again and its event ledger says so.
     */
    default Handled handle(Connection transaction, InboundEvent event) throws SQLException {
        return handle(event);
    }

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
