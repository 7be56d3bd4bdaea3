package vn.warddesk.bot.conversation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.warddesk.bot.catalog.Lang;
import vn.warddesk.bot.consent.ConsentLog;
import vn.warddesk.bot.testing.EngineFixture;
import vn.warddesk.bot.testing.MutableClock;
import vn.warddesk.bot.testing.TestDatabase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Property-style: whatever a citizen does, in any order, no personal field (intake draft or case fields) is stored for
 * a conversation whose latest consent decision is not "agree". A seeded random walk over buttons and texts.
 */
class NoPersonalDataWithoutConsentTest {
    private static final long SEED = 20_261_128L;
    private static final int STEPS = 400;
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-12-01T02:00:00Z"));
    private static HikariDataSource pool;
    private static EngineFixture fx;

    private static final String[] ACTIONS = {
            "start:birth_registration", "start:marriage_registration", "consent:agree", "consent:agree",
            "consent:agree", "consent:decline", "consent:full", "confirm", "confirm", "edit:phone", "edit:contact_name",
            "skip", "restart", "erase", "erase:confirm", "erase:cancel", "staff", "receipt", "mydata", "choice:x",
            "ask:birth_registration:fee", "status", "bogus:action"};
    private static final String[] TEXTS = {
            "Nguyễn Văn An", "Nguyễn Văn An", "0912 345 678", "0912 345 678", "123", "ngày mai", "2/12/2026",
            "có", "không", "đồng ý", "tôi rút lại sự đồng ý", "xin chào", "giờ làm việc của phường", "bắt đầu lại",
            "Khai sinh cho con", "tôi muốn đăng ký khai sinh cho con", "dữ liệu của tôi", "xóa dữ liệu của tôi",
            "tôi muốn gặp cán bộ"};

    @BeforeAll
    static void setUp() {
        pool = TestDatabase.fresh("consent_property");
        fx = new EngineFixture(pool, CLOCK);
    }

    @AfterAll
    static void tearDown() {
        pool.close();
    }

    @Test
    void no_personal_field_is_ever_stored_without_an_agree_consent_in_force() {
        Random random = new Random(SEED);
        List<String> webIds = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            webIds.add(fx.engine.open("kiosk", "demo-hoa-an", Lang.VI, ConsentLog.sha256("token" + i)));
        }
        List<ConversationRef> refs = new ArrayList<>();
        webIds.forEach(id -> refs.add(new ConversationRef.ById(id)));
        refs.add(new ConversationRef.ByChannelUser("telegram", ConsentLog.sha256("walker"), "chat-walker", "demo-hoa-an"));
        int everStored = 0;
        java.util.Map<ConversationRef, Outcome> last = new java.util.HashMap<>();
        for (int step = 0; step < STEPS; step++) {
            ConversationRef ref = refs.get(random.nextInt(refs.size()));
            int dice = random.nextInt(100);
            if (dice < 3 && ref instanceof ConversationRef.ById byId) {
                fx.engine.end(byId.conversationId());
            } else if (dice < 5) {
                CLOCK.advance(Duration.ofMinutes(31));
            } else {
                Input input = dice < 40 ? new Input.Action(ACTIONS[random.nextInt(ACTIONS.length)])
                        : dice < 65 ? new Input.Text(TEXTS[random.nextInt(TEXTS.length)])
                        : cooperative(last.get(ref));
                String channel = ref instanceof ConversationRef.ByChannelUser ? "telegram" : "kiosk";
                last.put(ref, fx.engine.process(new InboundEvent(ref, channel, "s" + step, input, null, CLOCK.instant())));
            }
            assertEquals(0, violations(), "personal data without consent after step " + step);
            everStored = Math.max(everStored, fx.count("""
                    SELECT COUNT(*) FROM conversation c WHERE c.draft IS NOT NULL OR EXISTS (
                        SELECT 1 FROM case_file k WHERE k.conversation_id = c.id AND k.fields IS NOT NULL)"""));
        }
        assertTrue(everStored > 0, "the walk did reach states that store personal data");
        assertTrue(fx.count("SELECT COUNT(*) FROM case_file WHERE kind = 'request'") > 0, "cases were filed");
    }

    /** What a citizen following the bot would do next: answer the field asked, agree, confirm, or start a request. */
    private static Input cooperative(Outcome previous) {
        if (previous == null) {
            return new Input.Action("start:birth_registration");
        }
        if (previous.expecting().isPresent()) {
            return switch (previous.expecting().get().type()) {
                case "name" -> new Input.Text("Nguyễn Văn An");
                case "phone" -> new Input.Text("0912 345 678");
                case "date" -> new Input.Text("ngày mai");
                case "choice" -> new Input.Action("choice:" + previous.expecting().get().choices().get(0).value());
                default -> previous.expecting().get().required() ? new Input.Text("Khai sinh cho con")
                        : new Input.Action("skip");
            };
        }
        return switch (previous.state()) {
            case "consent" -> new Input.Action("consent:agree");
            case "confirm" -> new Input.Action("confirm");
            default -> new Input.Action("start:birth_registration");
        };
    }

    private static int violations() {
        int withoutConsent = fx.count("""
                SELECT COUNT(*) FROM conversation c
                WHERE (c.draft IS NOT NULL
                       OR EXISTS (SELECT 1 FROM case_file k WHERE k.conversation_id = c.id AND k.fields IS NOT NULL))
                  AND COALESCE((SELECT s.decision FROM consent s WHERE s.conversation_id = c.id
                                ORDER BY s.id DESC LIMIT 1), 'none') <> 'agree'""");
        int casesWithoutAgreement = fx.count("""
                SELECT COUNT(*) FROM case_file k
                WHERE k.fields IS NOT NULL AND NOT EXISTS (
                    SELECT 1 FROM consent s WHERE s.id = k.consent_id AND s.conversation_id = k.conversation_id
                                              AND s.decision = 'agree')""");
        return withoutConsent + casesWithoutAgreement;
    }
}
