package vn.warddesk.bot.conversation;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.warddesk.bot.catalog.Catalog;
import vn.warddesk.nlu.Entity;
import vn.warddesk.nlu.EntityType;

/**
 * Specific answers from the ward's own data: whether the desk is open on the day or holiday asked about (office.yaml
 * {@code holidays}), and the one fact of the privacy notice asked about (its numbered sections: retention, who sees
 * the data, rights…) instead of the whole notice.
 */
final class OfficeFacts {
    /** How far ahead a holiday named without a year is looked up ("tết dương lịch có nghỉ không?"). */
    private static final int HOLIDAY_HORIZON_DAYS = 400;
    private static final Pattern ANY_HOLIDAY = Pattern.compile(
            "\\b(nghi le|ngay le|le tet|holiday|holidays|public holiday|ngay nghi)\\b");
    private static final Pattern PARENTHESES = Pattern.compile("\\(.*\\)");
    private static final Pattern LUNAR_NEW_YEAR = Pattern.compile("\\b(tet|lunar new year|tet nguyen dan|tet am)\\b");
    private static final Pattern SOLAR = Pattern.compile("\\b(duong lich|tay|new year s day|new year|1/1)\\b");
    /** Privacy notice sections by what they answer: heading words → question words (both accent-folded). */
    private static final Map<Pattern, Pattern> PRIVACY_SECTIONS = Map.of(
            Pattern.compile("thoi han luu tru|retention"),
            Pattern.compile("\\b(bao lau|luu (tru )?(trong )?bao lau|giu (trong )?bao lau|how long|kept|keep|retention"
                            + "|stored for|xoa sau|bao gio (bi )?xoa|when .*(deleted|erased))\\b"),
            Pattern.compile("ai duoc xem|who can see"),
            Pattern.compile("\\b(ai (duoc |co the )?(xem|biet|doc|truy cap)|who (can |will )?(see|read|access|view)"
                            + "|chia se|share|shared|ben thu ba|third part|nuoc ngoai|abroad|cong an|police)\\b"),
            Pattern.compile("quyen cua ban|your rights"),
            Pattern.compile("\\b(quyen|rights|right to)\\b"),
            Pattern.compile("du lieu thu thap|data collected"),
            Pattern.compile("\\b(thu thap|lay (nhung )?(thong tin|du lieu) gi|luu (nhung )?(thong tin|du lieu|gi) gi"
                            + "|what (data|information|details)|collect)\\b"),
            Pattern.compile("muc dich|purposes"),
            Pattern.compile("\\b(de lam gi|dung (de )?(lam )?gi|muc dich|purpose|what for|why do you need|use my)\\b"),
            Pattern.compile("bao mat|security"),
            Pattern.compile("\\b(bao mat|an toan|secure|security|hack|lo lot|leak|breach)\\b"));

    private final Catalog catalog;
    /**
     * Holiday names accent-folded, by name: every office-hours answer compares them with the message, and folding
     * them per answer was a good part of its cost. Bounded by the holiday names of the wards' office data.
     */
    private final Map<String, String> foldedNames = new java.util.concurrent.ConcurrentHashMap<>();

    OfficeFacts(Catalog catalog) {
        this.catalog = catalog;
    }

    /** Office hours, or the specific day or holiday asked about. */
    Catalog.Answer hours(Turn t, String folded) {
        return hours(t, folded, List.of());
    }

    Catalog.Answer hours(Turn t, String folded, List<Entity> entities) {
        ZonedDateTime now = t.now.atZone(catalog.office().zone());
        Catalog.Answer general = catalog.officeHours(t.lang(), now);
        List<Catalog.Holiday> asked = holidaysAsked(t, folded);
        if (!asked.isEmpty()) {
            StringBuilder text = new StringBuilder(t.text("office.closed_days"));
            for (Catalog.Holiday h : asked) {
                text.append("\n• ").append(TimeFormat.day(t, h.date())).append(": ").append(h.name());
            }
            return new Catalog.Answer(text.toString(), general.items(), general.followUps());
        }
        Optional<LocalDate> day = entities.stream().filter(e -> e.type() == EntityType.DATE).findFirst()
                .flatMap(e -> parse(e.value()));
        if (day.isPresent()) {
            LocalDate d = day.get();
            Optional<Catalog.Holiday> holiday = catalog.holidays(t.lang()).stream().filter(h -> h.date().equals(d)).findFirst();
            String when = TimeFormat.day(t, d);
            String text = holiday.isPresent()
                    ? t.text("office.closed_holiday", "when", when, "holiday", holiday.get().name())
                    : catalog.openOn(d) ? t.text("office.open_on", "when", when)
                    : t.text("office.closed_on", "when", when);
            return new Catalog.Answer(text + "\n" + general.text(), general.items(), general.followUps());
        }
        return general;
    }

    private List<Catalog.Holiday> holidaysAsked(Turn t, String folded) {
        List<Catalog.Holiday> upcoming = catalog.holidays(t.lang()).stream()
                .filter(h -> !h.date().isBefore(t.today) && h.date().isBefore(t.today.plusDays(HOLIDAY_HORIZON_DAYS)))
                .toList();
        List<Catalog.Holiday> named = new ArrayList<>();
        for (Catalog.Holiday h : upcoming) {
            String name = foldedNames.computeIfAbsent(h.name(), n -> Folding.fold(PARENTHESES.matcher(n).replaceAll("")));
            if (!name.isBlank() && folded.contains(name)) {
                named.add(h);
            }
        }
        if (named.isEmpty() && LUNAR_NEW_YEAR.matcher(folded).find()) {
            boolean solar = SOLAR.matcher(folded).find();
            List<Catalog.Holiday> both = catalog.holidays(vn.warddesk.bot.catalog.Lang.VI).stream()
                    .filter(h -> !h.date().isBefore(t.today) && h.date().isBefore(t.today.plusDays(HOLIDAY_HORIZON_DAYS)))
                    .toList();
            for (int i = 0; i < both.size(); i++) {
                String vi = Folding.fold(both.get(i).name());
                boolean isSolar = vi.contains("duong lich");
                if (vi.contains("tet") || vi.contains("mung")) {
                    if (solar == isSolar) {
                        named.add(upcoming.get(i));
                    }
                }
            }
            if (!solar) {
                named = firstRun(named); // one Tết break, the next one
            } else if (!named.isEmpty()) {
                named = List.of(named.get(0));
            }
        }
        if (named.isEmpty() && ANY_HOLIDAY.matcher(folded).find()) {
            named = upcoming.stream().limit(6).toList();
        }
        return named;
    }

    /** The first run of holidays no more than a few days apart (one Tết break, not the next year's too). */
    private static List<Catalog.Holiday> firstRun(List<Catalog.Holiday> days) {
        List<Catalog.Holiday> run = new ArrayList<>();
        for (Catalog.Holiday h : days) {
            if (!run.isEmpty() && h.date().isAfter(run.get(run.size() - 1).date().plusDays(4))) {
                break;
            }
            run.add(h);
        }
        return run;
    }

    /** Whether the question asks one fact the privacy notice has a section for (retention, who sees it…). */
    boolean asksPrivacyFact(String folded) {
        return PRIVACY_SECTIONS.values().stream().anyMatch(p -> p.matcher(folded).find());
    }

    /**
     * Which section of the privacy notice the question asks about ("retention", "who can see"…: the English words of
     * its heading), when the notice has that section.
     */
    Optional<String> privacyFact(Turn t, String folded) {
        String fullText = catalog.privacyNotice(t.lang()).fullText();
        for (Map.Entry<Pattern, Pattern> section : PRIVACY_SECTIONS.entrySet()) {
            if (section.getValue().matcher(folded).find() && section(fullText, section.getKey()).isPresent()) {
                return Optional.of(factName(section.getKey()));
            }
        }
        return Optional.empty();
    }

    /** The section of the privacy notice for that fact, or the short notice. */
    String privacy(Turn t, Optional<String> fact) {
        Catalog.PrivacyNotice notice = catalog.privacyNotice(t.lang());
        return fact.flatMap(name -> PRIVACY_SECTIONS.keySet().stream().filter(h -> factName(h).equals(name)).findFirst())
                .flatMap(heading -> section(notice.fullText(), heading))
                .orElse(notice.shortText());
    }

    private static String factName(Pattern heading) {
        String words = heading.pattern();
        return words.substring(words.lastIndexOf('|') + 1);
    }

    private static Optional<String> section(String fullText, Pattern heading) {
        Matcher paragraphs = Pattern.compile("(?m)^\\s*\\d+\\.\\s+(.+)$").matcher(fullText);
        while (paragraphs.find()) {
            String paragraph = paragraphs.group(1).strip();
            int colon = paragraph.indexOf(':');
            String head = Folding.fold(colon > 0 ? paragraph.substring(0, colon) : paragraph);
            if (heading.matcher(head).find()) {
                return Optional.of(paragraph);
            }
        }
        return Optional.empty();
    }

    private static Optional<LocalDate> parse(String value) {
        try {
            return Optional.of(LocalDate.parse(value));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
