package vn.warddesk.bot.staff;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import vn.warddesk.bot.StaffServerSupport;
import vn.warddesk.bot.testing.TestDatabase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In Chromium: the province admin changes the province's fee in the console, the ward answers with it at once, a
 * negative figure is refused at the field in people's words, and the ward editor's form says where each field
 * comes from. axe-core finds nothing on either screen.
 */
@ServerTest
class StaffConsoleProvinceLayerBrowserTest {
    private static HikariDataSource pool;
    private final URI uri;

    StaffConsoleProvinceLayerBrowserTest(URI uri) {
        this.uri = uri;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        pool = TestDatabase.fresh("staff_ui_province_layer");
        StaffServerSupport.configure(server, Config.just(ConfigSources.create(Map.of(
                "catalog.dir", "../config/catalog", "staff.seed-demo-accounts", "true", "privacy.hash-key", "test-key",
                "limits.enabled", "false"))), pool, Clock.systemUTC());
    }

    @AfterAll
    static void close() {
        pool.close();
    }

    @Test
    void the_province_admin_sets_a_fee_that_the_ward_answers_with_and_the_editor_sees_its_origin() throws Exception {
        try (StaffBrowser b = new StaffBrowser(uri.toString().replaceAll("/$", ""))) {
            b.signIn("demo.province", "demo-province-2026");
            b.click(By.id("nav-province"));
            b.await(By.id("layer-procedure"));
            new Select(b.driver().findElement(By.id("layer-procedure"))).selectByValue("marital_status_certificate");
            b.await(By.id("layer-save"));
            b.awaitText(By.id("layer-live"), "demo-hoa-an");
            assertEquals(List.of(), b.accessibilityViolations(), "axe on the province layer editor");
            long fee = Long.parseLong(b.driver().findElement(By.id("layer-fee-figure")).getAttribute("value"));

            b.type(By.id("layer-fee-figure"), "-1");
            b.click(By.id("layer-save"));
            b.awaitText(By.id("layer-problems"), "Không được là số âm.");
            assertTrue(b.driver().findElement(By.id("layer-live")).getText().contains(": 1 "), "nothing stored");

            b.type(By.id("layer-fee-figure"), String.valueOf(fee + 2000));
            b.click(By.id("layer-save"));
            b.awaitText(By.id("layer-live"), ": 2 ");
            b.awaitText(By.id("layer-versions"), "demo.province");
            String figure = java.text.NumberFormat.getIntegerInstance(Locale.forLanguageTag("vi")).format(fee + 2000);
            assertTrue(publicProcedure("marital_status_certificate", "demo-hoa-an").contains(figure),
                       "the ward answers with the new fee: " + figure);
            // The refused save (422) and the sign-in's second-factor step (401) are answers the page handles.
            assertEquals(List.of(), b.consoleErrors().stream()
                    .filter(e -> !e.contains("status of 422") && !e.contains("/api/v1/staff/login")).toList());
            b.signOut();

            b.signIn("demo.editor", "demo-editor-2026");
            b.await(By.id("catalog-procedure"));
            new Select(b.driver().findElement(By.id("catalog-procedure"))).selectByValue("marital_status_certificate");
            b.await(By.id("catalog-form"));
            b.await(By.cssSelector(".origin[data-origin='province:demo-da-nang']"));
            String origins = String.join("|", b.driver().findElements(By.cssSelector(".origin")).stream()
                    .map(e -> e.getText()).distinct().toList());
            assertTrue(origins.contains("Nguồn: tỉnh demo-da-nang") && origins.contains("Nguồn: văn bản quốc gia"), origins);
            assertEquals(List.of(), b.accessibilityViolations(), "axe on the editor form with origins");
        }
    }

    private String publicProcedure(String id, String ward) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                uri.resolve("/api/v1/procedures/" + id + "?ward=" + ward + "&locale=vi")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        return response.body();
    }
}
