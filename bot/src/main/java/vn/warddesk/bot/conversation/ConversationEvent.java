package vn.warddesk.bot.conversation;

import java.util.List;

/**
 * One thing that happened in a conversation, appended to {@code conversation_event} in the turn's transaction (the
 * pattern of Rasa's tracker events). Events carry no personal data: intents, aspects, reply kinds and field names,
 * never texts or field values. Erasure deletes them with the rest.
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
}
