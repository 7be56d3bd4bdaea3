package vn.warddesk.bot.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules every piece of content must pass, whether it comes from a seed file or from the admin API.
 * Each broken rule is one {@link Problem} with the JSON field path (as in the YAML file) and what is wrong.
 */
final class Validation {
    /** Citizen texts are combined into answers of at most 700 characters, so each part stays short. */
    static final int MAX_TEXT = 450;
    static final int MAX_NAME = 120;
    static final int MAX_SHORT_NOTICE = 600;
    static final int MAX_ANSWER = 700;
    static final Set<String> DOCUMENT_KINDS = Set.of("original", "copy", "certified_copy", "show_original", "form");
    static final Set<String> CHANNELS = Set.of("desk", "portal", "vneid", "post");
    static final Set<String> FIELD_TYPES = Set.of("name", "phone", "date", "text", "choice");
    static final List<String> WEEKDAYS = List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                                                 "sunday");
    private static final Pattern SNAKE = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");
    /** The national procedure code (mã TTHC): one digit, a dot, six digits, e.g. 1.001193. */
    static final Pattern PORTAL_CODE = Pattern.compile("[0-9]\\.[0-9]{6}");

    /**
     * Whether a text already sends the citizen to the desk ("… xác nhận … tại quầy", "please confirm at the desk"):
     * what an uncertain figure's own text must say, so that no channel can show it as certain.
     */
    static boolean sendsToDesk(String text, Lang lang) {
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        return lang == Lang.EN ? lower.contains("at the desk")
                               : lower.contains("tại quầy") || lower.contains("xác nhận tại");
    }

    /** One broken rule: the field as a path like {@code fee.amount_vnd} or {@code documents[2].text.vi}. */
    record Problem(String field, String problem) {
    }

    private final List<Problem> problems = new ArrayList<>();

    private Validation() {
    }

    static List<Problem> procedure(Procedure p, String expectedId) {
        Validation v = new Validation();
        if (p.id() == null || p.id().isBlank()) {
            v.add("id", "is required");
        } else if (!ProcedureIds.ALL.contains(p.id())) {
            v.add("id", "'" + p.id() + "' is not a known procedure id");
        } else if (expectedId != null && !p.id().equals(expectedId)) {
            v.add("id", "must be '" + expectedId + "' (the file name / URL id), not '" + p.id() + "'");
        }
        v.required("reviewed", p.reviewed());
        if (v.required("icon", p.icon()) && p.icon().length() > 32) {
            v.add("icon", "must be at most 32 characters");
        }
        v.text("authority", p.authority(), MAX_NAME);
        v.text("name", p.name(), MAX_NAME);
        v.text("summary", p.summary(), MAX_TEXT);
        v.text("eligibility", p.eligibility(), MAX_TEXT);
        if (v.nonEmpty("documents", p.documents())) {
            for (int i = 0; i < p.documents().size(); i++) {
                String at = "documents[" + i + "]";
                Procedure.Document d = p.documents().get(i);
                if (!v.required(at, d)) {
                    continue;
                }
                v.text(at + ".text", d.text(), MAX_TEXT);
                if (v.required(at + ".kind", d.kind()) && !DOCUMENT_KINDS.contains(d.kind())) {
                    v.add(at + ".kind", "must be one of " + sorted(DOCUMENT_KINDS));
                }
                if (d.count() != null && (d.count() < 1 || d.count() > 20)) {
                    v.add(at + ".count", "must be between 1 and 20");
                }
                if (d.note() != null) {
                    v.text(at + ".note", d.note(), MAX_TEXT);
                }
            }
        }
        if (v.required("fee", p.fee())) {
            Procedure.Fee fee = p.fee();
            v.required("fee.uncertain", fee.uncertain());
            if (fee.amountVnd() != null && fee.amountVnd() < 0) {
                v.add("fee.amount_vnd", "must not be negative");
            }
            if (Boolean.TRUE.equals(fee.uncertain()) && fee.amountVnd() != null) {
                v.add("fee.amount_vnd", "must be left out while fee.uncertain is true (never show an unverified figure)");
            }
            v.text("fee.text", fee.text(), MAX_TEXT);
            if (Boolean.TRUE.equals(fee.uncertain())) {
                v.sendsToDesk("fee.text", fee.text());
            }
            if (fee.lateFine() != null) {
                v.text("fee.late_fine", fee.lateFine(), MAX_TEXT);
            }
        }
        if (v.required("processing_time", p.processingTime())) {
            Procedure.ProcessingTime time = p.processingTime();
            v.required("processing_time.uncertain", time.uncertain());
            if (time.workingDays() != null && (time.workingDays() < 0 || time.workingDays() > 365)) {
                v.add("processing_time.working_days", "must be between 0 and 365");
            }
            if (Boolean.TRUE.equals(time.uncertain()) && time.workingDays() != null) {
                v.add("processing_time.working_days",
                      "must be left out while processing_time.uncertain is true (never show an unverified figure)");
            }
            v.text("processing_time.text", time.text(), MAX_TEXT);
            if (Boolean.TRUE.equals(time.uncertain())) {
                v.sendsToDesk("processing_time.text", time.text());
            }
        }
        if (v.required("online", p.online())) {
            if (v.nonEmpty("online.channels", p.online().channels())) {
                for (int i = 0; i < p.online().channels().size(); i++) {
                    if (!CHANNELS.contains(p.online().channels().get(i))) {
                        v.add("online.channels[" + i + "]", "must be one of " + sorted(CHANNELS));
                    }
                }
            }
            v.text("online.text", p.online().text(), MAX_TEXT);
        }
        if (v.required("portal_code", p.portalCode()) && !PORTAL_CODE.matcher(p.portalCode()).matches()) {
            v.add("portal_code", "must be a national procedure code like \"1.001193\" (quote it in YAML)");
        }
        if (v.nonEmpty("legal_basis", p.legalBasis())) {
            for (int i = 0; i < p.legalBasis().size(); i++) {
                v.legalBasis("legal_basis[" + i + "]", p.legalBasis().get(i));
            }
        }
        if (v.nonEmpty("sources", p.sources())) {
            for (int i = 0; i < p.sources().size(); i++) {
                String at = "sources[" + i + "]";
                Procedure.Source s = p.sources().get(i);
                if (!v.required(at, s)) {
                    continue;
                }
                v.plain(at + ".title", s.title(), 300);
                v.plain(at + ".number", s.number(), 120);
                v.plain(at + ".issuer", s.issuer(), 200);
                v.required(at + ".accessed", s.accessed());
                v.url(at + ".url", s.url());
                v.required(at + ".primary", s.primary());
            }
        }
        if (p.editorNotes() != null && p.editorNotes().length() > 4000) {
            v.add("editor_notes", "must be at most 4000 characters");
        }
        v.intake(p.intake());
        return List.copyOf(v.problems);
    }

    private void intake(List<Procedure.Intake> intake) {
        if (!nonEmpty("intake", intake)) {
            return;
        }
        Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < intake.size(); i++) {
            String at = "intake[" + i + "]";
            Procedure.Intake f = intake.get(i);
            if (!required(at, f)) {
                continue;
            }
            if (required(at + ".name", f.name())) {
                if (!SNAKE.matcher(f.name()).matches()) {
                    add(at + ".name", "must be snake_case (a-z, 0-9, _)");
                } else if (!seen.add(f.name())) {
                    add(at + ".name", "'" + f.name() + "' appears twice");
                }
            }
            if (required(at + ".type", f.type()) && !FIELD_TYPES.contains(f.type())) {
                add(at + ".type", "must be one of " + sorted(FIELD_TYPES));
            }
            required(at + ".required", f.required());
            if (required(at + ".max_length", f.maxLength()) && (f.maxLength() < 1 || f.maxLength() > 1000)) {
                add(at + ".max_length", "must be between 1 and 1000");
            }
            text(at + ".purpose", f.purpose(), MAX_TEXT);
            text(at + ".question", f.question(), MAX_TEXT);
            if ("choice".equals(f.type())) {
                if (nonEmpty(at + ".choices", f.choices())) {
                    for (int c = 0; c < f.choices().size(); c++) {
                        Procedure.Choice choice = f.choices().get(c);
                        String cat = at + ".choices[" + c + "]";
                        if (required(cat, choice)) {
                            if (required(cat + ".value", choice.value()) && !SNAKE.matcher(choice.value()).matches()) {
                                add(cat + ".value", "must be snake_case (a-z, 0-9, _)");
                            }
                            text(cat + ".label", choice.label(), MAX_NAME);
                            if (choice.words() != null) {
                                text(cat + ".words", choice.words(), MAX_TEXT);
                            }
                        }
                    }
                }
            }
        }
    }

    static List<Problem> office(Office o) {
        Validation v = new Validation();
        v.required("demo", o.demo());
        v.plain("ward_id", o.wardId(), 64);
        if (v.required("case_code_prefix", o.caseCodePrefix()) && !o.caseCodePrefix().matches("[A-Z]{1,4}")) {
            v.add("case_code_prefix", "must be 1 to 4 capital letters");
        }
        v.text("name", o.name(), MAX_NAME);
        v.text("address", o.address(), MAX_TEXT);
        v.text("desk", o.desk(), MAX_NAME);
        v.plain("phone", o.phone(), 40);
        v.plain("email", o.email(), 120);
        v.plain("map_url", o.mapUrl(), 500);
        if (v.plain("timezone", o.timezone(), 64)) {
            try {
                java.time.ZoneId.of(o.timezone());
            } catch (java.time.DateTimeException e) {
                v.add("timezone", "'" + o.timezone() + "' is not a time zone (e.g. Asia/Ho_Chi_Minh)");
            }
        }
        if (v.required("hours", o.hours())) {
            for (Map.Entry<String, List<Office.Interval>> day : o.hours().entrySet()) {
                if (!WEEKDAYS.contains(day.getKey())) {
                    v.add("hours." + day.getKey(), "is not a weekday (monday … sunday)");
                }
            }
            for (String day : WEEKDAYS) {
                List<Office.Interval> intervals = o.hours().get(day);
                if (!v.required("hours." + day, intervals)) {
                    continue;
                }
                String last = "00:00";
                for (int i = 0; i < intervals.size(); i++) {
                    Office.Interval interval = intervals.get(i);
                    String at = "hours." + day + "[" + i + "]";
                    if (!v.required(at, interval)) {
                        continue;
                    }
                    boolean open = v.time(at + ".open", interval.open());
                    boolean close = v.time(at + ".close", interval.close());
                    if (open && close) {
                        if (interval.open().compareTo(interval.close()) >= 0) {
                            v.add(at, "open must be before close");
                        } else if (interval.open().compareTo(last) < 0) {
                            v.add(at, "intervals must be in order and must not overlap");
                        }
                        last = interval.close();
                    }
                }
            }
        }
        if (o.holidays() != null) {
            for (int i = 0; i < o.holidays().size(); i++) {
                Office.Holiday h = o.holidays().get(i);
                String at = "holidays[" + i + "]";
                if (v.required(at, h)) {
                    v.required(at + ".date", h.date());
                    v.text(at + ".name", h.name(), MAX_NAME);
                }
            }
        }
        return List.copyOf(v.problems);
    }

    static List<Problem> notice(Notice n) {
        Validation v = new Validation();
        v.plain("version", n.version(), 40);
        v.required("effective", n.effective());
        v.text("controller", n.controller(), MAX_TEXT);
        v.text("contact", n.contact(), MAX_TEXT);
        v.text("short", n.shortText(), MAX_SHORT_NOTICE);
        v.text("full", n.full(), 20_000);
        return List.copyOf(v.problems);
    }

    /** config/provinces/&lt;id&gt;/province.yaml (which procedure fields a province may set is checked on loading). */
    static List<Problem> province(WardFolders.ProvinceFile p) {
        Validation v = new Validation();
        v.required("demo", p.demo());
        v.text("name", p.name(), MAX_NAME);
        return List.copyOf(v.problems);
    }

    /** config/wards/&lt;id&gt;/ward.yaml. */
    static List<Problem> ward(WardFolders.WardFile w) {
        Validation v = new Validation();
        v.required("demo", w.demo());
        v.plain("province", w.province(), 64);
        v.text("name", w.name(), MAX_NAME);
        return List.copyOf(v.problems);
    }

    private void legalBasis(String at, Procedure.LegalBasis basis) {
        if (!required(at, basis)) {
            return;
        }
        plain(at + ".title", basis.title(), 300);
        plain(at + ".number", basis.number(), 60);
        plain(at + ".issuer", basis.issuer(), 120);
        if (basis.articles() != null && basis.articles().length() > 200) {
            add(at + ".articles", "must be at most 200 characters");
        }
        // A basis seen only in secondary sources may lack its start date; it is then listed as uncertain.
        boolean from = Boolean.TRUE.equals(basis.uncertain()) && basis.inForceFrom() == null
                       || required(at + ".in_force_from", basis.inForceFrom());
        if (from && basis.inForceFrom() != null && basis.inForceUntil() != null
            && !basis.inForceUntil().isAfter(basis.inForceFrom())) {
            add(at + ".in_force_until", "must be after in_force_from");
        }
        if (basis.replacedBy() != null && (basis.replacedBy().isBlank() || basis.replacedBy().length() > 120)) {
            add(at + ".replaced_by", "must be a document number of at most 120 characters");
        }
        url(at + ".url", basis.url());
    }

    private void url(String field, String value) {
        if (value != null && !(value.startsWith("https://") || value.startsWith("http://"))) {
            add(field, "must start with https:// or http://");
        }
    }

    /** An uncertain figure's text must itself send the citizen to the desk, in both languages. */
    private void sendsToDesk(String field, Procedure.Text text) {
        if (text == null) {
            return;
        }
        if (text.vi() != null && !sendsToDesk(text.vi(), Lang.VI)) {
            add(field + ".vi", "while uncertain it must say \"vui lòng xác nhận tại quầy\"");
        }
        if (text.en() != null && !sendsToDesk(text.en(), Lang.EN)) {
            add(field + ".en", "while uncertain it must say \"please confirm at the desk\"");
        }
    }

    private boolean time(String field, String value) {
        if (!required(field, value)) {
            return false;
        }
        if (!TIME.matcher(value).matches()) {
            add(field, "must be a time \"HH:MM\" (quote it in YAML)");
            return false;
        }
        return true;
    }

    private void text(String field, Procedure.Text text, int max) {
        if (text == null) {
            add(field, "is required (with vi and en)");
            return;
        }
        if (text.vi() == null || text.vi().isBlank()) {
            add(field + ".vi", "Vietnamese text is required");
        } else if (text.vi().length() > max) {
            add(field + ".vi", "must be at most " + max + " characters (has " + text.vi().length() + ")");
        }
        if (text.en() == null || text.en().isBlank()) {
            add(field + ".en", "English text is required");
        } else if (text.en().length() > max) {
            add(field + ".en", "must be at most " + max + " characters (has " + text.en().length() + ")");
        }
    }

    private boolean plain(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            add(field, "is required");
            return false;
        }
        if (value.length() > max) {
            add(field, "must be at most " + max + " characters");
            return false;
        }
        return true;
    }

    private boolean required(String field, Object value) {
        if (value == null) {
            add(field, "is required");
            return false;
        }
        if (value instanceof String s && s.isBlank()) {
            add(field, "must not be empty");
            return false;
        }
        return true;
    }

    private boolean nonEmpty(String field, List<?> list) {
        if (list == null || list.isEmpty()) {
            add(field, "needs at least one entry");
            return false;
        }
        return true;
    }

    private void add(String field, String problem) {
        problems.add(new Problem(field, problem));
    }

    private static String sorted(Set<String> values) {
        return String.join(", ", new java.util.TreeSet<>(values));
    }
}
