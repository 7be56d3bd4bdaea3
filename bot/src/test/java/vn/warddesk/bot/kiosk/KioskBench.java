package vn.warddesk.bot.kiosk;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.helidon.config.Config;

/**
 * Benchmark, not a test: first render of the kiosk home screen on localhost in headless Chromium.
 * Starts the real server over the embedded test MariaDB, loads /kiosk/ N times (the first load with an empty
 * profile, the rest warm) and prints the navigation timing and the time until the procedure tiles are on screen
 * (the app's performance mark "warddesk:home"). Target: first render under 1 s.
 * Run: ./warddesk bench-kiosk [loads]
 */
public final class KioskBench {
    private KioskBench() {
    }

    public static void main(String[] args) {
        int loads = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        List<Double> homes = new ArrayList<>();
        try (BenchServer server = BenchServer.start("kiosk_bench", Config.empty());
             KioskBrowser browser = new KioskBrowser("http://localhost:" + server.port(), 1280, 800)) {
            System.out.printf("kiosk bench: %d loads of http://localhost:%d/kiosk/ in headless Chromium%n", loads, server.port());
            System.out.println(HomeRender.HEADER);
            for (int i = 0; i < loads; i++) {
                browser.open("", "#/");
                browser.waitFor(".tiles .tile");
                browser.waitUntil(d -> browser.script("return performance.getEntriesByName('warddesk:home').length > 0"),
                                  Duration.ofSeconds(10));
                homes.add(HomeRender.measure(browser, i));
                browser.script("location.replace('about:blank')");
            }
        }
        HomeRender.Spread spread = HomeRender.Spread.of(homes);
        System.out.printf("%s — target < 1000 ms: %s%n", spread, spread.max() < 1000 ? "met" : "MISSED");
        System.exit(0);
    }
}
