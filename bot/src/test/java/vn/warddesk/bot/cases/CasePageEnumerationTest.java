package vn.warddesk.bot.cases;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import vn.warddesk.bot.KioskServerSupport;
import vn.warddesk.bot.testing.TestDatabase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Guessing a case page: a wrong check looks exactly like an unknown code, and the guesses run out quickly. */
@ServerTest
class CasePageEnumerationTest {
    private static final int PER_MINUTE = 6;
    private static HikariDataSource pool;
    private static AutoCloseable features;
    private final URI uri;

    CasePageEnumerationTest(URI uri) {
        this.uri = uri;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        pool = TestDatabase.fresh("case_page_guess");
        Config config = Config.just(ConfigSources.create(Map.of(
                "privacy.hash-key", "case-page-test-key",
                "conversation.status-lookups-per-minute", Integer.toString(PER_MINUTE))));
        features = KioskServerSupport.configure(server, config, pool, Clock.systemUTC());
    }

    @AfterAll
    static void close() throws Exception {
        features.close();
        pool.close();
    }

    private HttpResponse<String> page(String code, String check) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + uri.getPort() + "/api/v1/cases/" + code + "/page?check=" + check)).build(),
                                               HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_wrong_check_answers_like_an_unknown_code_and_a_client_is_stopped_after_its_allowance() throws Exception {
        String code = CasePageBrowserTest.requestWithReply(pool, "0905 777 888", LocalDate.of(2026, 12, 8), "Chào bạn.");
        String unknown = "PH-2026-0000000";
        HttpResponse<String> wrong = page(code, "111");
        HttpResponse<String> missing = page(unknown, "888");
        assertEquals(404, wrong.statusCode());
        assertEquals(404, missing.statusCode());
        assertEquals(wrong.body(), missing.body(), "nothing tells a guesser that the code exists");
        assertFalse(wrong.body().contains("Chào bạn."));
        assertEquals(404, page(code, "").statusCode(), "the code alone opens nothing");
        assertEquals(200, page(code, "888").statusCode(), "the last 3 digits of the phone open it");

        int limited = 0;
        for (int i = 0; i < PER_MINUTE + 2; i++) {
            if (page(code, String.format("%03d", i)).statusCode() == 429) {
                limited++;
            }
        }
        assertTrue(limited >= 2, "after " + PER_MINUTE + " look-ups a minute the client gets 429, got " + limited + " refusals");
        assertEquals(429, page(code, "888").statusCode(), "even the right check waits: guessing cannot outrun the limit");
    }

    @Test
    void the_code_check_is_stable_per_code_and_localhost_base_urls_are_recognised() {
        CaseLinks page = new CaseLinks("https://x.example", "k");
        assertEquals(page.codeCheck("PH-2026-1234567"), page.codeCheck("PH-2026-1234567"));
        assertTrue(page.codeCheck("PH-2026-1234567").matches("\\d{4}"));
        java.util.Set<String> underOtherSecrets = new java.util.HashSet<>();
        for (String secret : java.util.List.of("a", "b", "c", "d", "e")) {
            underOtherSecrets.add(new CaseLinks("https://x.example", secret).codeCheck("PH-2026-1234567"));
        }
        assertTrue(underOtherSecrets.size() >= 3, "the check depends on the server secret: " + underOtherSecrets);
        assertEquals("https://x.example/c/PH-2026-1234567#k=" + page.codeCheck("PH-2026-1234567"), page.url("PH-2026-1234567"));
        assertTrue(CaseLinks.pointsAtLocalhost("http://localhost:8080"));
        assertTrue(CaseLinks.pointsAtLocalhost("http://127.0.0.1"));
        assertFalse(CaseLinks.pointsAtLocalhost("https://motcua.hoaan.danang.gov.vn"));
    }
}
