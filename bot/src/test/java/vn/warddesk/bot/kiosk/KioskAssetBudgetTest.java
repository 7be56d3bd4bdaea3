package vn.warddesk.bot.kiosk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The kiosk must stay light: all its JavaScript and CSS together at most 150 KB uncompressed. */
class KioskAssetBudgetTest {
    static final Path KIOSK = Path.of("..", "kiosk-ui", "src", "main", "web", "kiosk");
    private static final long BUDGET_BYTES = 150 * 1024;

    @Test
    void javascript_and_css_stay_within_150_kilobytes() throws IOException {
        List<Path> assets;
        try (Stream<Path> files = Files.walk(KIOSK)) {
            assets = files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".js") || p.toString().endsWith(".css"))
                    .toList();
        }
        assertFalse(assets.isEmpty(), "kiosk assets found under " + KIOSK.toAbsolutePath());
        long total = 0;
        for (Path asset : assets) {
            total += Files.size(asset);
        }
        System.out.printf("kiosk JS+CSS: %d bytes in %d files (budget %d)%n", total, assets.size(), BUDGET_BYTES);
        assertTrue(total <= BUDGET_BYTES, "kiosk JS+CSS is " + total + " bytes, over the " + BUDGET_BYTES + " budget");
    }

    @Test
    void index_preloads_every_module_the_app_imports() throws IOException {
        // Without the preload a phone fetches the module graph level by level (Lighthouse mobile: one round trip each).
        String index = Files.readString(KIOSK.resolve("index.html"));
        List<String> modules;
        try (Stream<Path> files = Files.walk(KIOSK)) {
            modules = files.filter(Files::isRegularFile).map(p -> KIOSK.relativize(p).toString().replace('\\', '/'))
                    .filter(name -> name.endsWith(".js") && !List.of("app.js", "sw.js", "offline.js").contains(name))
                    .toList();
        }
        assertTrue(modules.size() > 10, "kiosk modules found: " + modules);
        for (String module : modules) {
            assertTrue(index.contains("<link rel=\"modulepreload\" href=\"" + module + "\">"), "index.html preloads " + module);
        }
    }

    @Test
    void html_and_css_import_nothing_from_other_origins() throws IOException {
        // A kiosk must render without the internet and must not leak what citizens do to third parties.
        try (Stream<Path> files = Files.walk(KIOSK)) {
            for (Path file : files.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".svg")).toList()) {
                String text = Files.readString(file);
                assertFalse(text.matches("(?s).*(src|href)=\"https?://.*") || text.contains("@import url(http"),
                            file + " loads something from another origin");
            }
        }
    }
}
