package vn.warddesk.bot.conversation;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import vn.warddesk.bot.catalog.Catalog;
import vn.warddesk.bot.catalog.Catalog.IntakeField;
import vn.warddesk.nlu.Understanding;

/**
 * The active form: a consent decision, a field value, a correction ("sửa số điện thoại", "sai tên"), or a question
 * asked on the side, which is answered before the same step is asked again. A plain yes/no, "không có gì" or a
 * question is never stored as a field value.
 */
final class FormPolicy implements Policy {
    /** Intents that are never a side question in the middle of a form. */
    private static final Set<String> NOT_A_QUESTION = Set.of("out_of_scope", "affirm", "deny");
    /** How sure the NLU must be of an office question before it wins over a valid value for the day asked. */
    private static final double OFFICE_SURE = 0.8;

    private final Actions a;
    private final FollowUpPolicy followUp;
    private final List<Policy> sideQuestions;
    private final FormCorrections corrections;
    private final FieldValues values;

    FormPolicy(Actions actions, FollowUpPolicy followUp, List<Policy> sideQuestions, FieldValues values) {
        this.a = actions;
        this.followUp = followUp;
        this.sideQuestions = sideQuestions;
        this.values = values;
        this.corrections = new FormCorrections(actions, values);
    }

    @Override
    public boolean handle(Turn t, Heard h) throws SQLException {
        if (!Policy.inForm(t)) {
            return false;
        }
        switch (t.conv.state) {
            case Dialogue.CONSENT -> consent(t, h);
            case Dialogue.CONFIRM -> confirm(t, h);
            default -> field(t, h);
        }
        return true;
    }

    private void consent(Turn t, Heard h) throws SQLException {
        if (h.answerYes() || FormWords.agrees(h.folded)) {
            // "Tôi đã đọc và đồng ý với thông báo nêu trên.", "rứa thì được, tui đồng ý": the agree word in a sentence
            a.consent().agree(t);
            a.form().askField(t);
        } else if (h.answerNo() || FormWords.keepsDetails(h.folded) || FormWords.notAgreeing(h.folded)
                   || FormWords.goesInstead(h.folded)) {
            // "e ko muốn để lại thông tin đâu" declines the notice in other words, "no thanks then, I'll just walk in"
            // by going to the office instead
            a.consent().decline(t);
        } else {
            if (!privacyQuestion(t, h)) {
                sideQuestion(t, h);
            }
            a.consent().remind(t);
        }
    }

    private void confirm(Turn t, Heard h) throws SQLException {
        if (h.answerYes() && !FormWords.edit(h.folded) || FormWords.send(h.folded)) {
            a.form().submit(t);
            return;
        }
        if (corrections.handle(t, h)) {
            return;
        }
        if (h.answerNo()) {
            a.form().askWhichField(t);
            return;
        }
        if (looksLikeQuestion(t, h)) {
            sideQuestion(t, h);
        }
        a.form().summary(t);
    }

    private void field(Turn t, Heard h) throws SQLException {
        Optional<IntakeField> current = a.form().currentField(t);
        if (current.isEmpty()) {
            a.form().summary(t);
            return;
        }
        IntakeField f = current.get();
        boolean asks = h.folded.contains("?")
                       || QuestionShapes.question(ChoiceWords.withoutOwnPhrases(h.text, f.choices()));
        if (f.type() == Catalog.FieldType.CHOICE && !asks && a.form().valid(t, h.text)) {
            // "cap lan dau, chua co so": the "chưa" of an option's own words asks nothing
            a.form().fill(t, h.text); // an option's own words beat the edit words they hold ("thay đổi nội dung")
            return;
        }
        if (corrections.handle(t, h)) {
            return;
        }
        if (!f.required() && (FormWords.nothing(h.folded) || h.no())) {
            a.form().skip(t); // "không có gì" is not a note
            return;
        }
        if (h.no()) {
            a.form().askCancel(t); // "không" to "what is your name?": maybe they do not want to go on
            return;
        }
        if (h.yes() && f.type() != Catalog.FieldType.CHOICE) {
            IntakeForm.rejected(t, f, t.text("form.not_entered"));
            a.form().askField(t);
            return;
        }
        if (privacyQuestion(t, h) || looksLikeQuestion(t, h) && sideQuestion(t, h)) {
            a.form().askField(t);
            return;
        }
        Optional<FieldValues.Split> several = a.form().where(t).flatMap(form -> values.split(form, h.text));
        if (several.isPresent()) {
            a.form().fill(t, several.get()); // "Lê Thị Mai, sđt 0935 222 333": the name and the phone
            return;
        }
        a.form().fill(t, h.text);
    }

    /**
     * A question rather than a value: it must read as a question ("?", "bao nhiêu", "được không", "what"…), must not
     * be a valid value for the field being asked, and the NLU must recognise what it asks.
     */
    private boolean looksLikeQuestion(Turn t, Heard h) {
        if (!QuestionShapes.question(h.folded)) {
            return false;
        }
        Optional<IntakeField> current = Dialogue.INTAKE.equals(t.conv.state) ? a.form().currentField(t) : Optional.empty();
        boolean note = current.map(f -> f.type() == Catalog.FieldType.TEXT).orElse(false);
        if (note && h.clauses().questions().isEmpty()) {
            return false; // the note tells the case: "chưa có sổ, muốn hỏi thủ tục" asks nothing, whatever words it has
        }
        boolean structured = current.map(f -> f.type() != Catalog.FieldType.NAME && f.type() != Catalog.FieldType.TEXT)
                .orElse(false);
        Understanding u = h.u();
        boolean officeQuestion = h.officeQuestion(OFFICE_SURE).isPresent();
        if (structured && a.form().valid(t, h.text) && !(officeQuestion && !u.clarify())
            && !QuestionShapes.asksSomething(h.folded)) {
            // "thứ 7 được không" offers a day; "phường có làm thứ 7 ko" (hours, sure) asks about the office, and so
            // does "what time are you open on Saturday?": a question word asks something, whatever day it names
            return false;
        }
        String topic = t.ctx().topic();
        boolean aboutTopic = topic != null && followUp.aspect(t, h, topic).isPresent();
        if (NOT_A_QUESTION.contains(u.intent())) {
            return aboutTopic;
        }
        return !u.clarify() || aboutTopic || officeQuestion;
    }

    /**
     * A question about the citizen's own data ("số đt này ai xem được", "what will you keep about me and for how
     * long?") asking one of the privacy notice's facts is answered from the notice, before any reading of it as an
     * aspect of the procedure: at the consent step and in the form the data is what the citizen is weighing.
     */
    private boolean privacyQuestion(Turn t, Heard h) {
        if (!QuestionShapes.question(h.folded) || !FormWords.myData(h.folded) || !a.answering().asksPrivacyFact(h.folded)) {
            return false;
        }
        a.answering().privacyInfo(t, h.folded);
        return true;
    }

    /** Lets the answering policies answer; true when one did. */
    private boolean sideQuestion(Turn t, Heard h) throws SQLException {
        for (Policy policy : sideQuestions) {
            if (policy.handle(t, h)) {
                return true;
            }
        }
        return false;
    }
}
