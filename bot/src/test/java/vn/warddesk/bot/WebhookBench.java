package vn.warddesk.bot;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.zaxxer.hikari.HikariDataSource;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.webserver.WebServer;

import vn.warddesk.bot.channel.Channels;
import vn.warddesk.bot.channel.RecordingPort;
import vn.warddesk.bot.store.Database;
import vn.warddesk.bot.store.DbSettings;
import vn.warddesk.bot.testing.TestDatabase;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * Benchmark (not a test): {@code ./warddesk bench-webhook [updates=10000] [concurrency=40] [paced-rate=50] [mode=full]
 * [warm-up=5000]}. Fires Telegram text updates at POST /webhooks/telegram on loopback from keep-alive connections
 * ({@link TelegramStandIn} answers the sendMessage calls; {@code -Dbench.telegram=wiremock} uses WireMock as the tests
 * do), then measures single-row committed inserts into the same MariaDB. Prints accepted updates/s, webhook p50/p99,
 * when the engine had handled the burst, end-to-end reply latency (webhook request sent → Telegram received the
 * sendMessage), the CPU per update split into the server, the load generator, Telegram, the JIT and mariadbd, and the
 * raw commit rate. Modes: "full" (default) runs the real conversation
 * engine as wired in Features; "stand-in" replaces it by {@link RecordingPort} (one transaction with the conversation,
 * message and outbox rows, no NLU); "no-dispatch" is full without the outbox dispatcher; "no-db" replaces the engine by
 * a no-op; "accept-only" runs no inbox workers at all (the webhook's own cost: HTTP, secret, JSON, hashing, INSERT).
 */
public final class WebhookBench {
    private static final String TOKEN = "1:bench";
    private static final String SECRET = "bench-secret";
    /** db.pool.size in config/application.yaml: the server runs with the pool it ships with. */
    private static final int SHIPPED_POOL_SIZE = 10;

    private WebhookBench() {
    }

    public static void main(String[] args) throws Exception {
        int updates = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        // Telegram delivers updates over up to max_connections parallel connections (Bot API setWebhook: 1-100,
        // default 40; config/application.yaml ships telegram.max-connections: 40), so that is the default here.
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        int warmUp = args.length > 4 ? Integer.parseInt(args[4]) : 5_000;
        ObjectMapper json = new ObjectMapper();

        int pacedRate = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        Map<String, Long> replyArrived = new ConcurrentHashMap<>();
        // A string search, not a JSON parse: the stand-in runs in this JVM.
        java.util.function.Consumer<String> onSend = body -> {
            int at = body.indexOf("\"chat_id\":");
            if (at >= 0) {
                int from = at + 10;
                int to = from;
                while (to < body.length() && (Character.isDigit(body.charAt(to)) || body.charAt(to) == '"')) {
                    to++;
                }
                replyArrived.putIfAbsent(body.substring(from, to).replace("\"", ""), System.nanoTime());
            }
        };
        // -Dbench.telegram=wiremock runs the tests' WireMock as Telegram instead of the plain stand-in: its request
        // journal is off, but its matching and Jetty cost about a third of this JVM's CPU per update.
        boolean wireMock = "wiremock".equals(System.getProperty("bench.telegram"));
        String telegramUrl;
        AutoCloseable telegram;
        if (wireMock) {
            WireMockServer mock = new WireMockServer(options().dynamicPort().containerThreads(64).disableRequestJournal());
            mock.start();
            mock.stubFor(post(urlEqualTo("/bot" + TOKEN + "/sendMessage"))
                                 .willReturn(aResponse().withHeader("Content-Type", "application/json")
                                                     .withBody("{\"ok\":true,\"result\":{\"message_id\":1}}")));
            mock.addMockServiceRequestListener((request, response) -> onSend.accept(request.getBodyAsString()));
            telegramUrl = mock.baseUrl();
            telegram = mock::stop;
        } else {
            TelegramStandIn standIn = TelegramStandIn.start(16, onSend);
            telegramUrl = standIn.baseUrl();
            telegram = standIn;
        }

        // -Dbench.jdbc-options=useServerPrepStmts=true&… tries MariaDB Connector/J options without a rebuild.
        String url = TestDatabase.createDatabase("bench_webhook_" + ProcessHandle.current().pid())
                     + Optional.ofNullable(System.getProperty("bench.jdbc-options")).map(o -> "?" + o).orElse("");
        DbSettings settings = new DbSettings(Optional.empty(), TestDatabase.user(), TestDatabase.password(), Path.of("unused"),
                                             0, "unused", SHIPPED_POOL_SIZE, Duration.ofSeconds(5));
        HikariDataSource pool = Database.pool(url, TestDatabase.user(), TestDatabase.password(), settings);
        Database.migrate(pool);

        Map<String, String> map = new HashMap<>();
        map.put("telegram.bot-token", TOKEN);
        map.put("telegram.webhook-secret", SECRET);
        map.put("telegram.api-base-url", telegramUrl);
        // Telegram's own 30/s per bot would dominate the end-to-end figure; the bench measures WardDesk.
        map.put("telegram.rate.per-bot-per-second", "100000");
        // Workers as shipped (config/application.yaml) unless -Dinbox.workers / -Doutbox.workers say otherwise.
        map.put("outbox.workers", System.getProperty("outbox.workers", "2"));
        map.put("inbox.workers", System.getProperty("inbox.workers", "2"));
        // -Doutbox.coalesce=PT0S (or another delay) tries the dispatcher without (or with another) claim coalescing.
        Optional.ofNullable(System.getProperty("outbox.coalesce")).ifPresent(delay -> map.put("outbox.coalesce", delay));
        String mode = args.length > 3 ? args[3] : "full";
        boolean dispatch = mode.equals("full") || mode.equals("stand-in");
        map.put("outbox.enabled", String.valueOf(dispatch));
        map.put("inbox.enabled", String.valueOf(!mode.equals("accept-only")));
        Config config = Config.just(ConfigSources.create(map));
        map.put("catalog.dir", "config/catalog");
        map.put("retention.interval", "PT24H");
        config = Config.just(ConfigSources.create(map));
        AutoCloseable wiring;
        WebServer server;
        if (mode.equals("full") || mode.equals("no-dispatch")) {
            Features features = Features.create(WardDeskSettings.read(config), pool, Clock.systemUTC());
            wiring = features;
            var builder = WebServer.builder().host("127.0.0.1").port(0);
            Main.configureServer(builder, features);
            server = builder.build().start();
        } else {
            vn.warddesk.bot.conversation.ConversationPort port = mode.equals("no-db") || mode.equals("accept-only")
                    ? event -> new vn.warddesk.bot.conversation.ConversationPort.Handled("none", false, List.of())
                    : new RecordingPort(pool);
            Channels channels = Channels.create(vn.warddesk.bot.WardDeskSettings.read(config).channels(), pool, Clock.systemUTC(), port);
            wiring = channels;
            server = WebServer.builder().host("127.0.0.1").port(0).routing(channels::routing).build().start();
        }

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI webhook = URI.create("http://127.0.0.1:" + server.port() + "/webhooks/telegram");
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        // Warm-up, not counted: a server runs with compiled code; on 2 cores the JIT's own work would otherwise be
        // measured. The engine then works off what the warm-up queued, so the burst starts from an empty inbox.
        boolean engineRuns = !mode.equals("accept-only");
        fire(webhook, 0, warmUp, concurrency, sentAt);
        waitUntilZero(pool, "SELECT 1 FROM inbox WHERE status = 'pending' LIMIT 1", engineRuns);
        waitUntilZero(pool, "SELECT 1 FROM outbox WHERE status = 'queued' LIMIT 1", dispatch);
        sentAt.clear();
        replyArrived.clear();

        // The disk's fsync time varies with what else the machine does: measure the raw rate before and after the
        // burst and compare with the faster of the two.
        double sequentialBefore = rawInserts(pool, 1, Math.max(500, updates / 2));
        Map<String, Long> statusBefore = serverStatus(pool);
        boolean digests = resetDigests(pool);
        long[] cpuBefore = cpu();
        Map<String, Long> threadsBefore = cpuByThreadName();
        java.time.Instant burstFrom = java.time.Instant.now();
        long start = System.nanoTime();
        long[] latencies = fire(webhook, 1_000_000, updates, concurrency, sentAt);
        double seconds = (System.nanoTime() - start) / 1e9;
        long accepted = Arrays.stream(latencies).filter(l -> l >= 0).count();

        double handled = waitUntilZero(pool, "SELECT 1 FROM inbox WHERE status = 'pending' LIMIT 1", engineRuns)
                         - (start - BENCH_START) / 1e9;
        long[] cpuAfter = cpu();
        Map<String, Long> threadsAfter = cpuByThreadName();
        java.time.Instant burstTo = java.time.Instant.now();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (dispatch && replyArrived.keySet().stream().filter(sentAt::containsKey).count() < accepted
               && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        long[] e2e = endToEnd(sentAt, replyArrived);
        // The engine may queue several replies per update: wait until the outbox is drained before the paced phase.
        double drained = waitUntilZero(pool, "SELECT 1 FROM outbox WHERE status = 'queued' LIMIT 1", dispatch)
                         - (start - BENCH_START) / 1e9;
        long[] cpuDrained = cpu();
        long[] ok = Arrays.stream(latencies).filter(l -> l >= 0).sorted().toArray();
        Map<String, Long> statusAfter = serverStatus(pool);
        String digestReport = digests ? digestReport(pool, accepted) : "";
        StringBuilder perUpdate = new StringBuilder();
        statusAfter.forEach((name, value) -> perUpdate.append(' ').append(name.toLowerCase()).append('=')
                .append(String.format("%.1f", (value - statusBefore.getOrDefault(name, 0L)) / (double) accepted)));

        // Paced phase: end-to-end latency at a steady rate below saturation (what a citizen sees on a normal day).
        int pacedCount = Math.max(100, pacedRate * 5);
        sentAt.clear();
        replyArrived.clear();
        long interval = 1_000_000_000L / pacedRate;
        long pacedStart = System.nanoTime();
        List<java.util.concurrent.CompletableFuture<HttpResponse<Void>>> pending = new ArrayList<>();
        for (int i = 0; i < pacedCount; i++) {
            long due = pacedStart + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            long user = 50_000_000L + i;
            sentAt.put(String.valueOf(user), System.nanoTime());
            pending.add(client.sendAsync(request(webhook, 5_000_000 + i, user), HttpResponse.BodyHandlers.discarding()));
        }
        int pacedFailures = 0;
        for (var future : pending) {
            if (future.get().statusCode() != 200) {
                pacedFailures++;
            }
        }
        if (pacedFailures > 0) {
            System.out.println("  paced phase: " + pacedFailures + " updates were not accepted");
        }
        long pacedDeadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (dispatch && replyArrived.size() < pacedCount && System.nanoTime() < pacedDeadline) {
            Thread.sleep(20);
        }
        long[] paced = endToEnd(sentAt, replyArrived);
        if (dispatch && paced.length < pacedCount) {
            try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
                 var rs = statement.executeQuery("SELECT status, COUNT(*) FROM outbox GROUP BY status")) {
                StringBuilder counts = new StringBuilder();
                while (rs.next()) {
                    counts.append(rs.getString(1)).append('=').append(rs.getLong(2)).append(' ');
                }
                System.out.println("  paced phase: " + paced.length + "/" + pacedCount + " replies seen; outbox " + counts);
            }
        }

        server.stop();
        wiring.close();
        telegram.close();

        double sequentialAfter = rawInserts(pool, 1, Math.max(500, updates / 2));
        double sequentialCommits = Math.max(sequentialBefore, sequentialAfter);
        pool.close();
        DbSettings rawSettings = new DbSettings(Optional.empty(), TestDatabase.user(), TestDatabase.password(),
                                                Path.of("unused"), 0, "unused", concurrency, Duration.ofSeconds(5));
        double concurrentCommits;
        try (HikariDataSource rawPool = Database.pool(url, TestDatabase.user(), TestDatabase.password(), rawSettings)) {
            concurrentCommits = rawInserts(rawPool, concurrency, Math.max(500, updates / 2));
        }

        System.out.printf("webhook bench (%s): %d updates, %d concurrent clients, loopback, embedded MariaDB%n", mode,
                          updates, concurrency);
        System.out.printf("  accepted           %d/%d in %.2f s = %.0f updates/s%n", accepted, updates, seconds, accepted / seconds);
        System.out.printf("  webhook latency    p50 %.1f ms, p99 %.1f ms (target p99 <= 50 ms)%n", ms(percentile(ok, 50)), ms(percentile(ok, 99)));
        if (dispatch) {
            System.out.printf("  reply end-to-end   p50 %.1f ms, p99 %.1f ms (%d replies seen; burst: replies queue behind"
                              + " the dispatcher)%n", ms(percentile(e2e, 50)), ms(percentile(e2e, 99)), e2e.length);
        }
        if (engineRuns) {
            System.out.printf("  inbox drained      %.1f s after the first update (the engine handled every update: %.0f/s)%n",
                              handled, accepted / handled);
        }
        if (dispatch) {
            System.out.printf("  outbox drained     %.1f s after the first update (every reply of the burst sent)%n", drained);
        }
        if (dispatch) {
            System.out.printf("  paced end-to-end   p50 %.1f ms, p99 %.1f ms (%d updates at %d/s)%n",
                              ms(percentile(paced, 50)), ms(percentile(paced, 99)), paced.length, pacedRate);
        } else {
            System.out.println("  replies            none measured: no dispatcher in mode " + mode);
        }
        System.out.println("  server work/update" + perUpdate);
        System.out.print(digestReport);
        double jvmMs = (cpuAfter[0] - cpuBefore[0]) / 1e6 / accepted;
        double dbMs = (cpuAfter[1] - cpuBefore[1]) / 1e6 / accepted;
        double loadMs = (cpuAfter[2] - cpuBefore[2]) / 1e6 / accepted;
        double telegramMs = (cpuAfter[3] - cpuBefore[3]) / 1e6 / accepted;
        double serverMs = jvmMs - loadMs - telegramMs;
        double jitMs = (cpuAfter[4] - cpuBefore[4]) / 1e6 / accepted;
        double gcMs = (cpuAfter[5] - cpuBefore[5]) / 1e6 / accepted;
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf("  CPU per update     %.2f ms this JVM = %.2f server (webhook, inbox, engine, dispatcher) + %.2f"
                          + " load generator + %.2f Telegram (%s); + %.2f ms mariadbd; from the first update until the"
                          + " inbox drained%n", jvmMs, serverMs, loadMs, telegramMs, wireMock ? "WireMock" : "stand-in",
                          dbMs);
        System.out.printf("  of the server's    %.2f ms JIT compilers, %.2f ms garbage collector (from /proc/self/task)%n",
                          jitMs, gcMs);
        if (dispatch) {
            // The dispatcher sends the burst's last replies after the inbox drained: its work is all counted here.
            System.out.printf("  until sent         %.2f ms server (JIT %.2f) + %.2f ms mariadbd per update, from the first"
                              + " update until the outbox drained%n",
                              (cpuDrained[0] - cpuBefore[0] - (cpuDrained[2] - cpuBefore[2])
                               - (cpuDrained[3] - cpuBefore[3])) / 1e6 / accepted,
                              (cpuDrained[4] - cpuBefore[4]) / 1e6 / accepted,
                              (cpuDrained[1] - cpuBefore[1]) / 1e6 / accepted);
        }
        System.out.println("  burst window       " + burstFrom + " " + burstTo + " (for JfrRoles)");
        System.out.println("  by thread name     " + threadReport(threadsBefore, threadsAfter, accepted)
                           + " (ms per update, /proc/self/task; virtual threads run on the carriers \"ForkJoinPool-#-\","
                           + " threads that ended during the burst are missing)");
        System.out.printf("  server's own CPU   %.2f ms per update (server %.2f + mariadbd %.2f): %d cores allow at most"
                          + " %.0f updates/s (with the bench's clients and Telegram on them too: %.2f ms, %.0f/s)%n",
                          serverMs + dbMs, serverMs, dbMs, cores, cores * 1000 / (serverMs + dbMs), jvmMs + dbMs,
                          cores * 1000 / (jvmMs + dbMs));
        // The JIT still compiles during the burst (on shared cores it falls behind the warm-up); a server that has
        // run for a while has compiled its code, so this is the figure for a ward's server in its normal state.
        System.out.printf("  compiled server    %.2f ms per update without the JIT (server %.2f + mariadbd %.2f):"
                          + " %d cores allow at most %.0f updates/s%n", serverMs - jitMs + dbMs, serverMs - jitMs, dbMs,
                          cores, cores * 1000 / (serverMs - jitMs + dbMs));
        System.out.printf("  raw commits        %.0f single-row inserts/s on 1 connection (before the burst %.0f, after %.0f),"
                          + " %.0f/s on %d connections%n", sequentialCommits, sequentialBefore, sequentialAfter,
                          concurrentCommits, concurrency);
        System.out.printf("  ratio              webhook / raw single-connection commits = %.2f (target >= 0.5)%n",
                          accepted / seconds / sequentialCommits);
        System.exit(0);
    }

    /**
     * Sends updates [first, first+count) from {@code concurrency} keep-alive connections; latency in ns, -1 for
     * non-200.
     */
    private static long[] fire(URI webhook, int first, int count, int concurrency, Map<String, Long> sentAt)
            throws Exception {
        long[] latencies = new long[count];
        AtomicInteger next = new AtomicInteger();
        String headers = "X-Telegram-Bot-Api-Secret-Token: " + SECRET + "\r\n";
        AtomicInteger threadNumber = new AtomicInteger();
        try (ExecutorService executor = Executors.newFixedThreadPool(
                concurrency, task -> new Thread(task, "bench-load-" + threadNumber.incrementAndGet()))) {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < concurrency; t++) {
                futures.add(executor.submit(() -> {
                    try (LoopbackHttp http = new LoopbackHttp(webhook.getHost(), webhook.getPort())) {
                        for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                            long id = first + i;
                            long user = 10_000_000L + id;
                            byte[] body = update(id, user).getBytes(StandardCharsets.UTF_8);
                            long begin = System.nanoTime();
                            sentAt.put(String.valueOf(user), begin);
                            int status = http.post(webhook.getPath(), headers, body);
                            latencies[i] = status == 200 ? System.nanoTime() - begin : -1;
                        }
                    } finally {
                        LOAD_CPU.addAndGet(java.lang.management.ManagementFactory.getThreadMXBean()
                                                   .getCurrentThreadCpuTime());
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        }
        return latencies;
    }

    private static final long BENCH_START = System.nanoTime();

    /** CPU time of the load generator's threads, added by each when it ends (they do not outlive a burst). */
    private static final java.util.concurrent.atomic.AtomicLong LOAD_CPU = new java.util.concurrent.atomic.AtomicLong();

    /**
     * CPU time used so far in ns: [this JVM, the embedded mariadbd (a child process; 0 when not found), the load
     * generator's threads, Telegram's (the stand-in's or WireMock's Jetty threads)]. The JVM's includes the last two:
     * the server's own share is the JVM's minus them (its virtual threads run on the carrier threads, its HTTP client
     * on its own workers: all of that is the server's).
     */
    private static long[] cpu() {
        long jvm = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
        long db = ProcessHandle.current().descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("mariadbd")).orElse(false))
                .mapToLong(p -> {
                    try {
                        // /proc/<pid>/stat: utime and stime (fields 14, 15) in clock ticks (100 per second on Linux).
                        String stat = java.nio.file.Files.readString(Path.of("/proc/" + p.pid() + "/stat"));
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L;
                    } catch (java.io.IOException | RuntimeException e) {
                        return 0;
                    }
                }).sum();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long telegram = 0;
        for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && isTelegramThread(info.getThreadName())) {
                telegram += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        long[] jvmThreads = jvmOwnThreads();
        return new long[] {jvm, db, LOAD_CPU.get(), telegram, jvmThreads[0], jvmThreads[1]};
    }

    /**
     * CPU time in ns of the JVM's own threads, read from /proc/self/task (they are not Java threads the ThreadMXBean
     * lists): [JIT compilers, garbage collector]. Both are the server's (a server runs them too), but the JIT's share
     * falls as the code is compiled.
     */
    private static long[] jvmOwnThreads() {
        long jit = 0;
        long gc = 0;
        try (var tasks = java.nio.file.Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = java.nio.file.Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ns = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L;
                    if (name.contains("CompilerThre")) {
                        jit += ns;
                    } else if (name.startsWith("GC ") || name.startsWith("G1 ")) {
                        gc += ns;
                    }
                } catch (java.io.IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (java.io.IOException e) {
            return new long[] {0, 0};
        }
        return new long[] {jit, gc};
    }

    /**
     * CPU time in ns of every thread of this JVM, summed by name with digits replaced by '#' (the kernel keeps 15
     * characters of a name): the engine, the webhook and the dispatcher all run on virtual threads, so their work shows
     * under the carriers "ForkJoinPool-#-"; the JDK's HTTP client (the dispatcher's sends) under "HttpClient-#-…".
     */
    private static Map<String, Long> cpuByThreadName() {
        Map<String, Long> byName = new java.util.TreeMap<>();
        try (var tasks = java.nio.file.Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = java.nio.file.Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9]+", "#");
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    byName.merge(name, (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L, Long::sum);
                } catch (java.io.IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (java.io.IOException e) {
            return Map.of();
        }
        return byName;
    }

    /** The groups that used at least 0.01 ms per update between the two readings, largest first. */
    private static String threadReport(Map<String, Long> before, Map<String, Long> after, long updates) {
        return after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), (e.getValue() - before.getOrDefault(e.getKey(), 0L)) / 1e6 / updates))
                .filter(e -> e.getValue() >= 0.01)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(e -> String.format("%s %.2f", e.getKey(), e.getValue()))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** The stand-in's pool and dispatcher, or WireMock's Jetty pool ("qtp…"). */
    private static boolean isTelegramThread(String name) {
        return name.startsWith(TelegramStandIn.THREAD_PREFIX) || name.equals("HTTP-Dispatcher") || name.startsWith("qtp");
    }

    /**
     * MariaDB's statement and row-read counters: what one update costs the database server. Com_set_option counts the
     * session SETs of the transactions (autocommit off and on, isolation), round trips as dear as a small statement.
     */
    private static Map<String, Long> serverStatus(HikariDataSource pool) throws Exception {
        Map<String, Long> status = new java.util.TreeMap<>();
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
             var rs = statement.executeQuery("SHOW GLOBAL STATUS WHERE Variable_name IN ('Com_select', 'Com_insert',"
                                             + " 'Com_update', 'Com_delete', 'Com_commit', 'Com_set_option', 'Handler_read_next',"
                                             + " 'Handler_read_rnd_next', 'Handler_read_key')")) {
            while (rs.next()) {
                status.put(rs.getString(1), rs.getLong(2));
            }
        }
        return status;
    }

    /**
     * With performance_schema on (the bench's embedded server started with
     * {@code -Dwarddesk.test.mariadb-args=--performance-schema=ON}): empties the per-statement and per-index summaries
     * so that they cover the burst only. False when performance_schema is off.
     */
    private static boolean resetDigests(HikariDataSource pool) throws Exception {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            try (var rs = statement.executeQuery("SELECT @@performance_schema")) {
                if (!rs.next() || rs.getInt(1) != 1) {
                    return false;
                }
            }
            statement.execute("TRUNCATE performance_schema.events_statements_summary_by_digest");
            statement.execute("TRUNCATE performance_schema.table_io_waits_summary_by_index_usage");
            return true;
        }
    }

    /**
     * Per statement digest, from the first update of the burst until the outbox drained: calls, server time and rows
     * per update, so the statements that cost mariadbd its CPU can be named; then the indexes of the tables with their
     * reads and writes (an index written on every row and never read is pure cost).
     */
    private static String digestReport(HikariDataSource pool, long updates) throws Exception {
        StringBuilder out = new StringBuilder("  statements (performance_schema, per update: calls, server µs, rows"
                                              + " examined / sent / affected, tmp tables, no index used)\n");
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            try (var rs = statement.executeQuery("""
                    SELECT COUNT_STAR, SUM_TIMER_WAIT, SUM_ROWS_EXAMINED, SUM_ROWS_SENT, SUM_ROWS_AFFECTED,
                           SUM_CREATED_TMP_TABLES, SUM_NO_INDEX_USED, DIGEST_TEXT
                    FROM performance_schema.events_statements_summary_by_digest
                    WHERE SCHEMA_NAME = DATABASE() ORDER BY SUM_TIMER_WAIT DESC LIMIT 25""")) {
                while (rs.next()) {
                    String text = String.valueOf(rs.getString(8)).replaceAll("\\s+", " ");
                    out.append(String.format("    %5.2f %7.1f µs %6.2f %5.2f %5.2f %4.2f %4.2f  %s%n",
                                             rs.getLong(1) / (double) updates, rs.getLong(2) / 1e6 / updates,
                                             rs.getLong(3) / (double) updates, rs.getLong(4) / (double) updates,
                                             rs.getLong(5) / (double) updates, rs.getLong(6) / (double) updates,
                                             rs.getLong(7) / (double) updates,
                                             text.length() > 160 ? text.substring(0, 160) + "…" : text));
                }
            }
            out.append("  index use (performance_schema, per update: rows read / inserted / updated / deleted)\n");
            try (var rs = statement.executeQuery("""
                    SELECT OBJECT_NAME, INDEX_NAME, COUNT_READ, COUNT_INSERT, COUNT_UPDATE, COUNT_DELETE
                    FROM performance_schema.table_io_waits_summary_by_index_usage
                    WHERE OBJECT_SCHEMA = DATABASE() AND COUNT_STAR > 0 ORDER BY OBJECT_NAME, INDEX_NAME""")) {
                while (rs.next()) {
                    out.append(String.format("    %-20s %-40s %6.2f %5.2f %5.2f %5.2f%n", rs.getString(1),
                                             String.valueOf(rs.getString(2)), rs.getLong(3) / (double) updates,
                                             rs.getLong(4) / (double) updates, rs.getLong(5) / (double) updates,
                                             rs.getLong(6) / (double) updates));
                }
            }
        }
        return out.toString();
    }

    /**
     * Waits (at most 10 minutes) until the query finds no row; returns seconds since the bench started. The query
     * reads at most one row: a COUNT over thousands of waiting rows every poll was work for the server being measured.
     */
    private static double waitUntilZero(HikariDataSource pool, String anyRowSql, boolean expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (expected && System.nanoTime() < deadline) {
            try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
                 var rs = statement.executeQuery(anyRowSql)) {
                if (!rs.next()) {
                    break;
                }
            }
            Thread.sleep(100);
        }
        return (System.nanoTime() - BENCH_START) / 1e9;
    }

    private static String update(long updateId, long user) {
        return """
                {"update_id":%d,"message":{"message_id":%d,"date":1732780800,
                 "from":{"id":%d,"is_bot":false,"first_name":"Bench","language_code":"vi"},
                 "chat":{"id":%d,"type":"private"},"text":"Giờ làm việc của phường?"}}"""
                .formatted(updateId, updateId, user, user);
    }

    private static HttpRequest request(URI webhook, long updateId, long user) {
        return HttpRequest.newBuilder(webhook).header("Content-Type", "application/json")
                .header("X-Telegram-Bot-Api-Secret-Token", SECRET)
                .POST(HttpRequest.BodyPublishers.ofString(update(updateId, user))).build();
    }

    private static long[] endToEnd(Map<String, Long> sentAt, Map<String, Long> replyArrived) {
        List<Long> endToEnd = new ArrayList<>();
        sentAt.forEach((chat, at) -> Optional.ofNullable(replyArrived.get(chat)).ifPresent(r -> endToEnd.add(r - at)));
        return endToEnd.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    /** Single-row INSERTs, each committed on its own (autocommit), from {@code threads} connections. */
    private static double rawInserts(HikariDataSource pool, int threads, int total) throws Exception {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS bench_raw (id BIGINT AUTO_INCREMENT PRIMARY KEY,"
                              + " v VARCHAR(64) NOT NULL, at DATETIME(3) NOT NULL) ENGINE=InnoDB");
        }
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        try (ExecutorService executor = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(executor.submit(() -> {
                    try (Connection connection = pool.getConnection();
                         PreparedStatement insert = connection.prepareStatement(
                                 "INSERT INTO bench_raw (v, at) VALUES (?, NOW(3))")) {
                        connection.setAutoCommit(true);
                        while (next.getAndIncrement() < total) {
                            insert.setString(1, "row");
                            insert.executeUpdate();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        }
        return total / ((System.nanoTime() - start) / 1e9);
    }

    private static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
