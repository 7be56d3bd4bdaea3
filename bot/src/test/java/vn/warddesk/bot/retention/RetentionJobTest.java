package vn.warddesk.bot.retention;

import java.time.Duration;
import java.time.Instant;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.warddesk.bot.catalog.Catalog;
import vn.warddesk.bot.catalog.Lang;
import vn.warddesk.bot.conversation.ConversationRef;
import vn.warddesk.bot.conversation.InboundEvent;
import vn.warddesk.bot.conversation.Input;
import vn.warddesk.bot.testing.EngineFixture;
import vn.warddesk.bot.testing.MutableClock;
import vn.warddesk.bot.testing.TestDatabase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The retention periods, run against a controllable clock on a real MariaDB. */
class RetentionJobTest {
    private static final Instant T0 = Instant.parse("2026-12-01T02:00:00Z");
    private static final MutableClock CLOCK = new MutableClock(T0);
    private static HikariDataSource pool;
    private static EngineFixture fx;

    @BeforeAll
    static void setUp() {
        pool = TestDatabase.fresh("retention");
        fx = new EngineFixture(pool, CLOCK);
    }

    @AfterAll
    static void tearDown() {
        pool.close();
    }

    private static ConversationRef user(String name) {
        return new ConversationRef.ByChannelUser("zalo", vn.warddesk.bot.consent.ConsentLog.sha256(name), "z-" + name,
                                                 "demo-hoa-an");
    }

    private static void send(ConversationRef ref, String id, Input input) {
        fx.engine.handle(new InboundEvent(ref, "zalo", id, input, null, CLOCK.instant()));
    }

    @Test
    void each_kind_of_personal_data_is_erased_when_its_period_ends() {
        // A: an unsubmitted form. B: a submitted case, resolved at once. C: declined consent.
        ConversationRef a = user("a");
        send(a, "a1", new Input.Action("start:birth_registration"));
        send(a, "a2", new Input.Action("consent:agree"));
        send(a, "a3", new Input.Text("Lê Thị Hoa"));
        ConversationRef b = user("b");
        send(b, "b1", new Input.Action("start:birth_registration"));
        send(b, "b2", new Input.Action("consent:agree"));
        for (Catalog.IntakeField field : fx.catalog.intakeFields("birth_registration", Lang.VI)) {
            send(b, "b-" + field.name(), field.required()
                    ? new Input.Text(switch (field.type()) {
                        case NAME -> "Phạm Minh Khoa";
                        case PHONE -> "0987654321";
                        case DATE -> "2/12/2026";
                        default -> "ghi chú";
                    }) : new Input.Action("skip"));
        }
        send(b, "b9", new Input.Action("confirm"));
        String code = fx.string("SELECT code FROM case_file WHERE kind = 'request'");
        assertTrue(fx.cases.resolve("demo-hoa-an", code, "officer", "done", T0).isPresent());
        ConversationRef c = user("c");
        send(c, "c1", new Input.Action("start:marriage_registration"));
        send(c, "c2", new Input.Action("consent:decline"));

        RetentionJob job = new RetentionJob(pool, fx.cases, RetentionJob.Periods.defaults(), CLOCK);
        assertEquals(new RetentionJob.Counts(0, 0, 0, 0, 0), job.runOnce(T0.plus(Duration.ofHours(23))));
        assertEquals(1, fx.count("SELECT COUNT(*) FROM conversation WHERE draft IS NOT NULL"));

        RetentionJob.Counts day = job.runOnce(T0.plus(Duration.ofHours(25)));
        assertEquals(1, day.drafts());
        assertEquals(0, fx.count("SELECT COUNT(*) FROM conversation WHERE draft IS NOT NULL"));
        assertEquals(0, day.messageTexts());
        assertEquals(1, fx.count("SELECT COUNT(*) FROM case_file WHERE fields IS NOT NULL"), "case fields stay for now");

        RetentionJob.Counts quarter = job.runOnce(T0.plus(Duration.ofDays(91)));
        assertTrue(quarter.messageTexts() > 0);
        assertEquals(0, fx.count("SELECT COUNT(*) FROM message WHERE text IS NOT NULL"));
        assertEquals(1, fx.count("SELECT COUNT(*) FROM case_file WHERE fields IS NOT NULL"));

        assertEquals(0, job.runOnce(T0.plus(Duration.ofDays(179))).caseFields());
        assertEquals(1, job.runOnce(T0.plus(Duration.ofDays(181))).caseFields());
        assertEquals(0, fx.count("SELECT COUNT(*) FROM case_file WHERE fields IS NOT NULL"));
        assertEquals(1, fx.count("SELECT COUNT(*) FROM case_file WHERE code = ?", code), "the case itself stays");

        int consents = fx.count("SELECT COUNT(*) FROM consent");
        assertEquals(0, job.runOnce(T0.plus(Duration.ofDays(1824))).consentEvents());
        RetentionJob.Counts years = job.runOnce(T0.plus(Duration.ofDays(1826)));
        assertEquals(consents - 1, years.consentEvents(), "all but the one a case still refers to");
    }
}
