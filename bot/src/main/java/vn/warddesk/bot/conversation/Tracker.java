package vn.warddesk.bot.conversation;

import java.util.List;
import java.util.Set;

/**
 * The dialogue state of one conversation as a fold over its events (Rasa's tracker): the conversation's state and the
 * working memory ({@link Context}). Nothing else holds it: the engine folds the events of the current session when it
 * takes the conversation's lock, and every change in a turn is an event applied here and appended to the log.
 *
 * @param state   idle, answering, clarifying, consent, intake, confirm, handed_off or closed
 * @param context topic, form progress, pending questions
 */
record Tracker(String state, Context context) {
    private static final Set<String> FORM_STATES = Set.of(Dialogue.CONSENT, Dialogue.INTAKE, Dialogue.CONFIRM);

    /** Before any event: a conversation that never said anything. */
    static Tracker initial(String state) {
        return new Tracker(state, Context.empty());
    }

    /**
     * Events after which nothing earlier matters (each sets the whole state): the fold starts at the last of them, so a
     * turn reads its session's events, not the conversation's whole history.
     */
    static boolean startsOver(ConversationEvent event) {
        return event instanceof ConversationEvent.SessionStarted || event instanceof ConversationEvent.DataErased
               || event instanceof ConversationEvent.SessionEnded || event instanceof ConversationEvent.Restarted;
    }

    /** Folds events in order onto {@code start}. */
    static Tracker fold(Tracker start, List<ConversationEvent> events) {
        Tracker tracker = start;
        for (ConversationEvent event : events) {
            tracker = tracker.apply(event);
        }
        return tracker;
    }

    Tracker apply(ConversationEvent event) {
        Context c = context;
        return switch (event) {
            case ConversationEvent.UserSaid e -> this;
            case ConversationEvent.BotSaid e -> this;
            case ConversationEvent.TopicSet e -> with(c.withTopic(e.procedure(), e.aspect()));
            case ConversationEvent.FormStarted e -> with(c.withProcedure(e.procedure()));
            // After a correction the form goes on where it was (the summary when it was complete).
            case ConversationEvent.FieldFilled e -> with(advanced(c));
            case ConversationEvent.FieldCorrected e -> with(advanced(c));
            case ConversationEvent.FieldSkipped e -> with(advanced(c));
            case ConversationEvent.FieldRejected e -> with(c.withAttempt(e.error()));
            case ConversationEvent.FormMoved e -> with(c.withField(e.fieldIndex(), e.editing()));
            case ConversationEvent.FormCancelled e -> with(c.keepTopic());
            case ConversationEvent.FormSubmitted e -> with(c.keepTopic());
            case ConversationEvent.ConsentDecided e -> with("agree".equals(e.decision()) ? c.withField(0, null)
                    : c.keepTopic());
            case ConversationEvent.HandedOff e -> with(c.keepTopic());
            case ConversationEvent.NoticeShown e -> with(c.withNotice(e.version(), e.sha256()));
            case ConversationEvent.ClarifyAsked e -> with(c.withClarify(e.options()).withUnclear(c.unclear() + 1));
            case ConversationEvent.NotUnderstood e -> with(c.withUnclear(c.unclear() + 1));
            case ConversationEvent.UnclearCleared e -> with(c.withUnclear(0));
            case ConversationEvent.ErasePending e -> with(c.withPendingErase(e.pending()));
            case ConversationEvent.CancelPending e -> with(c.withPendingCancel(e.pending()));
            case ConversationEvent.ForwardAcked e -> with(c.withForwardAcked(e.acked()));
            case ConversationEvent.IntentAnswered e -> with(c.withLastIntent(e.intent(), e.fact()));
            case ConversationEvent.StateSet e -> new Tracker(e.state(), c);
            case ConversationEvent.SessionStarted e -> new Tracker(Dialogue.IDLE, Context.empty());
            case ConversationEvent.Restarted e -> new Tracker(Dialogue.IDLE, Context.empty());
            case ConversationEvent.DataErased e -> new Tracker(Dialogue.IDLE, Context.empty());
            case ConversationEvent.SessionEnded e -> new Tracker(Dialogue.CLOSED, Context.empty());
            case ConversationEvent.DraftExpired e -> new Tracker(FORM_STATES.contains(state) ? Dialogue.IDLE : state,
                                                                 Context.empty());
        };
    }

    private Tracker with(Context next) {
        return new Tracker(state, next);
    }

    private static Context advanced(Context c) {
        return c.withField(c.editing() != null ? c.fieldIndex() : c.fieldIndex() + 1, null);
    }
}
