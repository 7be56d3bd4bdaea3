package vn.warddesk.bot.staff;

import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import vn.warddesk.bot.StaffServerSupport;
import vn.warddesk.bot.testing.TestDatabase;
import vn.warddesk.bot.testing.Waits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The first admin in a real Chromium: one-time password, forced change, creating an officer, wrong password. */
@ServerTest
class StaffConsoleAccountsBrowserTest {
    private static HikariDataSource pool;
    private static Staff.FirstAdmin firstAdmin;
    private static StaffBrowser browser;
    private final URI uri;

    StaffConsoleAccountsBrowserTest(URI uri) {
        this.uri = uri;
    }

    static Config config() {
        Map<String, String> map = new HashMap<>();
        map.put("staff.seed-demo-accounts", "true");
        map.put("privacy.hash-key", "test-key");
        return Config.just(ConfigSources.create(map));
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        pool = TestDatabase.fresh("staff_ui_accounts");
        StaffServerSupport.configure(server, config(), pool, Clock.systemUTC());
        // The same path as "./warddesk admin create-admin --ward demo-hoa-an --username ward.admin".
        firstAdmin = Staff.forCommandLine(vn.warddesk.bot.WardDeskSettings.read(config()).staff(), pool, Clock.systemUTC()).createAdmin("demo-hoa-an", "ward.admin");
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
        pool.close();
    }

    private StaffBrowser browser() {
        if (browser == null) {
            browser = new StaffBrowser(uri.toString().replaceAll("/$", ""));
        }
        return browser;
    }

    @Test
    void the_first_admin_must_change_the_one_time_password_then_creates_an_officer() {
        StaffBrowser b = browser();
        b.signIn("ward.admin", "a-wrong-password");
        b.awaitText(By.id("login-error"), "Sai tên đăng nhập hoặc mật khẩu");
        b.screenshot("login-wrong-password");

        b.signIn(firstAdmin.username(), firstAdmin.oneTimePassword());
        b.await(By.id("password-form"));
        assertEquals("", b.driver().findElement(By.id("nav")).getText(), "no other page before the password is changed");
        b.screenshot("first-login-change-password");
        b.type(By.id("current-password"), firstAdmin.oneTimePassword());
        b.type(By.id("new-password"), "Hoa-An-admin-2026!");
        b.type(By.id("new-password-again"), "Hoa-An-admin-2026!");
        b.click(By.id("password-submit"));

        // An admin sets up the second factor before anything else: QR code, first code, recovery codes.
        b.await(By.id("enrol-form"));
        assertEquals("", b.driver().findElement(By.id("nav")).getText(), "no other page before the second factor is set up");
        new org.openqa.selenium.support.ui.WebDriverWait(b.driver(), Waits.BROWSER).until(
                d -> !d.findElement(By.id("enrol-secret")).getText().isBlank()
                     && d.findElement(By.id("enrol-qr")).getAttribute("src").startsWith("data:image/svg+xml"));
        String secret = b.driver().findElement(By.id("enrol-secret")).getText();
        b.screenshot("second-factor-enrol");
        // Enter submits the form (the "password changed" toast may still cover the button).
        // As a person would: if the code is refused (typed as its 30-second step ended, or a key lost under load), type the
        // app's next code once more.
        for (int attempt = 1; ; attempt++) {
            b.type(By.id("enrol-code"), SecondFactor.code(secret, java.time.Instant.now()) + org.openqa.selenium.Keys.ENTER);
            try {
                b.await(By.id("recovery-codes"));
                break;
            } catch (org.openqa.selenium.TimeoutException e) {
                if (attempt == 2) {
                    throw e;
                }
            }
        }
        assertEquals(10, b.driver().findElements(By.cssSelector("#recovery-codes li code")).size(), "ten recovery codes, shown once");
        b.screenshot("second-factor-recovery-codes");
        b.driver().findElement(By.id("recovery-done")).sendKeys(org.openqa.selenium.Keys.ENTER);

        b.await(By.id("account-form"));
        assertTrue(b.driver().findElement(By.id("nav")).getText().contains("Tài khoản"));
        assertTrue(b.driver().findElement(By.id("demo-badge")).getAttribute("hidden") != null, "a real account is not DEMO");
        b.type(By.id("account-username"), "officer.lan");
        b.type(By.id("account-display"), "<img src=x onerror=alert(1)>Trần Thị Lan");
        b.click(By.cssSelector("#account-form button[type=submit]"));
        b.await(By.cssSelector("#one-time code.secret"));
        String oneTime = b.driver().findElement(By.cssSelector("#one-time code.secret")).getText();
        assertEquals(19, oneTime.length(), "16 characters in groups of four");
        b.awaitText(By.id("accounts-list"), "<img src=x onerror=alert(1)>Trần Thị Lan");
        assertTrue(b.driver().findElements(By.cssSelector("#accounts-list img")).isEmpty(), "names are text, never HTML");
        b.screenshot("accounts");
        b.signOut();

        b.signIn("officer.lan", oneTime);
        b.await(By.id("password-form"));
        assertFalse(b.driver().findElement(By.id("nav")).getText().contains("Tài khoản"), "an officer has no accounts page");
        b.signOut();
    }

    @Test
    void demo_accounts_are_marked_demo() {
        StaffBrowser b = browser();
        b.signIn("demo.supervisor", "demo-supervisor-2026");
        b.await(By.id("nav-audit"));
        assertTrue(b.driver().findElement(By.id("demo-badge")).isDisplayed());
        b.click(By.id("nav-audit"));
        b.await(By.cssSelector("#audit-table .audit-row"));
        b.awaitText(By.id("audit-table"), "login.success");
        b.screenshot("audit");
        b.signOut();
    }
}
