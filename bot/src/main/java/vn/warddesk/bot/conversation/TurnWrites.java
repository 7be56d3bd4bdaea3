package vn.warddesk.bot.conversation;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import vn.warddesk.bot.message.Reply;

/**
 * The writes of one or more turns in one transaction that no later turn of it reads — the conversation rows as the
 * turns left them, the bot's replies, their outbox rows and the turns' dialogue events — gathered and written at the
 * end with one multi-row statement each (issue 13: a batch of 32 turns costs one UPDATE and three INSERTs, not 32 and
 * 96). A turn of a conversation that still has writes gathered here
 * writes them first ({@link #holds}), so its fold reads them.
 */
final class TurnWrites {
    /** One turn's gathered writes; {@code botSaid} says whether its replies are logged as bot_said events. */
    private record Said(String conversationId, String channel, String address, List<Reply> replies,
                        List<ConversationEvent> events, boolean botSaid, Instant now) {
    }

    private final OutboundQueue outbound;
    private final ConversationStore store;
    private final List<ConversationStore.Saved> rows = new ArrayList<>();
    private final List<Said> turns = new ArrayList<>();
    private final Set<String> conversations = new HashSet<>();

    TurnWrites(OutboundQueue outbound, ConversationStore store) {
        this.outbound = outbound;
        this.store = store;
    }

    /** Gathers the conversation row as the turn left it (its state, draft, session, language). */
    void save(ConversationStore.Saved row) {
        rows.add(row);
        conversations.add(row.id());
    }

    /**
     * Gathers a turn's replies (sent by the bot) and its events; {@code botSaid}: log each reply as a bot_said event
     * after the turn's own events.
     */
    void add(String conversationId, String channel, String address, List<Reply> replies,
             List<ConversationEvent> events, boolean botSaid, Instant now) {
        if (replies.isEmpty() && events.isEmpty()) {
            return;
        }
        turns.add(new Said(conversationId, channel, address, List.copyOf(replies), List.copyOf(events), botSaid, now));
        conversations.add(conversationId);
    }

    /** True when writes of this conversation are gathered and not yet written. */
    boolean holds(String conversationId) {
        return conversations.contains(conversationId);
    }

    /**
     * Writes everything gathered: the conversation rows (one UPDATE), the messages, then outbox rows and events, which
     * refer to the messages' ids.
     */
    void flush(Connection c) throws SQLException {
        store.saveAll(c, rows);
        rows.clear();
        if (turns.isEmpty()) {
            conversations.clear();
            return;
        }
        List<ConversationLog.Outgoing> messages = new ArrayList<>();
        for (Said said : turns) {
            for (Reply reply : said.replies()) {
                messages.add(new ConversationLog.Outgoing(said.conversationId(), "bot", reply.text(), said.now()));
            }
        }
        List<Long> ids = ConversationLog.insertOutgoing(c, messages);
        List<OutboundQueue.Addressed> queued = new ArrayList<>();
        List<EventLog.Entry> events = new ArrayList<>();
        int at = 0;
        for (Said said : turns) {
            List<OutboundQueue.Queued> replies = new ArrayList<>(said.replies().size());
            for (ConversationEvent event : said.events()) {
                events.add(new EventLog.Entry(said.conversationId(), event, said.now()));
            }
            for (Reply reply : said.replies()) {
                long id = ids.get(at++);
                replies.add(new OutboundQueue.Queued(reply, id));
                if (said.botSaid()) {
                    events.add(new EventLog.Entry(said.conversationId(), new ConversationEvent.BotSaid(
                            id, reply.kind().wire(), reply.procedure().orElse(null), reply.aspect().orElse(null),
                            reply.field().orElse(null)), said.now()));
                }
            }
            if (said.address() != null && !replies.isEmpty()) {
                queued.add(new OutboundQueue.Addressed(said.conversationId(), said.channel(), said.address(), replies,
                                                       "bot", said.now()));
            }
        }
        if (!queued.isEmpty()) {
            outbound.enqueueAll(c, queued);
        }
        EventLog.append(c, events);
        turns.clear();
        conversations.clear();
    }
}
