package vn.warddesk.bot.conversation;

import java.util.List;

/**
 * One thing that happened in a conversation, appended to {@code conversation_event} in the turn's transaction (the
 * pattern of Rasa's tracker events). The dialogue state is folded from them ({@link Tracker}); nothing else holds it.
 * Events carry no personal data: intents, aspects, reply kinds, field names and the bot's own error texts, never the
 * citizen's texts or field values. Erasure deletes them with the rest.
 */
sealed interface ConversationEvent {
    /** A typed message as the NLU understood it; {@code clarify} when the NLU was not sure. */
    record UserSaid(long messageId, String intent, String aspect, double confidence, boolean clarify,
                    List<String> entityTypes) implements ConversationEvent {
    }

    record BotSaid(long messageId, String kind, String procedure, String aspect, String field) implements ConversationEvent {
    }

    record TopicSet(String procedure, String aspect) implements ConversationEvent {
    }

    record FormStarted(String procedure) implements ConversationEvent {
    }

    record FieldFilled(String procedure, String field) implements ConversationEvent {
    }

    record FieldCorrected(String procedure, String field) implements ConversationEvent {
    }

    record FormCancelled(String procedure) implements ConversationEvent {
    }

    record FormSubmitted(String procedure, String caseCode) implements ConversationEvent {
    }

    record ConsentDecided(String procedure, String decision) implements ConversationEvent {
    }

    record HandedOff(String caseCode) implements ConversationEvent {
    }

    record SessionStarted() implements ConversationEvent {
    }

    record DataErased() implements ConversationEvent {
    }

    /** The value typed for a field was refused; {@code error} is the bot's explanation, shown with the question again. */
    record FieldRejected(String procedure, String field, String error) implements ConversationEvent {
    }

    /** An optional field was skipped: the form goes on as after a filled one. */
    record FieldSkipped(String procedure, String field) implements ConversationEvent {
    }

    /**
     * The form moved to a field by index ({@code fieldIndex} = number of fields: the summary), or to the field
     * {@code editing} being corrected.
     */
    record FormMoved(String procedure, int fieldIndex, String editing) implements ConversationEvent {
    }

    /** The privacy notice shown at the consent prompt: the consent record must name exactly this version and text. */
    record NoticeShown(String version, String sha256) implements ConversationEvent {
    }

    /** "Did you mean A or B?" with the actions its options run. */
    record ClarifyAsked(List<String> options) implements ConversationEvent {
        public ClarifyAsked {
            options = List.copyOf(options);
        }
    }

    /** The bot said it did not understand. */
    record NotUnderstood() implements ConversationEvent {
    }

    /** A turn the bot understood: "two unclear messages" counts only messages in a row. */
    record UnclearCleared() implements ConversationEvent {
    }

    /** The erasure question was asked ({@code true}) or lapsed / was answered "keep" ({@code false}). */
    record ErasePending(boolean pending) implements ConversationEvent {
    }

    /** The cancel-the-form question was asked ({@code true}) or lapsed / was answered "continue" ({@code false}). */
    record CancelPending(boolean pending) implements ConversationEvent {
    }

    /** The "an officer is handling this" acknowledgement was sent for the current claim (or is due again). */
    record ForwardAcked(boolean acked) implements ConversationEvent {
    }

    /**
     * The office/privacy question answered last (null: none), so that "còn thứ 7?" is read as about it; for privacy,
     * also the notice section answered (null: the short notice), so that "and my messages?" asks the same fact.
     */
    record IntentAnswered(String intent, String fact) implements ConversationEvent {
        IntentAnswered(String intent) {
            this(intent, null);
        }
    }

    /** The citizen started over: draft and dialogue state are gone, only the conversation stays. */
    record Restarted() implements ConversationEvent {
    }

    /**
     * The conversation's state changed (idle, answering, clarifying, consent, intake, confirm, handed_off, closed),
     * by the engine or by staff (claim, hand back, close).
     */
    record StateSet(String state) implements ConversationEvent {
    }

    /** The kiosk session ended ("Finish", idle reset): the unsubmitted request was erased. */
    record SessionEnded() implements ConversationEvent {
    }

    /** Retention erased an unsubmitted draft untouched for too long: the form is over. */
    record DraftExpired() implements ConversationEvent {
    }
}
