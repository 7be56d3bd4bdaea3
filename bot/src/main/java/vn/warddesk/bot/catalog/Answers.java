package vn.warddesk.bot.catalog;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import vn.warddesk.bot.catalog.Catalog.Answer;
import vn.warddesk.bot.catalog.Catalog.FollowUp;

/**
 * Composes the short answers citizens read, one per aspect, from a procedure's texts. An answer (text plus items)
 * stays within {@link Validation#MAX_ANSWER} characters: optional parts (notes, late fines) are left out first.
 */
final class Answers {
    static final String CONFIRM_VI = "vui lòng xác nhận tại quầy";
    static final String CONFIRM_EN = "please confirm at the desk";
    /**
     * The National Public Service Portal's procedure search, filtered by the national procedure code (the link form
     * the portal itself uses for its procedure lists).
     */
    static final String PORTAL_SEARCH = "https://dichvucong.gov.vn/p/home/dvc-danh-sach-dich-vu-cong.html?ma_tt=";

    private static final Map<String, String[]> ASPECT_LABELS = Map.of(
            "general", new String[] {"Thông tin chung", "Overview"},
            "documents", new String[] {"Giấy tờ cần nộp", "Documents"},
            "fee", new String[] {"Lệ phí", "Fee"},
            "processing_time", new String[] {"Thời gian giải quyết", "Processing time"},
            "eligibility", new String[] {"Ai được làm", "Who can apply"},
            "online", new String[] {"Nộp trực tuyến", "Online"},
            "apply", new String[] {"Nộp yêu cầu", "Apply"});
    private static final Map<String, String[]> KINDS = Map.of(
            "original", new String[] {"bản chính", "original"},
            "copy", new String[] {"bản sao", "copy"},
            "certified_copy", new String[] {"bản sao có chứng thực", "certified copy"},
            "show_original", new String[] {"xuất trình bản chính", "show the original"},
            "form", new String[] {"tờ khai", "form"});
    private static final Map<String, String[]> CHANNELS = Map.of(
            "desk", new String[] {"Tại Trung tâm Phục vụ hành chính công của xã/phường",
                                  "At the commune/ward Public Administration Service Centre"},
            "portal", new String[] {"Cổng Dịch vụ công quốc gia (dichvucong.gov.vn)",
                                    "National Public Service Portal (dichvucong.gov.vn)"},
            "vneid", new String[] {"Ứng dụng VNeID", "The VNeID app"},
            "post", new String[] {"Qua bưu chính", "By post"});

    private Answers() {
    }

    /**
     * The answer for one aspect, ending with when the facts were checked and who decides
     * ("Cập nhật/kiểm tra ngày 06/12/2026 · Cơ quan giải quyết: UBND xã/phường."), kept whatever else is shortened.
     */
    static Answer answer(Procedure p, String aspect, Lang lang, Office office) {
        return switch (aspect) {
            case "general" -> fit(p.summary().in(lang), List.of(), followUps(p, aspect, lang), footer(p, lang));
            case "documents" -> documents(p, lang);
            case "fee" -> fee(p, lang);
            case "processing_time" -> processingTime(p, lang);
            case "eligibility" -> eligibility(p, lang);
            case "online" -> fit(p.online().text().in(lang), onlineItems(p, lang), followUps(p, aspect, lang),
                                 footer(p, lang));
            case "apply" -> apply(p, lang, office);
            default -> throw new IllegalArgumentException("unknown aspect " + aspect);
        };
    }

    /** The channels, then the national procedure code with its portal link (marked when the code is unconfirmed). */
    private static List<String> onlineItems(Procedure p, Lang lang) {
        List<String> items = new ArrayList<>(p.online().channels().stream().map(c -> label(CHANNELS, c, lang)).toList());
        if (p.portalCode() != null) {
            boolean unsure = Boolean.TRUE.equals(p.portalCodeUncertain());
            items.add(lang == Lang.EN
                      ? "National procedure code " + p.portalCode() + (unsure ? " (to be confirmed)" : "") + ": " + portalUrl(p.portalCode())
                      : "Mã thủ tục quốc gia " + p.portalCode() + (unsure ? " (chưa xác nhận)" : "") + ": " + portalUrl(p.portalCode()));
        }
        return items;
    }

    static String portalUrl(String code) {
        return PORTAL_SEARCH + code;
    }

    /** "Cập nhật/kiểm tra ngày 06/12/2026 · Cơ quan giải quyết: Công an xã/phường." */
    static String footer(Procedure p, Lang lang) {
        return lang == Lang.EN
               ? "Checked on " + Dates.in(p.reviewed(), lang) + " · Handled by: " + p.authority().en() + "."
               : "Cập nhật/kiểm tra ngày " + Dates.in(p.reviewed(), lang) + " · Cơ quan giải quyết: " + p.authority().vi() + ".";
    }

    private static Answer eligibility(Procedure p, Lang lang) {
        StringBuilder text = new StringBuilder(p.eligibility().in(lang));
        if (Boolean.TRUE.equals(p.eligibilityUncertain())) {
            appendConfirm(text, lang, "Điều kiện cụ thể: ", "Exact conditions: ");
        }
        return fit(text.toString(), List.of(), followUps(p, "eligibility", lang), footer(p, lang));
    }

    static String aspectLabel(String aspect, Lang lang) {
        return label(ASPECT_LABELS, aspect, lang);
    }

    static String kindLabel(String kind, Lang lang) {
        return label(KINDS, kind, lang);
    }

    private static Answer documents(Procedure p, Lang lang) {
        String intro = lang == Lang.EN ? "Papers for " + lower(p.name().en()) + ":" : "Giấy tờ cần chuẩn bị để " + lower(p.name().vi()) + ":";
        List<FollowUp> followUps = followUps(p, "documents", lang);
        String footer = footer(p, lang);
        Answer full = new Answer(intro + "\n" + footer, p.documents().stream().map(d -> document(d, lang, true)).toList(),
                                 followUps);
        if (length(full) <= Validation.MAX_ANSWER) {
            return full;
        }
        // Notes are the first thing to go: the list of papers itself is what a citizen must not miss.
        String more = lang == Lang.EN ? " Ask at the desk about special cases." : " Trường hợp đặc biệt, vui lòng hỏi tại quầy.";
        return fit(intro + more, p.documents().stream().map(d -> document(d, lang, false)).toList(), followUps, footer);
    }

    private static String document(Procedure.Document d, Lang lang, boolean withNote) {
        int count = d.count() == null ? 1 : d.count();
        String text = d.text().in(lang);
        List<String> details = new ArrayList<>();
        String kind = kindLabel(d.kind(), lang);
        if (!text.toLowerCase(Locale.ROOT).contains("(" + kind.toLowerCase(Locale.ROOT) + ")")) {
            details.add(kind); // editors often write "(bản chính)" into the text already
        }
        if (count > 1) {
            details.add(lang == Lang.EN ? count + " copies" : count + " bản");
        }
        String line = details.isEmpty() ? text : text + " (" + String.join(", ", details) + ")";
        if (Boolean.TRUE.equals(d.uncertain())) {
            // Kept even when notes are dropped: an unconfirmed paper must never read as a confirmed requirement.
            if (!Validation.sendsToDesk(line, lang)) {
                line += lang == Lang.EN ? " — " + CONFIRM_EN : " — " + CONFIRM_VI;
            }
        }
        return withNote && d.note() != null ? line + ". " + d.note().in(lang) : line;
    }

    private static Answer fee(Procedure p, Lang lang) {
        Procedure.Fee fee = p.fee();
        StringBuilder text = new StringBuilder();
        boolean uncertain = Boolean.TRUE.equals(fee.uncertain());
        if (!uncertain && fee.amountVnd() != null) {
            if (fee.amountVnd() == 0) {
                text.append(lang == Lang.EN ? "Fee: free. " : "Lệ phí: miễn phí. ");
            } else {
                text.append(lang == Lang.EN ? "Fee: " + NumberFormat.getIntegerInstance(Locale.ENGLISH).format(fee.amountVnd()) + " VND. "
                                            : "Lệ phí: " + NumberFormat.getIntegerInstance(Locale.forLanguageTag("vi")).format(fee.amountVnd()) + " đồng. ");
            }
        }
        text.append(fee.text().in(lang));
        if (uncertain) {
            appendConfirm(text, lang, "Mức lệ phí: ", "Exact fee: ");
        }
        String base = text.toString();
        String footer = footer(p, lang);
        List<FollowUp> followUps = followUps(p, "fee", lang);
        if (fee.lateFine() != null) {
            String withFine = base + "\n" + fee.lateFine().in(lang) + "\n" + footer;
            if (withFine.length() <= Validation.MAX_ANSWER) {
                return new Answer(withFine, List.of(), followUps);
            }
        }
        return fit(base, List.of(), followUps, footer);
    }

    private static Answer processingTime(Procedure p, Lang lang) {
        Procedure.ProcessingTime time = p.processingTime();
        StringBuilder text = new StringBuilder();
        boolean uncertain = Boolean.TRUE.equals(time.uncertain());
        if (!uncertain && time.workingDays() != null) {
            if (time.workingDays() == 0) {
                text.append(lang == Lang.EN ? "Processing time: the same working day. " : "Thời gian giải quyết: trong ngày làm việc. ");
            } else {
                text.append(lang == Lang.EN ? "Processing time: " + time.workingDays() + " working day" + (time.workingDays() > 1 ? "s" : "") + ". "
                                            : "Thời gian giải quyết: " + time.workingDays() + " ngày làm việc. ");
            }
        }
        text.append(time.text().in(lang));
        if (uncertain) {
            appendConfirm(text, lang, "Thời gian cụ thể: ", "Exact time: ");
        }
        return fit(text.toString(), List.of(), followUps(p, "processing_time", lang), footer(p, lang));
    }

    /** Uncertain figures are never stated: the citizen is sent to the desk instead (unless the text already does). */
    private static void appendConfirm(StringBuilder text, Lang lang, String viLead, String enLead) {
        if (!Validation.sendsToDesk(text.toString(), lang)) {
            text.append(' ').append(lang == Lang.EN ? enLead + CONFIRM_EN : viLead + CONFIRM_VI).append('.');
        }
    }

    private static Answer apply(Procedure p, Lang lang, Office office) {
        String text = lang == Lang.EN
                ? "You can start a request for " + p.name().en() + " right here: after you agree to the privacy notice, "
                  + "WardDesk asks a few details (" + fieldsSummary(p, lang) + ") so that an officer can book your "
                  + "appointment and call you back. Or come to the " + office.desk().en() + " with your papers."
                : "Bạn có thể bắt đầu yêu cầu " + lower(p.name().vi()) + " ngay tại đây: sau khi bạn đồng ý với thông báo "
                  + "bảo vệ dữ liệu cá nhân, WardDesk hỏi vài thông tin (" + fieldsSummary(p, lang) + ") để cán bộ đặt "
                  + "lịch hẹn và liên hệ lại. Bạn cũng có thể mang giấy tờ đến " + office.desk().vi() + ".";
        List<FollowUp> followUps = List.of(
                new FollowUp(lang == Lang.EN ? "Start a request" : "Bắt đầu nộp yêu cầu", "start:" + p.id()),
                new FollowUp(aspectLabel("documents", lang), "ask:" + p.id() + ":documents"),
                new FollowUp(lang == Lang.EN ? "Talk to staff" : "Gặp cán bộ", "staff"));
        return fit(text, List.of(), followUps, footer(p, lang));
    }

    private static String fieldsSummary(Procedure p, Lang lang) {
        List<String> names = new ArrayList<>();
        for (Procedure.Intake field : p.intake()) {
            names.add(switch (field.type()) {
                case "name" -> lang == Lang.EN ? "your name" : "tên";
                case "phone" -> lang == Lang.EN ? "a phone number" : "số điện thoại";
                case "date" -> lang == Lang.EN ? "a day to come" : "ngày muốn đến";
                default -> lang == Lang.EN ? "a short note" : "ghi chú ngắn";
            });
        }
        return String.join(", ", names.stream().distinct().toList());
    }

    /** Buttons under an answer: the other aspects, then start a request, then a member of staff. */
    static List<FollowUp> followUps(Procedure p, String current, Lang lang) {
        List<FollowUp> buttons = new ArrayList<>();
        for (String aspect : Catalog.ASPECTS) {
            if (!aspect.equals(current) && !aspect.equals("apply")) {
                buttons.add(new FollowUp(aspectLabel(aspect, lang), "ask:" + p.id() + ":" + aspect));
            }
        }
        buttons.add(new FollowUp(lang == Lang.EN ? "Start a request" : "Bắt đầu nộp yêu cầu", "start:" + p.id()));
        buttons.add(new FollowUp(lang == Lang.EN ? "Talk to staff" : "Gặp cán bộ", "staff"));
        return List.copyOf(buttons);
    }

    /**
     * Keeps an answer within the limit, the footer (checked date, authority) always last and never cut; the validation
     * limits make cutting the text a last resort.
     */
    private static Answer fit(String text, List<String> items, List<FollowUp> followUps, String footer) {
        Answer answer = new Answer(text + "\n" + footer, List.copyOf(items), followUps);
        if (length(answer) <= Validation.MAX_ANSWER) {
            return answer;
        }
        int room = Math.max(100, Validation.MAX_ANSWER - footer.length() - 1
                                 - items.stream().mapToInt(i -> i.length() + 1).sum());
        String cut = (text.length() > room ? text.substring(0, room - 1).strip() + "…" : text) + "\n" + footer;
        List<String> kept = new ArrayList<>();
        int used = cut.length();
        for (String item : items) {
            if (used + item.length() + 1 > Validation.MAX_ANSWER) {
                break;
            }
            kept.add(item);
            used += item.length() + 1;
        }
        return new Answer(cut, List.copyOf(kept), followUps);
    }

    /** What the citizen reads: the text and one line per item. */
    static int length(Answer answer) {
        return answer.text().length() + answer.items().stream().mapToInt(i -> i.length() + 1).sum();
    }

    private static String label(Map<String, String[]> labels, String key, Lang lang) {
        String[] pair = labels.get(key);
        return pair == null ? key : pair[lang == Lang.EN ? 1 : 0];
    }

    /** "Đăng ký khai sinh" reads "đăng ký khai sinh" in the middle of a sentence. */
    private static String lower(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
