package vn.warddesk.bot.conversation;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.warddesk.bot.catalog.Catalog;
import vn.warddesk.nlu.Candidate;
import vn.warddesk.nlu.Understanding;

/**
 * Two procedures compared in one question ("khai sinh với khai tử cái nào lâu hơn", "is marriage registration free
 * like birth registration?", "what's the difference in fee between permanent and temporary residence"): a desk
 * officer answers the asked aspect for each. The NLU reads one intent per message, so the line is cut at the word that
 * joins the two and each side is read on its own; both must also be among the whole line's candidates.
 */
final class Comparison {
    /** Words that join the two things compared; "và/and/or" only with a comparing word elsewhere in the line. */
    private static final Pattern JOIN = Pattern.compile("\\s(voi|hay|hoac|va|so voi|giong|nhu|and|or|vs|versus|like)\\s");
    /** Joiners that compare by themselves: "X like Y", "X so với Y", "X vs Y". */
    private static final Pattern COMPARING_JOIN = Pattern.compile("so voi|giong|nhu|vs|versus|like");
    /** How likely a side's procedure must be among that side's own readings ("certifying a copy" is 0.25 copies). */
    private static final double SIDE = 0.1;
    /** Words of a side next to the joiner that may name a procedure by themselves ("certifying a copy"). */
    private static final int NEXT_TO_JOINER = 3;

    private final Catalog catalog;

    Comparison(Catalog catalog) {
        this.catalog = catalog;
    }

    /** The two procedures, in the order named, when the message compares two different ones; empty otherwise. */
    Optional<List<String>> procedures(Heard h) {
        Understanding whole = h.u();
        if (whole.aspect().filter("apply"::equals).isPresent()) {
            return Optional.empty(); // a request is never a comparison
        }
        Matcher m = JOIN.matcher(h.folded);
        while (m.find()) {
            boolean compares = QuestionShapes.compares(h.folded) || COMPARING_JOIN.matcher(m.group(1)).matches();
            if (!compares) {
                continue;
            }
            Optional<String> left = side(h, h.folded.substring(0, m.start()), true);
            Optional<String> right = side(h, h.folded.substring(m.end()), false);
            if (left.isPresent() && right.isPresent() && !left.get().equals(right.get())
                && candidate(whole, left.get()) && candidate(whole, right.get())) {
                return Optional.of(List.of(left.get(), right.get()));
            }
        }
        return Optional.empty();
    }

    /**
     * The aspect compared: the whole line's when it is specific and sure, otherwise the surest specific aspect of
     * either side ("khai tử cái nào lâu hơn" is the time), otherwise the overview.
     */
    String aspect(Heard h) {
        Optional<String> whole = specific(h.u());
        if (whole.isPresent()) {
            return whole.get();
        }
        Matcher m = JOIN.matcher(h.folded);
        Understanding best = null;
        while (m.find()) {
            for (String side : List.of(h.folded.substring(0, m.start()), h.folded.substring(m.end()))) {
                Understanding u = h.clause(side).u();
                if (specific(u).isPresent() && (best == null || u.aspectConfidence() > best.aspectConfidence())) {
                    best = u;
                }
            }
        }
        return best == null ? "general" : specific(best).orElse("general");
    }

    /**
     * The procedure one side names: the side read whole, or else only its words next to the joiner ("which is faster,
     * certifying a copy" reads as a question about time; "certifying a copy" names the procedure).
     */
    private Optional<String> side(Heard h, String side, boolean left) {
        if (side.isBlank()) {
            return Optional.empty();
        }
        Optional<String> whole = procedure(h.clause(side));
        if (whole.isPresent()) {
            return whole;
        }
        String[] words = side.split(" ");
        if (words.length <= NEXT_TO_JOINER) {
            return Optional.empty();
        }
        String near = String.join(" ", left ? Arrays.copyOfRange(words, words.length - NEXT_TO_JOINER, words.length)
                : Arrays.copyOfRange(words, 0, NEXT_TO_JOINER));
        return procedure(h.clause(near));
    }

    private Optional<String> procedure(Heard side) {
        return side.u().alternatives().stream().filter(c -> catalog.knows(c.intent()) && c.probability() >= SIDE)
                .map(Candidate::intent).findFirst();
    }

    private static boolean candidate(Understanding whole, String procedure) {
        return whole.alternatives().stream().anyMatch(c -> c.intent().equals(procedure));
    }

    private static Optional<String> specific(Understanding u) {
        return u.aspect().filter(a -> !"general".equals(a) && !"apply".equals(a) && Catalog.ASPECTS.contains(a))
                .filter(a -> u.aspectConfidence() >= Policy.ASPECT_SURE);
    }
}
