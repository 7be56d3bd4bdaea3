package vn.warddesk.bot.conversation;

import java.util.List;
import java.util.Optional;

import vn.warddesk.bot.catalog.Catalog;
import vn.warddesk.bot.catalog.Catalog.IntakeField;

/**
 * Corrections while a form is filled or summarised: a field named ("sửa số điện thoại", "sai tên rồi", "change my
 * phone to 0987…"), "sai rồi" alone (which one?), or the new value of a field answered before, recognised by what it
 * is ("à nhầm, số đúng là 0987…" while the day is asked, "sorry, my full name is Thomas Becker" while the phone is).
 */
final class FormCorrections {
    /** A field named at the summary is a word or two, with a pronoun at most ("số đt của em"). */
    private static final int FIELD_NAME_WORDS = 4;
    /** The old value named to set it aside: "không phải …", "chứ không", "not …", "instead of …". */
    private static final java.util.regex.Pattern NOT_THE_OLD = java.util.regex.Pattern.compile(
            "\\b(khong phai|ko phai|k phai|kh phai|hong phai|chu khong|chu ko|not|instead of|rather than)\\b");

    private final Policy.Actions a;
    private final FieldValues values;

    FormCorrections(Policy.Actions actions, FieldValues values) {
        this.a = actions;
        this.values = values;
    }

    /** True when the message was a correction and has been acted on. */
    boolean handle(Turn t, Heard h) {
        return named(t, h) || earlierField(t, h);
    }

    /** "sửa số điện thoại", "change my phone", "sai tên rồi": edit that field; "sai rồi" alone asks which. */
    private boolean named(Turn t, Heard h) {
        if (!FormWords.edit(h.folded) && !fieldNamedAtSummary(t, h)
            || Folding.words(h.folded) > 8 && !carriesNewValue(t, h)) {
            return false;
        }
        Optional<IntakeField> current = a.form().currentField(t);
        boolean freeText = current.map(f -> f.type() == Catalog.FieldType.TEXT).orElse(false)
                           && Dialogue.INTAKE.equals(t.conv.state);
        Optional<String> named = FormWords.field(h.folded, names(t));
        if (freeText && named.isEmpty()) {
            return false; // a note may well say "đổi", "sai"…: only a named field is a correction there
        }
        if (named.isPresent()) {
            return a.form().edit(t, named.get(), notShorterName(t, named.get(), newValues(t, h, named.get())));
        }
        boolean summary = Dialogue.CONFIRM.equals(t.conv.state) && !QuestionShapes.question(h.folded);
        if ((Folding.words(h.folded) <= 4 || summary) && !a.form().valid(t, h.text)) {
            // "sai rồi", and at the summary "I want to change something": which detail?
            a.form().askWhichField(t);
            return true;
        }
        return false;
    }

    /**
     * "à nhầm, số đúng là 0987654312" while the day is asked: no field named, but a correction marker and a value
     * that only an earlier field takes. That field is corrected, then the form goes on where it was.
     */
    private boolean earlierField(Turn t, Heard h) {
        Optional<FieldValues.Value> value = a.form().where(t).flatMap(form -> values.correction(form, h.text, h.folded));
        return value.isPresent() && a.form().edit(t, value.get().field().name(), List.of(value.get().value()));
    }

    /**
     * At the summary (or after "which detail?") a short line that only names a field ("ngày hẹn", "số đt", "the
     * date", "my number") chooses that field: it has nothing else to be.
     */
    private boolean fieldNamedAtSummary(Turn t, Heard h) {
        return Dialogue.CONFIRM.equals(t.conv.state) && Folding.words(h.folded) <= FIELD_NAME_WORDS
               && !QuestionShapes.question(h.folded) && FormWords.field(h.folded, names(t)).isPresent();
    }

    /**
     * "sai tên rồi, tên e là Hoa" after "Phạm Thị Hảo": one given name does not replace a full name. The officer asks
     * for the full name rather than guess which part was wrong, so a one-word name is not taken as the new value then.
     */
    private List<String> notShorterName(Turn t, String field, List<String> newValues) {
        boolean name = a.form().fields(t).stream()
                .anyMatch(f -> f.name().equals(field) && f.type() == Catalog.FieldType.NAME);
        String stored = t.conv.draft.get(field);
        if (!name || stored == null || Folding.words(Folding.fold(stored)) < 2) {
            return newValues;
        }
        return newValues.stream().filter(v -> Folding.words(Folding.fold(ValueFrame.withoutLeadIns(v))) >= 2).toList();
    }

    /**
     * A longer message is a correction too when it names a field and brings a valid new value for it ("sorry, I want
     * to change my phone to 0987…"); without both it may be a note that happens to say "change" or "sai".
     */
    private boolean carriesNewValue(Turn t, Heard h) {
        Optional<String> named = FormWords.field(h.folded, names(t));
        return named.isPresent() && Folding.words(h.folded) <= 14
               && newValues(t, h, named.get()).stream().anyMatch(v -> a.form().valid(t, named.get(), v));
    }

    /**
     * The new values a correction of that field may carry: the text after "là" / "is" / "to" / ":", and for a phone or
     * a day, recognised by what it is, the whole line ("a nham sdt 0905 123 465", "oops wrong phone, 0987 111 333", "a
     * nham ngay, thu 5 tuan sau"): the extractor takes the one number or day out of it. Not when the line names the
     * old value to set it aside ("không phải 0905…"): then the number in it may be the wrong one.
     */
    private List<String> newValues(Turn t, Heard h, String field) {
        List<String> marked = ValueFrame.newValues(h.text);
        boolean recognised = a.form().fields(t).stream().anyMatch(f -> f.name().equals(field)
                && (f.type() == Catalog.FieldType.PHONE || f.type() == Catalog.FieldType.DATE));
        if (!recognised || NOT_THE_OLD.matcher(h.folded).find()) {
            return marked;
        }
        List<String> values = new java.util.ArrayList<>(marked);
        values.add(h.text);
        return values;
    }

    private List<String> names(Turn t) {
        return a.form().fields(t).stream().map(IntakeField::name).toList();
    }
}
