package vn.warddesk.bot.kiosk;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import com.zaxxer.hikari.HikariDataSource;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.staticcontent.StaticContentService;

import vn.warddesk.bot.KioskServerSupport;
import vn.warddesk.bot.testing.TestDatabase;

/**
 * Benchmark, not a test: the Mini App's bundle size (the Zalo build, www/, gzip -9) and its first render in headless
 * Chromium at 390×844 — the browser build served from its own origin, the API of a real WardDesk on another, the time
 * until the home screen shows the ward's procedures (the app's performance mark "warddesk:home").
 * Run: ./warddesk bench-miniapp [loads]
 */
public final class MiniAppBench {
    /** From the repository root (./warddesk) or from bot/ (an IDE). */
    private static final Path MINIAPP = (Files.isDirectory(Path.of("kiosk-ui", "miniapp")) ? Path.of("kiosk-ui", "miniapp")
            : Path.of("..", "kiosk-ui", "miniapp")).toAbsolutePath().normalize();

    private MiniAppBench() {
    }

    public static void main(String[] args) {
        int loads = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        printBundle(MINIAPP.resolve("www"));
        WebServer appHost = WebServer.builder().host("127.0.0.1").port(0).shutdownHook(false)
                .routing(r -> r.register("/", StaticContentService.builder(MINIAPP.resolve("www-browser"))
                        .welcomeFileName("index.html").build()))
                .build().start();
        HikariDataSource pool = TestDatabase.fresh("miniapp_bench");
        WebServerConfig.Builder builder = WebServer.builder().port(0).host("127.0.0.1").shutdownHook(false);
        AutoCloseable features = KioskServerSupport.configure(builder, Config.just(ConfigSources.create(Map.of(
                "zalo.mini-app.cors-origins", "http://127.0.0.1:" + appHost.port()))), pool, Clock.systemUTC());
        WebServer server = builder.build().start();
        String url = "http://127.0.0.1:" + appHost.port() + "/index.html?api="
                     + URLEncoder.encode("http://localhost:" + server.port(), StandardCharsets.UTF_8);
        List<Double> homes = new ArrayList<>();
        try (KioskBrowser browser = new KioskBrowser("http://localhost:" + server.port(), 390, 844)) {
            System.out.printf("miniapp bench: %d loads of the browser build in headless Chromium at 390x844%n", loads);
            System.out.println("load  ttfb_ms  dcl_ms  load_ms  fcp_ms  home_rendered_ms");
            for (int i = 0; i < loads; i++) {
                browser.driver().get(url);
                browser.waitUntil(d -> browser.script("return performance.getEntriesByName('warddesk:home').length > 0"),
                                  Duration.ofSeconds(30));
                @SuppressWarnings("unchecked")
                Map<String, Object> t = (Map<String, Object>) browser.script("""
                        const n = performance.getEntriesByType('navigation')[0];
                        const fcp = performance.getEntriesByName('first-contentful-paint')[0];
                        const home = performance.getEntriesByName('warddesk:home')[0];
                        return {ttfb: n.responseStart, dcl: n.domContentLoadedEventEnd, load: n.loadEventEnd,
                                fcp: fcp ? fcp.startTime : -1, home: home.startTime};
                        """);
                double home = ((Number) t.get("home")).doubleValue();
                homes.add(home);
                System.out.printf("%4d  %7.1f  %6.1f  %7.1f  %6.1f  %16.1f%s%n", i + 1, num(t, "ttfb"), num(t, "dcl"),
                                  num(t, "load"), num(t, "fcp"), home, i == 0 ? "   (cold: empty profile)" : "");
                browser.script("location.replace('about:blank')");
            }
        } finally {
            server.stop();
            appHost.stop();
            try {
                features.close();
            } catch (Exception e) {
                System.err.println("miniapp bench: closing the features failed: " + e.getMessage());
            }
            pool.close();
        }
        List<Double> sorted = new ArrayList<>(homes);
        Collections.sort(sorted);
        double p50 = sorted.get(sorted.size() / 2);
        double p95 = sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.95) - 1));
        System.out.printf("home rendered: cold %.0f ms, p50 %.0f ms, p95 %.0f ms, max %.0f ms%n",
                          homes.get(0), p50, p95, sorted.get(sorted.size() - 1));
        System.exit(0);
    }

    private static void printBundle(Path www) {
        long raw = 0;
        long gzipped = 0;
        try (Stream<Path> files = Files.walk(www)) {
            for (Path js : files.filter(p -> p.toString().endsWith(".js")).toList()) {
                byte[] bytes = Files.readAllBytes(js);
                raw += bytes.length;
                gzipped += gzip(bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("no Zalo build in " + www + ": run ./warddesk miniapp build", e);
        }
        System.out.printf("miniapp bundle (Zalo build, %s): JS %.1f KB, %.1f KB gzipped (budget 250 KB: %s)%n", www,
                          raw / 1024.0, gzipped / 1024.0, gzipped <= 250 * 1024 ? "met" : "EXCEEDED");
    }

    private static int gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gz.write(bytes);
        }
        return out.size();
    }

    private static double num(Map<String, Object> t, String key) {
        return ((Number) t.get(key)).doubleValue();
    }
}
