package vn.warddesk.bot;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientRequest;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import vn.warddesk.bot.catalog.Catalog;
import vn.warddesk.bot.catalog.Lang;
import vn.warddesk.bot.testing.MutableClock;
import vn.warddesk.bot.testing.TestDatabase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whole conversations through the web/kiosk API on a real MariaDB, with the real catalog and NLU models. */
@ServerTest
class ConversationApiTest {
    static final String ADMIN = "test-admin-token-engine";
    /** Tuesday 1 Dec 2026, 09:00 in Vietnam: the office is open, tomorrow is a working day. */
    static final Instant START = Instant.parse("2026-12-01T02:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static HikariDataSource pool;
    private static Features features;
    private static final MutableClock CLOCK = new MutableClock(START);

    private final Http1Client client;

    ConversationApiTest(Http1Client client) {
        this.client = client;
    }

    static Config config() {
        return Config.just(ConfigSources.create(Map.of(
                "catalog.dir", "../config/catalog",
                "catalog.refresh-interval", "PT0S",
                "admin.token", ADMIN,
                "conversation.public-base-url", "https://ward.example",
                "conversation.status-lookups-per-minute", "1000")));
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        pool = TestDatabase.fresh("conversation_api");
        features = Features.create(WardDeskSettings.read(config()), pool, CLOCK);
        server.maxPayloadSize(262_144);
        Main.configureServer(server, features);
    }

    @AfterAll
    static void close() {
        features.close();
        pool.close();
    }

    // ---- answers ----

    @Test
    void questions_in_accented_and_unaccented_vietnamese_and_in_english_are_answered_by_aspect() throws Exception {
        Catalog catalog = features.catalog();
        String vi = catalog.answer("birth_registration", "documents", Lang.VI).orElseThrow().text();
        String en = catalog.answer("birth_registration", "documents", Lang.EN).orElseThrow().text();
        String fee = catalog.answer("marriage_registration", "fee", Lang.VI).orElseThrow().text();

        Chat accented = start("kiosk", "vi");
        assertTrue(accented.say("đăng ký khai sinh cần giấy tờ gì").path("replies").get(0).path("text").asText()
                           .startsWith(vi));
        assertTrue(accented.say("lệ phí đăng ký kết hôn bao nhiêu").path("replies").get(0).path("text").asText()
                           .startsWith(fee));

        Chat plain = start("web", "vi");
        JsonNode unaccented = plain.say("dang ky khai sinh can giay to gi");
        assertTrue(unaccented.path("replies").get(0).path("text").asText().startsWith(vi));
        assertEquals("answering", unaccented.path("state").asText());
        assertTrue(unaccented.path("replies").get(0).path("buttons").size() > 0, "follow-up buttons");

        Chat english = start("web", "vi");
        JsonNode answer = english.say("What documents do I need to register a birth?");
        assertTrue(answer.path("replies").get(0).path("text").asText().startsWith(en),
                   "answered in English because the citizen wrote English");
    }

    @Test
    void out_of_scope_questions_get_the_office_contact_and_a_staff_button() throws Exception {
        Chat chat = start("web", "vi");
        JsonNode reply = chat.say("thời tiết hôm nay thế nào");
        String text = reply.path("replies").get(0).path("text").asText();
        assertTrue(text.contains(features.catalog().officeLocation(Lang.VI).text()), text);
        assertTrue(actions(reply).contains("staff"));
    }

    // ---- request, consent, intake, case, staff ----

    @Test
    void a_request_asks_consent_first_validates_fields_and_opens_a_case_that_staff_work_to_resolution()
            throws Exception {
        Chat chat = start("kiosk", "vi");
        JsonNode consent = chat.act("start:birth_registration");
        assertEquals("consent", consent.path("state").asText());
        assertTrue(consent.path("expecting").isNull(), "no field is asked before agreeing");
        assertTrue(actions(consent).containsAll(List.of("consent:agree", "consent:decline", "consent:full")));
        assertTrue(consent.path("replies").get(0).path("text").asText()
                          .contains(features.catalog().privacyNotice(Lang.VI).shortText()));
        assertEquals(0, count("SELECT COUNT(*) FROM consent WHERE conversation_id = ?", chat.id));

        JsonNode intake = chat.act("consent:agree");
        assertEquals("intake", intake.path("state").asText());
        assertEquals(1, count("SELECT COUNT(*) FROM consent WHERE conversation_id = ? AND decision = 'agree'", chat.id));
        List<Catalog.IntakeField> fields = features.catalog().intakeFields("birth_registration", Lang.VI);
        JsonNode step = intake;
        for (Catalog.IntakeField field : fields) {
            assertEquals(field.name(), step.path("expecting").path("field").asText());
            assertEquals(field.purpose(), step.path("expecting").path("purpose").asText(), "each question says why");
            if (field.type() == Catalog.FieldType.PHONE) {
                JsonNode wrong = chat.say("123");
                assertEquals(field.name(), wrong.path("expecting").path("field").asText(), "asked again");
                assertFalse(wrong.path("expecting").path("error").asText().isEmpty(), "with a helpful message");
                assertFalse(draft(chat.id).contains("123"));
            }
            if (field.type() == Catalog.FieldType.DATE) {
                JsonNode past = chat.say("hôm qua");
                assertEquals(field.name(), past.path("expecting").path("field").asText(), "a past day is refused");
                JsonNode sunday = chat.say("6/12/2026");
                assertEquals(field.name(), sunday.path("expecting").path("field").asText(), "a closed day is refused");
                assertTrue(sunday.path("expecting").path("error").asText().contains("06/12/2026"),
                           sunday.path("expecting").toString());
            }
            step = field.required() ? chat.say(answerFor(field)) : chat.act("skip");
        }
        assertEquals("confirm", step.path("state").asText());
        assertTrue(step.path("replies").get(0).path("text").asText().contains("Nguyễn Thị Ánh Tuyết"));
        assertTrue(actions(step).contains("confirm"));
        assertTrue(actions(step).stream().anyMatch(a -> a.startsWith("edit:")));

        JsonNode done = chat.act("confirm");
        String code = done.path("caseCode").asText();
        assertTrue(code.matches("PH-\\d{4}-\\d{7}-\\d{7}"), code);
        assertEquals("handed_off", done.path("state").asText());
        String documents = features.catalog().answer("birth_registration", "documents", Lang.VI).orElseThrow().text();
        assertTrue(done.path("replies").get(0).path("text").asText().contains(documents), "what to bring");
        assertEquals("", draft(chat.id), "the draft moved into the case");

        JsonNode list = staff(Method.GET, "/api/v1/staff/cases?status=new&procedure=birth_registration", null);
        assertTrue(list.path("cases").toString().contains(code));
        JsonNode detail = staff(Method.GET, "/api/v1/staff/cases/" + code, null);
        assertEquals("0912345678", detail.path("fields").path("phone").asText());
        assertEquals("agree", detail.path("consent").path("decision").asText());
        assertTrue(detail.path("transcript").size() > 5);

        JsonNode claimed = staff(Method.POST, "/api/v1/staff/cases/" + code + "/claim", "{\"officer\":\"can.bo.lan\"}");
        assertEquals("claimed", claimed.path("status").asText());
        long seen = lastSeq(chat);
        staff(Method.POST, "/api/v1/staff/cases/" + code + "/reply", "{\"text\":\"Chào chị, mời chị đến thứ Tư.\"}");
        JsonNode news = chat.messagesAfter(seen);
        boolean staffReply = false;
        for (JsonNode m : news.path("messages")) {
            staffReply |= "staff".equals(m.path("origin").asText())
                          && "Chào chị, mời chị đến thứ Tư.".equals(m.path("text").asText());
        }
        assertTrue(staffReply, "the staff reply reaches the conversation: " + news);

        JsonNode resolved = staff(Method.POST, "/api/v1/staff/cases/" + code + "/resolve", "{\"outcome\":\"Đã hẹn\"}");
        assertEquals("resolved", resolved.path("status").asText());
        JsonNode status = get("/api/v1/cases/" + code + "/status");
        assertEquals("resolved", status.path("status").asText());
    }

    @Test
    void declining_consent_keeps_no_personal_data_and_still_answers() throws Exception {
        Chat chat = start("web", "vi");
        chat.act("start:marriage_registration");
        JsonNode declined = chat.act("consent:decline");
        assertTrue(declined.path("expecting").isNull());
        assertTrue(declined.path("replies").get(0).path("text").asText()
                           .contains(features.catalog().officeLocation(Lang.VI).text()), "desk address given");
        JsonNode later = chat.say("Nguyễn Văn An 0912345678");
        assertTrue(later.path("expecting").isNull());
        assertEquals("", draft(chat.id));
        assertEquals(0, count("SELECT COUNT(*) FROM case_file WHERE conversation_id = ? AND fields IS NOT NULL", chat.id));
        assertEquals(1, count("SELECT COUNT(*) FROM consent WHERE conversation_id = ? AND decision = 'decline'", chat.id));
        JsonNode answer = chat.say("lệ phí đăng ký kết hôn bao nhiêu");
        assertTrue(answer.path("replies").get(0).path("text").asText()
                         .startsWith(features.catalog().answer("marriage_registration", "fee", Lang.VI).orElseThrow().text()));
    }

    @Test
    void withdrawal_erases_message_texts_and_fields_and_marks_the_handed_off_case_withdrawn() throws Exception {
        Chat chat = start("kiosk", "vi");
        String code = fileRequest(chat);
        JsonNode ask = chat.say("tôi rút lại sự đồng ý");
        assertTrue(actions(ask).containsAll(List.of("erase:confirm", "erase:cancel")), "confirmation first");
        assertEquals(0, count("SELECT COUNT(*) FROM message WHERE conversation_id = ? AND text IS NULL AND action IS NULL",
                              chat.id), "nothing erased before confirming");
        chat.act("erase:confirm");
        assertEquals(0, count("SELECT COUNT(*) FROM message WHERE conversation_id = ? AND text LIKE '%Tuyết%'", chat.id));
        assertEquals(0, count("SELECT COUNT(*) FROM message WHERE conversation_id = ? AND text LIKE '%0912%'", chat.id));
        assertEquals(1, count("SELECT COUNT(*) FROM case_file WHERE code = ? AND status = 'withdrawn' AND fields IS NULL",
                              code));
        assertEquals(1, count("SELECT COUNT(*) FROM consent WHERE conversation_id = ? AND decision = 'withdraw'", chat.id));
        assertEquals(1, count("SELECT COUNT(*) FROM consent WHERE conversation_id = ? AND decision = 'agree'", chat.id),
                     "the agreement stays as proof");
        assertEquals(1, count("SELECT COUNT(*) FROM erasure WHERE conversation_id = ?", chat.id));
        JsonNode detail = staff(Method.GET, "/api/v1/staff/cases/" + code, null);
        assertTrue(detail.path("withdrawn").asBoolean(), "staff see the flag");
        assertEquals(0, detail.path("fields").size());
    }

    @Test
    void my_data_shows_what_is_stored_in_this_conversation() throws Exception {
        Chat chat = start("web", "vi");
        String code = fileRequest(chat);
        String text = chat.say("cho tôi xem dữ liệu của tôi").path("replies").get(0).path("text").asText();
        assertTrue(text.contains(code) && text.contains("Nguyễn Thị Ánh Tuyết") && text.contains("0912345678"), text);
    }

    @Test
    void a_replayed_event_changes_nothing_and_says_nothing() throws Exception {
        Chat chat = start("web", "vi");
        String body = "{\"text\":\"giờ làm việc của phường\",\"eventId\":\"e-1\"}";
        JsonNode first = chat.post(body);
        assertFalse(first.path("replies").isEmpty());
        int messages = count("SELECT COUNT(*) FROM message WHERE conversation_id = ?", chat.id);
        JsonNode again = chat.post(body);
        assertTrue(again.path("duplicate").asBoolean());
        assertTrue(again.path("replies").isEmpty());
        assertEquals(messages, count("SELECT COUNT(*) FROM message WHERE conversation_id = ?", chat.id));
    }

    @Test
    void case_status_in_chat_shows_details_only_to_the_conversation_that_opened_the_case() throws Exception {
        Chat owner = start("web", "vi");
        String code = fileRequest(owner);
        String own = owner.say("hồ sơ " + code + " đến đâu rồi").path("replies").get(0).path("text").asText();
        assertTrue(own.contains(code) && own.contains("đã tiếp nhận"), own);

        Chat other = start("web", "vi");
        String theirs = other.say("hồ sơ " + code + " đến đâu rồi").path("replies").get(0).path("text").asText();
        assertFalse(theirs.contains("đã tiếp nhận") || theirs.contains("Khai sinh") || theirs.contains("khai sinh"),
                    theirs);
    }

    @Test
    void while_an_officer_holds_the_case_free_text_is_forwarded_with_one_acknowledgement() throws Exception {
        Chat chat = start("web", "vi");
        chat.say("đăng ký khai sinh cần giấy tờ gì");
        JsonNode handed = chat.say("tôi muốn gặp cán bộ");
        String code = handed.path("caseCode").asText();
        assertEquals("handed_off", handed.path("state").asText());
        assertEquals("birth_registration", staff(Method.GET, "/api/v1/staff/cases/" + code, null).path("procedure").asText(),
                     "staff see what the citizen was asking about");
        staff(Method.POST, "/api/v1/staff/cases/" + code + "/claim", "{\"officer\":\"an\"}");
        JsonNode first = chat.say("đăng ký khai sinh cần giấy tờ gì");
        JsonNode second = chat.say("lệ phí bao nhiêu");
        assertEquals(1, first.path("replies").size());
        assertEquals(0, second.path("replies").size(), "the bot stays quiet while staff handle it");
        staff(Method.POST, "/api/v1/staff/cases/" + code + "/handback", "{\"officer\":\"an\"}");
        JsonNode back = chat.say("đăng ký khai sinh cần giấy tờ gì");
        assertTrue(back.path("replies").get(0).path("text").asText()
                       .startsWith(features.catalog().answer("birth_registration", "documents", Lang.VI).orElseThrow().text()));
    }

    @Test
    void two_officers_cannot_claim_the_same_case() throws Exception {
        Chat chat = start("web", "vi");
        String code = chat.say("tôi muốn gặp cán bộ").path("caseCode").asText();
        assertEquals(200, staffStatus(Method.POST, "/api/v1/staff/cases/" + code + "/claim", "{\"officer\":\"a\"}"));
        assertEquals(409, staffStatus(Method.POST, "/api/v1/staff/cases/" + code + "/claim", "{\"officer\":\"b\"}"));
    }

    @Test
    void typed_agreement_is_recorded_as_typed_and_three_wrong_answers_offer_staff() throws Exception {
        Chat chat = start("kiosk", "vi");
        chat.say("tôi muốn đăng ký khai sinh cho con");
        JsonNode intake = chat.say("đồng ý");
        assertEquals("intake", intake.path("state").asText());
        assertEquals(1, count("SELECT COUNT(*) FROM consent WHERE conversation_id = ? AND method = 'typed'", chat.id));
        List<Catalog.IntakeField> fields = features.catalog().intakeFields("birth_registration", Lang.VI);
        JsonNode step = intake;
        for (Catalog.IntakeField field : fields) {
            if (field.type() == Catalog.FieldType.PHONE) {
                break;
            }
            step = chat.say(answerFor(field));
        }
        assertEquals("phone", step.path("expecting").path("type").asText());
        JsonNode first = chat.say("số của tôi là mười");
        assertFalse(actions(first).contains("staff"), "not offered after one slip");
        chat.say("số của tôi là mười");
        JsonNode wrong = chat.say("số của tôi là mười");
        assertTrue(actions(wrong).contains("staff"), "offered after three tries: " + wrong);
        assertEquals("phone", wrong.path("expecting").path("type").asText(), "still asking");
    }

    @Test
    void a_field_can_be_corrected_from_the_summary() throws Exception {
        Chat chat = start("web", "vi");
        chat.act("start:birth_registration");
        chat.act("consent:agree");
        JsonNode summary = null;
        for (Catalog.IntakeField field : features.catalog().intakeFields("birth_registration", Lang.VI)) {
            summary = chat.say(answerFor(field));
        }
        assertEquals("confirm", summary.path("state").asText());
        JsonNode edit = chat.act("edit:phone");
        assertEquals("phone", edit.path("expecting").path("field").asText());
        JsonNode back = chat.say("0987 654 321");
        assertEquals("confirm", back.path("state").asText());
        assertTrue(back.path("replies").get(0).path("text").asText().contains("0987654321"));
        String code = chat.act("confirm").path("caseCode").asText();
        JsonNode detail = staff(Method.GET, "/api/v1/staff/cases/" + code, null);
        assertEquals("0987654321", detail.path("fields").path("phone").asText());
    }

    @Test
    void ending_a_kiosk_session_erases_the_unsent_form_and_the_next_visitor_is_greeted() throws Exception {
        Chat chat = start("kiosk", "vi");
        chat.act("start:birth_registration");
        chat.act("consent:agree");
        chat.say("Nguyễn Thị Ánh Tuyết");
        assertTrue(draft(chat.id).contains("Tuyết"));
        assertEquals(204, statusOf(Method.DELETE, "/api/v1/conversations/" + chat.id, null, chat.token));
        assertEquals("", draft(chat.id));
        JsonNode next = chat.say("giờ làm việc của phường");
        assertTrue(next.path("replies").get(0).path("text").asText().startsWith("Xin chào"));
        assertTrue(next.path("expecting").isNull());
    }

    // ---- receipts, public status, errors ----

    @Test
    void the_consent_receipt_is_json_and_a_printable_page() throws Exception {
        Chat chat = start("web", "vi");
        fileRequest(chat);
        JsonNode receipt = JSON.readTree(chat.get("/consent-receipt", "application/json"));
        assertEquals("VN", receipt.path("jurisdiction").asText());
        assertEquals(features.catalog().privacyNotice(Lang.VI).version(), receipt.path("notice").path("version").asText());
        assertEquals(64, receipt.path("notice").path("sha256").asText().length());
        assertFalse(receipt.toString().contains("Tuyết"), "no personal data in the receipt");
        String html = chat.get("/consent-receipt", "text/html");
        assertTrue(html.startsWith("<!DOCTYPE html>") && html.contains(receipt.path("consentReceiptID").asText()));
    }

    @Test
    void public_status_shows_no_personal_data_and_refuses_malformed_codes() throws Exception {
        Chat chat = start("web", "vi");
        String code = fileRequest(chat);
        JsonNode status = get("/api/v1/cases/" + code + "/status");
        List<String> keys = new ArrayList<>();
        status.fieldNames().forEachRemaining(keys::add);
        // Beside the status only the case's ward's public content (its fee, what to bring, its office): no field of
        // the case itself.
        assertEquals(List.of("code", "status", "procedure", "procedureName", "updatedAt", "wardId", "fee", "bring",
                             "office"), keys);
        assertFalse(status.toString().contains("0912345678"), "no personal data");
        String last = code.substring(code.length() - 1);
        String wrongCheck = code.substring(0, code.length() - 1) + ((Integer.parseInt(last) + 1) % 10);
        assertEquals(400, statusOf(Method.GET, "/api/v1/cases/" + wrongCheck + "/status", null, null));
        assertEquals(400, statusOf(Method.GET, "/api/v1/cases/nonsense/status", null, null));
        try (Http1ClientResponse qr = client.get("/api/v1/cases/" + code + "/qr.svg").request()) {
            assertEquals(200, qr.status().code());
            assertTrue(qr.headers().contentType().orElseThrow().text().startsWith("image/svg+xml"));
            assertTrue(qr.as(String.class).contains("<rect"));
        }
    }

    @Test
    void bad_requests_get_clear_4xx_answers() throws Exception {
        Chat chat = start("web", "vi");
        String path = "/api/v1/conversations/" + chat.id + "/messages";
        assertEquals(401, statusOf(Method.POST, path, "{\"text\":\"hi\"}", null));
        assertEquals(401, statusOf(Method.POST, path, "{\"text\":\"hi\"}", "wrong-token"));
        assertEquals(404, statusOf(Method.POST, "/api/v1/conversations/no-such-id/messages", "{\"text\":\"hi\"}",
                                   chat.token));
        assertEquals(400, statusOf(Method.POST, path, "{\"text\":\"hi\",\"action\":\"staff\"}", chat.token));
        assertEquals(400, statusOf(Method.POST, path, "{not json", chat.token));
        assertEquals(400, statusOf(Method.POST, path, "{\"text\":\"" + "a".repeat(2001) + "\"}", chat.token));
        assertEquals(401, statusOf(Method.GET, "/api/v1/staff/cases", null, "wrong"));
        assertEquals(204, statusOf(Method.DELETE, "/api/v1/conversations/" + chat.id, null, chat.token));
    }

    // ---- helpers ----

    /** A valid answer for each kind of field; the date is tomorrow (a working day at START). */
    static String answerFor(Catalog.IntakeField field) {
        return switch (field.type()) {
            case NAME -> "Nguyễn Thị Ánh Tuyết";
            case PHONE -> "0912 345 678";
            case DATE -> {
                LocalDate tomorrow = LocalDate.ofInstant(START, ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(1);
                yield tomorrow.getDayOfMonth() + "/" + tomorrow.getMonthValue() + "/" + tomorrow.getYear();
            }
            case TEXT -> "Khai sinh cho con thứ hai";
            case CHOICE -> field.choices().get(0).value();
        };
    }

    private String fileRequest(Chat chat) throws Exception {
        chat.act("start:birth_registration");
        JsonNode step = chat.act("consent:agree");
        for (Catalog.IntakeField field : features.catalog().intakeFields("birth_registration", Lang.VI)) {
            step = chat.say(answerFor(field));
        }
        JsonNode done = chat.act("confirm");
        String code = done.path("caseCode").asText();
        assertTrue(code.startsWith("PH-"), done.toString());
        return code;
    }

    private static List<String> actions(JsonNode response) {
        List<String> actions = new ArrayList<>();
        response.path("replies").forEach(r -> r.path("buttons").forEach(b -> actions.add(b.path("action").asText())));
        return actions;
    }

    private long lastSeq(Chat chat) throws Exception {
        long last = 0;
        for (JsonNode m : chat.messagesAfter(0).path("messages")) {
            last = Math.max(last, m.path("seq").asLong());
        }
        return last;
    }

    private Chat start(String channel, String locale) throws Exception {
        try (Http1ClientResponse res = client.post("/api/v1/conversations")
                .header(HeaderNames.CONTENT_TYPE, "application/json")
                .submit("{\"channel\":\"" + channel + "\",\"locale\":\"" + locale + "\"}")) {
            assertEquals(201, res.status().code());
            JsonNode body = JSON.readTree(res.as(String.class));
            assertFalse(body.path("replies").isEmpty(), "greeted");
            return new Chat(body.path("id").asText(), body.path("token").asText());
        }
    }

    final class Chat {
        final String id;
        final String token;

        Chat(String id, String token) {
            this.id = id;
            this.token = token;
        }

        JsonNode say(String text) throws Exception {
            return post(JSON.writeValueAsString(Map.of("text", text)));
        }

        JsonNode act(String action) throws Exception {
            return post(JSON.writeValueAsString(Map.of("action", action)));
        }

        JsonNode post(String body) throws Exception {
            try (Http1ClientResponse res = client.post("/api/v1/conversations/" + id + "/messages")
                    .header(HeaderNames.AUTHORIZATION, "Bearer " + token)
                    .header(HeaderNames.CONTENT_TYPE, "application/json").submit(body)) {
                String text = res.as(String.class);
                assertEquals(200, res.status().code(), text);
                return JSON.readTree(text);
            }
        }

        JsonNode messagesAfter(long after) throws Exception {
            return JSON.readTree(get("/messages?after=" + after, "application/json"));
        }

        String get(String suffix, String accept) {
            try (Http1ClientResponse res = request(Method.GET, "/api/v1/conversations/" + id + suffix)
                    .header(HeaderNames.AUTHORIZATION, "Bearer " + token)
                    .header(HeaderNames.ACCEPT, accept).request()) {
                String text = res.as(String.class);
                assertEquals(200, res.status().code(), text);
                return text;
            }
        }
    }

    private JsonNode get(String path) throws Exception {
        try (Http1ClientResponse res = client.get(path).request()) {
            String text = res.as(String.class);
            assertEquals(200, res.status().code(), text);
            return JSON.readTree(text);
        }
    }

    private JsonNode staff(Method method, String path, String body) throws Exception {
        Http1ClientRequest req = request(method, path).header(HeaderNames.AUTHORIZATION, "Bearer " + ADMIN);
        try (Http1ClientResponse res = body == null ? req.request()
                : req.header(HeaderNames.CONTENT_TYPE, "application/json").submit(body)) {
            String text = res.as(String.class);
            assertEquals(200, res.status().code(), text);
            return JSON.readTree(text);
        }
    }

    private int staffStatus(Method method, String path, String body) {
        return statusOf(method, path, body, ADMIN);
    }

    /** A request with the query string passed as parameters (the client would encode a '?' in the path). */
    private Http1ClientRequest request(Method method, String pathAndQuery) {
        String[] parts = pathAndQuery.split("\\?", 2);
        Http1ClientRequest req = client.method(method).path(parts[0]);
        if (parts.length == 2) {
            for (String pair : parts[1].split("&")) {
                String[] kv = pair.split("=", 2);
                req.queryParam(kv[0], kv.length == 2 ? kv[1] : "");
            }
        }
        return req;
    }

    private int statusOf(Method method, String path, String body, String token) {
        Http1ClientRequest req = request(method, path);
        if (token != null) {
            req.header(HeaderNames.AUTHORIZATION, "Bearer " + token);
        }
        try (Http1ClientResponse res = body == null ? req.request()
                : req.header(HeaderNames.CONTENT_TYPE, "application/json").submit(body)) {
            if (res.status().code() >= 400 && res.status().code() != 413) {
                String text = res.as(String.class);
                assertTrue(text.contains("\"error\""), "error body: " + text);
            }
            return res.status().code();
        }
    }

    static int count(String sql, String arg) throws SQLException {
        try (Connection c = pool.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            q.setString(1, arg);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    static String draft(String conversationId) throws SQLException {
        try (Connection c = pool.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT draft FROM conversation WHERE id = ?")) {
            q.setString(1, conversationId);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                String draft = rs.getString(1);
                return draft == null ? "" : draft;
            }
        }
    }

}
