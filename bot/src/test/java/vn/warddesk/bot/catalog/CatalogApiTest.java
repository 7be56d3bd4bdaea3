package vn.warddesk.bot.catalog;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariDataSource;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webclient.api.ClientRequest;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientRequest;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import vn.warddesk.bot.testing.TestDatabase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The public read API and the ward's edit / history / rollback API on a real MariaDB. */
@ServerTest
class CatalogApiTest {
    private static final String TOKEN = "test-admin-token-123";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static HikariDataSource pool;
    private static CatalogStore store;

    private final Http1Client client;
    private final int port;

    CatalogApiTest(Http1Client client, io.helidon.webserver.WebServer server) {
        this.client = client;
        this.port = server.port();
    }

    static Config config() {
        return Config.just(ConfigSources.create(Map.of("catalog.dir", CatalogContentTest.SEED_DIR.toString(),
                                                       "catalog.refresh-interval", "PT0S",
                                                       "admin.token", TOKEN)));
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        pool = TestDatabase.fresh("catalog_api");
        store = CatalogStore.load(vn.warddesk.bot.catalog.CatalogSettings.from(config().get("catalog")), pool, Clock.systemUTC());
        server.maxPayloadSize(262_144);
        server.routing(r -> {
            vn.warddesk.bot.http.ErrorEdge.register(r, new vn.warddesk.bot.store.DatabaseCircuit(pool));
            r.register("/api/v1", CatalogService.create(store, TOKEN));
        });
    }

    @AfterAll
    static void close() {
        pool.close();
    }

    private record Reply(Status status, JsonNode body, String contentLanguage) {
    }

    private Reply send(Http1ClientRequest request, String body) {
        try (Http1ClientResponse response = body == null ? request.request() : request.submit(body)) {
            String text = response.as(String.class);
            JsonNode json;
            try {
                json = text.isEmpty() ? JSON.nullNode() : JSON.readTree(text);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + text, e);
            }
            return new Reply(response.status(), json, response.headers().first(HeaderNames.CONTENT_LANGUAGE).orElse(""));
        }
    }

    private Reply get(String pathAndQuery) {
        String[] parts = pathAndQuery.split("[?=]");
        Http1ClientRequest request = client.get(parts[0]);
        if (parts.length == 3) {
            request.queryParam(parts[1], parts[2]);
        }
        return send(request, null);
    }

    private <T extends ClientRequest<T>> T admin(T request) {
        return request.header(HeaderNames.AUTHORIZATION, "Bearer " + TOKEN);
    }

    private JsonNode current(String id) {
        Reply reply = send(admin(client.get("/api/v1/admin/procedures/" + id)), null);
        assertEquals(Status.OK_200, reply.status());
        return reply.body().get("content");
    }

    private Reply put(String id, JsonNode content, String author) {
        Http1ClientRequest request = admin(client.put("/api/v1/admin/procedures/" + id))
                .header(HeaderNames.CONTENT_TYPE, "application/json");
        if (author != null) {
            request.header(HeaderNames.create("X-Author"), author);
        }
        return send(request, content.toString());
    }

    @Test
    void procedures_list_all_fifteen_in_the_requested_language() {
        Reply vi = get("/api/v1/procedures?locale=vi");
        assertEquals(Status.OK_200, vi.status());
        assertEquals(15, vi.body().size());
        assertEquals(ProcedureIds.ALL.get(0), vi.body().get(0).get("id").asText(), "in the order of intents.tsv");
        assertEquals("vi", vi.contentLanguage());
        Reply en = get("/api/v1/procedures?locale=en");
        assertEquals("en", en.contentLanguage());
        JsonNode birthVi = find(vi.body(), "birth_registration");
        JsonNode birthEn = find(en.body(), "birth_registration");
        assertEquals(store.seed().procedures().get("birth_registration").name().vi(), birthVi.get("name").asText());
        assertEquals(store.seed().procedures().get("birth_registration").name().en(), birthEn.get("name").asText());
        assertFalse(birthVi.get("icon").asText().isBlank());
    }

    @Test
    void an_unknown_locale_falls_back_to_vietnamese_and_says_so() {
        Reply reply = get("/api/v1/procedures?locale=fr");
        assertEquals(Status.OK_200, reply.status());
        assertEquals("vi", reply.contentLanguage());
    }

    @Test
    void one_procedure_has_every_aspect_documents_and_sources() {
        Reply reply = get("/api/v1/procedures/death_registration?locale=en");
        assertEquals(Status.OK_200, reply.status());
        JsonNode body = reply.body();
        for (String aspect : Catalog.ASPECTS) {
            JsonNode a = body.get("aspects").get(aspect);
            assertFalse(a.get("text").asText().isBlank(), aspect);
            assertTrue(a.get("items").isArray(), aspect);
            assertTrue(a.get("followUps").size() > 0, aspect);
        }
        Procedure seed = store.seed().procedures().get("death_registration");
        assertEquals(seed.documents().size(), body.get("documents").size());
        assertEquals(seed.documents().get(0).text().en(), body.get("documents").get(0).get("text").asText());
        assertEquals(seed.sources().size(), body.get("sources").size());
        assertEquals(seed.online().channels().size(), body.get("onlineChannels").size());
        assertEquals(seed.reviewed().toString(), body.get("reviewed").asText());
    }

    @Test
    void the_detail_gives_the_national_code_with_its_link_the_check_date_and_dated_legal_bases() {
        Procedure seed = store.seed().procedures().get("birth_registration");
        JsonNode body = get("/api/v1/procedures/birth_registration?locale=vi").body();
        assertEquals(seed.portalCode(), body.get("portalCode").asText());
        assertEquals("https://dichvucong.gov.vn/p/home/dvc-danh-sach-dich-vu-cong.html?ma_tt=" + seed.portalCode(),
                     body.get("portalUrl").asText());
        assertEquals(seed.reviewed().toString(), body.get("checkedOn").asText());
        JsonNode law = find(body.get("legalBases"), "60/2014/QH13", "number");
        assertEquals("2016-01-01", law.get("inForceFrom").asText());
        assertEquals("2027-03-01", law.get("inForceUntil").asText());
        assertEquals("03/2026/QH16", law.get("replacedBy").asText());
        assertTrue(body.get("legalBasis").get(0).asText().contains("60/2014/QH13"), "the plain list is kept for old clients");
        JsonNode source = body.get("sources").get(0);
        assertEquals(source.get("number").asText(), source.get("ref").asText(), "ref stays as an alias of number");
        assertFalse(source.get("accessed").asText().isBlank());
        assertTrue(body.get("aspects").get("fee").get("text").asText().contains("Cập nhật/kiểm tra ngày"));
    }

    @Test
    void the_freshness_report_is_for_editors_only_and_lists_the_change_over() {
        assertEquals(Status.UNAUTHORIZED_401, send(client.get("/api/v1/admin/catalog/freshness"), null).status());
        Reply reply = send(admin(client.get("/api/v1/admin/catalog/freshness")), null);
        assertEquals(Status.OK_200, reply.status());
        assertEquals(90, reply.body().get("reviewMaxAgeDays").asInt());
        boolean changeOver = false;
        // A notice before 1 January 2027, a problem after: this store runs on the real clock.
        for (String list : List.of("notices", "problems")) {
            for (JsonNode finding : reply.body().get(list)) {
                changeOver |= "60/2014/QH13".equals(finding.get("subject").asText())
                              && "2027-03-01".equals(finding.get("date").asText());
            }
        }
        assertTrue(changeOver, reply.body().toString());
    }

    @Test
    void the_gauges_count_procedures_needing_an_editor_and_procedures_with_uncertain_facts() {
        CatalogStore.load(vn.warddesk.bot.catalog.CatalogSettings.from(config().get("catalog")), pool, Clock.systemUTC()); // the gauges read the newest store
        io.helidon.metrics.api.MeterRegistry registry = io.helidon.metrics.api.Metrics.globalRegistry();
        Number stale = registry.gauge("warddesk.catalog.stale.procedures", List.of()).orElseThrow().value();
        Number uncertain = registry.gauge("warddesk.catalog.uncertain.procedures", List.of()).orElseThrow().value();
        assertEquals(store.freshness().needingAction().size(), stale.intValue());
        assertEquals(15, uncertain.intValue(), "every demo procedure has at least one unconfirmed fact");
    }

    @Test
    void start_up_logs_one_warning_naming_the_procedures_and_reasons_without_any_citizen_text() {
        java.util.logging.Logger jul = java.util.logging.Logger.getLogger(CatalogStore.class.getName());
        List<java.util.logging.LogRecord> records = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        jul.addHandler(capture);
        try {
            CatalogStore.load(vn.warddesk.bot.catalog.CatalogSettings.from(config().get("catalog")), pool,
                              Clock.fixed(java.time.Instant.parse("2027-01-15T02:00:00Z"), java.time.ZoneOffset.UTC));
        } finally {
            jul.removeHandler(capture);
        }
        List<String> warnings = records.stream().filter(r -> r.getLevel() == java.util.logging.Level.WARNING)
                .map(java.util.logging.LogRecord::getMessage).filter(m -> m.contains("need an editor")).toList();
        assertEquals(1, warnings.size(), records.stream().map(java.util.logging.LogRecord::getMessage).toList().toString());
        assertTrue(warnings.get(0).contains("birth_registration basis_expiring 60/2014/QH13"), warnings.get(0));
        assertFalse(warnings.get(0).contains(store.seed().procedures().get("birth_registration").name().vi()),
                    "ids and document numbers only");
    }

    private static JsonNode find(JsonNode list, String value, String field) {
        for (JsonNode item : list) {
            if (value.equals(item.path(field).asText())) {
                return item;
            }
        }
        throw new AssertionError(value + " not in " + list);
    }

    @Test
    void an_unknown_procedure_is_404_json() {
        Reply reply = get("/api/v1/procedures/passport");
        assertEquals(Status.NOT_FOUND_404, reply.status());
        assertEquals("not_found", reply.body().get("error").asText());
        assertEquals(Status.NOT_FOUND_404, put("passport", JSON.createObjectNode(), null).status());
    }

    @Test
    void office_says_whether_it_is_open_and_lists_hours() {
        Reply reply = get("/api/v1/office?locale=vi");
        assertEquals(Status.OK_200, reply.status());
        JsonNode body = reply.body();
        assertEquals(store.seed().office().wardId(), body.get("wardId").asText());
        assertTrue(body.get("openNow").isBoolean());
        String status = body.get("status").asText();
        assertTrue(status.startsWith(body.get("openNow").asBoolean() ? "Đang mở cửa" : ""), status);
        assertEquals(7, body.get("hours").size());
        assertEquals(store.seed().office().hours().get("monday").get(0).open(),
                     body.get("hours").get("monday").get(0).get("open").asText());
        assertTrue(body.get("demo").asBoolean());
    }

    @Test
    void admin_calls_without_or_with_a_wrong_token_are_401() {
        Reply none = send(client.get("/api/v1/admin/procedures/birth_registration/versions"), null);
        assertEquals(Status.UNAUTHORIZED_401, none.status());
        assertEquals("unauthorized", none.body().get("error").asText());
        Reply wrong = send(client.put("/api/v1/admin/procedures/birth_registration")
                                   .header(HeaderNames.AUTHORIZATION, "Bearer " + TOKEN + "x"), "{}");
        assertEquals(Status.UNAUTHORIZED_401, wrong.status());
        Reply basic = send(client.get("/api/v1/admin/procedures/birth_registration")
                                   .header(HeaderNames.AUTHORIZATION, "Basic " + TOKEN), null);
        assertEquals(Status.UNAUTHORIZED_401, basic.status());
    }

    @Test
    void an_edit_shows_at_once_and_a_rollback_restores_the_old_text() {
        String id = "marriage_registration";
        String before = get("/api/v1/procedures/" + id).body().get("summary").asText();
        ObjectNode content = current(id).deepCopy();
        String edited = "Đăng ký kết hôn tại phường: hai bạn cùng đến, mang giấy tờ tùy thân. (đã sửa)";
        ((ObjectNode) content.get("summary")).put("vi", edited);

        // Header values are Latin-1 on the wire, so a Vietnamese name travels percent-encoded.
        Reply saved = put(id, content, java.net.URLEncoder.encode("Chị Lan", java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(Status.OK_200, saved.status(), saved.body().toString());
        int version = saved.body().get("version").asInt();
        assertEquals(2, version);
        assertEquals(1, saved.body().get("changes").size(), saved.body().toString());
        assertEquals("summary.vi", saved.body().get("changes").get(0).get("path").asText());
        assertEquals(before, saved.body().get("changes").get(0).get("old").asText());
        assertEquals(edited, saved.body().get("changes").get(0).get("new").asText());
        assertEquals(edited, get("/api/v1/procedures/" + id).body().get("summary").asText());
        assertTrue(store.answer(id, "general", Lang.VI).orElseThrow().text().startsWith(edited), "the bot answers with it");

        JsonNode versions = send(admin(client.get("/api/v1/admin/procedures/" + id + "/versions")), null).body();
        assertEquals(2, versions.get("versions").size());
        assertEquals("Chị Lan", versions.get("versions").get(0).get("author").asText());
        assertEquals("summary.vi", versions.get("versions").get(0).get("changedPaths").get(0).asText());
        assertEquals("seed", versions.get("versions").get(1).get("author").asText());

        Reply rollback = send(admin(client.post("/api/v1/admin/procedures/" + id + "/rollback/1")), null);
        assertEquals(Status.OK_200, rollback.status(), rollback.body().toString());
        assertEquals(3, rollback.body().get("version").asInt());
        assertEquals(1, rollback.body().get("rollbackOf").asInt());
        assertEquals(before, get("/api/v1/procedures/" + id).body().get("summary").asText());

        JsonNode v2 = send(admin(client.get("/api/v1/admin/procedures/" + id + "/versions/2")), null).body();
        assertEquals(edited, v2.get("content").get("summary").get("vi").asText());
        assertEquals(Status.NOT_FOUND_404, send(admin(client.get("/api/v1/admin/procedures/" + id + "/versions/9")), null).status());
    }

    @Test
    void two_editors_saving_at_once_both_get_their_own_version() throws Exception {
        String id = "parent_child_recognition";
        JsonNode live = current(id);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Reply>> replies = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                ObjectNode content = live.deepCopy();
                ((ObjectNode) content.get("summary")).put("en", "Concurrent edit " + i);
                replies.add(pool.submit(() -> put(id, content, null)));
            }
            java.util.Set<Integer> versions = new java.util.HashSet<>();
            for (var reply : replies) {
                Reply r = reply.get();
                assertEquals(Status.OK_200, r.status(), r.body().toString());
                versions.add(r.body().get("version").asInt());
            }
            assertEquals(java.util.Set.of(2, 3, 4, 5), versions);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void an_edit_based_on_an_old_version_is_a_conflict() {
        String id = "copy_certification";
        ObjectNode content = current(id).deepCopy();
        ((ObjectNode) content.get("summary")).put("en", "First edit.");
        assertEquals(Status.OK_200, send(admin(client.put("/api/v1/admin/procedures/" + id))
                                                 .header(HeaderNames.IF_MATCH, "1"), content.toString()).status());
        ((ObjectNode) content.get("summary")).put("en", "Second edit, from a stale screen.");
        Reply stale = send(admin(client.put("/api/v1/admin/procedures/" + id)).header(HeaderNames.IF_MATCH, "1"),
                           content.toString());
        assertEquals(Status.CONFLICT_409, stale.status());
        assertEquals("First edit.", get("/api/v1/procedures/" + id + "?locale=en").body().get("summary").asText());
    }

    @Test
    void saving_the_same_content_stores_no_new_version() {
        String id = "civil_status_extract";
        Reply reply = put(id, current(id), null);
        assertEquals(Status.OK_200, reply.status());
        assertTrue(reply.body().get("unchanged").asBoolean());
        assertEquals(1, reply.body().get("version").asInt());
    }

    @Test
    void invalid_edits_list_field_problems_and_leave_the_live_version_unchanged() {
        String id = "signature_certification";
        JsonNode live = current(id);
        String summary = get("/api/v1/procedures/" + id).body().get("summary").asText();

        ObjectNode negative = live.deepCopy();
        ((ObjectNode) negative.get("fee")).put("amount_vnd", -1).put("uncertain", false);
        Reply r1 = put(id, negative, null);
        assertEquals(422, r1.status().code());
        assertTrue(hasProblem(r1.body(), "fee.amount_vnd", "must not be negative"), r1.body().toString());

        ObjectNode noVietnamese = live.deepCopy();
        ((ObjectNode) noVietnamese.get("summary")).remove("vi");
        ((ObjectNode) noVietnamese.get("name")).put("en", "x".repeat(500));
        Reply r2 = put(id, noVietnamese, null);
        assertEquals(422, r2.status().code());
        assertTrue(hasProblem(r2.body(), "summary.vi", "Vietnamese text is required"), r2.body().toString());
        assertTrue(hasProblem(r2.body(), "name.en", "at most"), r2.body().toString());

        ObjectNode wrongType = live.deepCopy();
        ((ObjectNode) wrongType.get("documents").get(0)).put("count", "many");
        Reply r3 = put(id, wrongType, null);
        assertEquals(422, r3.status().code());
        assertTrue(hasProblem(r3.body(), "documents[0].count", "whole number"), r3.body().toString());

        ObjectNode otherId = live.deepCopy();
        otherId.put("id", "birth_registration");
        assertTrue(hasProblem(put(id, otherId, null).body(), "id", "must be"));

        Reply malformed = send(admin(client.put("/api/v1/admin/procedures/" + id)), "{\"id\": ");
        assertEquals(Status.BAD_REQUEST_400, malformed.status());
        assertEquals("bad_request", malformed.body().get("error").asText());

        assertEquals(live, current(id), "stored content unchanged");
        assertEquals(summary, get("/api/v1/procedures/" + id).body().get("summary").asText());
        JsonNode versions = send(admin(client.get("/api/v1/admin/procedures/" + id + "/versions")), null).body();
        assertEquals(1, versions.get("versions").size(), "no version was added");
    }

    @Test
    void an_oversized_body_is_413() throws Exception {
        // Raw socket: the server answers from the Content-Length alone, before (and without) reading the body,
        // which a client still writing the body would see as a broken pipe.
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            String head = "PUT /api/v1/admin/procedures/birth_registration HTTP/1.1\r\nHost: localhost\r\n"
                          + "Authorization: Bearer " + TOKEN + "\r\nContent-Type: application/json\r\n"
                          + "Content-Length: 300000\r\n\r\n{\"id\": \"";
            socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String statusLine = new java.io.BufferedReader(new java.io.InputStreamReader(
                    socket.getInputStream(), java.nio.charset.StandardCharsets.US_ASCII)).readLine();
            assertTrue(statusLine != null && statusLine.startsWith("HTTP/1.1 413"), statusLine);
        }
        assertEquals(1, send(admin(client.get("/api/v1/admin/procedures/birth_registration/versions")), null)
                .body().get("versions").size(), "nothing stored");
    }

    @Test
    void edits_survive_a_restart_and_reach_another_instance_and_seeds_are_not_reapplied() {
        String id = "guardianship_registration";
        ObjectNode content = current(id).deepCopy();
        ((ObjectNode) content.get("eligibility")).put("en", "Edited eligibility for the restart test.");
        assertEquals(Status.OK_200, put(id, content, null).status());

        CatalogStore restarted = CatalogStore.load(vn.warddesk.bot.catalog.CatalogSettings.from(config().get("catalog")), pool, Clock.systemUTC());
        assertEquals("Edited eligibility for the restart test.",
                     restarted.answer(id, "eligibility", Lang.EN).orElseThrow().text().lines().findFirst().orElseThrow(),
                     "the edited text, then the checked-on line");
        assertEquals(2, restarted.live(id).orElseThrow().version(), "the seed was not stored again");

        ((ObjectNode) content.get("eligibility")).put("en", "Edited again, seen by the other instance.");
        assertEquals(Status.OK_200, put(id, content, null).status());
        assertEquals("Edited again, seen by the other instance.",
                     restarted.answer(id, "eligibility", Lang.EN).orElseThrow().text().lines().findFirst().orElseThrow());
    }

    @Test
    void reseed_stores_the_file_as_a_new_version() {
        String id = "social_allowance";
        ObjectNode content = current(id).deepCopy();
        ((ObjectNode) content.get("name")).put("vi", "Trợ cấp (bản sửa thử)");
        assertEquals(Status.OK_200, put(id, content, null).status());
        Reply reseed = send(admin(client.post("/api/v1/admin/catalog/reseed/" + id)), null);
        assertEquals(Status.OK_200, reseed.status(), reseed.body().toString());
        assertEquals(3, reseed.body().get("version").asInt());
        assertEquals(store.seed().procedures().get(id).name().vi(),
                     get("/api/v1/procedures/" + id).body().get("name").asText());
        JsonNode versions = send(admin(client.get("/api/v1/admin/procedures/" + id + "/versions")), null).body();
        assertEquals("seed", versions.get("versions").get(0).get("author").asText());
    }

    @Test
    void intake_fields_come_localised_from_the_live_version() {
        var vi = store.intakeFields("birth_registration", Lang.VI);
        var en = store.intakeFields("birth_registration", Lang.EN);
        Procedure seed = store.seed().procedures().get("birth_registration");
        assertEquals(seed.intake().size(), vi.size());
        assertEquals(seed.intake().get(0).question().vi(), vi.get(0).question());
        assertEquals(seed.intake().get(0).question().en(), en.get(0).question());
        assertNotEquals(vi.get(0).purpose(), en.get(0).purpose());
        assertTrue(store.intakeFields("passport", Lang.VI).isEmpty());
        assertEquals(store.seed().notice().version(), store.privacyNotice(Lang.EN).version());
    }

    @Test
    void office_answers_come_with_the_weekly_schedule_and_the_address() {
        java.time.ZonedDateTime sunday = java.time.ZonedDateTime.of(2026, 12, 6, 10, 0, 0, 0,
                                                                     java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
        Catalog.Answer hours = store.officeHours(Lang.VI, sunday);
        assertTrue(hours.text().startsWith("Hôm nay nghỉ"), hours.text());
        assertEquals(new OfficeHours(store.seed().office()).weekly(Lang.VI), hours.items());
        assertTrue(hours.followUps().stream().anyMatch(f -> f.action().equals("location")));
        Catalog.Answer where = store.officeLocation(Lang.EN);
        assertTrue(where.text().contains(store.seed().office().address().en()), where.text());
        assertTrue(where.followUps().stream().anyMatch(f -> f.action().equals("hours")));
        assertEquals(store.seed().office().caseCodePrefix(), store.office().caseCodePrefix());
        assertEquals(java.time.ZoneId.of("Asia/Ho_Chi_Minh"), store.office().zone());
    }

    private static boolean hasProblem(JsonNode body, String field, String words) {
        for (JsonNode problem : body.path("problems")) {
            if (problem.get("field").asText().equals(field) && problem.get("problem").asText().contains(words)) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode find(JsonNode list, String id) {
        for (JsonNode item : list) {
            if (item.get("id").asText().equals(id)) {
                return item;
            }
        }
        throw new AssertionError("no " + id);
    }
}
