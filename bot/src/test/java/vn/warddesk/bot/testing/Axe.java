package vn.warddesk.bot.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core (vendored from npm under test resources) run in a page: one line per WCAG 2.0/2.1 A/AA violation. The
 * script is injected once per page load: the kiosk, staff console and Mini App are single-page apps, and sending axe's
 * 550 KB again for every screen of the same page cost more than the check itself (≈ 1.5 s per injection with the
 * machine loaded). axe.run reads the DOM as it is at each call, so later screens are checked just the same.
 */
public final class Axe {
    private static final String SCRIPT = load();

    private Axe() {
    }

    @SuppressWarnings("unchecked")
    public static List<String> violations(WebDriver driver) {
        JavascriptExecutor page = (JavascriptExecutor) driver;
        // An element with id="axe" is also window.axe: look for axe's own run function, not just the name.
        if (!Boolean.TRUE.equals(page.executeScript("return !!window.axe && typeof window.axe.run === 'function'"))) {
            page.executeScript(SCRIPT);
        }
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        Object result = page.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
                  .then(r => done(r.violations.map(v => ({id: v.id, help: v.help,
                      nodes: v.nodes.map(n => n.target.join(' ') + ' ' + (n.failureSummary || '')).slice(0, 5)}))))
                  .catch(e => done([{id: 'axe-error', help: String(e), nodes: []}]));
                """);
        List<String> lines = new ArrayList<>();
        for (Object v : (List<Object>) result) {
            Map<String, Object> violation = (Map<String, Object>) v;
            lines.add(violation.get("id") + ": " + violation.get("help") + " " + violation.get("nodes"));
        }
        return lines;
    }

    private static String load() {
        try (InputStream in = Axe.class.getResourceAsStream("/axe/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe/axe.min.js missing from the test resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
