package vn.warddesk.bot;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Part of every build: random requests over every route get no 5xx, and the server is healthy afterwards. */
class RouteFuzzTest {
    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");
    private static RouteFuzz fuzz;

    @BeforeAll
    static void start() throws Exception {
        fuzz = new RouteFuzz(20261206L);
        fuzz.prepare();
    }

    @AfterAll
    static void stop() {
        fuzz.close();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void every_route_of_the_routing_table_is_in_the_fuzzed_set() {
        List<String> routes = fuzz.routes().stream().map(Object::toString).toList();
        assertTrue(routes.containsAll(List.of("POST /api/v1/conversations", "POST /api/v1/conversations/{id}/messages",
                                              "POST /api/v1/staff/login", "POST /api/v1/staff/cases/{code}/notes",
                                              "PUT /api/v1/admin/procedures/{id}", "POST /webhooks/telegram",
                                              "POST /webhooks/zalo", "GET /api/v1/cases/{code}/status")), routes.toString());
    }

    @Test
    void two_thousand_four_hundred_random_requests_get_no_server_error_and_the_server_stays_healthy() throws Exception {
        RouteFuzz.Result result = fuzz.run(2_400, Duration.ofSeconds(150));
        System.out.println("route fuzz: " + result.requests() + " requests over " + fuzz.routes().size() + " routes, by status "
                           + result.byStatus());
        assertTrue(result.requests() >= 2_000, "the budget allowed only " + result.requests() + " requests");
        assertEquals(List.of(), result.failures());
        assertEquals(200, fuzz.send("GET", "/observe/health", Map.of(), new byte[0]).status());
        assertEquals(201, fuzz.send("POST", "/api/v1/conversations", JSON, utf8("{\"channel\":\"web\"}")).status(),
                     "a citizen can still start a conversation");
    }

    @Test
    void every_page_and_answer_carries_the_same_security_headers_and_the_pages_have_no_inline_code() throws Exception {
        for (String path : List.of("/kiosk/", "/kiosk/offline.html", "/kiosk/app.js", "/staff/", "/api/v1/procedures",
                                   "/api/v1/cases/PH-2026-0000000/status", "/no/such/page")) {
            String head = fuzz.send("GET", path, Map.of(), new byte[0]).head().toLowerCase(java.util.Locale.ROOT);
            assertTrue(head.contains("content-security-policy: "
                                     + vn.warddesk.bot.http.SecurityHeaders.CONTENT_SECURITY_POLICY.toLowerCase(java.util.Locale.ROOT)),
                       path + ": " + head);
            assertTrue(head.contains("x-frame-options: deny") && head.contains("x-content-type-options: nosniff")
                       && head.contains("referrer-policy: no-referrer"), path + ": " + head);
            assertTrue(!head.contains("unsafe-inline"), path);
        }
        for (String page : List.of("/kiosk/", "/kiosk/offline.html", "/staff/")) {
            String html = new String(fuzz.send("GET", page, Map.of(), new byte[0]).body(), StandardCharsets.UTF_8);
            assertTrue(html.contains("<script") || html.contains("<link"), page + " was served");
            assertTrue(!html.matches("(?is).*<script(?![^>]*\\bsrc=)[^>]*>.*"), page + " has an inline script");
            assertTrue(!html.matches("(?is).*<style.*") && !html.matches("(?is).*\\sstyle=.*"), page + " has inline style");
            assertTrue(!html.matches("(?is).*\\son[a-z]+=.*"), page + " has an inline event handler");
        }
    }

    /** The 13 requests that answered 500 in the hardening issue, one by one. */
    @Test
    void the_requests_that_answered_500_in_the_issue_now_get_a_clear_4xx() throws Exception {
        for (String token : List.of("abc\\u0000def", "abc\\r\\nX-Injected: 1", "😀".repeat(400))) {
            int status = fuzz.send("POST", "/api/v1/conversations", JSON,
                                   utf8("{\"channel\":\"zalo_mini_app\",\"zaloAccessToken\":\"" + token + "\"}")).status();
            assertEquals(400, status, "Mini App token " + token.substring(0, 8));
        }
        for (String path : List.of("/api/v1/staff/login", "/api/v1/staff/cases/PH-2026-1234567/notes",
                                   "/api/v1/staff/cases/PH-2026-1234567/reply", "/api/v1/staff/cases/PH-2026-1234567/assign",
                                   "/api/v1/staff/accounts")) {
            int status = fuzz.send("POST", path, Map.of("Authorization", "Bearer " + RouteFuzz.ADMIN_TOKEN), new byte[0]).status();
            assertTrue(status >= 400 && status < 500, path + " with an empty body answered " + status);
        }
        RouteFuzz.Answer put = fuzz.send("PUT", "/api/v1/admin/procedures/birth_registration",
                                         Map.of("Authorization", "Bearer " + RouteFuzz.ADMIN_TOKEN), new byte[0]);
        assertEquals(400, put.status());
        assertTrue(put.head().toLowerCase().contains("content-type: application/problem+json"), put.head());
        RouteFuzz.Answer malformed = fuzz.raw(utf8("{}GET / HTTP/1.1\r\nHost: x\r\n\r\n"));
        assertEquals(400, malformed.status(), malformed.head());
        assertEquals(200, fuzz.send("GET", "/observe/health", Map.of(), new byte[0]).status());
    }
}
