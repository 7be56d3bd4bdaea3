package vn.warddesk.bot.catalog;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import com.zaxxer.hikari.HikariDataSource;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;

import vn.warddesk.bot.testing.TestDatabase;

/**
 * {@code ./warddesk bench-wards [wards=200] [answers=100000]}: generates wards × the 15 procedures in a temp folder
 * (10 provinces with their own fees and times, every ward with its own office and two procedure overrides), loads
 * them over the embedded test MariaDB, and prints the catalog's heap for all wards and the p99 of a procedure answer
 * as the engine asks for it (the ward's catalog, then the answer for a procedure and aspect). Not a test: a bench.
 */
public final class WardBench {
    private static final List<String> OVERRIDDEN = List.of("marital_status_certificate", "household_business_registration");
    private static final int PROVINCES = 10;

    private WardBench() {
    }

    public static void main(String[] args) throws Exception {
        int wards = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int answers = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        Path dir = Files.createTempDirectory("warddesk-bench-wards");
        generate(dir, wards);
        try (HikariDataSource pool = TestDatabase.fresh("bench_wards")) {
            Config config = Config.just(ConfigSources.create(Map.of("catalog.dir", dir.resolve("catalog").toString())));
            Seed.load(Seed.source(dir.resolve("catalog"))); // classes loaded and JIT-warm before the heap is measured
            long before = usedHeapAfterGc();
            long start = System.nanoTime();
            WardCatalogs catalogs = WardCatalogs.load(vn.warddesk.bot.catalog.CatalogSettings.from(config.get("catalog")), "bench-w000", pool, Clock.systemUTC());
            long loadMillis = (System.nanoTime() - start) / 1_000_000;
            long after = usedHeapAfterGc();
            double heapMb = (after - before) / 1024.0 / 1024.0;

            Random random = new Random(17);
            List<String> ids = catalogs.wardIds();
            List<String> aspects = Catalog.ASPECTS;
            long[] nanos = new long[answers];
            int warmUp = Math.max(10_000, answers / 5);
            long sink = 0;
            for (int i = -warmUp; i < answers; i++) {
                String ward = ids.get(random.nextInt(ids.size()));
                String procedure = OVERRIDDEN.get(random.nextInt(OVERRIDDEN.size()));
                String aspect = aspects.get(random.nextInt(aspects.size()));
                Lang lang = random.nextBoolean() ? Lang.VI : Lang.EN;
                long t0 = System.nanoTime();
                Catalog catalog = catalogs.forWard(ward).orElseThrow();
                sink += catalog.answer(procedure, aspect, lang).orElseThrow().text().length();
                long took = System.nanoTime() - t0;
                if (i >= 0) {
                    nanos[i] = took;
                }
            }
            Arrays.sort(nanos);
            System.out.printf("bench-wards: %d wards x %d procedures loaded in %d ms (%s)%n", ids.size(),
                              ProcedureIds.ALL.size(), loadMillis, dir);
            System.out.printf("catalog heap for %d wards: %.1f MB (limit 50 MB) %s%n", ids.size(), heapMb,
                              heapMb <= 50 ? "OK" : "OVER");
            System.out.printf("procedure answer with ward overrides (ward catalog + answer), %d answers: p50 %.3f ms,"
                              + " p99 %.3f ms (limit 5 ms) %s, max %.3f ms [checksum %d]%n", answers,
                              nanos[answers / 2] / 1e6, nanos[(int) (answers * 0.99)] / 1e6,
                              nanos[(int) (answers * 0.99)] <= 5_000_000 ? "OK" : "OVER",
                              nanos[answers - 1] / 1e6, sink % 10);
        } finally {
            delete(dir);
        }
        System.exit(0);
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** The repository's national texts, 10 provinces with their own values, and wards with offices and overrides. */
    static void generate(Path dir, int wards) throws IOException {
        Path national = Path.of("..", "config", "catalog");
        if (!Files.isDirectory(national)) {
            national = Path.of("config", "catalog");
        }
        Files.createDirectories(dir.resolve("catalog/procedures"));
        try (Stream<Path> files = Files.list(national.resolve("procedures"))) {
            for (Path file : files.toList()) {
                Files.copy(file, dir.resolve("catalog/procedures").resolve(file.getFileName()));
            }
        }
        String office = Files.readString(national.resolve("office.yaml"));
        Files.writeString(dir.resolve("catalog/office.yaml"), office);
        Files.copy(national.resolve("privacy-notice.yaml"), dir.resolve("catalog/privacy-notice.yaml"));
        for (int p = 0; p < PROVINCES; p++) {
            Path folder = Files.createDirectories(dir.resolve("provinces/bench-p" + p));
            StringBuilder yaml = new StringBuilder("demo: true\nname: {vi: \"Tỉnh thử " + p + "\", en: \"Bench province "
                                                   + p + "\"}\nprocedures:\n");
            for (String procedure : List.of("marital_status_certificate", "civil_status_correction",
                                            "household_business_registration", "land_certificate",
                                            "parent_child_recognition")) {
                yaml.append("  ").append(procedure).append(":\n")
                        .append("    fee: {amount_vnd: ").append(1000 * (p + 1)).append(", uncertain: false, text: {vi: \"Mức thu thử ")
                        .append(p).append(".\", en: \"Bench fee ").append(p).append(".\"}}\n")
                        .append("    processing_time: {working_days: ").append(p % 5 + 1)
                        .append(", uncertain: false, text: {vi: \"Thời hạn thử.\", en: \"Bench time.\"}}\n");
            }
            Files.writeString(folder.resolve("province.yaml"), yaml);
        }
        for (int w = 0; w < wards; w++) {
            String id = String.format("bench-w%03d", w);
            Path folder = Files.createDirectories(dir.resolve("wards").resolve(id).resolve("procedures"));
            Files.writeString(folder.getParent().resolve("ward.yaml"), "demo: true\nprovince: bench-p" + (w % PROVINCES)
                                                                       + "\nname: {vi: \"Phường thử " + w
                                                                       + "\", en: \"Bench ward " + w + "\"}\n");
            Files.writeString(folder.getParent().resolve("office.yaml"), office
                    .replace("ward_id: demo-hoa-an", "ward_id: " + id)
                    .replace("Hòa An", "Thử " + w).replace("Hoa An", "Bench " + w));
            for (String procedure : OVERRIDDEN) {
                Files.writeString(folder.resolve(procedure + ".yaml"), "online:\n  text:\n    vi: \"Phường thử " + w
                        + " nhận hồ sơ qua bưu chính.\"\n    en: \"Bench ward " + w + " accepts files by post.\"\n"
                        + "summary: {vi: \"Thủ tục tại phường thử " + w + ".\", en: \"The procedure at bench ward " + w + ".\"}\n");
            }
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
