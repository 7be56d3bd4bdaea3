package vn.warddesk.bot.conversation;

import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import vn.warddesk.bot.consent.ConsentLog;
import vn.warddesk.bot.message.Reply;
import vn.warddesk.bot.testing.EngineFixture;
import vn.warddesk.bot.testing.MutableClock;
import vn.warddesk.bot.testing.TestDatabase;

/**
 * Citizens chatting with the real engine in a test: every line or button is one inbound Telegram event of that user
 * (a user named "en-…" writes with the English locale), so each test reads like the conversation it checks.
 */
final class EngineChat implements BeforeAllCallback, AfterAllCallback {
    private final String database;
    private final MutableClock clock;
    private HikariDataSource pool;
    private EngineFixture fx;
    private int events;

    private EngineChat(String database, MutableClock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * The real engine over a fresh test database of that name, on the test's clock, for one test class:
     * {@code @RegisterExtension static final EngineChat chat = EngineChat.on("name", CLOCK);} opens it before the
     * class's tests and closes it after them.
     */
    static EngineChat on(String database, MutableClock clock) {
        return new EngineChat(database, clock);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        pool = TestDatabase.fresh(database);
        fx = new EngineFixture(pool, clock);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        pool.close();
    }

    /** The engine and its database, for what a test reads besides the replies (cases, drafts). */
    EngineFixture fx() {
        return fx;
    }

    ConversationPort.Handled say(String user, String text) {
        return handle(user, new Input.Text(text));
    }

    ConversationPort.Handled press(String user, String action) {
        return handle(user, new Input.Action(action));
    }

    private ConversationPort.Handled handle(String user, Input input) {
        ConversationRef ref = new ConversationRef.ByChannelUser("telegram", ConsentLog.sha256(user), "chat-" + user,
                                                                "demo-hoa-an");
        String locale = user.startsWith("en-") ? "en" : null;
        return fx.engine.handle(new InboundEvent(ref, "telegram", "ev-" + (++events), input, locale, clock.instant()));
    }

    /** What the citizen sees after typing the line, as {@link #seen(List)} tells it. */
    List<String> seen(String user, String text) {
        return seen(say(user, text).replies());
    }

    /** The kinds of the turn's replies, in order. */
    static List<Reply.Kind> kinds(ConversationPort.Handled handled) {
        return handled.replies().stream().map(Reply::kind).toList();
    }

    /** kind, or answer/procedure/aspect for answers (the greeting of a new session left out). */
    static List<String> seen(List<Reply> replies) {
        return replies.stream().filter(r -> r.kind() != Reply.Kind.GREET).map(r -> r.kind() == Reply.Kind.ANSWER
                ? "answer/" + r.procedure().orElse("?") + "/" + r.aspect().orElse("?") : r.kind().name().toLowerCase())
                .toList();
    }
}
