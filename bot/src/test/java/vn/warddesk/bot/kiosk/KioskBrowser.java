package vn.warddesk.bot.kiosk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import vn.warddesk.bot.testing.Axe;
import vn.warddesk.bot.testing.Waits;

/**
 * A real headless Debian Chromium driving the kiosk, with screenshots under the fork's test directory
 * (target/fork-N/screenshots) and axe-core ({@link Axe}) for the accessibility checks. Not thread-safe: one per test.
 */
final class KioskBrowser implements AutoCloseable {
    static final Path SCREENSHOTS = Path.of(System.getProperty("warddesk.test.dir", "target"), "screenshots");

    private final Path profile;
    private final ChromeDriver driver;
    private final String baseUrl;

    KioskBrowser(String baseUrl, int width, int height) {
        this.baseUrl = baseUrl;
        try {
            profile = Files.createTempDirectory("warddesk-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                             "--disable-background-networking", "--disable-component-update", "--disable-sync",
                             "--no-first-run", "--hide-scrollbars", "--font-render-hinting=none",
                             "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(width, height));
    }

    WebDriver driver() {
        return driver;
    }

    /** Opens the kiosk at the given hash route, e.g. "#/" or "#/case"; query is e.g. "?idle=3" or "". */
    void open(String query, String hash) {
        driver.get(baseUrl + "/kiosk/" + query + hash);
    }

    WebElement waitFor(String css) {
        return new WebDriverWait(driver, Waits.BROWSER)
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    WebElement waitForPresent(String css) {
        return new WebDriverWait(driver, Waits.BROWSER)
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    <T> T waitUntil(Function<WebDriver, T> condition, Duration timeout) {
        return new WebDriverWait(driver, timeout).until(condition);
    }

    void waitForText(String css, String text) {
        new WebDriverWait(driver, Waits.BROWSER)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
    }

    /** Clicks the element once it is clickable; found again when the page re-rendered it in between (stale). */
    void click(String css) {
        waitFor(css);
        new WebDriverWait(driver, Waits.BROWSER).ignoring(StaleElementReferenceException.class).until(d -> {
            WebElement element = ExpectedConditions.elementToBeClickable(By.cssSelector(css)).apply(d);
            if (element == null) {
                return false;
            }
            element.click();
            return true;
        });
    }

    /** Clicks the first element matching css whose text passes the test; found again after a re-render (stale). */
    void clickFirst(String css, java.util.function.Predicate<String> text) {
        new WebDriverWait(driver, Waits.BROWSER).ignoring(StaleElementReferenceException.class).until(d -> {
            for (WebElement element : d.findElements(By.cssSelector(css))) {
                if (text.test(element.getText())) {
                    element.click();
                    return true;
                }
            }
            return false;
        });
    }

    /** The text of the visible element matching css, read again when a re-render made it stale. */
    String textOf(String css) {
        return new WebDriverWait(driver, Waits.BROWSER).ignoring(StaleElementReferenceException.class)
                .until(d -> waitFor(css).getText());
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** The rendered text of every element matching css, read in one script so that a re-render cannot make one stale. */
    @SuppressWarnings("unchecked")
    List<String> texts(String css) {
        return (List<String>) script("return Array.from(document.querySelectorAll(arguments[0]), e => e.innerText)", css);
    }

    String mainText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    Object asyncScript(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(js, args);
    }

    /** Saves a PNG of the viewport as screenshots/name.png under the test directory and returns its path. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the current page; returns one line per violation. */
    List<String> accessibilityViolations() {
        return Axe.violations(driver);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a leftover temp profile is harmless
            }
        }
    }
}
