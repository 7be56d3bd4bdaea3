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

    private final Actions a;
    private final FollowUpPolicy followUp;
    private final List<Policy> sideQuestions;

    FormPolicy(Actions actions, FollowUpPolicy followUp, List<Policy> sideQuestions) {
        this.a = actions;
        this.followUp = followUp;
        this.sideQuestions = sideQuestions;
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
        if (h.answerYes()) {
            a.consent().agree(t);
            a.form().askField(t);
        } else if (h.answerNo()) {
            a.consent().decline(t);
        } else {
            sideQuestion(t, h);
            a.consent().remind(t);
        }
    }

    private void confirm(Turn t, Heard h) throws SQLException {
        if (h.answerYes() && !Phrases.edit(h.folded)) {
            a.form().submit(t);
            return;
        }
        if (correction(t, h)) {
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
        if (correction(t, h)) {
            return;
        }
        if (!f.required() && (Phrases.nothing(h.folded) || h.no())) {
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
        if (looksLikeQuestion(t, h) && sideQuestion(t, h)) {
            a.form().askField(t);
            return;
        }
        a.form().fill(t, h.text);
    }

    /** "sửa số điện thoại", "change my phone", "sai tên rồi": edit that field; "sai rồi" alone asks which. */
    private boolean correction(Turn t, Heard h) {
        if (!Phrases.edit(h.folded) || Phrases.words(h.folded) > 8 && !carriesNewValue(t, h)) {
            return false;
        }
        Optional<IntakeField> current = a.form().currentField(t);
        boolean freeText = current.map(f -> f.type() == Catalog.FieldType.TEXT).orElse(false)
                           && Dialogue.INTAKE.equals(t.conv.state);
        if (freeText && !Phrases.field(h.folded, names(t)).isPresent()) {
            return false; // a note may well say "đổi", "sai"…: only a named field is a correction there
        }
        Optional<String> named = Phrases.field(h.folded, names(t));
        if (named.isPresent()) {
            return a.form().edit(t, named.get(), Phrases.newValues(h.text));
        }
        if (Phrases.words(h.folded) <= 4 && !a.form().valid(t, h.text)) {
            a.form().askWhichField(t);
            return true;
        }
        return false;
    }

    /**
     * A longer message is a correction too when it names a field and brings a valid new value for it ("sorry, I want
     * to change my phone to 0987…"); without both it may be a note that happens to say "change" or "sai".
     */
    private boolean carriesNewValue(Turn t, Heard h) {
        Optional<String> named = Phrases.field(h.folded, names(t));
        return named.isPresent() && Phrases.words(h.folded) <= 14
               && Phrases.newValues(h.text).stream().anyMatch(v -> a.form().valid(t, named.get(), v));
    }

    private List<String> names(Turn t) {
        return a.form().fields(t).stream().map(IntakeField::name).toList();
    }

    /**
     * A question rather than a value: it must read as a question ("?", "bao nhiêu", "được không", "what"…), must not
     * be a valid value for the field being asked, and the NLU must recognise what it asks.
     */
    private boolean looksLikeQuestion(Turn t, Heard h) {
        if (!Phrases.question(h.folded)) {
            return false;
        }
        Optional<IntakeField> current = Dialogue.INTAKE.equals(t.conv.state) ? a.form().currentField(t) : Optional.empty();
        boolean structured = current.map(f -> f.type() != Catalog.FieldType.NAME && f.type() != Catalog.FieldType.TEXT)
                .orElse(false);
        if (structured && a.form().valid(t, h.text)) {
            return false;
        }
        Understanding u = h.u();
        String topic = t.ctx().topic();
        boolean aboutTopic = topic != null && followUp.aspect(t, h, topic).isPresent();
        if (NOT_A_QUESTION.contains(u.intent())) {
            return aboutTopic;
        }
        return !u.clarify() || aboutTopic;
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
