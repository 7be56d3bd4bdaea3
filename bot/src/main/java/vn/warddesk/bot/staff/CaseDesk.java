package vn.warddesk.bot.staff;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The case operations the console needs, every one scoped by the caller's ward. Implemented over the engine's
 * {@code cases} feature; the staff feature puts sign-in, roles, CSRF and audit in front of it.
 * A case of another ward behaves exactly like a case that does not exist.
 */
interface CaseDesk {

    record Query(Optional<String> status, Optional<String> procedure, Optional<String> channel,
                 Optional<Instant> olderThan, Optional<Instant> newerThan, int limit) {
    }

    record Summary(String code, String procedure, String procedureName, String channel, String status,
                   Optional<String> claimedBy, Instant createdAt, Instant updatedAt, Optional<Instant> claimedAt) {
    }

    /**
     * One transcript line; {@code action} is a pressed button (the console shows its label, not the code);
     * {@code intent} is what the NLU understood of a citizen's text, stored with the turn.
     */
    record Message(long seq, String direction, String origin, Optional<String> text, Optional<String> action,
                   Instant at, Optional<String> intent) {
        Message(long seq, String direction, String origin, Optional<String> text, Optional<String> action, Instant at) {
            this(seq, direction, origin, text, action, at, Optional.empty());
        }
    }

    /**
     * Where one staff reply went. {@code route}: push (Telegram/Zalo outbox), web_open (the web/kiosk conversation
     * was open), case_page (nobody in the chat: the case page shows it). {@code state}: queued, sent or failed for
     * push; the route itself otherwise. {@code platformMessageId}: the platform's id of the sent message.
     */
    record Delivery(long messageSeq, String route, String state, Optional<String> reason, Optional<String> channel,
                    Optional<String> platformMessageId, Optional<Instant> sentAt) {
        Delivery(long messageSeq, String state, Optional<String> reason) {
            this(messageSeq, "push", state, reason, Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    record Consent(String id, String decision, String noticeVersion, String textSha256, String method, Instant at,
                   Optional<Instant> withdrawnAt, String receiptUrl) {
    }

    record Detail(Summary summary, String conversationId, Map<String, String> fields, Optional<Consent> consent,
                  List<Message> transcript, List<Delivery> deliveries, Optional<String> outcome) {
    }

    /** Result of a state change: done, or refused because of the case's state (already claimed, withdrawn...). */
    sealed interface Change permits Done, Refused {
    }

    record Done(Summary summary, Optional<Delivery> delivery) implements Change {
    }

    record Refused(String reason) implements Change {
    }

    List<Summary> list(String wardId, Query query);

    Optional<Detail> detail(String wardId, String code);

    Optional<Change> claim(String wardId, String code, String officer);

    Optional<Change> assign(String wardId, String code, String officer);

    Optional<Change> reply(String wardId, String code, String officer, String text);

    Optional<Change> handBack(String wardId, String code, String officer);

    Optional<Change> resolve(String wardId, String code, String officer, String outcome);

    /** Something that changes whenever any case of the ward changes (for the live queue). */
    String version(String wardId);
}
