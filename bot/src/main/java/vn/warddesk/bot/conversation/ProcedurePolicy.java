package vn.warddesk.bot.conversation;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

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

    private final Actions a;
    private final ClauseAspects clauses;
    private final Comparison comparison;

    ProcedurePolicy(Actions actions, ClauseAspects clauses, Comparison comparison) {
        this.a = actions;
        this.clauses = clauses;
        this.comparison = comparison;
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
        if (catalog.knows(u.intent()) && !u.clarify()) {
            List<String> each = clauses.each(t, h, u.intent());
            if (!each.isEmpty()) {
                for (String asked : each) {
                    a.answering().answer(t, u.intent(), asked); // "phí bao nhiêu và mất mấy ngày": both answered
                }
                return true;
            }
            String asked = aspect.orElse("general");
            if ("apply".equals(asked) && u.aspectConfidence() < APPLY_SURE) {
                asked = "general"; // "đăng ký giám hộ cho cháu": maybe a request, maybe a question — answer, offer start
            }
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
