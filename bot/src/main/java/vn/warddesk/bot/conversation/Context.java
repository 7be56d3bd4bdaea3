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
 * @param topic          the procedure the citizen last asked about (given to staff on a handoff)
 */
record Context(String procedure, int fieldIndex, String editing, int attempts, String lastError, List<String> clarify,
               String noticeVersion, String noticeSha256, boolean pendingErase, boolean forwardAcked, String topic) {

    static Context empty() {
        return new Context(null, 0, null, 0, null, List.of(), null, null, false, false, null);
    }

    Context withTopic(String t) {
        return new Context(procedure, fieldIndex, editing, attempts, lastError, clarify, noticeVersion, noticeSha256,
                           pendingErase, forwardAcked, t);
    }

    Context {
        clarify = clarify == null ? List.of() : List.copyOf(clarify);
    }

    Context withProcedure(String p) {
        return new Context(p, 0, null, 0, null, List.of(), noticeVersion, noticeSha256, false, forwardAcked, topic);
    }

    Context withField(int index, String edit) {
        return new Context(procedure, index, edit, 0, null, List.of(), noticeVersion, noticeSha256, pendingErase,
                           forwardAcked, topic);
    }

    Context withAttempt(String error) {
        return new Context(procedure, fieldIndex, editing, attempts + 1, error, clarify, noticeVersion, noticeSha256,
                           pendingErase, forwardAcked, topic);
    }

    Context withClarify(List<String> options) {
        return new Context(procedure, fieldIndex, editing, attempts, lastError, options, noticeVersion, noticeSha256,
                           pendingErase, forwardAcked, topic);
    }

    Context withNotice(String version, String sha) {
        return new Context(procedure, fieldIndex, editing, attempts, lastError, clarify, version, sha, pendingErase,
                           forwardAcked, topic);
    }

    Context withPendingErase(boolean pending) {
        return new Context(procedure, fieldIndex, editing, attempts, lastError, clarify, noticeVersion, noticeSha256,
                           pending, forwardAcked, topic);
    }

    Context withForwardAcked(boolean acked) {
        return new Context(procedure, fieldIndex, editing, attempts, lastError, clarify, noticeVersion, noticeSha256,
                           pendingErase, acked, topic);
    }
}
