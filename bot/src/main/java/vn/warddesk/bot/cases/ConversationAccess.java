package vn.warddesk.bot.cases;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import vn.warddesk.bot.catalog.Lang;
import vn.warddesk.bot.message.Logged;
import vn.warddesk.bot.message.Reply;

/**
 * What case work may do to a conversation, always inside the caller's transaction: the engine's port, implemented by
 * the conversation feature (cases never reach into conversation rows themselves, so the two packages have no cycle).
 */
public interface ConversationAccess {
    /** Row lock on the conversation ({@code SELECT … FOR UPDATE}); false when it does not exist. */
    boolean lock(Connection c, String conversationId) throws SQLException;

    /** Moves the conversation to a state after a staff action (claimed → handed_off, handed back, closed). */
    void setState(Connection c, String conversationId, String state, Instant now) throws SQLException;

    /** Stores a message to the citizen and queues it for push channels; returns its sequence number. */
    long deliver(Connection c, String conversationId, Reply reply, String origin, Instant now) throws SQLException;

    Lang lang(Connection c, String conversationId) throws SQLException;

    /** The last {@code limit} messages, oldest first. */
    List<Logged> transcript(Connection c, String conversationId, int limit) throws SQLException;
}
