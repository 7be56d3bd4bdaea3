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

    Result check(IntakeField field, String raw, LocalDate today, Lang lang) {
        String text = raw == null ? "" : Normalizer.normalize(raw.strip().replaceAll("\\s+", " "), Normalizer.Form.NFC);
        boolean vi = lang == Lang.VI;
        if (text.isEmpty()) {
            return Result.error(vi ? "Bạn chưa nhập gì." : "You have not entered anything.");
        }
        int max = field.maxLength() > 0 ? field.maxLength() : TEXT_DEFAULT_MAX;
        return switch (field.type()) {
            case NAME -> name(text, Math.min(max, NAME_MAX), vi);
            case PHONE -> phone(text, today, vi);
            case DATE -> date(text, today, vi);
            case TEXT -> text(text, max, today, vi);
            case CHOICE -> choice(text, field.choices(), vi);
        };
    }

    private Result name(String text, int max, boolean vi) {
        long letters = text.codePoints().filter(Character::isLetter).count();
        if (!NAME.matcher(text).matches() || letters < 2 || text.length() > max) {
            return Result.error(vi ? "Tên chỉ gồm chữ cái, từ 2 đến " + max + " ký tự (ví dụ: Nguyễn Văn An)."
                                   : "A name has letters only, 2 to " + max + " characters (e.g. Nguyen Van An).");
        }
        return Result.ok(text);
    }

    private Result phone(String text, LocalDate today, boolean vi) {
        List<Entity> phones = of(text, today, EntityType.PHONE);
        if (phones.size() != 1) {
            return Result.error(vi ? "Số điện thoại chưa đúng. Hãy nhập số di động 10 chữ số, ví dụ 0912 345 678."
                                   : "That phone number does not look right. Please enter a 10-digit Vietnamese number,"
                                     + " e.g. 0912 345 678.");
        }
        return Result.ok(phones.get(0).value());
    }

    private Result date(String typed, LocalDate today, boolean vi) {
        // Chat shorthand for weekdays ("t2 tuần sau", "t7", "cn") spelled out for the date extractor.
        String text = WEEKDAY_SHORT.matcher(typed).replaceAll("thứ $1").replaceAll("(?iu)\\bcn\\b", "chủ nhật");
        List<Entity> dates = of(text, today, EntityType.DATE);
        if (dates.isEmpty()) {
            return Result.error(vi ? "Mình chưa hiểu ngày. Ví dụ: 5/12, \"ngày mai\" hoặc \"thứ hai tuần sau\"."
                                   : "I could not read a date. For example: 5/12, \"tomorrow\" or \"next Monday\".");
        }
        LocalDate day;
        try {
            day = LocalDate.parse(dates.get(0).value());
        } catch (RuntimeException e) {
            return Result.error(vi ? "Ngày không hợp lệ." : "That date is not valid.");
        }
        if (!day.isAfter(today)) {
            return Result.error(vi ? "Hãy chọn một ngày sau hôm nay." : "Please choose a day after today.");
        }
        if (!officeOpenOn.test(day)) {
            return Result.error(vi ? "Trung tâm Phục vụ hành chính công không làm việc ngày "
                                     + day.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"))
                                     + " (cuối tuần hoặc ngày nghỉ). Hãy chọn một ngày làm việc khác."
                                   : "The desk is closed on " + day.format(DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH))
                                     + " (weekend or holiday). Please choose another working day.");
        }
        if (day.isAfter(today.plusDays(BOOKING_HORIZON_DAYS))) {
            return Result.error(vi ? "Hãy chọn một ngày trong vòng " + BOOKING_HORIZON_DAYS + " ngày tới."
                                   : "Please choose a day within the next " + BOOKING_HORIZON_DAYS + " days.");
        }
        return Result.ok(day.toString());
    }

    private Result text(String text, int max, LocalDate today, boolean vi) {
        if (text.length() > max) {
            return Result.error(vi ? "Nội dung dài quá (tối đa " + max + " ký tự). Hãy viết ngắn hơn."
                                   : "That is too long (at most " + max + " characters). Please shorten it.");
        }
        if (!of(text, today, EntityType.CITIZEN_ID).isEmpty()) {
            // Data minimisation: the notice promises no ID numbers in chat, so one is refused rather than stored.
            return Result.error(vi ? "Xin đừng ghi số CCCD/căn cước. Hãy nhập lại không có số đó."
                                   : "Please do not include an ID card number. Enter it again without it.");
        }
        return Result.ok(text);
    }

    private static Result choice(String text, List<Choice> choices, boolean vi) {
        String wanted = fold(text);
        for (Choice choice : choices) {
            if (fold(choice.value()).equals(wanted) || fold(choice.label()).equals(wanted)) {
                return Result.ok(choice.value());
            }
        }
        return Result.error(vi ? "Hãy chọn một trong các lựa chọn bên dưới." : "Please pick one of the options below.");
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
