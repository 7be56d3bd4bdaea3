package vn.warddesk.bot.conversation;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import vn.warddesk.bot.catalog.Catalog;
import vn.warddesk.nlu.Understanding;

/**
 * The aspects a message of several clauses asks about one procedure, read clause by clause as an officer reads a long
 * Zalo message: the story sets the procedure, the closing question sets the aspect ("… Can the ward do that? How much
 * per page?" asks the fee), and two questions in one line ("phí bao nhiêu và mất mấy ngày") ask two aspects. Each
 * clause is read by the NLU with the procedure's name after it (as {@link Heard#inContext}), then on its own.
 */
final class ClauseAspects {
    /** How sure the closing question's aspect must be to override the whole message's. */
    private static final double LAST_SURE = Policy.ASPECT_SURE;
    /** Each of two questions must be this sure before the bot answers twice: a story line must not add an answer. */
    private static final double EACH_SURE = 0.7;
    /** A clause that is by itself a follow-up this sure keeps its own aspect (see {@link #read}). */
    private static final double OWN_FOLLOW_UP_SURE = 0.9;

    private final Catalog catalog;

    ClauseAspects(Catalog catalog) {
        this.catalog = catalog;
    }

    /**
     * The specific aspect of the last clause that asks a question or makes a request, when the message has more than
     * one clause and that reading is sure. The question after its last "thì" is read first ("tôi muốn làm giám hộ cho
     * cháu thì ai được làm" asks who may, not to file). Empty means: read the whole message as before.
     */
    Optional<String> last(Turn t, Heard h, String procedure) {
        Clauses clauses = h.clauses();
        Optional<String> asking = clauses.lastAsking();
        if (!clauses.many() || asking.isEmpty()) {
            return Optional.empty();
        }
        String name = Labels.intent(catalog, t, procedure);
        Optional<String> comment = Clauses.comment(asking.get())
                .flatMap(c -> read(h.clause(c), procedure, name, LAST_SURE));
        return comment.or(() -> read(h.clause(asking.get()), procedure, name, LAST_SURE));
    }

    /**
     * The different specific aspects two or more question clauses ask, in the order asked, when there are at least two
     * ("dang ky giam ho phi bao nhieu va mat may ngay" → fee, processing_time); otherwise none. Filing now is never
     * one of them: a request is answered alone by {@link #last}.
     */
    List<String> each(Turn t, Heard h, String procedure) {
        List<String> questions = h.clauses().questions();
        if (questions.size() < 2) {
            questions = Clauses.openingList(h.text); // "phí và thời gian làm tạm trú": two things asked in a list
        }
        if (questions.size() < 2) {
            return List.of();
        }
        String name = Labels.intent(catalog, t, procedure);
        Set<String> aspects = new LinkedHashSet<>();
        for (String question : questions) {
            read(h.clause(question), procedure, name, EACH_SURE).filter(a -> !"apply".equals(a))
                    .ifPresent(aspects::add);
        }
        return aspects.size() >= 2 ? List.copyOf(aspects) : List.of();
    }

    /**
     * The clause read with the procedure's name after it first: "Can I make an appointment with the ward?" alone is
     * a 0.63 eligibility question about nothing, with "Death registration" after it a 0.65 request to file. Its own
     * reading counts when the named reading does not land on the procedure with a specific aspect — and first when it
     * is itself a sure follow-up: "lấy liền được không" (at once?) asks the time, while with the name after it "…
     * được không" becomes "may one do it" (eligibility).
     */
    private static Optional<String> read(Heard clause, String procedure, String name, double sure) {
        Understanding own = clause.u();
        if (own.aspectOnly() && !own.clarify() && own.confidence() >= OWN_FOLLOW_UP_SURE) {
            Optional<String> asked = specific(own, Math.max(sure, OWN_FOLLOW_UP_SURE));
            if (asked.isPresent()) {
                return asked;
            }
        }
        Understanding named = clause.inContext(name);
        if (procedure.equals(named.intent()) && !named.clarify()) {
            Optional<String> aspect = specific(named, sure);
            if (aspect.isPresent()) {
                return aspect;
            }
        }
        return specific(clause.u(), sure);
    }

    private static Optional<String> specific(Understanding u, double sure) {
        double needed = u.aspect().filter("apply"::equals).isPresent() ? Math.max(sure, Policy.APPLY_SURE) : sure;
        return u.aspect().filter(a -> !"general".equals(a) && Catalog.ASPECTS.contains(a))
                .filter(a -> u.aspectConfidence() >= needed);
    }
}
