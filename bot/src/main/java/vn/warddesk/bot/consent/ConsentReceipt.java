package vn.warddesk.bot.consent;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vn.warddesk.bot.catalog.Catalog;
import vn.warddesk.bot.text.Texts;

/**
 * A consent receipt modelled on the Kantara Initiative Consent Receipt Specification 1.1: who agreed (a pseudonymous
 * reference, not a name), to which controller, for which purpose, under which notice (version + SHA-256 of the text
 * shown), when, how, and how to withdraw. Built as a JSON-ready map and as a printable HTML page.
 */
public final class ConsentReceipt {
    private ConsentReceipt() {
    }

    /** The receipt for the conversation's latest agreement, or empty when it never agreed. */
    public static Optional<Map<String, Object>> of(Connection c, String conversationId, Catalog.OfficeInfo office,
                                                   String policyUrl) throws SQLException {
        List<ConsentLog.Event> history = ConsentLog.history(c, conversationId);
        Optional<ConsentLog.Event> agreed = history.stream().filter(ConsentLog.Event::agreed).reduce((a, b) -> b);
        if (agreed.isEmpty()) {
            return Optional.empty();
        }
        ConsentLog.Event e = agreed.get();
        Optional<ConsentLog.Event> withdrawn = history.stream()
                .filter(x -> "withdraw".equals(x.decision()) && x.id() > e.id()).findFirst();
        Map<String, Object> receipt = new LinkedHashMap<>();
        receipt.put("version", "KI-CR-v1.1.0");
        receipt.put("jurisdiction", "VN");
        receipt.put("consentTimestamp", e.at().getEpochSecond());
        receipt.put("collectionMethod", ("typed".equals(e.method()) ? "typed agreement" : "button press")
                                        + " in the WardDesk assistant (" + e.channel() + ")");
        receipt.put("consentReceiptID", "WD-CR-" + e.id());
        receipt.put("language", "vi");
        receipt.put("piiPrincipalId", "conversation:" + ConsentLog.sha256(conversationId).substring(0, 16));
        Map<String, Object> controller = new LinkedHashMap<>();
        controller.put("piiController", office.name());
        controller.put("wardId", office.wardId());
        controller.put("onBehalf", false);
        receipt.put("piiControllers", List.of(controller));
        receipt.put("policyUrl", policyUrl);
        receipt.put("notice", Map.of("version", e.noticeVersion(), "sha256", e.noticeSha256()));
        Map<String, Object> purpose = new LinkedHashMap<>();
        purpose.put("purpose", "Handle the citizen's request at the ward: open a case, book an appointment, contact back");
        purpose.put("purposeCategory", List.of("service provision"));
        purpose.put("consentType", "EXPLICIT");
        purpose.put("piiCategory", List.of("name", "phone number", "preferred appointment day", "short description"));
        purpose.put("primaryPurpose", true);
        purpose.put("termination", "at most 180 days after the case is closed, or on withdrawal");
        purpose.put("thirdPartyDisclosure", false);
        receipt.put("services", List.of(Map.of("service", "WardDesk request intake", "purposes", List.of(purpose))));
        receipt.put("sensitive", false);
        receipt.put("spiCat", List.of());
        Map<String, Object> withdrawal = new LinkedHashMap<>();
        withdrawal.put("howTo", "Type \"tôi rút lại sự đồng ý\" / \"withdraw my consent\" in the conversation, or ask at"
                                + " the Public Administration Service Centre.");
        withdrawal.put("withdrawn", withdrawn.isPresent());
        withdrawal.put("withdrawnAt", withdrawn.map(w -> w.at().toString()).orElse(null));
        receipt.put("withdrawal", withdrawal);
        List<Map<String, Object>> events = new ArrayList<>();
        for (ConsentLog.Event x : history) {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("decision", x.decision());
            event.put("method", x.method());
            event.put("noticeVersion", x.noticeVersion());
            event.put("at", x.at().toString());
            events.add(event);
        }
        receipt.put("events", events);
        return Optional.of(receipt);
    }

    /** A printable page, labelled in both languages ("Vietnamese / English"); every value is HTML-escaped. */
    @SuppressWarnings("unchecked")
    public static String html(Map<String, Object> receipt, ZoneId zone, Texts vi, Texts en) {
        DateTimeFormatter format = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");
        String when = java.time.Instant.ofEpochSecond((Long) receipt.get("consentTimestamp")).atZone(zone).format(format);
        Map<String, Object> controller = ((List<Map<String, Object>>) receipt.get("piiControllers")).get(0);
        Map<String, Object> notice = (Map<String, Object>) receipt.get("notice");
        Map<String, Object> withdrawal = (Map<String, Object>) receipt.get("withdrawal");
        StringBuilder rows = new StringBuilder();
        row(rows, both(vi, en, "receipt.id"), receipt.get("consentReceiptID"));
        row(rows, both(vi, en, "receipt.time"), when);
        row(rows, both(vi, en, "receipt.controller"), controller.get("piiController"));
        row(rows, both(vi, en, "receipt.principal"), receipt.get("piiPrincipalId"));
        row(rows, both(vi, en, "receipt.purpose"), both(vi, en, "receipt.purpose_value"));
        row(rows, both(vi, en, "receipt.data"), both(vi, en, "receipt.data_value"));
        row(rows, both(vi, en, "receipt.method"), receipt.get("collectionMethod"));
        row(rows, both(vi, en, "receipt.notice_version"), notice.get("version"));
        row(rows, both(vi, en, "receipt.notice_sha256"), notice.get("sha256"));
        row(rows, both(vi, en, "receipt.sensitive"), both(vi, en, "receipt.sensitive_value"));
        row(rows, both(vi, en, "receipt.withdrawal"), withdrawal.get("howTo"));
        if (Boolean.TRUE.equals(withdrawal.get("withdrawn"))) {
            row(rows, both(vi, en, "receipt.withdrawn_at"), withdrawal.get("withdrawnAt"));
        }
        return "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>" + escape(vi.get("receipt.title"))
               + "</title>"
               + "<style>body{font-family:sans-serif;max-width:42em;margin:2em auto}th{text-align:left;padding-right:1em;"
               + "vertical-align:top}td{word-break:break-all}@media print{button{display:none}}</style></head><body>"
               + "<h1>" + escape(vi.get("receipt.heading")) + "</h1><p>" + escape(en.get("receipt.heading"))
               + "</p><table>"
               + rows + "</table><p><button onclick=\"window.print()\">" + escape(both(vi, en, "receipt.print"))
               + "</button></p></body></html>";
    }

    /** "Vietnamese / English": the receipt is one page for both. */
    private static String both(Texts vi, Texts en, String key) {
        return vi.get(key) + " / " + en.get(key);
    }

    private static void row(StringBuilder rows, String label, Object value) {
        rows.append("<tr><th>").append(escape(label)).append("</th><td>").append(escape(String.valueOf(value)))
                .append("</td></tr>");
    }

    private static String escape(String text) {
        return vn.warddesk.bot.http.HttpJson.escapeHtml(text);
    }
}
