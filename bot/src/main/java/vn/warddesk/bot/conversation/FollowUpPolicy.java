package vn.warddesk.bot.conversation;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import vn.warddesk.bot.catalog.Catalog;
import vn.warddesk.bot.catalog.Lang;
import vn.warddesk.nlu.Understanding;

/**
 * Questions that lean on the topic, as a person at the desk would read them: an aspect without a procedure
 * ("lệ phí bao nhiêu?", "mat may ngay") is about the topic's procedure; "còn kết hôn thì sao?" / "what about marriage?"
 * asks the last aspect about another procedure; "giấy đó" / "that one" is the topic.
 */
final class FollowUpPolicy implements Policy {
    /** Dialogue intents that win over a follow-up reading when the NLU is this sure of them. */
    private static final double DIALOGUE_SURE = 0.8;
    /** How sure the aspect model must be before a message's own aspect overrides the one it follows up on. */
    private static final double OWN_ASPECT = 0.75;
    /**
     * Which of two places to hand the papers in ("nộp ở ubnd phường hay ở công an", "do I file at the ward or with the
     * police"): where to file, as {@link Phrases#fileWhere}.
     */
    private static final Pattern PLACE_CHOICE = Pattern.compile(
            "\\b(nop|lam|dang ky|dk|xin|gui)\\b.*\\b(ubnd|phuong|xa|cong an|quan|huyen)\\b.*\\b(hay|hoac)\\b"
            + ".*\\b(ubnd|phuong|xa|cong an|quan|huyen|o dau)\\b"
            + "|\\b(file|submit|apply|register|do (it|this|that))\\b.*\\b(ward|police|commune|district)\\b.*\\bor\\b"
            + ".*\\b(ward|police|commune|district|where)\\b");
    /** Where the result is handed out ("bản giấy nhận ở đâu", "where do I pick it up"), not where to file. */
    private static final Pattern RESULT_WHERE = Pattern.compile(
            "\\b(nhan|lay) (ket qua |giay |ban giay |ban chinh )?(o dau|tai dau|cho nao)\\b"
            + "|\\bwhere (do|can|will) (i|we) (pick up|collect|receive) (it|them|the result|the paper|the certificate)\\b");
    /** Where or how to get a paper: "xin ở đâu", "lấy ở đâu", "where do I get it". */
    private static final Pattern GET_WHERE = Pattern.compile(
            "\\b(xin|lay|lam|cap|nhan)\\b.*\\b(o dau|tai dau|cho nao|the nao|ntn|sao)\\b"
            + "|\\bwhere (do|can) (i|we|they|he|she) (get|obtain|request|apply for)\\b|\\bhow (do|can) (i|we) get\\b");
    /** The kind and count the documents answer appends to a paper: " (bản sao, 2 bản)", " (original)". */
    private static final Pattern KIND_DETAIL = Pattern.compile("\\s*\\([^()]*\\)\\s*$");
    /** How surely a listed paper must read as another procedure to be that procedure's paper. */
    private static final double PAPER_SURE = 0.9;
    /** How surely a situation line read with the topic's name must stay on the topic. */
    private static final double IN_CONTEXT_SURE = 0.9;
    /** How likely a procedure named in "còn X thì sao?" must be to be X, whether the NLU flags it unsure or not. */
    private static final double WHAT_ABOUT_SURE = 0.9;
    private static final Set<String> WEAK_INTENTS = Set.of("out_of_scope", "affirm", "deny", Understanding.ASPECT_ONLY);

    private final Actions a;

    private final DialogueTopic dialogueTopic;
    private final ClauseAspects clauses;
    private final Comparison comparison;
    private final TopicWords topicWords;

    FollowUpPolicy(Actions actions, DialogueTopic dialogueTopic, ClauseAspects clauses, Comparison comparison) {
        this.a = actions;
        this.dialogueTopic = dialogueTopic;
        this.clauses = clauses;
        this.comparison = comparison;
        this.topicWords = new TopicWords(actions.catalog());
    }

    @Override
    public boolean handle(Turn t, Heard h) throws SQLException {
        String topic = t.ctx().topic();
        Catalog catalog = a.catalog();
        boolean aspectQuestion = topic != null && h.u().aspectOnly(); // "phí bn": about the procedure, not the hours
        if (t.ctx().lastIntent() != null && !aspectQuestion && dialogueTopic.handle(t, h)) {
            return true; // "còn thứ 7?" right after the opening hours
        }
        if (topic == null || !catalog.knows(topic)) {
            return false;
        }
        if (comparison.procedures(h).isPresent()) {
            return false; // two procedures named and compared: the procedure policy answers both
        }
        if (QuestionShapes.pointsBack(h.folded)) {
            // "vậy cái lúc nãy làm mất mấy ngày" after the hours: the procedure asked before the detour, though the NLU
            // reads "lúc nãy" as the extract's "lục" and "vậy …" as "what about"
            String back = t.ctx().lastAspect() == null ? "general" : t.ctx().lastAspect();
            answer(t, topic, AspectPhrases.in(h.folded).map(AspectPhrases.Found::aspect)
                    .or(() -> h.aspect(ASPECT_SURE).filter(Catalog.ASPECTS::contains)).orElse(back));
            return true;
        }
        Understanding u = h.u();
        boolean procedure = catalog.knows(u.intent()) && !u.clarify();
        String last = t.ctx().lastAspect() == null ? "general" : t.ctx().lastAspect();
        String other = t.ctx().otherTopic();
        boolean twoTopics = other != null && catalog.knows(other) && !other.equals(topic);
        if (twoTopics && returnsTo(h, other, topic)) {
            // "ok back to the copy, how much is it" after the extract and then a correction: the extract's fee
            String asked = AspectPhrases.in(h.folded).map(AspectPhrases.Found::aspect)
                    .or(() -> h.aspect(ASPECT_SURE).filter(x -> Catalog.ASPECTS.contains(x))).orElse("general");
            answer(t, other, asked);
            return true;
        }
        if ((!procedure || u.intent().equals(topic)) && QuestionShapes.inPersonWhere(h.folded)) {
            // "where do I go if I do it in person" after the online answer: the office, not online again; a procedure
            // the police handle also gets its overview, which names them
            a.answering().officeLocation(t);
            if (!catalog.handledByWardOffice(topic)) {
                answer(t, topic, "general");
            }
            return true;
        }
        if (!procedure && asksWhereToFile(h.folded)) {
            List<String> asked = twoTopics && QuestionShapes.both(h.folded) ? List.of(other, topic) : List.of(topic);
            List<Optional<String>> where = asked.stream().map(p -> whereToFile(h, p)).toList();
            if (where.stream().allMatch(Optional::isPresent)) {
                for (int i = 0; i < asked.size(); i++) {
                    answer(t, asked.get(i), where.get(i).get()); // residence: the police, not the ward's address
                }
                return true;
            }
        }
        if (!procedure && RESULT_WHERE.matcher(h.folded).find()) {
            answer(t, topic, "general"); // "thế bản giấy nhận ở đâu": the overview tells where the result is given
            return true;
        }
        if (!procedure && QuestionShapes.thatOne(h.folded) && GET_WHERE.matcher(h.folded).find()
            && "documents".equals(t.ctx().lastAspect())) {
            Optional<String> paper = listedPaper(t, h, topic);
            if (paper.isPresent()) {
                answer(t, paper.get(), "general"); // "cái giấy đó xin ở đâu" after the marriage papers: the single-status paper
                return true;
            }
        }
        if (!procedure && twoTopics && QuestionShapes.mine(h.folded)) {
            // "cái của tui thì phí bao nhiêu" after the nephew's temporary residence: "mine" is set against the matter
            // just talked about, so it is the one before it — the citizen's own
            String asked = AspectPhrases.in(h.folded).map(AspectPhrases.Found::aspect)
                    .or(() -> clauses.last(t, h, other)).or(() -> aspect(t, h, other)).orElse(last);
            answer(t, other, asked);
            return true;
        }
        if (!procedure && QuestionShapes.sameAgain(h.folded) && !"general".equals(last)) {
            answer(t, topic, last); // "is it the same if the original has ten pages" after the fee: the fee again
            return true;
        }
        if (!procedure && QuestionShapes.thatsAll(h.folded)) {
            answer(t, topic, last); // "vậy thôi hả" after the papers: yes, those — the same answer again
            return true;
        }
        Optional<AspectPhrases.Found> shape = AspectPhrases.in(h.folded);
        if (shape.isPresent() && !(procedure && named(h, shape.get().rest(), u.intent()))) {
            // "thế mang bản gốc hay bản sao": the topic's papers, though the words alone read as copy certification
            answer(t, topic, shape.get().aspect());
            return true;
        }
        boolean namesAnother = procedure && !u.intent().equals(topic);
        if (QuestionShapes.thatOne(h.folded) && QuestionShapes.question(h.folded) && !QuestionShapes.whatAbout(h.folded)
            && !(namesAnother && (QuestionShapes.onlyPronoun(h.folded) || namedBefore(h, u.intent())
                                  || QuestionShapes.oneMoreThing(h.folded)))) {
            // "back to the birth one, is it free?": "it" is birth; "… giấy xác nhận độc thân ha, giấy đó xin ở đâu":
            // "that paper" is the one just named
            // "giấy tờ đó có cần công chứng không": "that paper" is the topic's, whatever else the words suggest;
            // "à còn cái này, giấy khai sinh … ghi sai tên" announces a new matter: the procedure it names
            answer(t, topic, h.aspect(ASPECT_SURE).filter(Catalog.ASPECTS::contains).orElse(last));
            return true;
        }
        if (catalog.knows(u.intent()) && !u.intent().equals(topic)) {
            Optional<String> told = situationAspect(t, h, topic, u.intent(), last);
            if (told.isPresent()) {
                answer(t, topic, told.get()); // "người yêu e hộ khẩu ở tỉnh khác thì sao": still the marriage
                return true;
            }
        }
        // "thế còn kết hôn thì sao": the procedure named after "còn" is the likeliest reading by far (≥ 0.9), though the
        // NLU's calibration may still flag it unsure
        boolean namedSurely = catalog.knows(u.intent()) && u.confidence() >= WHAT_ABOUT_SURE;
        boolean namesAnotherSurely = namesAnother || namedSurely && !u.intent().equals(topic);
        if (namesAnotherSurely && QuestionShapes.question(h.folded) && topicWords.partOfTopic(h, topic, u.intent())) {
            // "bao lâu có trích lục" in a death conversation: the death extract is what death registration issues;
            // before "thế …"/"còn … thì sao": the other procedure is only named as a part of the topic's
            String own = u.aspect().orElse(null);
            answer(t, topic, own != null && Catalog.ASPECTS.contains(own) && !"apply".equals(own) ? own : last);
            return true;
        }
        if ((procedure || namedSurely) && !u.intent().equals(topic) && QuestionShapes.whatAbout(h.folded)) {
            // "còn kết hôn thì sao?": the same aspect, unless the message clearly asks another one
            answer(t, u.intent(), shape.map(AspectPhrases.Found::aspect)
                    .or(() -> h.aspect(OWN_ASPECT).filter(x -> !"general".equals(x))).orElse(last));
            return true;
        }
        if (namesAnother && CitizenAsks.together(h.text)) {
            // "có làm luôn việc xóa thường trú cùng lúc không" after a death question: the topic's combined service
            answer(t, topic, "general");
            return true;
        }
        if (procedure) {
            return false; // a new procedure named: the procedure policy answers it
        }
        boolean dialogueIntent = !catalog.knows(u.intent()) && !WEAK_INTENTS.contains(u.intent())
                                 && !u.clarify() && u.confidence() >= DIALOGUE_SURE && !booksInsteadOfLeaving(u, h)
                                 || h.officeQuestion(DIALOGUE_SURE).isPresent(); // not re-read as an aspect
        if (dialogueIntent) {
            return false; // "giờ làm việc?" is about the office even right after a procedure answer
        }
        if (!procedure && twoTopics && QuestionShapes.compares(h.folded)) {
            String asked = clauses.last(t, h, topic).or(() -> aspect(t, h, topic)).orElse(last);
            answer(t, other, asked); // "thế cái nào mất phí" after birth and death: the fee of each, the topic last
            answer(t, topic, asked);
            return true;
        }
        List<String> each = clauses.each(t, h, topic);
        if (!each.isEmpty()) {
            for (String asked : each) {
                answer(t, topic, asked); // "phí bn, mất mấy ngày": both answered
            }
            return true;
        }
        Optional<String> aspect = clauses.last(t, h, topic).or(() -> aspect(t, h, topic));
        if (aspect.isPresent()) {
            answer(t, topic, aspect.get()); // "phí bn", "mất bao lâu", "làm online được không"
            return true;
        }
        if (QuestionShapes.thatOne(h.folded) && QuestionShapes.question(h.folded)) {
            answer(t, topic, "general"); // "giấy đó là gì?"
            return true;
        }
        if (WEAK_INTENTS.contains(u.intent()) && QuestionShapes.whatAbout(h.folded)) {
            // "thế người già neo đơn thì sao" after the allowance: read alone a group of people is no ward matter, but
            // read with the topic's name it is the topic (another agency's matter was OtherMatterPolicy's, before)
            Understanding inContext = h.inContext(Labels.intent(catalog, t, topic));
            if (topic.equals(inContext.intent()) && !inContext.clarify() && inContext.confidence() >= IN_CONTEXT_SURE) {
                answer(t, topic, specific(inContext).orElse(last));
                return true;
            }
        }
        return false;
    }

    /** Whether the line goes back to the procedure talked about before the topic, by a word of its name. */
    private boolean returnsTo(Heard h, String other, String topic) {
        Optional<String> referent = TopicReturn.referent(h.folded);
        if (referent.isEmpty()) {
            return false;
        }
        return TopicReturn.names(referent.get(), names(other)) && !TopicReturn.names(referent.get(), names(topic));
    }

    /** Where to hand in the papers, or at which of two places. */
    static boolean asksWhereToFile(String folded) {
        return QuestionShapes.fileWhere(folded) || PLACE_CHOICE.matcher(folded).find();
    }

    /** The procedure's names in both languages: a citizen may go back to it in either. */
    private List<String> names(String procedure) {
        return Stream.of(Lang.values())
                .flatMap(lang -> a.catalog().procedures(lang).stream())
                .filter(p -> p.id().equals(procedure)).map(Catalog.ProcedureSummary::name).toList();
    }

    /**
     * Where to hand in the papers of the topic's procedure, when the ward office's address is not the answer: a
     * procedure another authority handles (residence: the police) gets its overview, which names that authority; a
     * where-question about the citizen's own situation ("vợ chồng em ở 2 phường khác nhau thì nộp ở đâu") gets who
     * may file where (eligibility). Empty: the office's address answers it.
     */
    private Optional<String> whereToFile(Heard h, String topic) {
        if (!a.catalog().handledByWardOffice(topic)) {
            return Optional.of("general");
        }
        return QuestionShapes.situation(h.folded) ? Optional.of("eligibility") : Optional.empty();
    }

    /**
     * The aspect asked about the topic by a line that tells someone's situation in another procedure's words
     * ({@link Situation}): its question alone does not name that procedure, and the line read with the topic's name
     * stays on the topic. The question's own follow-up aspect (none for a bare "thì sao"), else the line's aspect read in context, else the
     * aspect talked about. Empty: the line asks about the other procedure.
     */
    private Optional<String> situationAspect(Turn t, Heard h, String topic, String other, String last) {
        Optional<String> question = Situation.question(h.text);
        if (question.isEmpty()) {
            return Optional.empty();
        }
        Understanding asked = h.clause(question.get()).u();
        if (other.equals(asked.intent()) && !asked.clarify() && asked.confidence() >= ASPECT_SURE) {
            return Optional.empty(); // "em ở trọ thì đăng ký tạm trú thế nào": the question names it
        }
        Understanding inContext = h.inContext(Labels.intent(a.catalog(), t, topic));
        if (!topic.equals(inContext.intent()) || inContext.clarify() || inContext.confidence() < IN_CONTEXT_SURE) {
            return Optional.empty();
        }
        if (QuestionShapes.fileWhere(question.get())) {
            // "chồng em thường trú ở quận khác thì nộp ở đâu": who may file where, or the police's overview
            return whereToFile(h, topic).or(() -> Optional.of("eligibility"));
        }
        if (asked.aspectOnly() && !asked.clarify() && !Situation.bare(question.get())) {
            // "… thì sao ạ" has no aspect of its own: a fee read into "sao a" (0.50) is noise
            Optional<String> own = specific(asked);
            if (own.isPresent()) {
                return own;
            }
        }
        return specific(inContext).or(() -> Optional.of(last));
    }

    private static Optional<String> specific(Understanding u) {
        return u.aspect().filter(x -> !"general".equals(x) && !"apply".equals(x) && Catalog.ASPECTS.contains(x))
                .filter(x -> u.aspectConfidence() >= ASPECT_SURE);
    }

    /**
     * Whether the words before the line's "giấy đó" / "that one" / "the same" name that procedure by themselves: the
     * reference points at what was just named, not back at the topic.
     */
    private static boolean namedBefore(Heard h, String procedure) {
        // the words before the whole pointing phrase: "vay cai luc nay …" is "vay", not "vay cai luc" (the extract's "lục")
        String before = h.folded.substring(0, Math.max(0, QuestionShapes.thatOneAt(h.folded))).strip();
        if (Folding.words(before) < 2) {
            return false;
        }
        Understanding named = h.clause(before).u();
        return procedure.equals(named.intent()) && !named.clarify() && named.confidence() >= ASPECT_SURE;
    }

    /**
     * The procedure whose paper "that paper" is, right after the topic's list of papers: the one listed paper the NLU
     * reads surely as another procedure ("Giấy xác nhận tình trạng hôn nhân …" in the marriage papers). Empty when
     * none or several are.
     */
    private Optional<String> listedPaper(Turn t, Heard h, String topic) {
        Optional<Catalog.Answer> papers = a.catalog().answer(topic, "documents", t.lang());
        if (papers.isEmpty()) {
            return Optional.empty();
        }
        Set<String> named = new java.util.LinkedHashSet<>();
        for (String item : papers.get().items()) {
            // read without the kind appended in brackets: "(bản sao)" made a divorce ruling read as the extract
            Understanding u = h.clause(KIND_DETAIL.matcher(item).replaceAll("")).u();
            if (a.catalog().knows(u.intent()) && !u.intent().equals(topic) && !u.clarify() && u.confidence() >= PAPER_SURE) {
                named.add(u.intent());
            }
        }
        return named.size() == 1 ? named.stream().findFirst() : Optional.empty();
    }

    /** Whether the message still names that procedure without the phrase that asks the aspect. */
    private static boolean named(Heard h, String rest, String procedure) {
        if (rest.isBlank()) {
            return false;
        }
        Understanding without = h.clause(rest).u();
        return procedure.equals(without.intent()) && !without.clarify();
    }

    /** The aspect a message asks about the topic, if it asks one. A lone "hjhj" is not re-read in context. */
    Optional<String> aspect(Turn t, Heard h, String topic) {
        boolean content = QuestionShapes.question(h.folded) || Folding.words(h.folded) >= 2;
        if (!content) {
            return h.aspect(OWN_ASPECT).filter(x -> !"general".equals(x));
        }
        String name = Labels.intent(a.catalog(), t, topic);
        Optional<String> asked = h.topicAspect(topic, name, ASPECT_SURE);
        if (asked.filter("apply"::equals).isPresent()) {
            // filing now starts the consent prompt only as surely as a line naming the procedure does: "ok để tuần
            // sau e ra phường làm" is a plan to go, at 0.54 "apply" once read with the land procedure's name
            return h.topicAspect(topic, name, APPLY_SURE);
        }
        return asked;
    }

    private void answer(Turn t, String procedure, String aspect) throws SQLException {
        String asked = t.heard == null ? aspect : CitizenAsks.notFiling(aspect, t.heard); // "muốn hỏi về…" only asks
        if ("apply".equals(asked) && !Policy.inForm(t)) {
            a.form().start(t, procedure);
        } else {
            a.answering().answer(t, procedure, asked);
        }
    }

    /** Read as thanks or goodbye but asking to book ("a thoi e dong y, dat lich di ad"): the topic's request, not leave. */
    static boolean booksInsteadOfLeaving(Understanding u, Heard h) {
        return ("goodbye".equals(u.intent()) || "thanks".equals(u.intent())) && CitizenAsks.asksToBook(h.folded);
    }
}
