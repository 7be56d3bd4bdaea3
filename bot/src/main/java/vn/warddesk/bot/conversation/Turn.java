package vn.warddesk.bot.conversation;

import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import vn.warddesk.bot.catalog.Lang;
import vn.warddesk.bot.consent.ConsentLog;
import vn.warddesk.bot.message.Button;
import vn.warddesk.bot.message.Reply;
import vn.warddesk.bot.text.Texts;
import vn.warddesk.bot.text.WardTexts;

/** One event being handled: the locked conversation, the clock reading, and the replies said so far. */
final class Turn {
    final Connection c;
    final ConversationStore.Row conv;
    final Instant now;
    final LocalDate today;
    final String channel;
    ConsentLog.Method method = ConsentLog.Method.BUTTON;
    final List<Reply> replies = new ArrayList<>();
    /** What happened in this turn, in order: applied to the dialogue state at once, appended to the log at commit. */
    final List<ConversationEvent> events = new ArrayList<>();
    /** The stored id of the citizen's message of this turn (0 for a session start). */
    long inboundMessageId;
    /** The typed message and its understanding, when this turn had one. */
    Heard heard;
    /** Set when this turn erased the conversation's data: copies kept elsewhere (failed inbox rows) go too. */
    boolean erased;
    /** Every ward's citizen texts; the engine sets the loaded ones. */
    WardTexts wardTexts = WardTexts.defaults();

    Turn(Connection c, ConversationStore.Row conv, Instant now, LocalDate today, String channel) {
        this.c = c;
        this.conv = conv;
        this.now = now;
        this.today = today;
        this.channel = channel;
    }

    Lang lang() {
        return Lang.of(conv.locale);
    }

    boolean vi() {
        return lang() == Lang.VI;
    }

    /**
     * Vietnamese or English text, by the conversation's language. Citizen texts belong in the message bundles
     * ({@link #text}); this stays for choosing between two non-text values.
     */
    String t(String vi, String en) {
        return vi() ? vi : en;
    }

    /** The ward's text of a key in the conversation's language; placeholder values as name/value pairs. */
    String text(String key, Object... namesAndValues) {
        return texts().get(key, namesAndValues);
    }

    /** The ward's texts in the conversation's language. */
    Texts texts() {
        return wardTexts.of(conv.wardId, lang().tag());
    }

    void say(Reply.Kind kind, String text, List<Button> buttons) {
        replies.add(new Reply(kind, text, buttons));
    }

    void say(Reply.Kind kind, String text) {
        say(kind, text, List.of());
    }

    void say(Reply reply) {
        replies.add(reply);
    }

    /** Something happened: the dialogue state follows it now, the log gets it with the turn's commit. */
    void record(ConversationEvent event) {
        events.add(event);
        conv.apply(event);
    }

    /** Moves the conversation to {@code state} (an event only when it changes). */
    void state(String state) {
        if (!state.equals(conv.state)) {
            record(new ConversationEvent.StateSet(state));
        }
    }

    /** The working memory as folded so far; change it only by {@link #record}. */
    Context ctx() {
        return conv.context;
    }
}
