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

    record Message(long seq, String direction, String origin, Optional<String> text, Instant at, Optional<String> intent) {
        Message(long seq, String direction, String origin, Optional<String> text, Instant at) {
            this(seq, direction, origin, text, at, Optional.empty());
        }
    }

    record Delivery(long messageSeq, String state, Optional<String> reason) {
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
