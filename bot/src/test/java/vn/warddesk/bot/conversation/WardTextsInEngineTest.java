package vn.warddesk.bot.conversation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.warddesk.bot.cases.CaseLinks;
import vn.warddesk.bot.message.Reply;
import vn.warddesk.bot.testing.EngineFixture;
import vn.warddesk.bot.testing.MutableClock;
import vn.warddesk.bot.testing.TestDatabase;
import vn.warddesk.bot.text.WardTexts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engine says what the ward wrote: its override for its conversations, the default elsewhere; case links. */
class WardTextsInEngineTest {
    private static final String WARD = "demo-hoa-an";
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-12-01T02:00:00Z"));
    private static final CaseLinks LINKS = new CaseLinks("https://ward.example", "test-secret");
    @TempDir
    static Path wards;
    private static HikariDataSource pool;
    private static EngineFixture ward;
    private static EngineFixture shipped;

    @BeforeAll
    static void setUp() throws IOException {
        Files.createDirectories(wards.resolve(WARD));
        Files.writeString(wards.resolve(WARD).resolve("messages_vi.properties"),
                          "answer.goodbye=Phường chào bạn, hẹn gặp lại!\n"
                          + "answer.greeting=Chào bạn! {office} trả lời tự động 24/7.\n");
        pool = TestDatabase.fresh("ward_texts_engine");
        ward = new EngineFixture(pool, CLOCK, WardTexts.load(wards), Optional.of(LINKS));
        shipped = new EngineFixture(pool, CLOCK, WardTexts.defaults(), Optional.empty());
    }

    @AfterAll
    static void tearDown() {
        pool.close();
    }

    private static List<Reply> say(EngineFixture fx, String user, String locale, Input input) {
        ConversationRef ref = new ConversationRef.ByChannelUser("telegram", vn.warddesk.bot.consent.ConsentLog.sha256(user),
                                                                "chat-" + user, WARD);
        return fx.engine.handle(new InboundEvent(ref, "telegram", null, input, locale, CLOCK.instant())).replies();
    }

    @Test
    void a_ward_override_changes_what_the_engine_says_in_that_language_only() {
        List<Reply> greeting = say(ward, "override-vi", "vi", new Input.Started());
        String office = ward.catalog.office().name();
        assertEquals("Chào bạn! " + office + " trả lời tự động 24/7.", greeting.get(0).text());
        assertEquals("Phường chào bạn, hẹn gặp lại!", say(ward, "override-vi", "vi", new Input.Text("tạm biệt")).get(0).text());
        assertTrue(say(ward, "override-en", "en", new Input.Started()).get(0).text()
                           .startsWith("Hello! I am the automated assistant of " + office), "English has no override");
        assertTrue(say(shipped, "shipped-vi", "vi", new Input.Started()).get(0).text()
                           .startsWith("Xin chào! Mình là trợ lý tự động của " + office), "without overrides: the default");
    }

    @Test
    void the_case_status_answer_carries_the_case_page_link() {
        say(ward, "status", "vi", new Input.Started());
        say(ward, "status", "vi", new Input.Action("staff"));
        String code = ward.string("SELECT code FROM case_file ORDER BY id DESC LIMIT 1");
        Reply status = say(ward, "status", "vi", new Input.Action("status")).stream()
                .filter(r -> r.kind() == Reply.Kind.CASE_STATUS).findFirst().orElseThrow();
        assertTrue(status.text().startsWith("Hồ sơ " + code), status.text());
        assertTrue(status.text().endsWith("\nXem hồ sơ: " + LINKS.url(code)), status.text());
    }
}
