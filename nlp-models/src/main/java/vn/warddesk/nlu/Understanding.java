package vn.warddesk.nlu;

import java.util.List;
import java.util.Optional;

/**
 * What {@link Nlu} understood.
 *
 * @param intent           the top intent (also when {@code clarify})
 * @param aspect           the aspect of a procedure question; empty for dialogue intents
 * @param confidence       probability of {@code intent}
 * @param aspectConfidence probability of the aspect, 0 without one
 * @param alternatives     top candidates, best first, at least two (the top intent and the runner-up)
 * @param clarify          true when the top intent is below the threshold or the top two are within the margin: ask
 *                         "Did you mean A or B?" with the first two alternatives
 * @param entities         entities in text order
 */
public record Understanding(String intent, Optional<String> aspect, double confidence, double aspectConfidence,
                            List<Candidate> alternatives, boolean clarify, List<Entity> entities) {

    public Understanding {
        alternatives = List.copyOf(alternatives);
        entities = List.copyOf(entities);
    }
}
