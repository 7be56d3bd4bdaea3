package vn.warddesk.bot.conversation;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.warddesk.bot.testing.EngineFixture;
import vn.warddesk.bot.testing.MutableClock;
import vn.warddesk.bot.testing.TestDatabase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dialogue state is a fold over the stored events: replaying them gives what the engine had live. */
class TrackerTest {
    private static final Instant START = Instant.parse("2026-12-01T02:00:00Z");
    private static final MutableClock CLOCK = new MutableClock(START);
    private static HikariDataSource pool;
    private static EngineFixture fx;

    @BeforeAll
    static void setUp() {
        pool = TestDatabase.fresh("tracker");
        fx = new EngineFixture(pool, CLOCK);
    }

    @AfterAll
    static void tearDown() {
        pool.close();
    }

    private static ConversationRef user(String name) {
        return new ConversationRef.ByChannelUser("telegram", vn.warddesk.bot.consent.ConsentLog.sha256(name),
                                                 "chat-" + name, "demo-hoa-an");
    }

    private static Outcome say(ConversationRef ref, String id, String text) {
        return fx.engine.process(new InboundEvent(ref, "telegram", id, new Input.Text(text), null, CLOCK.instant()));
    }

    private static Outcome press(ConversationRef ref, String id, String action) {
        return fx.engine.process(new InboundEvent(ref, "telegram", id, new Input.Action(action), null, CLOCK.instant()));
    }

    private static List<ConversationEvent> all(String conversationId) throws SQLException {
        try (Connection c = pool.getConnection()) {
            return EventLog.all(c, conversationId);
        }
    }

    private static List<ConversationEvent> session(String conversationId) throws SQLException {
        try (Connection c = pool.getConnection()) {
            return EventLog.session(c, conversationId);
        }
    }

    /** The whole history, the session window and the engine's own outcome agree on the state. */
    private static Tracker replayed(Outcome live) throws SQLException {
        String id = live.handled().conversationId();
        Tracker fromAll = Tracker.fold(Tracker.initial(Dialogue.IDLE), all(id));
        Tracker fromSession = Tracker.fold(Tracker.initial(Dialogue.IDLE), session(id));
        assertEquals(fromAll, fromSession, "folding the session gives what folding the whole history gives");
        assertEquals(live.state(), fromAll.state(), "the replayed state is the live one");
        assertEquals(fx.string("SELECT state FROM conversation WHERE id = ?", id), fromAll.state(),
                     "the row's copy of the state follows the fold");
        return fromAll;
    }

    private static String field(Tracker tracker) {
        List<vn.warddesk.bot.catalog.Catalog.IntakeField> fields = fx.catalog.intakeFields(
                tracker.context().procedure(), vn.warddesk.bot.catalog.Lang.VI);
        if (tracker.context().editing() != null) {
            return tracker.context().editing();
        }
        return tracker.context().fieldIndex() < fields.size() ? fields.get(tracker.context().fieldIndex()).name() : null;
    }

    @Test
    void replaying_a_form_with_a_refusal_and_a_correction_gives_the_live_state_after_every_turn() throws Exception {
        ConversationRef user = user("replay-form");
        Outcome first = say(user, "f1", "làm giấy khai sinh cần gì");
        String id = first.handled().conversationId();
        Tracker t = replayed(first);
        assertEquals("birth_registration", t.context().topic());

        t = replayed(press(user, "f2", "start:birth_registration"));
        assertEquals(Dialogue.CONSENT, t.state());
        assertTrue(t.context().noticeSha256() != null, "the notice shown is in the events, for the consent record");

        Outcome live = press(user, "f3", "consent:agree");
        t = replayed(live);
        assertEquals("contact_name", field(t));
        assertEquals(live.expecting().orElseThrow().field(), field(t), "the live form asks the replayed field");

        t = replayed(say(user, "f4", "Trần Văn Bình"));
        assertEquals("phone", field(t));

        live = say(user, "f5", "12");
        t = replayed(live);
        assertEquals("phone", field(t), "a refused value asks the same field again");
        assertEquals(1, t.context().attempts());
        assertEquals(live.expecting().orElseThrow().error(), java.util.Optional.ofNullable(t.context().lastError()),
                     "the error shown again comes back from the event");

        t = replayed(say(user, "f6", "0912345678"));
        assertEquals("preferred_day", field(t));
        int whereTheFormWas = t.context().fieldIndex();

        t = replayed(press(user, "f7", "edit:contact_name"));
        assertEquals("contact_name", t.context().editing());

        t = replayed(say(user, "f8", "Trần Văn Bính"));
        assertNull(t.context().editing(), "the correction replaced the one field");
        assertEquals(whereTheFormWas, t.context().fieldIndex(), "and the form goes on where it was");
        assertTrue(all(id).stream().anyMatch(e -> e instanceof ConversationEvent.FieldCorrected f
                                                  && f.field().equals("contact_name")));
    }

    @Test
    void a_cancelled_form_keeps_only_the_topic() throws Exception {
        ConversationRef user = user("replay-cancel");
        press(user, "c1", "start:birth_registration");
        press(user, "c2", "consent:agree");
        Tracker t = replayed(say(user, "c3", "thôi hủy đi"));
        assertTrue(t.context().pendingCancel(), "cancel is asked once");
        t = replayed(press(user, "c4", "cancel:confirm"));
        assertNull(t.context().procedure());
        assertEquals("birth_registration", t.context().topic(), "a follow-up can still refer to it");
        assertEquals(Dialogue.ANSWERING, t.state());
    }

    @Test
    void staff_claim_and_hand_back_are_events_the_fold_sees() throws Exception {
        ConversationRef user = user("replay-staff");
        Outcome handed = say(user, "s1", "tôi muốn gặp cán bộ");
        String id = handed.handled().conversationId();
        assertEquals(Dialogue.HANDED_OFF, replayed(handed).state());
        String code = fx.string("SELECT case_code FROM conversation WHERE id = ?", id);
        fx.cases.claim("demo-hoa-an", code, "officer-1", CLOCK.instant());
        fx.cases.handBack("demo-hoa-an", code, "officer-1", CLOCK.instant());
        Tracker afterStaff = Tracker.fold(Tracker.initial(Dialogue.IDLE), session(id));
        assertEquals(Dialogue.ANSWERING, afterStaff.state(), "the hand-back is folded, not read from a column");
        assertEquals(afterStaff.state(), fx.string("SELECT state FROM conversation WHERE id = ?", id));
    }

    @Test
    void erasure_leaves_only_the_erasure_event_and_an_empty_state() throws Exception {
        ConversationRef user = user("replay-erase");
        String id = say(user, "e1", "làm giấy khai sinh cần gì").handled().conversationId();
        press(user, "e2", "start:birth_registration");
        assertTrue(all(id).size() > 3);
        say(user, "e3", "xóa dữ liệu của tôi");
        Outcome erased = press(user, "e4", "erase:confirm");
        assertTrue(erased.handled().erased());
        assertEquals(List.of(new ConversationEvent.DataErased()), all(id), "the history went with the texts");
        Tracker t = replayed(erased);
        assertEquals(Tracker.initial(Dialogue.IDLE), t);
    }

    @Test
    void a_new_session_folds_only_its_own_events() throws Exception {
        ConversationRef user = user("replay-session");
        String id = say(user, "n1", "làm giấy khai sinh cần gì").handled().conversationId();
        CLOCK.advance(java.time.Duration.ofMinutes(31));
        try {
            Tracker t = replayed(say(user, "n2", "giờ làm việc của phường"));
            List<ConversationEvent> window = session(id);
            assertEquals(new ConversationEvent.SessionStarted(), window.get(0), "the window starts at the session start");
            assertTrue(window.size() < all(id).size());
            assertNull(t.context().topic(), "an old session's topic is not carried over");
        } finally {
            CLOCK.set(START);
        }
    }

    @Test
    void every_kind_of_event_survives_the_table() throws Exception {
        List<ConversationEvent> events = List.of(
                new ConversationEvent.SessionStarted(),
                new ConversationEvent.UserSaid(0, "ask_fee", "fee", 0.9, false, List.of("date", "phone")),
                new ConversationEvent.BotSaid(0, "answer", "birth_registration", "fee", null),
                new ConversationEvent.BotSaid(0, "ask_field", "birth_registration", null, "phone"),
                new ConversationEvent.TopicSet("birth_registration", "fee"),
                new ConversationEvent.FormStarted("birth_registration"),
                new ConversationEvent.NoticeShown("2026.1", "ab12"),
                new ConversationEvent.ConsentDecided("birth_registration", "agree"),
                new ConversationEvent.FieldFilled("birth_registration", "contact_name"),
                new ConversationEvent.FieldRejected("birth_registration", "phone", "Sai: hãy nhập lại"),
                new ConversationEvent.FieldSkipped("birth_registration", "details"),
                new ConversationEvent.FormMoved("birth_registration", 1, "contact_name"),
                new ConversationEvent.FormMoved("birth_registration", 3, null),
                new ConversationEvent.FieldCorrected("birth_registration", "contact_name"),
                new ConversationEvent.CancelPending(true),
                new ConversationEvent.CancelPending(false),
                new ConversationEvent.FormCancelled("birth_registration"),
                new ConversationEvent.FormSubmitted("birth_registration", "PH-2026-1234567"),
                new ConversationEvent.HandedOff("PH-2026-1234567"),
                new ConversationEvent.ClarifyAsked(List.of("ask:birth_registration:fee", "intent:office_hours")),
                new ConversationEvent.NotUnderstood(),
                new ConversationEvent.UnclearCleared(),
                new ConversationEvent.ErasePending(true),
                new ConversationEvent.ForwardAcked(true),
                new ConversationEvent.IntentAnswered("office_hours"),
                new ConversationEvent.IntentAnswered("privacy_info", "retention"),
                new ConversationEvent.IntentAnswered(null),
                new ConversationEvent.StateSet(Dialogue.CONFIRM),
                new ConversationEvent.DraftExpired(),
                new ConversationEvent.Restarted(),
                new ConversationEvent.SessionEnded(),
                new ConversationEvent.DataErased());
        String id = fx.engine.open("web", "demo-hoa-an", vn.warddesk.bot.catalog.Lang.VI, "tracker-roundtrip");
        try (Connection c = pool.getConnection()) {
            EventLog.append(c, id, events, CLOCK.instant());
        }
        assertEquals(events, all(id));
        assertEquals(List.of(new ConversationEvent.DataErased()), session(id), "the window starts at the last start-over");
    }

    @Test
    void the_fold_follows_a_correction_back_to_the_summary() {
        Tracker t = Tracker.fold(Tracker.initial(Dialogue.IDLE), List.of(
                new ConversationEvent.FormStarted("birth_registration"),
                new ConversationEvent.ConsentDecided("birth_registration", "agree"),
                new ConversationEvent.FieldFilled("birth_registration", "contact_name"),
                new ConversationEvent.FieldFilled("birth_registration", "phone"),
                new ConversationEvent.FormMoved("birth_registration", 4, null),
                new ConversationEvent.StateSet(Dialogue.CONFIRM),
                new ConversationEvent.FormMoved("birth_registration", 4, "phone"),
                new ConversationEvent.FieldRejected("birth_registration", "phone", "x"),
                new ConversationEvent.FieldCorrected("birth_registration", "phone")));
        assertEquals(4, t.context().fieldIndex(), "back at the summary, not at the field after the corrected one");
        assertNull(t.context().editing());
        assertNull(t.context().lastError(), "the refusal before the correction is forgotten");
        assertEquals(0, t.context().attempts());
        assertEquals(Dialogue.CONFIRM, t.state());
    }
}
