package vn.warddesk.nlu;

import java.util.List;
import java.util.Optional;

/**
 * What {@link Nlu} understood.
 *
 * @param intent           the top intent (also when {@code clarify}); one of {@code shared/spec/intents.tsv} or
 *                         {@value #ASPECT_ONLY} (see {@link #aspectOnly()})
 * @param aspect           the aspect asked about. Always present for a procedure intent and for {@value #ASPECT_ONLY};
 *                         for any other intent present only when the aspect model is confident enough
 *                         ({@link NluSettings#aspectThreshold()}), e.g. "ok, còn lệ phí?" may be {@code affirm} + {@code fee}
 * @param confidence       probability of {@code intent}
 * @param aspectConfidence probability of the aspect, 0 without one
 * @param alternatives     top candidates, best first, at least two (the top intent and the runner-up)
 * @param clarify          true when the top intent is below the threshold or the top two are within the margin: ask
 *                         "Did you mean A or B?" with the first two alternatives
 * @param entities         entities in text order
 */
public record Understanding(String intent, Optional<String> aspect, double confidence, double aspectConfidence,
                            List<Candidate> alternatives, boolean clarify, List<Entity> entities) {

    /**
     * The one intent name beyond the shared spec: a question about an aspect of "the" procedure that names no procedure
     * ("lệ phí bao nhiêu?", "mat may ngay", "how long does it take"). The conversation answers it for the topic's procedure.
     */
    public static final String ASPECT_ONLY = "procedure_followup";

    public Understanding {
        alternatives = List.copyOf(alternatives);
        entities = List.copyOf(entities);
    }

    /** True when the message asks about an aspect without naming a procedure: a follow-up to the current topic. */
    public boolean aspectOnly() {
        return ASPECT_ONLY.equals(intent);
    }
}
