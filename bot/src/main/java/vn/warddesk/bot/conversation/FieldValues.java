package vn.warddesk.bot.conversation;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vn.warddesk.bot.catalog.Catalog.FieldType;
import vn.warddesk.bot.catalog.Catalog.IntakeField;
import vn.warddesk.bot.catalog.Lang;
import vn.warddesk.bot.text.Texts;
import vn.warddesk.nlu.Entity;
import vn.warddesk.nlu.EntityType;

/**
 * Reads the values of other fields out of one typed line, as a person at the desk would: the phone or the day typed
 * with the name ("Lê Thị Mai, sđt 0935 222 333"), or the new value of a field answered before ("à nhầm, số đúng là
 * 0987…" while the day is asked). Only a phone and a day are picked out of a line (the extractors find where they are);
 * a name is what is left. Stateless: the form's fields and draft come with each call.
 */
final class FieldValues {
    /** The kinds of value the entity extractors can find inside a line. */
    private static final Map<FieldType, EntityType> FINDABLE = new EnumMap<>(Map.of(
            FieldType.PHONE, EntityType.PHONE, FieldType.DATE, EntityType.DATE));
    /** More words than this after the lead-ins is a sentence, not a name typed as a correction (one more beside a phone). */
    private static final int NAME_WORDS = 5;
    /** A day of this many words is a phrase ("thứ hai tuần sau"), never a word of a name ("Mai", "Lê Chủ Nhật"). */
    private static final int DAY_PHRASE = 3;

    /** A value for one field, ready to store. */
    record Value(IntakeField field, String value) {
    }

    /** The value for the field asked and the values for later fields found in the same line. */
    record Split(String asked, List<Value> later) {
    }

    /** Where the form is: its fields, the one asked (fields.size() at the summary) and what is filled. */
    record Form(List<IntakeField> fields, int asked, Map<String, String> draft, LocalDate today, Lang lang,
                Texts texts) {
    }

    private final FieldCheck check;

    FieldValues(FieldCheck check) {
        this.check = check;
    }

    /**
     * The line split into the value of the field asked and valid values of later, still empty fields of another
     * structured type (a phone, a day); empty when the line carries no such extra value or what is left is not a valid
     * answer to the field asked. A phone is never left inside a name: it is taken out, or nothing is split.
     */
    Optional<Split> split(Form form, String typed) {
        if (form.asked() >= form.fields().size()) {
            return Optional.empty();
        }
        IntakeField asked = form.fields().get(form.asked());
        if (asked.type() == FieldType.TEXT) {
            return Optional.empty(); // a note may mention a day or a number: it is the note's
        }
        // "Nguyen Thi Lan t7 tuan sau": the day's shorthand spelled out, so that it is found beside the name
        String text = FieldCheck.spelledOut(Normalizer.normalize(typed, Normalizer.Form.NFC));
        List<Value> later = new ArrayList<>();
        StringBuilder rest = new StringBuilder(text);
        for (IntakeField field : form.fields().subList(form.asked() + 1, form.fields().size())) {
            EntityType type = FINDABLE.get(field.type());
            if (type == null || field.type() == asked.type() || form.draft().containsKey(field.name())) {
                continue;
            }
            Optional<Entity> found = validEntity(form, field, text, type, asked.type() == FieldType.NAME);
            if (found.isPresent()) {
                later.add(new Value(field, valueOf(form, field, found.get().text())));
                blank(rest, found.get());
            }
        }
        if (later.isEmpty()) {
            return Optional.empty();
        }
        String left = ValueFrame.withoutLeadIns(rest.toString());
        if (asked.type() == FieldType.NAME && !nameSure(asked, text, left, later)) {
            return Optional.empty(); // "cho em đặt lịch thứ 7" is no name beside a day
        }
        FieldCheck.Result result = checked(form, asked, left);
        return result.value().map(value -> new Split(value, List.copyOf(later)));
    }

    /**
     * The new value of a field filled before the one asked, when the line is marked as a correction ("nhầm", "sorry",
     * "I meant"…), is not a valid answer to the field asked, and carries a valid value for exactly one earlier field.
     */
    Optional<Value> correction(Form form, String typed, String folded) {
        if (!FormWords.correction(folded) && !FormWords.edit(folded)
            && !(namesFilledField(form, folded) && !QuestionShapes.question(folded))) {
            return Optional.empty();
        }
        String text = Normalizer.normalize(typed, Normalizer.Form.NFC);
        if (form.asked() < form.fields().size()) {
            IntakeField asked = form.fields().get(form.asked());
            if (asked.type() == FieldType.TEXT || valid(form, asked, text)) {
                return Optional.empty(); // the answer to the question asked, or a note that says "sai"
            }
        }
        List<Value> candidates = new ArrayList<>();
        for (IntakeField field : form.fields().subList(0, Math.min(form.asked(), form.fields().size()))) {
            if (form.draft().containsKey(field.name())) {
                newValue(form, field, text, folded).ifPresent(v -> candidates.add(new Value(field, v)));
            }
        }
        return candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
    }

    /**
     * What is left beside a phone is the name asked for; beside only a day it must read as a name: after "tên"/"name",
     * or capitalised. A question ("phường mở cửa thứ 7 ko") or a sentence is never a name.
     */
    private static boolean nameSure(IntakeField asked, String text, String left, List<Value> later) {
        String folded = Folding.fold(left);
        if (QuestionShapes.question(folded) || Folding.words(folded) > NAME_WORDS + 1) {
            return false; // a question or a sentence beside the phone, not a name
        }
        boolean phone = later.stream().anyMatch(v -> v.field().type() == FieldType.PHONE);
        return phone || FormWords.field(Folding.fold(text), List.of(asked.name())).isPresent() || looksLikeName(left);
    }

    private Optional<String> newValue(Form form, IntakeField field, String text, String folded) {
        EntityType type = FINDABLE.get(field.type());
        if (type != null) {
            return validEntity(form, field, text, type, false).map(Entity::text);
        }
        if (field.type() != FieldType.NAME) {
            return Optional.empty();
        }
        String name = ValueFrame.withoutLeadIns(text);
        boolean named = FormWords.field(folded, List.of(field.name())).isPresent(); // "my full name is", "tên đúng là"
        if (named) {
            // "khoan, tên đúng là Phạm Quốc Hiếu", "hold on, the name should be Mark Jensen": the field named, then
            // the value after its "là" / "is" / "should be" — whatever hesitation opens the line
            Optional<String> after = ValueFrame.newValues(text).stream().map(ValueFrame::withoutLeadIns)
                    .filter(v -> valid(form, field, v)).findFirst();
            if (after.isPresent()) {
                return after;
            }
        }
        return valid(form, field, name) && (named || looksLikeName(name)) ? Optional.of(name) : Optional.empty();
    }

    /**
     * Whether the line names a field already filled before the one asked ("tên đúng là …" at the phone question):
     * naming it is itself the mark of a correction, as "nhầm" or "sorry" is — unless the line asks something ("tên em
     * là gì cũng được hả" is no new name).
     */
    private static boolean namesFilledField(Form form, String folded) {
        List<String> filled = form.fields().subList(0, Math.min(form.asked(), form.fields().size())).stream()
                .map(IntakeField::name).filter(form.draft()::containsKey).toList();
        return FormWords.field(folded, filled).isPresent();
    }

    /** The first entity of the type that is a valid value for the field, unless it is a word of a name ("Lê Thị Mai"). */
    private Optional<Entity> validEntity(Form form, IntakeField field, String text, EntityType type, boolean nameAsked) {
        return check.found(text, form.today(), type).stream()
                .filter(e -> type != EntityType.DATE || !partOfName(text, e, nameAsked))
                .filter(e -> valid(form, field, e.text())).findFirst();
    }

    private boolean valid(Form form, IntakeField field, String text) {
        return checked(form, field, text).value().isPresent();
    }

    private String valueOf(Form form, IntakeField field, String text) {
        return checked(form, field, text).value().orElseThrow();
    }

    /** What the check makes of a value for a field, on the form's day and in its language. */
    private FieldCheck.Result checked(Form form, IntakeField field, String text) {
        return check.check(field, text, form.today(), form.lang(), form.texts());
    }

    /**
     * A day word that belongs to a name (never one with a number or of three words or more): beside the name asked, any day word not set apart by punctuation or a number
     * ("Lê Thị Mai", "le thi mai 0905…", "Mai Anh Tuấn": Mai, not tomorrow); elsewhere a capitalised one next to a
     * capitalised word ("Lê Chủ Nhật").
     */
    static boolean partOfName(String text, Entity day, boolean nameAsked) {
        if (day.text().chars().anyMatch(Character::isDigit) || Folding.words(Folding.fold(day.text())) >= DAY_PHRASE) {
            return false; // "thứ 5 tuần sau", "15/12", "chủ nhật tuần sau": no name has a number or a phrase for a day
        }
        int before = day.start() - 1;
        while (before >= 0 && text.charAt(before) == ' ') {
            before--;
        }
        int after = day.end();
        while (after < text.length() && text.charAt(after) == ' ') {
            after++;
        }
        boolean wordBefore = before >= 0 && Character.isLetter(text.charAt(before));
        boolean wordAfter = after < text.length() && Character.isLetter(text.charAt(after));
        if (nameAsked) {
            return wordBefore || wordAfter;
        }
        int start = before;
        while (start > 0 && Character.isLetter(text.charAt(start - 1))) {
            start--;
        }
        boolean capitalBefore = wordBefore && Character.isUpperCase(text.charAt(start));
        boolean capitalAfter = wordAfter && Character.isUpperCase(text.charAt(after));
        return Character.isUpperCase(text.charAt(day.start())) && (capitalBefore || capitalAfter);
    }

    /** A name typed without "tên"/"name" before it must look like one: one to five capitalised words. */
    static boolean looksLikeName(String text) {
        String[] words = text.strip().split("\\s+");
        if (text.isBlank() || words.length > NAME_WORDS) {
            return false;
        }
        for (String word : words) {
            if (!Character.isUpperCase(word.codePointAt(0))) {
                return false;
            }
        }
        return true;
    }

    private static void blank(StringBuilder text, Entity entity) {
        for (int i = entity.start(); i < entity.end() && i < text.length(); i++) {
            text.setCharAt(i, ' ');
        }
    }
}
