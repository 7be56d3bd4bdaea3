package vn.warddesk.bot.kiosk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.config.Config;

/**
 * Benchmark, not a test: Lighthouse's performance category for the kiosk home screen with its mobile emulation (the
 * default "mobile" configuration: a mid-range phone's screen, 4× CPU slowdown and a slow 4G network, simulated).
 * Starts the real server over the embedded test MariaDB on 127.0.0.1, runs the pinned npm Lighthouse
 * (kiosk-ui/tools/lighthouse, installed by ./warddesk bench-lighthouse) against /kiosk/ with /usr/bin/chromium
 * headless N times, and prints each run's score, cumulative layout shift and paint metrics, then the medians.
 * Targets (issue 18): performance ≥ 98, CLS < 0.05. Run: ./warddesk bench-lighthouse [runs] (0: only the layout shifts)
 */
public final class LighthouseBench {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LighthouseBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Path cli = Path.of(System.getProperty("warddesk.lighthouse", "kiosk-ui/tools/lighthouse/node_modules/lighthouse/cli/index.js"));
        if (!Files.isRegularFile(cli)) {
            System.err.println("lighthouse bench: " + cli + " is missing (./warddesk bench-lighthouse installs it)");
            System.exit(2);
        }
        Path out = Files.createDirectories(Path.of(System.getProperty("warddesk.test.dir", "target"), "lighthouse"));
        List<double[]> results = new ArrayList<>();
        try (BenchServer server = BenchServer.start("lighthouse_bench", Config.empty())) {
            String url = "http://127.0.0.1:" + server.port() + "/kiosk/";
            System.out.printf("lighthouse bench: %d runs of %s (Lighthouse mobile emulation, headless Chromium)%n", runs, url);
            System.out.println("run  performance  CLS     FCP_ms  LCP_ms  TBT_ms  SI_ms");
            for (int i = 1; i <= runs; i++) {
                Path report = out.resolve("kiosk-home-" + i + ".json");
                run(cli, url, report);
                JsonNode lhr = JSON.readTree(report.toFile());
                if (lhr.path("runtimeError").has("code")) {
                    throw new IllegalStateException("Lighthouse: " + lhr.path("runtimeError"));
                }
                double[] r = {lhr.path("categories").path("performance").path("score").asDouble(-0.01) * 100,
                              audit(lhr, "cumulative-layout-shift"), audit(lhr, "first-contentful-paint"),
                              audit(lhr, "largest-contentful-paint"), audit(lhr, "total-blocking-time"), audit(lhr, "speed-index")};
                results.add(r);
                System.out.printf("%3d  %11.0f  %.3f  %6.0f  %6.0f  %6.0f  %5.0f%n", i, r[0], r[1], r[2], r[3], r[4], r[5]);
            }
            shifts("http://127.0.0.1:" + server.port());
        }
        if (results.isEmpty()) { // runs = 0: only where the page shifts
            System.exit(0);
        }
        double score = median(results, 0);
        double cls = median(results, 1);
        System.out.printf("kiosk (mobile): performance %.0f (target ≥ 98: %s), cumulative layout shift %.3f (target < 0.05: %s);"
                          + " medians of %d runs, reports in %s%n", score, score >= 98 ? "met" : "MISSED", cls,
                          cls < 0.05 ? "met" : "MISSED", runs, out.toAbsolutePath());
        System.exit(0);
    }

    private static void run(Path cli, String url, Path report) throws IOException, InterruptedException {
        ProcessBuilder process = new ProcessBuilder("node", cli.toString(), url, "--quiet", "--output=json",
                "--output-path=" + report, "--only-categories=performance", "--form-factor=mobile",
                "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run");
        process.environment().put("CHROME_PATH", "/usr/bin/chromium");
        process.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.INHERIT);
        Process p = process.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("Lighthouse did not finish in 5 minutes");
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException("Lighthouse exited with " + p.exitValue());
        }
    }

    private static double audit(JsonNode lhr, String id) {
        return lhr.path("audits").path(id).path("numericValue").asDouble(Double.NaN);
    }

    /**
     * Which elements moved, so a layout shift above target says where to look. Lighthouse 12's own "layout-shifts"
     * audit fails on the traces of today's Chromium, so the page's layout-shift entries are read in Chromium itself:
     * Lighthouse's phone screen (412×823), the CPU slowed 4×, a cold load.
     */
    @SuppressWarnings("unchecked")
    private static void shifts(String base) {
        try (KioskBrowser browser = new KioskBrowser(base, 412, 823)) {
            var cdp = (org.openqa.selenium.chrome.ChromeDriver) browser.driver();
            cdp.executeCdpCommand("Emulation.setCPUThrottlingRate", Map.of("rate", 4));
            // Lighthouse's mobile screen emulation: a 412×823 phone at 1.75 device pixels per CSS pixel, touch.
            cdp.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", 412, "height", 823, "deviceScaleFactor", 1.75, "mobile", true));
            cdp.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", true, "maxTouchPoints", 5));
            browser.open("", "#/");
            browser.waitFor(".tiles .tile");
            List<Object> entries = (List<Object>) browser.asyncScript("""
                    const done = arguments[0];
                    const seen = []; // layout-shift entries reach observers only (buffered), not getEntriesByType
                    new PerformanceObserver((list) => seen.push(...list.getEntries())).observe({type: 'layout-shift', buffered: true});
                    setTimeout(() => done(seen.filter(e => !e.hadRecentInput)
                      .map(e => ({value: e.value, at: Math.round(e.startTime), sources: (e.sources || []).map(s =>
                        (s.node && s.node.nodeType === 1 ? s.node.tagName.toLowerCase() + (s.node.id ? '#' + s.node.id : '')
                          + (s.node.className ? '.' + String(s.node.className).trim().split(/\\s+/).join('.') : '') : String(s.node && s.node.nodeName))
                        + ' ' + JSON.stringify([s.previousRect.y, s.previousRect.height]) + '→' + JSON.stringify([s.currentRect.y, s.currentRect.height]))}))), 1500);
                    """);
            double total = 0;
            for (Object e : entries) {
                Map<String, Object> entry = (Map<String, Object>) e;
                double value = ((Number) entry.get("value")).doubleValue();
                total += value;
                System.out.printf("     layout shift %.4f at %s ms: %s%n", value, entry.get("at"), entry.get("sources"));
            }
            System.out.printf("     layout shift in Chromium at 412×823, CPU 4× slower: %.4f (%d entries)%n", total, entries.size());
        }
    }

    private static double median(List<double[]> results, int column) {
        List<Double> values = new ArrayList<>(results.stream().map(r -> r[column]).toList());
        Collections.sort(values);
        return values.get(values.size() / 2);
    }
}
