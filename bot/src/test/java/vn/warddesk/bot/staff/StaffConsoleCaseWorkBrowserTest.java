package vn.warddesk.bot.staff;

import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.staticcontent.StaticContentService;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import vn.warddesk.bot.testing.TestDatabase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Case work in a real Chromium over the staff layer, with cases from an in-memory desk: live queue, claim, script
 * in citizen messages and notes shown as text, reply, resolve, read-only withdrawn case, another ward sees nothing.
 */
@ServerTest
class StaffConsoleCaseWorkBrowserTest {
    private static EngineCases cases;
    private static HikariDataSource pool;
    private final URI uri;

    StaffConsoleCaseWorkBrowserTest(URI uri) {
        this.uri = uri;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        pool = TestDatabase.fresh("staff_ui_cases");
        Map<String, String> map = new HashMap<>();
        map.put("staff.seed-demo-accounts", "true");
        map.put("staff.events-poll-interval", "PT0.3S");
        map.put("privacy.hash-key", "test-key");
        cases = new EngineCases(pool, Clock.systemUTC());
        Staff staff = Staff.create(vn.warddesk.bot.WardDeskSettings.read(Config.just(ConfigSources.create(map))).staff(), pool, Clock.systemUTC(), cases.cases());
        server.routing(r -> {
            vn.warddesk.bot.http.ErrorEdge.register(r, new vn.warddesk.bot.store.DatabaseCircuit(pool));
            r.register("/staff", StaticContentService.builder("web/staff").welcomeFileName("index.html").build());
            staff.routing(r);
        });
    }

    @AfterAll
    static void close() {
        pool.close();
    }

    @Test
    void an_officer_claims_replies_and_resolves_while_script_stays_text_and_another_ward_sees_nothing() {
        String xss = "<img src=x onerror=\"document.title='pwned'\"><script>document.title='pwned'</script>Cho tôi hỏi";
        String first = cases.request("demo-hoa-an", "telegram", "birth_registration",
                                     Map.of("Họ tên", "<b>Nguyễn Thị Ánh</b>", "Số điện thoại", "0912 345 678"), xss).code();
        try (StaffBrowser b = new StaffBrowser(uri.toString().replaceAll("/$", ""))) {
            b.signIn("demo.officer", "demo-officer-2026");
            b.await(By.cssSelector("tr.case-row[data-code='" + first + "']"));
            b.awaitText(By.id("live-state"), "Trực tuyến");

            // A new handover appears without reloading (Server-Sent Events).
            String second = cases.request("demo-hoa-an", "web", "temporary_residence", Map.of(), "Cần gặp cán bộ").code();
            b.await(By.cssSelector("tr.case-row[data-code='" + second + "']"));
            assertEquals(1, b.driver().findElements(By.id("queue-list")).size(), "the queue is drawn once");
            b.screenshot("queue");

            b.click(By.cssSelector("tr.case-row[data-code='" + first + "'] button.claim"));
            b.await(By.id("reply-text"));
            b.awaitText(By.id("case-status"), "Đang xử lý");
            assertTrue(b.driver().findElement(By.id("case-transcript")).getText().contains("<script>document.title='pwned'</script>"),
                       "the citizen's text is shown literally");
            assertTrue(b.driver().findElement(By.id("case-fields")).getText().contains("<b>Nguyễn Thị Ánh</b>"));
            assertTrue(b.driver().findElements(By.cssSelector("#case-transcript img, #case-transcript script, #case-fields b")).isEmpty(),
                       "nothing from the data became an element");

            b.type(By.id("note-text"), "<script>document.title='pwned'</script> hẹn gọi lại 9h");
            b.click(By.id("note-add"));
            b.awaitText(By.id("case-notes"), "hẹn gọi lại 9h");
            assertTrue(b.driver().findElement(By.id("case-notes")).getText().contains("<script>"));
            assertTrue(b.driver().findElements(By.cssSelector("#case-notes script")).isEmpty());

            b.type(By.id("reply-text"), "Chào chị, mời chị mang giấy chứng sinh đến bộ phận một cửa.");
            b.click(By.id("reply-send"));
            b.awaitText(By.id("case-transcript"), "mời chị mang giấy chứng sinh");
            b.awaitText(By.id("case-transcript"), "Đang chờ gửi");
            b.screenshot("case");

            b.type(By.id("resolve-outcome"), "Đã hướng dẫn hồ sơ");
            b.click(By.id("case-resolve"));
            b.awaitText(By.id("case-status"), "Đã giải quyết");
            assertTrue(b.driver().findElements(By.id("reply-text")).isEmpty(), "a resolved case is read-only");
            assertEquals("resolved", cases.column(first, "status"));
            assertEquals("Đã hướng dẫn hồ sơ", cases.column(first, "outcome"));
            assertFalse(b.driver().getTitle().contains("pwned"), "no injected script ran");
            b.signOut();

            // The officer of the other ward: empty queue, and the direct link shows "not found".
            b.signIn("demo.phumy", "demo-phumy-2026");
            b.await(By.id("queue-empty"));
            assertTrue(b.driver().findElements(By.cssSelector("tr.case-row")).isEmpty());
            b.open("/staff/#/case/" + second);
            b.await(By.id("case-missing"));
            assertFalse(b.driver().getPageSource().contains("Cần gặp cán bộ"));
            b.screenshot("other-ward");
            b.signOut();
        }
    }

    @Test
    void a_withdrawn_case_is_flagged_and_read_only() {
        EngineCases.Created withdrawn = cases.request("demo-hoa-an", "zalo", "birth_registration", Map.of("Họ tên", "Lê Văn B"),
                                                      "Tôi muốn rút");
        cases.withdraw(withdrawn);
        try (StaffBrowser b = new StaffBrowser(uri.toString().replaceAll("/$", ""))) {
            b.signIn("demo.supervisor", "demo-supervisor-2026");
            b.await(By.id("tab-withdrawn"));
            b.click(By.id("tab-withdrawn"));
            b.click(By.cssSelector("tr.case-row[data-code='" + withdrawn.code() + "'] a.code"));
            b.await(By.id("withdrawn-banner"));
            List<WebElement> actions = b.driver().findElements(By.cssSelector("#reply-text, #case-claim, #note-text, #case-resolve"));
            assertTrue(actions.isEmpty(), "no way to work a withdrawn case");
            b.screenshot("withdrawn");
        }
    }
}
