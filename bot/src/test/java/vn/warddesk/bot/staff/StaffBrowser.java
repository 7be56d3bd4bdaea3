package vn.warddesk.bot.staff;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.warddesk.bot.testing.Waits;

/** Headless Debian Chromium for the staff console tests, with screenshots under target/screenshots/. */
final class StaffBrowser implements AutoCloseable {
    /** The demo accounts the console asks a second-factor code of. */
    private static final java.util.Set<String> DEMO_ACCOUNTS_WITH_SECOND_FACTOR =
            java.util.Set.of("demo.admin", "demo.supervisor", "demo.province");

    private final Path profile;
    private final ChromeDriver driver;
    private final String base;

    StaffBrowser(String base) {
        this.base = base;
        try {
            profile = Files.createTempDirectory("staff-chrome-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                             "--disable-background-networking", "--disable-component-update", "--disable-sync",
                             "--no-first-run", "--window-size=1366,900", "--lang=vi", "--user-data-dir=" + profile);
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Waits.BROWSER);
    }

    ChromeDriver driver() {
        return driver;
    }

    void open(String path) {
        driver.get(base + path);
    }

    WebElement await(By by) {
        return new WebDriverWait(driver, Waits.BROWSER).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    void awaitText(By by, String text) {
        new WebDriverWait(driver, Waits.BROWSER).until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    void awaitGone(By by) {
        new WebDriverWait(driver, Waits.BROWSER).until(ExpectedConditions.invisibilityOfElementLocated(by));
    }

    void type(By by, String text) {
        WebElement input = await(by);
        input.clear();
        input.sendKeys(text);
    }

    void click(By by) {
        new WebDriverWait(driver, Waits.BROWSER).until(ExpectedConditions.elementToBeClickable(by)).click();
    }

    void signIn(String username, String password) {
        open("/staff/");
        type(By.id("username"), username);
        type(By.id("password"), password);
        click(By.id("login-submit"));
        if (username.equals("demo.admin") || username.equals("demo.supervisor") || username.equals("demo.province")) {
            enterDemoCode();
        }
    }

    /** The console asks for the second factor once the password is right: the demo accounts' current code. */
    void enterDemoCode() {
        new WebDriverWait(driver, Waits.BROWSER).until(ExpectedConditions.visibilityOfElementLocated(By.id("login-code")));
        type(By.id("login-code"), SecondFactor.code(DemoAccounts.TOTP_SECRET, java.time.Instant.now()));
        click(By.id("login-submit"));
    }

    /**
     * Signs in on the sign-in form already on screen (keeping its language), with the demo code when the console asks
     * for the second factor.
     */
    void signInOnForm(String username, String password) {
        type(By.id("username"), username);
        type(By.id("password"), password);
        click(By.id("login-submit"));
        if (DEMO_ACCOUNTS_WITH_SECOND_FACTOR.contains(username)) {
            enterDemoCode();
        }
    }

    void signOut() {
        click(By.id("logout"));
        await(By.id("login-form"));
    }

    /** axe-core over the current page: one line per WCAG A/AA violation. */
    java.util.List<String> accessibilityViolations() {
        return vn.warddesk.bot.testing.Axe.violations(driver);
    }

    /** Errors the browser console logged since the last call (failed requests included). */
    java.util.List<String> consoleErrors() {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(org.openqa.selenium.logging.LogEntry::getMessage).toList();
    }

    void screenshot(String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, dir.resolve("staff-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temp profile is harmless.
        }
    }
}
