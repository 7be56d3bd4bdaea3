package vn.warddesk.bot.conversation;

import java.util.List;

/**
 * The engine's working memory for one conversation: part of the {@link Tracker}'s fold over the conversation's events,
 * stored nowhere itself. It never holds personal data (answers live in the draft, which retention and erasure clear).
 *
 * @param procedure      the procedure of the request in progress
 * @param fieldIndex     the intake field being asked
 * @param editing        the field being corrected, or null
 * @param attempts       invalid answers to the current field so far
 * @param lastError      what was wrong with the last answer (shown again by the kiosk)
 * @param clarify        the actions offered by "Did you mean A or B?"
 * @param noticeVersion  privacy notice version shown at the consent prompt
 * @param noticeSha256   SHA-256 of the exact notice text shown
 * @param pendingErase   the citizen asked for erasure and must confirm
 * @param forwardAcked   the "an officer is handling this" acknowledgement was sent for the current claim
 * @param topic          the procedure the citizen last asked about (follow-ups refer to it; given to staff on a handoff)
 * @param lastAspect     the aspect of the last answer ("what about X?" asks the same about another procedure)
 * @param unclear        messages in a row the bot did not understand
 * @param pendingCancel  the citizen asked to cancel the form being filled and must confirm
 * @param lastFact       the privacy notice section last answered (retention, who sees…), so that "and my messages?"
 *                       asks the same fact about other data
 * @param otherTopic     the procedure talked about before the topic ("cái nào nhanh hơn" compares the two)
 * @param lastIntent     the office/privacy question last answered (office_hours, office_location, privacy_info), so
 *                       that "còn thứ 7?" is read as about it; cleared by a procedure answer
 */
record Context(String procedure, int fieldIndex, String editing, int attempts, String lastError, List<String> clarify,
               String noticeVersion, String noticeSha256, boolean pendingErase, boolean forwardAcked, String topic,
               String lastAspect, int unclear, boolean pendingCancel, String lastIntent, String lastFact,
               String otherTopic) {

    static Context empty() {
        return new Context(null, 0, null, 0, null, List.of(), null, null, false, false, null, null, 0, false, null, null, null);
    }

    Context {
        clarify = clarify == null ? List.of() : List.copyOf(clarify);
    }

    /** A fresh context that keeps what the citizen talked about (for follow-ups after a form ends). */
    Context keepTopic() {
        return new Context(null, 0, null, 0, null, List.of(), null, null, false, false, topic, lastAspect, 0, false, lastIntent,
                           lastFact, otherTopic);
    }

    Context withTopic(String t, String aspect) {
        return new Context(procedure, fieldIndex, editing, attempts, lastError, clarify, noticeVersion, noticeSha256,
                           pendingErase, forwardAcked, t, aspect, 0, pendingCancel, null, lastFact,
                           t != null && !t.equals(topic) ? topic : otherTopic);
    }

    Context withProcedure(String p) {
        return new Context(p, 0, null, 0, null, List.of(), noticeVersion, noticeSha256, false, forwardAcked, p, lastAspect,
                           0, false, lastIntent, lastFact, otherTopic);
    }

    Context withField(int index, String edit) {
        return new Context(procedure, index, edit, 0, null, List.of(), noticeVersion, noticeSha256, pendingErase,
                           forwardAcked, topic, lastAspect, unclear, false, lastIntent, lastFact, otherTopic);
    }

    Context withAttempt(String error) {
        return new Context(procedure, fieldIndex, editing, attempts + 1, error, clarify, noticeVersion, noticeSha256,
                           pendingErase, forwardAcked, topic, lastAspect, unclear, pendingCancel, lastIntent, lastFact, otherTopic);
    }

    Context withClarify(List<String> options) {
        return new Context(procedure, fieldIndex, editing, attempts, lastError, options, noticeVersion, noticeSha256,
                           pendingErase, forwardAcked, topic, lastAspect, unclear, pendingCancel, lastIntent, lastFact, otherTopic);
    }

    Context withNotice(String version, String sha) {
        return new Context(procedure, fieldIndex, editing, attempts, lastError, clarify, version, sha, pendingErase,
                           forwardAcked, topic, lastAspect, unclear, pendingCancel, lastIntent, lastFact, otherTopic);
    }

    Context withPendingErase(boolean pending) {
        return new Context(procedure, fieldIndex, editing, attempts, lastError, clarify, noticeVersion, noticeSha256,
                           pending, forwardAcked, topic, lastAspect, unclear, pendingCancel, lastIntent, lastFact, otherTopic);
    }

    Context withForwardAcked(boolean acked) {
        return new Context(procedure, fieldIndex, editing, attempts, lastError, clarify, noticeVersion, noticeSha256,
                           pendingErase, acked, topic, lastAspect, unclear, pendingCancel, lastIntent, lastFact, otherTopic);
    }

    Context withUnclear(int count) {
        return new Context(procedure, fieldIndex, editing, attempts, lastError, clarify, noticeVersion, noticeSha256,
                           pendingErase, forwardAcked, topic, lastAspect, count, pendingCancel, lastIntent, lastFact, otherTopic);
    }

    Context withLastIntent(String intent, String fact) {
        return new Context(procedure, fieldIndex, editing, attempts, lastError, clarify, noticeVersion, noticeSha256,
                           pendingErase, forwardAcked, topic, lastAspect, unclear, pendingCancel, intent, fact, otherTopic);
    }

    Context withPendingCancel(boolean pending) {
        return new Context(procedure, fieldIndex, editing, attempts, lastError, clarify, noticeVersion, noticeSha256,
                           pendingErase, forwardAcked, topic, lastAspect, unclear, pending, lastIntent, lastFact, otherTopic);
    }
}
