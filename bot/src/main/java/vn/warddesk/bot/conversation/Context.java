package vn.warddesk.bot.conversation;

import java.util.List;

/**
 * The engine's working memory for one conversation, persisted as JSON in {@code conversation.context}. It never holds
 * personal data (answers live in the draft, which retention and erasure clear).
 *
 * @param procedure      the procedure of the request in progress
 * @param fieldIndex     the intake field being asked
 * @param editing        the field being corrected from the summary, or null
 * @param attempts       invalid answers to the current field so far
 * @param lastError      what was wrong with the last answer (shown again by the kiosk)
 * @param clarify        the two actions offered by "Did you mean A or B?"
 * @param noticeVersion  privacy notice version shown at the consent prompt
 * @param noticeSha256   SHA-256 of the exact notice text shown
 * @param pendingErase   the citizen asked for erasure and must confirm
 * @param forwardAcked   the "an officer is handling this" acknowledgement was sent for the current claim
 */
record Context(String procedure, int fieldIndex, String editing, int attempts, String lastError, List<String> clarify,
               String noticeVersion, String noticeSha256, boolean pendingErase, boolean forwardAcked) {

    static Context empty() {
        return new Context(null, 0, null, 0, null, List.of(), null, null, false, false);
    }

    Context {
        clarify = clarify == null ? List.of() : List.copyOf(clarify);
    }

    Context withProcedure(String p) {
        return new Context(p, 0, null, 0, null, List.of(), noticeVersion, noticeSha256, false, forwardAcked);
    }

    Context withField(int index, String edit) {
        return new Context(procedure, index, edit, 0, null, List.of(), noticeVersion, noticeSha256, pendingErase,
                           forwardAcked);
    }

    Context withAttempt(String error) {
        return new Context(procedure, fieldIndex, editing, attempts + 1, error, clarify, noticeVersion, noticeSha256,
                           pendingErase, forwardAcked);
    }

    Context withClarify(List<String> options) {
        return new Context(procedure, fieldIndex, editing, attempts, lastError, options, noticeVersion, noticeSha256,
                           pendingErase, forwardAcked);
    }

    Context withNotice(String version, String sha) {
        return new Context(procedure, fieldIndex, editing, attempts, lastError, clarify, version, sha, pendingErase,
                           forwardAcked);
    }

    Context withPendingErase(boolean pending) {
        return new Context(procedure, fieldIndex, editing, attempts, lastError, clarify, noticeVersion, noticeSha256,
                           pending, forwardAcked);
    }

    Context withForwardAcked(boolean acked) {
        return new Context(procedure, fieldIndex, editing, attempts, lastError, clarify, noticeVersion, noticeSha256,
                           pendingErase, acked);
    }
}
