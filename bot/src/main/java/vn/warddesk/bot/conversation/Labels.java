package vn.warddesk.bot.conversation;

import java.util.Map;

import vn.warddesk.bot.catalog.Catalog;
import vn.warddesk.bot.catalog.Catalog.IntakeField;

/** Display names of intents, aspects, intake fields, case statuses and consent decisions, in the turn's language. */
final class Labels {
    private static final Map<String, String[]> DIALOGUE = Map.ofEntries(
            Map.entry("greeting", new String[]{"Chào hỏi", "Greeting"}),
            Map.entry("thanks", new String[]{"Cảm ơn", "Thanks"}),
            Map.entry("goodbye", new String[]{"Tạm biệt", "Goodbye"}),
            Map.entry("affirm", new String[]{"Đồng ý", "Yes"}),
            Map.entry("deny", new String[]{"Không", "No"}),
            Map.entry("talk_to_staff", new String[]{"Gặp cán bộ", "Talk to staff"}),
            Map.entry("office_hours", new String[]{"Giờ làm việc", "Office hours"}),
            Map.entry("office_location", new String[]{"Địa chỉ, nơi nộp hồ sơ", "Office location"}),
            Map.entry("case_status", new String[]{"Tra cứu hồ sơ", "Case status"}),
            Map.entry("privacy_info", new String[]{"Bảo vệ dữ liệu cá nhân", "Privacy information"}),
            Map.entry("my_data", new String[]{"Xem dữ liệu của tôi", "My data"}),
            Map.entry("delete_my_data", new String[]{"Rút đồng ý, xoá dữ liệu", "Withdraw consent / delete"}));
    private static final Map<String, String[]> ASPECTS = Map.of(
            "general", new String[]{"Thông tin chung", "Overview"},
            "documents", new String[]{"Giấy tờ cần mang", "Documents"},
            "fee", new String[]{"Lệ phí", "Fee"},
            "processing_time", new String[]{"Thời gian giải quyết", "Processing time"},
            "eligibility", new String[]{"Ai được làm", "Who can apply"},
            "online", new String[]{"Nộp trực tuyến", "Apply online"},
            "apply", new String[]{"Đặt lịch nộp hồ sơ", "Book an appointment"});
    private static final Map<String, String[]> FIELDS = Map.of(
            "contact_name", new String[]{"Họ tên", "Name"},
            "phone", new String[]{"Số điện thoại", "Phone"},
            "preferred_day", new String[]{"Ngày muốn đến", "Preferred day"},
            "details", new String[]{"Ghi chú", "Notes"},
            "request_kind", new String[]{"Loại yêu cầu", "Kind of request"});

    private Labels() {
    }

    static String intent(Catalog catalog, Turn t, String intent) {
        return catalog.procedures(t.lang()).stream().filter(p -> p.id().equals(intent))
                .map(Catalog.ProcedureSummary::name).findFirst()
                .orElseGet(() -> pick(DIALOGUE, intent, t));
    }

    static String aspect(Turn t, String aspect) {
        return pick(ASPECTS, aspect, t);
    }

    static String field(Turn t, IntakeField f) {
        return pick(FIELDS, f.name(), t);
    }

    static String status(Turn t, String status) {
        return switch (status) {
            case "new" -> t.t("đã tiếp nhận, đang chờ cán bộ", "received, waiting for an officer");
            case "claimed" -> t.t("cán bộ đang xử lý", "an officer is working on it");
            case "waiting" -> t.t("đang chờ xử lý tiếp", "waiting for further handling");
            case "resolved" -> t.t("đã giải quyết", "resolved");
            case "withdrawn" -> t.t("đã rút theo yêu cầu của bạn", "withdrawn at your request");
            default -> status;
        };
    }

    static String decision(Turn t, String decision) {
        return switch (decision) {
            case "agree" -> t.t("đồng ý", "agreed");
            case "decline" -> t.t("không đồng ý", "declined");
            default -> t.t("rút lại đồng ý", "withdrawn");
        };
    }

    private static String pick(Map<String, String[]> labels, String key, Turn t) {
        String[] l = labels.get(key);
        return l == null ? key : l[t.vi() ? 0 : 1];
    }
}
