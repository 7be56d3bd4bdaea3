package vn.warddesk.bot;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Fault run, not a unit test: {@code ./warddesk cluster-test [updates=5000] [chats=200] [rate=40]}.
 *
 * <p>Starts a 3-node Galera cluster ({@link GaleraNodes}), two WardDesk instances from {@code bot/target/warddesk.jar}
 * connected with {@code jdbc:mariadb:sequential://} over the three nodes, and a stub Telegram Bot API (a JDK
 * HttpServer) that records every sendMessage. Sends the updates from the chats round-robin to both instances at the
 * given rate (an update refused or not answered is offered to the other instance, as nginx and Telegram's redelivery
 * would). At 20 % of the burst it kills -9 one app instance and restarts it; at 55 % (once that instance is back, at
 * the latest at 80 %) it kills -9 the writer node (node 1) and restarts it. Then it waits for the backlog to drain and compares, per chat, the replies the outbox
 * recorded with the replies the stub received (longest common subsequence: a reply missing is lost, one extra is a
 * duplicate). Everything listens on 127.0.0.1; every process it started is stopped at the end, also on Ctrl-C or when
 * the run takes longer than its time limit.
 */
public final class ClusterFaultRun {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DB_BASE_PORT = 23300;
    private static final int[] APP_PORTS = {23711, 23712};
    private static final int STUB_PORT = 23720;
    private static final String TOKEN = "1:cluster";
    private static final String SECRET = "cluster-secret";
    private static final String DB_USER = "warddesk";
    private static final Duration TIME_LIMIT = Duration.ofMinutes(15);
    private static final String[] QUESTIONS = {"giờ làm việc", "Giờ làm việc của phường?", "mấy giờ phường mở cửa"};

    private final Path root;
    private final Path work;
    private final int updates;
    private final int chats;
    private final double rate;
    private final String dbPassword = Long.toHexString(Double.doubleToLongBits(Math.random())) + "Aa1";
    private final GaleraNodes nodes;
    private final Process[] apps = new Process[2];
    private final Stub stub = new Stub();
    private final Instant started = Instant.now();
    private final List<Kill> kills = new ArrayList<>();
    /** Per update: instance that accepted it (1 or 2), 0 while not accepted. */
    private final AtomicLongArray acceptedAt;
    /** Per update: when the attempt that was accepted began (epoch ms). */
    private final AtomicLongArray attemptStartedAt;
    private final int[] acceptedBy;
    private final AtomicInteger refusedAttempts = new AtomicInteger();

    private ClusterFaultRun(Path root, int updates, int chats, double rate) {
        this.root = root;
        this.work = root.resolve("bot/target/cluster-test");
        this.updates = updates;
        this.chats = chats;
        this.rate = rate;
        this.nodes = new GaleraNodes(work.resolve("galera"), DB_BASE_PORT);
        this.acceptedAt = new AtomicLongArray(updates);
        this.attemptStartedAt = new AtomicLongArray(updates);
        this.acceptedBy = new int[updates];
    }

    /** One fault: what was killed, when, what was in flight, how long until things worked again. */
    private static final class Kill {
        final String what;
        final Instant at;
        volatile int inStubHandler;
        /** Per chat and text: sends the platform had and the database did not know at the kill. */
        final Map<String, Integer> inFlight = new ConcurrentHashMap<>();
        volatile String recovery = "not recovered";
        volatile String failover = "";

        Kill(String what, Instant at) {
            this.what = what;
            this.at = at;
        }
    }

    public static void main(String[] args) throws Exception {
        int updates = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int chats = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        double rate = args.length > 2 ? Double.parseDouble(args[2]) : 40;
        Path root = Path.of(System.getProperty("warddesk.root", ".")).toAbsolutePath().normalize();
        ClusterFaultRun run = new ClusterFaultRun(root, updates, chats, rate);
        Runtime.getRuntime().addShutdownHook(new Thread(run::cleanUp));
        Thread watchdog = Thread.ofPlatform().daemon().start(() -> {
            try {
                Thread.sleep(TIME_LIMIT);
                System.out.println("cluster-test: time limit " + TIME_LIMIT + " reached, stopping everything");
                System.exit(3);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        boolean targetsMet;
        try {
            targetsMet = run.run();
        } finally {
            watchdog.interrupt();
        }
        System.exit(targetsMet ? 0 : 1);
    }

    private boolean run() throws Exception {
        Path jar = root.resolve("bot/target/warddesk.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("build first: " + jar + " is missing");
        }
        checkPortsFree();
        Files.createDirectories(work);
        say("starting 3 Galera nodes (Debian mariadb-server " + version() + ", galera-4) on 127.0.0.1:"
            + nodes.sqlPort(1) + "-" + nodes.sqlPort(3));
        Duration formed = nodes.start();
        say("cluster Synced with 3 nodes after " + seconds(formed));
        String grants = Files.readString(root.resolve("deploy/debian/database.sql"))
                .replace("@@PASSWORD@@", dbPassword);
        nodes.sql(1, grants);
        stub.start();
        for (int i = 0; i < 2; i++) {
            apps[i] = launchApp(i);
            Duration ready = awaitHealthy(i, Duration.ofMinutes(4));
            say("WardDesk instance " + (i + 1) + " ready on 127.0.0.1:" + APP_PORTS[i] + " after " + seconds(ready));
        }
        say("writer connections per node: " + connectionsPerNode());

        Duration burst = Duration.ofMillis((long) (updates / rate * 1000));
        say("sending " + updates + " updates from " + chats + " chats round-robin to both instances at " + rate
            + "/s (~" + seconds(burst) + ")");
        Instant burstStart = Instant.now();
        Thread chaos = Thread.ofPlatform().name("chaos").start(() -> chaos(burstStart, burst));
        sendBurst(burstStart);
        Instant burstEnd = Instant.now();
        chaos.join();
        say("burst sent in " + seconds(Duration.between(burstStart, burstEnd)) + "; waiting for the replies");
        Duration drained = awaitDrained(Duration.ofMinutes(6));
        say("backlog drained " + seconds(drained) + " after the burst");
        Files.writeString(work.resolve("metrics-instance1.txt"), get(0, "/observe/metrics").body());
        return report(Duration.between(burstStart, burstEnd));
    }

    // ---- faults ----

    private void chaos(Instant burstStart, Duration burst) {
        try {
            sleepUntil(burstStart.plus(burst.multipliedBy(20).dividedBy(100)));
            Kill appKill = new Kill("app instance 2 (kill -9)", Instant.now());
            appKill.inStubHandler = stub.active(2);
            apps[1].destroyForcibly();
            apps[1].waitFor(10, TimeUnit.SECONDS);
            kills.add(appKill);
            say("killed app instance 2 (kill -9); sendMessage calls in the stub's handler: " + appKill.inStubHandler);
            snapshotInFlight(appKill);
            Thread restart = Thread.ofVirtual().start(() -> {
                try {
                    apps[1] = launchApp(1);
                    Duration back = awaitHealthy(1, Duration.ofMinutes(3));
                    appKill.recovery = "restarted and ready " + seconds(Duration.between(appKill.at, Instant.now()))
                                       + " after the kill (JVM start and migration check " + seconds(back) + ")";
                    say("app instance 2 " + appKill.recovery);
                } catch (IOException | InterruptedException e) {
                    say("app instance 2 did not come back: " + e.getMessage());
                }
            });
            // The DB kill comes at 55 % of the burst, once instance 2 is back (both instances then live through the
            // failover), but no later than 80 %: it must happen while updates still arrive.
            sleepUntil(burstStart.plus(burst.multipliedBy(55).dividedBy(100)));
            restart.join(Math.max(1, Duration.between(Instant.now(),
                                                      burstStart.plus(burst.multipliedBy(80).dividedBy(100))).toMillis()));
            say("writer connections per node before the DB kill: " + connectionsPerNode());
            Kill dbKill = new Kill("writer DB node 1 (kill -9)", Instant.now());
            dbKill.inStubHandler = stub.active(1) + stub.active(2);
            nodes.kill(1);
            kills.add(dbKill);
            say("killed Galera node 1 (kill -9); sendMessage calls in the stub's handler: " + dbKill.inStubHandler);
            Thread failover = Thread.ofVirtual().start(() -> dbKill.failover = awaitWritesAfter(dbKill.at));
            snapshotInFlight(dbKill);
            Duration rejoin = nodes.rejoin(1);
            dbKill.recovery = "node 1 rejoined (IST) and Synced " + seconds(Duration.between(dbKill.at, Instant.now()))
                              + " after the kill (recover + start " + seconds(rejoin) + ")";
            say(dbKill.recovery);
            failover.join();
            restart.join();
            say("writes after the DB kill: " + dbKill.failover);
        } catch (Exception e) {
            say("fault injection failed: " + e);
        }
    }

    /**
     * Until updates are stored again after {@code since} (only requests sent after it count: a commit made just before
     * may be answered just after): the time the writer failover took, overall and per instance.
     */
    private String awaitWritesAfter(Instant since) {
        long sinceMillis = since.toEpochMilli();
        Instant deadline = Instant.now().plusSeconds(90);
        long[] first = new long[3];
        while (Instant.now().isBefore(deadline) && (first[1] == 0 || first[2] == 0)) {
            for (int u = 0; u < updates; u++) {
                long at = acceptedAt.get(u);
                int by = acceptedBy[u];
                if (attemptStartedAt.get(u) > sinceMillis && by > 0 && (first[by] == 0 || at < first[by])) {
                    first[by] = at;
                }
            }
            sleepQuietly(Duration.ofMillis(250));
        }
        StringBuilder out = new StringBuilder();
        long any = Long.MAX_VALUE;
        for (int i = 1; i <= 2; i++) {
            out.append(i == 1 ? "" : ", ").append("instance ").append(i).append(" stored its first update ")
                    .append(first[i] == 0 ? "never (within 90 s)" : seconds(Duration.ofMillis(first[i] - sinceMillis)))
                    .append(first[i] == 0 ? "" : " after the kill");
            if (first[i] != 0) {
                any = Math.min(any, first[i] - sinceMillis);
            }
        }
        return out.append(" → writer failover ")
                .append(any == Long.MAX_VALUE ? "not seen" : seconds(Duration.ofMillis(any))).toString();
    }

    /**
     * Sends the platform has but the database does not know as sent, right after the kill: per chat and text, the
     * stub's count minus the rows recorded as sent (both read at the same moment, once the database answers again).
     * These are the only sends that may go out twice.
     */
    private void snapshotInFlight(Kill kill) {
        Instant deadline = Instant.now().plusSeconds(40);
        while (Instant.now().isBefore(deadline)) {
            Map<String, Integer> difference = new HashMap<>();
            long at = System.currentTimeMillis();
            for (Stub.Send send : stub.sends) {
                if (send.atMillis <= at) {
                    difference.merge(send.chat + "\u0000" + send.text, 1, Integer::sum);
                }
            }
            try (Connection connection = connect(); Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT address, payload FROM outbox WHERE status = 'sent'")) {
                while (rs.next()) {
                    difference.merge(rs.getString(1) + "\u0000" + JSON.readTree(rs.getString(2)).path("text").asText(),
                                     -1, Integer::sum);
                }
            } catch (SQLException | IOException e) {
                sleepQuietly(Duration.ofMillis(300));
                continue;
            }
            // A send an earlier kill left unknown to the database (or made go out twice) is that kill's, not this one's.
            for (Kill earlier : kills) {
                if (earlier != kill) {
                    earlier.inFlight.forEach((key, count) -> difference.merge(key, -count, Integer::sum));
                }
            }
            difference.forEach((key, extra) -> {
                if (extra > 0) {
                    kill.inFlight.merge(key, extra, Integer::sum);
                }
            });
            return;
        }
    }

    // ---- load ----

    private void sendBurst(Instant burstStart) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        long startNanos = System.nanoTime();
        var pool = Executors.newFixedThreadPool(32);
        for (int t = 0; t < 32; t++) {
            pool.submit(() -> {
                LoopbackHttp[] clients = {new LoopbackHttp("127.0.0.1", APP_PORTS[0]),
                                          new LoopbackHttp("127.0.0.1", APP_PORTS[1])};
                try {
                    for (int u = next.getAndIncrement(); u < updates; u = next.getAndIncrement()) {
                        long due = startNanos + (long) (u / rate * 1e9);
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                        }
                        deliver(u, clients);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    for (LoopbackHttp client : clients) {
                        client.close();
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(TIME_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Offers the update to its instance, then to the other, until one stores it (200) or two minutes pass. */
    private void deliver(int u, LoopbackHttp[] clients) throws InterruptedException {
        long chat = 900_000_000L + (u % chats);
        String body = """
                {"update_id":%d,"message":{"message_id":%d,"date":%d,"chat":{"id":%d,"type":"private"},\
                "from":{"id":%d,"is_bot":false,"first_name":"T","language_code":"vi"},"text":"%s"}}"""
                .formatted(100_000 + u, u + 1, Instant.now().getEpochSecond(), chat, chat,
                           QUESTIONS[(u / chats) % QUESTIONS.length]);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Instant give = Instant.now().plusSeconds(120);
        for (int attempt = 0; Instant.now().isBefore(give); attempt++) {
            int instance = (u + attempt) % 2;
            long attemptStart = System.currentTimeMillis();
            try {
                int status = clients[instance].post("/webhooks/telegram",
                                                    "X-Telegram-Bot-Api-Secret-Token: " + SECRET + "\r\n", bytes);
                if (status == 200) {
                    attemptStartedAt.set(u, attemptStart);
                    acceptedBy[u] = instance + 1;
                    acceptedAt.set(u, System.currentTimeMillis());
                    return;
                }
            } catch (IOException e) {
                clients[instance].close();
            }
            refusedAttempts.incrementAndGet();
            Thread.sleep(attempt == 0 ? 50 : 250);
        }
    }

    private Duration awaitDrained(Duration limit) throws InterruptedException {
        Instant begin = Instant.now();
        Instant deadline = begin.plus(limit);
        int lastSends = -1;
        int stableRounds = 0;
        while (Instant.now().isBefore(deadline)) {
            try (Connection connection = connect(); Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT (SELECT COUNT(*) FROM inbox WHERE status = 'pending'),"
                                                       + " (SELECT COUNT(*) FROM outbox WHERE status = 'queued')")) {
                rs.next();
                int sends = stub.sends.size();
                boolean idle = rs.getLong(1) == 0 && rs.getLong(2) == 0 && sends == lastSends;
                stableRounds = idle ? stableRounds + 1 : 0;
                lastSends = sends;
                if (stableRounds >= 3) {
                    return Duration.between(begin, Instant.now());
                }
            } catch (SQLException e) {
                stableRounds = 0;
            }
            Thread.sleep(1000);
        }
        say("backlog not drained within " + limit);
        return Duration.between(begin, Instant.now());
    }

    // ---- report ----

    private boolean report(Duration burstTook) throws SQLException, IOException {
        Map<String, List<String>> expected = new HashMap<>();
        Set<Long> handledUpdates = new HashSet<>();
        long failedOutbox;
        long failedInbox;
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery(
                    "SELECT address, payload FROM outbox WHERE channel = 'telegram' ORDER BY id")) {
                while (rs.next()) {
                    expected.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(JSON.readTree(rs.getString(2)).path("text").asText());
                }
            }
            // The replay ledger: typed texts' ids on their message row (V62), other events' in inbound_event.
            try (ResultSet rs = statement.executeQuery("SELECT event_id FROM message WHERE event_channel = 'telegram'"
                                                       + " UNION SELECT event_id FROM inbound_event WHERE channel = 'telegram'")) {
                while (rs.next()) {
                    handledUpdates.add(Long.parseLong(rs.getString(1).substring(3)));
                }
            }
            try (ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM outbox WHERE status = 'failed'")) {
                rs.next();
                failedOutbox = rs.getLong(1);
            }
            try (ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM inbox WHERE status = 'failed'")) {
                rs.next();
                failedInbox = rs.getLong(1);
            }
        }
        Map<String, List<String>> received = new HashMap<>();
        stub.sends.stream().sorted(java.util.Comparator.comparingLong(s -> s.order))
                .forEach(s -> received.computeIfAbsent(s.chat, k -> new ArrayList<>()).add(s.text));

        int accepted = 0;
        int updatesLost = 0;
        for (int u = 0; u < updates; u++) {
            if (acceptedBy[u] > 0) {
                accepted++;
                if (!handledUpdates.contains(100_000L + u)) {
                    updatesLost++;
                }
            }
        }
        long expectedReplies = expected.values().stream().mapToLong(List::size).sum();
        long receivedReplies = received.values().stream().mapToLong(List::size).sum();
        long lost = 0;
        long duplicated = 0;
        long explained = 0;
        Set<String> allChats = new HashSet<>(expected.keySet());
        allChats.addAll(received.keySet());
        for (String chat : allChats) {
            List<String> e = expected.getOrDefault(chat, List.of());
            List<String> r = received.getOrDefault(chat, List.of());
            int common = lcs(e, r);
            lost += e.size() - common;
            int extra = r.size() - common;
            duplicated += extra;
            if (extra > 0) {
                Map<String, Integer> extraByText = extraCopies(e, r);
                for (var entry : extraByText.entrySet()) {
                    String key = chat + "\u0000" + entry.getKey();
                    int inFlight = kills.stream().mapToInt(k -> k.inFlight.getOrDefault(key, 0)).sum();
                    explained += Math.min(entry.getValue(), inFlight);
                }
            }
        }
        long unexplained = duplicated - explained;
        Duration failoverWorst = kills.stream().filter(k -> k.what.startsWith("writer"))
                .map(k -> parseFailover(k.failover)).findFirst().orElse(Duration.ofDays(1));

        StringBuilder out = new StringBuilder();
        out.append("\n==== cluster-test result (").append(Instant.now()).append(") ====\n");
        out.append(String.format(Locale.ROOT, "updates sent:               %d from %d chats, round-robin to 2 instances, burst %s%n",
                                 updates, chats, seconds(burstTook)));
        out.append(String.format(Locale.ROOT, "updates accepted (HTTP 200): %d (refused/unanswered attempts offered again: %d)%n",
                                 accepted, refusedAttempts.get()));
        out.append(String.format(Locale.ROOT, "updates accepted, not handled: %d%n", updatesLost));
        out.append(String.format(Locale.ROOT, "replies expected (outbox):  %d%n", expectedReplies));
        out.append(String.format(Locale.ROOT, "replies received (stub):    %d%n", receivedReplies));
        out.append(String.format(Locale.ROOT, "replies lost:               %d%n", lost));
        out.append(String.format(Locale.ROOT, "replies duplicated:         %d (of which explained by a send in flight at a kill: %d)%n",
                                 duplicated, explained));
        out.append(String.format(Locale.ROOT, "failed rows:                outbox %d, inbox %d%n", failedOutbox, failedInbox));
        for (Kill kill : kills) {
            out.append("kill: ").append(kill.what).append(" at +")
                    .append(seconds(Duration.between(started, kill.at))).append('\n');
            out.append("  sends in flight (platform answered, row not yet marked sent): ")
                    .append(kill.inFlight.values().stream().mapToInt(Integer::intValue).sum())
                    .append("; sendMessage calls inside the stub at the kill: ").append(kill.inStubHandler).append('\n');
            out.append("  recovery: ").append(kill.recovery).append('\n');
            if (!kill.failover.isEmpty()) {
                out.append("  ").append(kill.failover).append('\n');
            }
        }
        out.append("writer connections per node at the end: ").append(connectionsPerNode()).append('\n');
        boolean met = updatesLost == 0 && lost == 0 && unexplained == 0 && accepted == updates
                      && failoverWorst.compareTo(Duration.ofSeconds(30)) <= 0;
        out.append("targets (0 lost, duplicates only from in-flight sends, writer failover <= 30 s): ")
                .append(met ? "MET" : "NOT MET").append('\n');
        System.out.print(out);
        Files.writeString(work.resolve("last-run.txt"), out.toString());
        return met;
    }

    private static Duration parseFailover(String text) {
        int at = text.lastIndexOf("writer failover ");
        if (at < 0) {
            return Duration.ofDays(1);
        }
        String value = text.substring(at + "writer failover ".length()).replace(" s", "").trim();
        try {
            return Duration.ofMillis((long) (Double.parseDouble(value) * 1000));
        } catch (NumberFormatException e) {
            return Duration.ofDays(1);
        }
    }

    /** Length of the longest common subsequence of the two lists. */
    static int lcs(List<String> a, List<String> b) {
        int[][] table = new int[a.size() + 1][b.size() + 1];
        for (int i = 1; i <= a.size(); i++) {
            for (int j = 1; j <= b.size(); j++) {
                table[i][j] = a.get(i - 1).equals(b.get(j - 1)) ? table[i - 1][j - 1] + 1
                        : Math.max(table[i - 1][j], table[i][j - 1]);
            }
        }
        return table[a.size()][b.size()];
    }

    /** How many more copies of each text were received than expected. */
    private static Map<String, Integer> extraCopies(List<String> expected, List<String> received) {
        Map<String, Integer> counts = new HashMap<>();
        received.forEach(t -> counts.merge(t, 1, Integer::sum));
        expected.forEach(t -> counts.merge(t, -1, Integer::sum));
        counts.values().removeIf(v -> v <= 0);
        return counts;
    }

    // ---- processes ----

    private Process launchApp(int index) throws IOException {
        Path tmp = work.resolve("app" + (index + 1) + "-tmp");
        Files.createDirectories(tmp);
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-Djava.io.tmpdir=" + tmp,
                "-Djava.util.logging.config.file=" + root.resolve("config/logging.properties"),
                "-jar", root.resolve("bot/target/warddesk.jar").toString())
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("app" + (index + 1) + ".log").toFile()));
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("WARDDESK_"));
        env.put("WARDDESK_DB_URL", jdbcUrl());
        env.put("WARDDESK_DB_USER", DB_USER);
        env.put("WARDDESK_DB_PASSWORD", dbPassword);
        env.put("WARDDESK_SERVER_HOST", "127.0.0.1");
        env.put("WARDDESK_SERVER_PORT", String.valueOf(APP_PORTS[index]));
        env.put("WARDDESK_TELEGRAM_BOT_TOKEN", TOKEN);
        env.put("WARDDESK_TELEGRAM_WEBHOOK_SECRET", SECRET);
        env.put("WARDDESK_TELEGRAM_API_BASE_URL", "http://127.0.0.1:" + STUB_PORT + "/i" + (index + 1));
        // The stub is not Telegram: no 30/s per-bot budget to respect (per-chat spacing stays as shipped).
        env.put("WARDDESK_TELEGRAM_RATE_PER_BOT_PER_SECOND", "1000");
        // Each send is two short commits (lease, "sent") plus the spacing update: on a Galera cluster of a busy
        // 2-core machine that is ~200 ms per message and worker, so more workers than the shipped 2 drain faster.
        env.put("WARDDESK_OUTBOX_WORKERS", "6");
        env.put("WARDDESK_PRIVACY_HASH_KEY", "cluster-test-hash-key-not-a-secret");
        env.put("WARDDESK_STAFF_SEED_DEMO_ACCOUNTS", "false");
        return builder.start();
    }

    private String jdbcUrl() {
        return "jdbc:mariadb:sequential://127.0.0.1:" + nodes.sqlPort(1) + ",127.0.0.1:" + nodes.sqlPort(2)
               + ",127.0.0.1:" + nodes.sqlPort(3) + "/warddesk";
    }

    private Connection connect() throws SQLException {
        // wsrep_sync_wait=1: a read on any node sees every write the cluster committed before it.
        return DriverManager.getConnection(jdbcUrl() + "?connectTimeout=2000&sessionVariables=wsrep_sync_wait=1",
                                           DB_USER, dbPassword);
    }

    private Duration awaitHealthy(int index, Duration limit) throws InterruptedException, IOException {
        Instant begin = Instant.now();
        Instant deadline = begin.plus(limit);
        while (Instant.now().isBefore(deadline)) {
            if (!apps[index].isAlive()) {
                throw new IOException("instance " + (index + 1) + " exited; see " + work.resolve("app" + (index + 1) + ".log"));
            }
            try {
                if (get(index, "/observe/health").statusCode() == 200) {
                    return Duration.between(begin, Instant.now());
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IOException("instance " + (index + 1) + " not healthy within " + limit);
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private HttpResponse<String> get(int index, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + APP_PORTS[index] + path))
                                 .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String connectionsPerNode() {
        StringBuilder out = new StringBuilder();
        for (int node = 1; node <= 3; node++) {
            String count;
            try {
                count = nodes.alive(node) ? nodes.sql(node, "SELECT COUNT(*) FROM information_schema.PROCESSLIST"
                                                            + " WHERE USER = '" + DB_USER + "'").get(0) : "down";
            } catch (IOException | InterruptedException | IndexOutOfBoundsException e) {
                count = "?";
            }
            out.append(node == 1 ? "" : ", ").append("node").append(node).append('=').append(count);
        }
        return out.toString();
    }

    private void checkPortsFree() throws IOException {
        List<Integer> ports = new ArrayList<>(nodes.allPorts());
        ports.add(APP_PORTS[0]);
        ports.add(APP_PORTS[1]);
        ports.add(STUB_PORT);
        for (int port : ports) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress("127.0.0.1", port));
            } catch (IOException e) {
                throw new IOException("port 127.0.0.1:" + port + " is in use: stop what holds it (an earlier run?)");
            }
        }
    }

    private static String version() {
        try {
            Process process = new ProcessBuilder("mariadbd", "--version").redirectErrorStream(true).start();
            String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            var matcher = java.util.regex.Pattern.compile("Ver (\\S+)").matcher(text);
            return matcher.find() ? matcher.group(1) : "?";
        } catch (IOException e) {
            return "?";
        }
    }

    private synchronized void cleanUp() {
        stub.stop();
        for (Process app : apps) {
            if (app != null && app.isAlive()) {
                app.destroy();
            }
        }
        for (Process app : apps) {
            try {
                if (app != null && !app.waitFor(20, TimeUnit.SECONDS)) {
                    app.destroyForcibly();
                }
            } catch (InterruptedException e) {
                app.destroyForcibly();
            }
        }
        nodes.close();
    }

    private void say(String line) {
        System.out.printf(Locale.ROOT, "[+%6.1f s] %s%n", Duration.between(started, Instant.now()).toMillis() / 1000.0, line);
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    private static void sleepUntil(Instant at) throws InterruptedException {
        long wait = Duration.between(Instant.now(), at).toMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The Telegram Bot API stand-in: answers every method with ok, records every sendMessage. */
    private static final class Stub {
        record Send(long order, int instance, String chat, String text, long atMillis) {
        }

        final ConcurrentLinkedQueue<Send> sends = new ConcurrentLinkedQueue<>();
        private final AtomicLong order = new AtomicLong();
        private final AtomicInteger[] active = {new AtomicInteger(), new AtomicInteger(), new AtomicInteger()};
        private HttpServer server;

        void start() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", STUB_PORT), 200);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/", this::handle);
            server.start();
        }

        int active(int instance) {
            return active[instance].get();
        }

        private void handle(HttpExchange exchange) throws IOException {
            String path = exchange.getRequestURI().getPath();
            int instance = path.startsWith("/i1/") ? 1 : path.startsWith("/i2/") ? 2 : 0;
            active[instance].incrementAndGet();
            try {
                byte[] body = exchange.getRequestBody().readAllBytes();
                String answer = "{\"ok\":true,\"result\":true}";
                if (path.endsWith("/sendMessage")) {
                    JsonNode message = JSON.readTree(body);
                    String chat = message.path("chat_id").asText();
                    sends.add(new Send(order.incrementAndGet(), instance, chat, message.path("text").asText(),
                                       System.currentTimeMillis()));
                    answer = "{\"ok\":true,\"result\":{\"message_id\":" + order.get() + ",\"date\":"
                             + Instant.now().getEpochSecond() + ",\"chat\":{\"id\":" + chat + ",\"type\":\"private\"}}}";
                }
                byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            } finally {
                active[instance].decrementAndGet();
                exchange.close();
            }
        }

        void stop() {
            if (server != null) {
                server.stop(0);
            }
        }
    }
}
