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
     * Several events handled in the caller's READ COMMITTED transaction, each as {@link #handle(Connection,
     * InboundEvent)}, for events of different conversations (the inbox's batch). An engine may keep the writes that no
     * later event reads (replies, outbox rows, its event log) until {@link Batch#flush}, and write them with one
     * statement each; the caller calls it before it commits. This default writes each event's at once.
     */
    default Batch batch(Connection transaction) {
        return new Batch() {
            @Override
            public Handled handle(InboundEvent event) throws SQLException {
                return ConversationPort.this.handle(transaction, event);
            }

            @Override
            public void flush() {
            }
        };
    }

    /** Events handled in one transaction, whose writes may be gathered until {@link #flush}. */
    interface Batch {
        Handled handle(InboundEvent event) throws SQLException;

        /** Writes what the events so far left gathered; the transaction must not commit before. */
        void flush() throws SQLException;
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
