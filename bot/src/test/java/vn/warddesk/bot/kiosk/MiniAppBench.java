package vn.warddesk.bot.kiosk;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.staticcontent.StaticContentService;


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
        List<Double> homes = new ArrayList<>();
        try (BenchServer server = BenchServer.start("miniapp_bench", Config.just(ConfigSources.create(Map.of(
                "zalo.mini-app.cors-origins", "http://127.0.0.1:" + appHost.port()))));
             KioskBrowser browser = new KioskBrowser("http://localhost:" + server.port(), 390, 844)) {
            String url = "http://127.0.0.1:" + appHost.port() + "/index.html?api="
                         + URLEncoder.encode("http://localhost:" + server.port(), StandardCharsets.UTF_8);
            System.out.printf("miniapp bench: %d loads of the browser build in headless Chromium at 390x844%n", loads);
            System.out.println(HomeRender.HEADER);
            for (int i = 0; i < loads; i++) {
                browser.driver().get(url);
                browser.waitUntil(d -> browser.script("return performance.getEntriesByName('warddesk:home').length > 0"),
                                  Duration.ofSeconds(30));
                homes.add(HomeRender.measure(browser, i));
                browser.script("location.replace('about:blank')");
            }
        } finally {
            appHost.stop();
        }
        System.out.println(HomeRender.Spread.of(homes));
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
}
