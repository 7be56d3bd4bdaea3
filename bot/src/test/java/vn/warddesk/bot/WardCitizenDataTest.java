package vn.warddesk.bot;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.http.HeaderNames;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientRequest;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import vn.warddesk.bot.cases.CaseCode;
import vn.warddesk.bot.consent.ConsentLog;
import vn.warddesk.bot.conversation.ConversationRef;
import vn.warddesk.bot.conversation.InboundEvent;
import vn.warddesk.bot.conversation.Input;
import vn.warddesk.bot.retention.RetentionJob;
import vn.warddesk.bot.testing.MutableClock;
import vn.warddesk.bot.testing.TestDatabase;
import vn.warddesk.bot.ward.WardStore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a citizen of one ward sees and leaves behind when many wards share a deployment (issue 17): a case opened in
 * demo-an-cuu gets that ward's prefix and is shown with that ward's procedure, fee and office; the privacy notice and
 * the consent rest on the ward's own notice; erasure and retention also take the province-wide bot's remembered
 * "which ward". Expected contents are read from the ward's public catalog API, not copied from the files.
 */
@ServerTest
class WardCitizenDataTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-12-01T02:00:00Z"));
    private static final String PROCEDURE = "marital_status_certificate";
    private static HikariDataSource pool;
    private static Features features;

    private final Http1Client client;

    WardCitizenDataTest(Http1Client client) {
        this.client = client;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        pool = TestDatabase.fresh("ward_citizen_data");
        features = Features.create(WardDeskSettings.read(Config.just(ConfigSources.create(Map.of(
                "catalog.dir", "../config/catalog",
                "catalog.refresh-interval", "PT0S",
                "admin.token", "test-admin-token-citizen-data")))), pool, CLOCK);
        Main.configureServer(server, features);
    }

    @AfterAll
    static void close() {
        features.close();
        pool.close();
    }

    private record Answer(int status, JsonNode body) {
    }

    /** A GET with its query given as parameters (the client would encode a '?' in the path). */
    private Answer get(String path, String... query) throws Exception {
        Http1ClientRequest request = client.get(path);
        for (int i = 0; i < query.length; i += 2) {
            request.queryParam(query[i], query[i + 1]);
        }
        try (Http1ClientResponse res = request.request()) {
            String text = res.as(String.class);
            return new Answer(res.status().code(), JSON.readTree(text));
        }
    }

    private JsonNode ok(String path, String... query) throws Exception {
        Answer answer = get(path, query);
        assertEquals(200, answer.status(), path + " " + answer.body());
        return answer.body();
    }

    private final class Chat {
        final String id;
        final String token;
        final JsonNode greeting;

        Chat(String ward) throws Exception {
            try (Http1ClientResponse res = client.post("/api/v1/conversations").queryParam("ward", ward)
                    .header(HeaderNames.CONTENT_TYPE, "application/json")
                    .submit("{\"channel\":\"web\",\"locale\":\"vi\"}")) {
                String text = res.as(String.class);
                assertEquals(201, res.status().code(), text);
                greeting = JSON.readTree(text);
                id = greeting.path("id").asText();
                token = greeting.path("token").asText();
            }
            assertEquals(ward, greeting.path("wardId").asText());
        }

        JsonNode say(String text) throws Exception {
            return post(Map.of("text", text));
        }

        JsonNode act(String action) throws Exception {
            return post(Map.of("action", action));
        }

        private JsonNode post(Map<String, String> body) throws Exception {
            try (Http1ClientResponse res = client.post("/api/v1/conversations/" + id + "/messages")
                    .header(HeaderNames.AUTHORIZATION, "Bearer " + token)
                    .header(HeaderNames.CONTENT_TYPE, "application/json").submit(JSON.writeValueAsString(body))) {
                String text = res.as(String.class);
                assertEquals(200, res.status().code(), text);
                return JSON.readTree(text);
            }
        }

        /** Agrees, answers every field of the request and confirms it: the answer that names the case. */
        JsonNode request(String procedure) throws Exception {
            act("start:" + procedure);
            JsonNode step = act("consent:agree");
            for (int i = 0; i < 10 && "intake".equals(step.path("state").asText()); i++) {
                JsonNode expecting = step.path("expecting");
                step = switch (expecting.path("type").asText()) {
                    case "name" -> say("Nguyễn Thị Ánh");
                    case "phone" -> say("0912345678");
                    case "date" -> say("3/12/2026");
                    default -> act("skip");
                };
            }
            assertEquals("confirm", step.path("state").asText(), step.toString());
            return act("confirm");
        }
    }

    private static String texts(JsonNode answer) {
        StringBuilder all = new StringBuilder();
        answer.path("replies").forEach(r -> all.append(r.path("text").asText()).append('\n'));
        return all.toString();
    }

    // ---- point 1: cases ----

    @Test
    void a_case_opened_in_an_cuu_gets_its_prefix_and_is_shown_with_an_cuus_procedure_fee_and_office() throws Exception {
        for (String ward : new String[] {"demo-an-cuu", "demo-hoa-an"}) {
            JsonNode office = ok("/api/v1/office", "ward", ward);
            JsonNode procedure = ok("/api/v1/procedures/" + PROCEDURE, "ward", ward);
            String fee = procedure.at("/aspects/fee/text").asText();
            String bring = procedure.at("/aspects/documents/text").asText();
            String prefix = "demo-an-cuu".equals(ward) ? "AC" : "PH";

            JsonNode done = new Chat(ward).request(PROCEDURE);
            String code = done.path("caseCode").asText();
            assertTrue(code.matches(prefix + "-2026-\\d{7}-\\d{7}"), ward + ": " + code);
            assertEquals(java.util.Optional.of(code), CaseCode.normalize(code), "the check digit is kept");
            assertTrue(done.path("caseCheck").asText().matches("\\d{4}"), done.toString());
            assertTrue(texts(done).contains(code), "the confirmation names the code");

            JsonNode page = ok("/api/v1/cases/" + code + "/page", "check", done.path("caseCheck").asText());
            JsonNode status = ok("/api/v1/cases/" + code + "/status");
            for (JsonNode view : new JsonNode[] {page, status}) {
                assertEquals(ward, view.path("wardId").asText());
                assertEquals(procedure.path("name").asText(), view.path("procedureName").asText());
                assertEquals(fee, view.at("/fee/text").asText(), ward + " fee: " + view);
                assertEquals(bring, view.at("/bring/text").asText());
                assertEquals(office.path("name").asText(), view.at("/office/name").asText());
                assertTrue(view.at("/office/where").asText().contains(office.path("address").asText()), view.toString());
                assertFalse(view.at("/office/hours").isEmpty(), "the weekly hours");
                assertFalse(view.toString().contains("0912345678"), "nothing personal");
            }
            assertEquals(404, get("/api/v1/cases/" + code + "/page", "check", "0000".equals(
                    done.path("caseCheck").asText()) ? "1111" : "0000").status(), "a wrong check opens nothing");
        }
        assertNotEquals(ok("/api/v1/procedures/" + PROCEDURE, "ward", "demo-an-cuu").at("/aspects/fee/text"),
                        ok("/api/v1/procedures/" + PROCEDURE, "ward", "demo-hoa-an").at("/aspects/fee/text"),
                        "the demo provinces set different fees, so the case views above told them apart");
    }

    @Test
    void a_case_of_a_ward_disabled_since_still_shows_that_wards_office() throws Exception {
        String anCuu = ok("/api/v1/office", "ward", "demo-an-cuu").path("name").asText();
        JsonNode done = new Chat("demo-an-cuu").request(PROCEDURE);
        WardStore registry = new WardStore(pool);
        registry.setEnabled("demo-an-cuu", false);
        try {
            JsonNode status = ok("/api/v1/cases/" + done.path("caseCode").asText() + "/status");
            assertEquals(anCuu, status.at("/office/name").asText());
        } finally {
            registry.setEnabled("demo-an-cuu", true);
        }
    }

    // ---- point 2: privacy notice ----

    @Test
    void each_ward_has_its_own_privacy_notice_and_an_unknown_or_disabled_ward_has_none() throws Exception {
        JsonNode anCuu = ok("/api/v1/privacy-notice", "ward", "demo-an-cuu", "locale", "vi");
        JsonNode hoaAn = ok("/api/v1/privacy-notice", "ward", "demo-hoa-an", "locale", "vi");
        assertTrue(anCuu.path("full").asText().contains("An Cựu"), anCuu.toString());
        assertNotEquals(anCuu.path("short").asText(), hoaAn.path("short").asText());
        assertEquals(hoaAn, ok("/api/v1/privacy-notice", "locale", "vi"), "no ?ward= is the default ward");

        Answer unknown = get("/api/v1/privacy-notice", "ward", "no-such-ward");
        assertEquals(404, unknown.status());
        assertEquals("ward_not_served", unknown.body().path("error").asText());
        WardStore registry = new WardStore(pool);
        registry.setEnabled("demo-an-cuu", false);
        try {
            assertEquals("ward_not_served", get("/api/v1/privacy-notice", "ward", "demo-an-cuu").body()
                    .path("error").asText());
        } finally {
            registry.setEnabled("demo-an-cuu", true);
        }
    }

    @Test
    void consent_in_an_an_cuu_conversation_records_an_cuus_notice_version_and_the_hash_of_the_text_shown()
            throws Exception {
        JsonNode notice = ok("/api/v1/privacy-notice", "ward", "demo-an-cuu", "locale", "vi");
        Chat chat = new Chat("demo-an-cuu");
        JsonNode asked = chat.act("start:" + PROCEDURE);
        String shown = asked.path("replies").get(0).path("text").asText();
        assertTrue(shown.contains(notice.path("short").asText()), shown);
        chat.act("consent:agree");
        try (Connection c = pool.getConnection(); PreparedStatement q = c.prepareStatement(
                "SELECT notice_version, notice_sha256 FROM consent WHERE conversation_id = ? AND decision = 'agree'")) {
            q.setString(1, chat.id);
            try (ResultSet rs = q.executeQuery()) {
                assertTrue(rs.next(), "consent recorded");
                assertEquals(notice.path("version").asText(), rs.getString(1));
                assertEquals(ConsentLog.sha256(shown), rs.getString(2));
            }
        }
        try (Http1ClientResponse res = client.get("/api/v1/conversations/" + chat.id + "/consent-receipt")
                .header(HeaderNames.AUTHORIZATION, "Bearer " + chat.token)
                .header(HeaderNames.ACCEPT, "application/json").request()) {
            JsonNode receipt = JSON.readTree(res.as(String.class));
            assertEquals(200, res.status().code(), receipt.toString());
            assertEquals("demo-an-cuu", receipt.at("/piiControllers/0/wardId").asText(), "An Cựu is the controller");
            assertTrue(receipt.path("policyUrl").asText().endsWith("/api/v1/privacy-notice?ward=demo-an-cuu"),
                       receipt.path("policyUrl").asText());
        }
    }

    // ---- point 3: erasure of the remembered ward choice ----

    private static final String TELEGRAM = "telegram";

    private static void choose(String userHash, String ward, Instant at) throws SQLException {
        try (Connection c = pool.getConnection(); PreparedStatement insert = c.prepareStatement(
                "INSERT INTO channel_ward_choice (channel, user_hash, ward_id, chosen_at) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, TELEGRAM);
            insert.setString(2, userHash);
            insert.setString(3, ward);
            insert.setTimestamp(4, Timestamp.from(at));
            insert.executeUpdate();
        }
    }

    private static int choices(String userHash) throws SQLException {
        try (Connection c = pool.getConnection(); PreparedStatement q = c.prepareStatement(
                "SELECT COUNT(*) FROM channel_ward_choice WHERE channel = ? AND user_hash = ?")) {
            q.setString(1, TELEGRAM);
            q.setString(2, userHash);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static String send(String userHash, Input input) {
        var ref = new ConversationRef.ByChannelUser(TELEGRAM, userHash, "telegram:" + userHash.substring(0, 8),
                                                    "demo-an-cuu");
        return features.conversations().process(new InboundEvent(ref, TELEGRAM, null, input, "vi", CLOCK.instant()))
                .handled().replies().stream().map(vn.warddesk.bot.message.Reply::text)
                .collect(java.util.stream.Collectors.joining("\n"));
    }

    @Test
    void erasing_from_chat_also_forgets_which_ward_the_province_wide_bot_remembered() throws Exception {
        String citizen = ConsentLog.sha256("telegram-user-erases");
        String neighbour = ConsentLog.sha256("telegram-user-stays");
        choose(citizen, "demo-an-cuu", CLOCK.instant());
        choose(neighbour, "demo-an-cuu", CLOCK.instant());
        send(citizen, new Input.Text("lệ phí xác nhận tình trạng hôn nhân"));
        send(neighbour, new Input.Text("giờ làm việc"));

        send(citizen, new Input.Action("erase"));
        assertEquals(1, choices(citizen), "nothing is erased before the citizen confirms");
        send(citizen, new Input.Action("erase:confirm"));
        assertEquals(0, choices(citizen));
        assertEquals(1, choices(neighbour), "another citizen's choice stays");
    }

    @Test
    void retention_forgets_a_remembered_ward_once_its_citizen_was_silent_for_the_message_text_period()
            throws Exception {
        Instant start = CLOCK.instant();
        String silent = ConsentLog.sha256("telegram-user-silent");
        String talking = ConsentLog.sha256("telegram-user-talking");
        choose(silent, "demo-an-cuu", start);
        choose(talking, "demo-an-cuu", start);
        send(silent, new Input.Text("giờ làm việc"));
        send(talking, new Input.Text("giờ làm việc"));
        CLOCK.advance(Duration.ofDays(60));
        try {
            send(talking, new Input.Text("địa chỉ ở đâu"));
            RetentionJob job = new RetentionJob(pool, features.cases(), RetentionJob.Periods.defaults(), CLOCK);
            assertEquals(0, job.runOnce(start.plus(Duration.ofDays(89))).wardChoices(), "not yet");
            assertEquals(2, choices(silent) + choices(talking));
            assertTrue(job.runOnce(start.plus(Duration.ofDays(91))).wardChoices() >= 1);
            assertEquals(0, choices(silent), "silent for 90 days: asked again");
            assertEquals(1, choices(talking), "talked 60 days in: still remembered");
        } finally {
            CLOCK.set(start);
        }
    }
}
