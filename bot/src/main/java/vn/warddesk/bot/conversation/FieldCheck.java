package vn.warddesk.bot.conversation;

import java.text.Normalizer;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import vn.warddesk.bot.catalog.Catalog.Choice;
import vn.warddesk.bot.catalog.Catalog.IntakeField;
import vn.warddesk.bot.catalog.Lang;
import vn.warddesk.bot.text.Texts;
import vn.warddesk.nlu.Entity;
import vn.warddesk.nlu.EntityExtractor;
import vn.warddesk.nlu.EntityType;

/** Validates one intake answer with the NLU entity extractors; an invalid answer comes with a helpful message. */
final class FieldCheck {
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{M}][\\p{L}\\p{M} .'-]*");
    private static final int NAME_MAX = 80;
    private static final int TEXT_DEFAULT_MAX = 300;
    private static final int BOOKING_HORIZON_DAYS = 90;
    private static final Pattern WEEKDAY_SHORT = Pattern.compile("(?iu)\\bt\\s?([2-7])\\b");

    /** Either the value to store or the message explaining what is wrong. */
    record Result(Optional<String> value, Optional<String> error) {
        static Result ok(String value) {
            return new Result(Optional.of(value), Optional.empty());
        }

        static Result error(String message) {
            return new Result(Optional.empty(), Optional.of(message));
        }
    }

    private final EntityExtractor extractor;
    private final java.util.function.Predicate<LocalDate> officeOpenOn;

    FieldCheck(EntityExtractor extractor, java.util.function.Predicate<LocalDate> officeOpenOn) {
        this.officeOpenOn = officeOpenOn;
        this.extractor = extractor;
    }

    Result check(IntakeField field, String raw, LocalDate today, Lang lang, Texts texts) {
        String text = raw == null ? "" : Normalizer.normalize(raw.strip().replaceAll("\\s+", " "), Normalizer.Form.NFC);
        boolean vi = lang == Lang.VI;
        if (text.isEmpty()) {
            return Result.error(texts.get("field.empty"));
        }
        int max = field.maxLength() > 0 ? field.maxLength() : TEXT_DEFAULT_MAX;
        return switch (field.type()) {
            case NAME -> name(text, Math.min(max, NAME_MAX), texts);
            case PHONE -> phone(text, today, texts);
            case DATE -> date(text, today, vi, texts);
            case TEXT -> text(text, max, today, texts);
            case CHOICE -> choice(text, field.choices(), texts);
        };
    }

    private Result name(String text, int max, Texts texts) {
        long letters = text.codePoints().filter(Character::isLetter).count();
        if (!NAME.matcher(text).matches() || letters < 2 || text.length() > max) {
            return Result.error(texts.get("field.name_invalid", "max", max));
        }
        return Result.ok(text);
    }

    private Result phone(String text, LocalDate today, Texts texts) {
        List<Entity> phones = of(text, today, EntityType.PHONE);
        if (phones.size() != 1) {
            return Result.error(texts.get("field.phone_invalid"));
        }
        return Result.ok(phones.get(0).value());
    }

    private Result date(String typed, LocalDate today, boolean vi, Texts texts) {
        // Chat shorthand for weekdays ("t2 tuần sau", "t7", "cn") spelled out for the date extractor.
        String text = spelledOut(typed);
        List<Entity> dates = of(text, today, EntityType.DATE);
        if (dates.isEmpty()) {
            return Result.error(texts.get("field.date_unreadable"));
        }
        LocalDate day;
        try {
            day = LocalDate.parse(dates.get(0).value());
        } catch (RuntimeException e) {
            return Result.error(texts.get("field.date_invalid"));
        }
        if (!day.isAfter(today)) {
            return Result.error(texts.get("field.date_not_future"));
        }
        if (!officeOpenOn.test(day)) {
            return Result.error(texts.get("field.date_closed", "day", vi ? day.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"))
                    : day.format(DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH))));
        }
        if (day.isAfter(today.plusDays(BOOKING_HORIZON_DAYS))) {
            return Result.error(texts.get("field.date_too_far", "days", BOOKING_HORIZON_DAYS));
        }
        return Result.ok(day.toString());
    }

    private Result text(String text, int max, LocalDate today, Texts texts) {
        if (text.length() > max) {
            return Result.error(texts.get("field.text_too_long", "max", max));
        }
        if (!of(text, today, EntityType.CITIZEN_ID).isEmpty()) {
            // Data minimisation: the notice promises no ID numbers in chat, so one is refused rather than stored.
            return Result.error(texts.get("field.text_citizen_id"));
        }
        return Result.ok(text);
    }

    private static Result choice(String text, List<Choice> choices, Texts texts) {
        String wanted = fold(text);
        for (Choice choice : choices) {
            if (fold(choice.value()).equals(wanted) || fold(choice.label()).equals(wanted)) {
                return Result.ok(choice.value());
            }
        }
        // "cap lan dau", "close the business", "sang tên": the option in the citizen's own words
        return ChoiceWords.named(text, choices).map(c -> Result.ok(c.value()))
                .orElseGet(() -> Result.error(texts.get("field.choice_invalid")));
    }

    /** Chat shorthand for weekdays ("t2 tuần sau", "t7", "cn") spelled out for the date extractor. */
    static String spelledOut(String typed) {
        return WEEKDAY_SHORT.matcher(typed).replaceAll("thứ $1").replaceAll("(?iu)\\bcn\\b", "chủ nhật");
    }

    /** The entities of one type in a line, with their places: a phone or a day typed beside another value. */
    List<Entity> found(String text, LocalDate today, EntityType type) {
        return of(text, today, type);
    }

    private List<Entity> of(String text, LocalDate today, EntityType type) {
        return extractor.extract(text, today).stream().filter(e -> e.type() == type).toList();
    }

    /** Lower case without accents, for matching typed choices. */
    static String fold(String text) {
        String decomposed = Normalizer.normalize(text.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "");
        return decomposed.replace('đ', 'd');
    }
}
