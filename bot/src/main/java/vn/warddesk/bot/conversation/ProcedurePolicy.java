package vn.warddesk.bot.conversation;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import vn.warddesk.bot.catalog.Catalog;
import vn.warddesk.nlu.EntityType;
import vn.warddesk.nlu.Understanding;

/**
 * A question that names a procedure is answered by its aspect ("apply" starts the request). A case code typed
 * anywhere asks for that case's status. An aspect with neither a procedure nor a topic asks which procedure.
 */
final class ProcedurePolicy implements Policy {
    /** Out of scope this sure is not asked "which procedure?" for the aspect it names. */
    private static final double OFF_TOPIC_SURE = 0.8;
    private static final String EXTRACT = "civil_status_extract";
    private static final Set<String> NON_ANSWERS = Set.of("out_of_scope", "affirm", "deny");
    private static final Set<String> NOTHING_TO_FOLLOW = Set.of("out_of_scope", "affirm", "deny",
                                                                Understanding.ASPECT_ONLY);
    private static final double MORE_LIKELY = 0.5;
    /** A third reading this likely is a candidate of its own: then "did you mean A or B?" stays. */
    private static final double OTHER_PLAUSIBLE = 0.2;
    /** How many of the NLU's likeliest readings a procedure named in the line may be among. */
    private static final int NAMED_AMONG = 3;
    /** Registrations whose record the extract copies. */
    private static final Set<String> RECORDED = Set.of("birth_registration", "death_registration", "marriage_registration");
    /** Asking for a paper again: lost, a new copy, a re-issue. */
    private static final Pattern AGAIN = Pattern.compile(
            "\\b(xin lai|cap lai|lam lai|xin them|mat roi|lam mat|bi mat|ban sao|lost|copy|copies|replacement|reissue"
            + "|another one|a new one)\\b");

    private final Actions a;
    private final ClauseAspects clauses;
    private final Comparison comparison;
    private final TopicWords topicWords;

    ProcedurePolicy(Actions actions, ClauseAspects clauses, Comparison comparison) {
        this.a = actions;
        this.clauses = clauses;
        this.comparison = comparison;
        this.topicWords = new TopicWords(actions.catalog());
    }

    /**
     * The one procedure among the NLU's candidates that the line names by its own name, when the NLU hesitates or reads
     * only an aspect: "I would like to make an appointment for copy certification, please." is a 0.50 aspect-only
     * request with copy certification at 0.39 — "which procedure?" over six others would ignore the name said.
     */
    private Optional<String> namedCandidate(Heard h, Understanding u) {
        if (!u.clarify() && !u.aspectOnly()) {
            return Optional.empty();
        }
        List<String> named = u.alternatives().stream().limit(NAMED_AMONG).map(c -> c.intent())
                .filter(a.catalog()::knows).filter(p -> topicWords.names(h.folded, p)).distinct().toList();
        return named.size() == 1 ? Optional.of(named.get(0)) : Optional.empty();
    }

    /**
     * Whether the NLU hesitates between a copy of a civil-status record and the registration it records ("trích lục
     * khai tử … mất rồi xin lại": the extract or the death?) and the line asks for the paper again: a copy of a record
     * already registered is the extract, whatever event it records. Also when the NLU is sure enough not to ask but
     * the extract is still a plausible runner-up: the story of the event outweighs the short request for its copy.
     */
    private static boolean reissue(Heard h) {
        Understanding u = h.u();
        if (u.alternatives().size() < 2 || !u.clarify() && u.alternatives().get(1).probability() < OTHER_PLAUSIBLE) {
            return false; // "my father passed away last year, the bank needs another copy …": the story reads death 0.76
        }
        Set<String> two = Set.of(u.alternatives().get(0).intent(), u.alternatives().get(1).intent());
        return two.contains(EXTRACT) && two.stream().anyMatch(RECORDED::contains) && AGAIN.matcher(h.folded).find();
    }

    /**
     * The NLU unsure only between a procedure (more likely than not) and a reading that answers nothing (out of scope,
     * yes, no): the procedure is the only plausible candidate.
     */
    static boolean onlyRivalSaysNothing(Understanding u) {
        return onlyRivalSaysNothing(u, NON_ANSWERS);
    }

    /**
     * Before any topic, a follow-up reading has nothing to follow: "dat lich giup chu lam giay to dat cho thang con"
     * (land 0.51 against a bare "book it" 0.47) books the only procedure it may name, not "which procedure?" over six.
     */
    private static boolean onlyRivalFollowsNothing(Turn t, Understanding u) {
        return t.ctx().topic() == null && onlyRivalSaysNothing(u, NOTHING_TO_FOLLOW);
    }

    private static boolean onlyRivalSaysNothing(Understanding u, Set<String> saysNothing) {
        return u.clarify() && u.confidence() >= MORE_LIKELY && u.alternatives().size() > 1
               && saysNothing.contains(u.alternatives().get(1).intent())
               && (u.alternatives().size() < 3 || u.alternatives().get(2).probability() < OTHER_PLAUSIBLE);
    }

    @Override
    public boolean handle(Turn t, Heard h) throws SQLException {
        Understanding u = h.u();
        if (u.entities().stream().anyMatch(e -> e.type() == EntityType.CASE_CODE)) {
            a.staff().caseStatus(t, u.entities());
            return true;
        }
        Catalog catalog = a.catalog();
        Optional<List<String>> compared = comparison.procedures(h);
        if (compared.isPresent()) {
            String asked = comparison.aspect(h);
            for (String procedure : compared.get()) {
                a.answering().answer(t, procedure, asked); // "khai sinh với khai tử cái nào lâu hơn": the time of each
            }
            return true;
        }
        Optional<String> aspect = u.aspect().filter(Catalog.ASPECTS::contains);
        if (reissue(h)) {
            u = new Understanding(EXTRACT, u.aspect(), u.confidence(), u.aspectConfidence(), u.alternatives(), false,
                                  u.entities()); // "trích lục khai tử của ba e mất rồi xin lại ở đâu": a copy
        }
        if ((onlyRivalSaysNothing(u) || onlyRivalFollowsNothing(t, u)) && catalog.knows(u.intent())) {
            // "what age do you have to be to get married in Vietnam? my girlfriend is 19 and I'm 22": marriage 0.60
            // against out of scope 0.39 — no other procedure is plausible, so no "which procedure?" over six of them
            u = new Understanding(u.intent(), u.aspect(), u.confidence(), u.aspectConfidence(), u.alternatives(), false,
                                  u.entities());
        }
        Optional<String> named = t.ctx().topic() == null ? namedCandidate(h, u) : Optional.empty();
        if (named.isPresent()) {
            u = new Understanding(named.get(), u.aspect(), u.confidence(), u.aspectConfidence(), u.alternatives(), false,
                                  u.entities()); // the procedure the line names, not "which procedure?"
        }
        if (catalog.knows(u.intent()) && !u.clarify()) {
            List<String> each = clauses.each(t, h, u.intent());
            if (!each.isEmpty()) {
                for (String asked : each) {
                    a.answering().answer(t, u.intent(), asked); // "phí bao nhiêu và mất mấy ngày": both answered
                }
                return true;
            }
            String asked = aspect.orElse("general");
            if ("apply".equals(asked) && u.aspectConfidence() < APPLY_SURE && !CitizenAsks.filesNow(h.folded)) {
                asked = "general"; // "đăng ký giám hộ cho cháu": maybe a request, maybe a question — answer, offer start
            } // "…, I want to apply now" (apply 0.598): its words settle the doubt the higher line is for
            asked = clauses.last(t, h, u.intent()).orElse(asked); // the story names the procedure, the end asks
            asked = AspectPhrases.in(h.folded).map(AspectPhrases.Found::aspect).orElse(asked); // "phải làm trong mấy ngày"
            asked = CitizenAsks.notFiling(asked, h); // "tôi muốn hỏi về trợ cấp…", "… cùng lúc được không": questions
            if ("apply".equals(asked) && !Policy.inForm(t)) {
                a.form().start(t, u.intent());
            } else {
                a.answering().answer(t, u.intent(), asked);
            }
            return true;
        }
        Optional<String> sure = h.aspect(0.6).filter(x -> !"general".equals(x) && Catalog.ASPECTS.contains(x));
        boolean dialogueIntent = !catalog.knows(u.intent()) && !"out_of_scope".equals(u.intent()) && !u.aspectOnly()
                                 && !u.clarify();
        // "how much tax do I pay for renting out my apartment?": another agency's matter, fee word or not
        boolean offTopic = h.sure("out_of_scope", OFF_TOPIC_SURE);
        if (sure.isPresent() && t.ctx().topic() == null && !dialogueIntent && !offTopic && !Policy.inForm(t)) {
            a.answering().whichProcedure(t, sure.get()); // "phí bao nhiêu?" as the first message
            return true;
        }
        return false;
    }
}
