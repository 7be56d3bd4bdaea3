package vn.warddesk.bot.conversation;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.zaxxer.hikari.HikariDataSource;

import vn.warddesk.bot.testing.EngineFixture;
import vn.warddesk.bot.testing.MutableClock;
import vn.warddesk.bot.testing.TestDatabase;

/**
 * Benchmark, not a test: one engine turn (ConversationEngine.handle: lock, NLU, policies, messages, outbox, events,
 * commit) on the embedded MariaDB, a Telegram-like conversation mix over many chats. Prints p50/p99 per turn and the
 * statements and commits per turn from MariaDB's counters, first with a transaction per turn (the web API's way), then
 * as the inbox runs turns: {@code batch} turns of different chats in one READ COMMITTED transaction
 * ({@link ConversationPort#batch}: the turns' replies, outbox rows and events written together at the end), one commit
 * for the lot (per turn: the turn's own work; the batch's gathered writes and commit are printed apart, and the whole
 * batch's time per turn).
 * Run: ./warddesk bench-engine [turns] [batch=32]
 */
public final class EngineTurnBench {
    private static final List<String> SCRIPT = List.of(
            "làm giấy khai sinh cần gì", "phi bn", "mat bao lau", "giờ làm việc của phường", "còn thứ 7?",
            "What documents do I need to register a marriage?", "how much does it cost?", "cảm ơn");

    private EngineTurnBench() {
    }

    public static void main(String[] args) throws Exception {
        int turns = args.length > 0 ? Integer.parseInt(args[0]) : 4000;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        HikariDataSource pool = TestDatabase.fresh("engine_bench");
        MutableClock clock = new MutableClock(Instant.parse("2026-12-01T02:00:00Z"));
        // The catalog looks for new versions once a second, as shipped (config/application.yaml), not on every look-up.
        EngineFixture fx = new EngineFixture(pool, clock, vn.warddesk.bot.text.WardTexts.defaults(),
                                             java.util.Optional.empty(), java.time.Duration.ofSeconds(1));
        int warm = Math.min(500, turns / 4);
        run(fx, clock, warm, 0);
        Map<String, Long> before = status(pool);
        long[] cpuBefore = cpu();
        long[] nanos = run(fx, clock, turns, 1_000_000);
        Map<String, Long> after = status(pool);
        long[] cpuAfter = cpu();
        Arrays.sort(nanos);
        System.out.printf("engine turn bench: %d turns over %d chats, one thread, embedded MariaDB%n", turns,
                          turns / SCRIPT.size());
        System.out.printf("  per turn    p50 %.2f ms, p99 %.2f ms, max %.2f ms (target p99 <= 5 ms)%n",
                          nanos[turns / 2] / 1e6, nanos[(int) (turns * 0.99)] / 1e6, nanos[turns - 1] / 1e6);
        System.out.println(perTurn(before, after, turns));
        System.out.println(cpuPerTurn(cpuBefore, cpuAfter, turns));

        // As the inbox runs them: a batch of turns of different chats (the script's n-th line for each chat, as
        // a batch claims one event per conversation), one transaction, one commit.
        int chats = Math.max(batch, 1);
        long[] batched = new long[turns];
        long[] commits = new long[(turns + batch - 1) / batch];
        long[] flushes = new long[commits.length];
        long[] batches = new long[commits.length];
        Map<String, Long> beforeBatched = status(pool);
        long[] cpuBeforeBatched = cpu();
        int done = 0;
        for (int b = 0; done < turns; b++) {
            int size = Math.min(batch, turns - done);
            int line = b % SCRIPT.size();
            int group = b / SCRIPT.size();
            try (Connection c = pool.getConnection()) {
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                c.setAutoCommit(false);
                long batchStart = System.nanoTime();
                ConversationPort.Batch gathered = fx.engine.batch(c);
                for (int k = 0; k < size; k++) {
                    int chat = 2_000_000 + group * chats + k;
                    ConversationRef user = new ConversationRef.ByChannelUser("telegram", "bench-" + chat, "chat-" + chat,
                                                                             "demo-hoa-an");
                    InboundEvent event = new InboundEvent(user, "telegram", "batch-" + b + "-" + k,
                                                          new Input.Text(SCRIPT.get(line)), null, clock.instant());
                    long start = System.nanoTime();
                    gathered.handle(event);
                    batched[done + k] = System.nanoTime() - start;
                }
                long start = System.nanoTime();
                gathered.flush();
                flushes[b] = System.nanoTime() - start;
                start = System.nanoTime();
                c.commit();
                commits[b] = System.nanoTime() - start;
                batches[b] = (System.nanoTime() - batchStart) / size;
                c.setAutoCommit(true);
                c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            }
            done += size;
        }
        Map<String, Long> afterBatched = status(pool);
        long[] cpuAfterBatched = cpu();
        Arrays.sort(batched);
        Arrays.sort(commits);
        Arrays.sort(flushes);
        Arrays.sort(batches);
        System.out.printf("batched as the inbox runs them: %d turns, %d per transaction%n", turns, batch);
        System.out.printf("  per turn    p50 %.2f ms, p99 %.2f ms, max %.2f ms (target p99 <= 5 ms); commit per batch"
                          + " p50 %.2f ms, p99 %.2f ms%n", batched[turns / 2] / 1e6, batched[(int) (turns * 0.99)] / 1e6,
                          batched[turns - 1] / 1e6, commits[commits.length / 2] / 1e6, p99(commits) / 1e6);
        System.out.printf("  the batch's gathered writes (replies, outbox, events) per batch p50 %.2f ms, p99 %.2f ms;"
                          + " whole batch (turns + writes + commit) per turn p50 %.2f ms, p99 %.2f ms%n",
                          flushes[flushes.length / 2] / 1e6, p99(flushes) / 1e6, batches[batches.length / 2] / 1e6,
                          p99(batches) / 1e6);
        System.out.println(perTurn(beforeBatched, afterBatched, turns));
        System.out.println(cpuPerTurn(cpuBeforeBatched, cpuAfterBatched, turns));
        pool.close();
        System.exit(0);
    }

    private static long p99(long[] sorted) {
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * 0.99))];
    }

    private static long[] run(EngineFixture fx, MutableClock clock, int turns, int offset) {
        long[] nanos = new long[turns];
        for (int i = 0; i < turns; i++) {
            int chat = offset + i / SCRIPT.size();
            ConversationRef user = new ConversationRef.ByChannelUser("telegram", "bench-" + chat, "chat-" + chat,
                                                                     "demo-hoa-an");
            InboundEvent event = new InboundEvent(user, "telegram", "b" + offset + "-" + i,
                                                  new Input.Text(SCRIPT.get(i % SCRIPT.size())), null, clock.instant());
            long start = System.nanoTime();
            fx.engine.handle(event);
            nanos[i] = System.nanoTime() - start;
        }
        return nanos;
    }

    /**
     * CPU per turn: this JVM (engine, JDBC, also JIT and GC threads) and the embedded mariadbd. Unlike wall-clock
     * times it stays comparable when other jobs share the cores.
     */
    private static String cpuPerTurn(long[] before, long[] after, int turns) {
        double jvm = (after[0] - before[0]) / 1e6 / turns;
        double db = (after[1] - before[1]) / 1e6 / turns;
        return String.format("  CPU per turn %.2f ms (JVM %.2f + mariadbd %.2f)", jvm + db, jvm, db);
    }

    /** CPU time used so far in ns: [this JVM, the embedded mariadbd (a child process; 0 when not found)]. */
    private static long[] cpu() {
        long jvm = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
        long db = ProcessHandle.current().descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("mariadbd")).orElse(false))
                .mapToLong(p -> {
                    try {
                        // /proc/<pid>/stat: utime and stime (fields 14, 15) in clock ticks (100 per second on Linux).
                        String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + p.pid() + "/stat"));
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L;
                    } catch (java.io.IOException | RuntimeException e) {
                        return 0;
                    }
                }).sum();
        return new long[] {jvm, db};
    }

    private static String perTurn(Map<String, Long> before, Map<String, Long> after, int turns) {
        StringBuilder per = new StringBuilder("  per turn   ");
        for (String key : before.keySet()) {
            per.append(String.format(" %s %.2f", key.replace("Com_", ""), (after.get(key) - before.get(key)) / (double) turns));
        }
        return per.toString();
    }

    private static Map<String, Long> status(HikariDataSource pool) throws Exception {
        Map<String, Long> status = new TreeMap<>();
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW GLOBAL STATUS WHERE Variable_name IN ('Com_select', 'Com_insert',"
                                           + " 'Com_update', 'Com_delete', 'Com_commit')")) {
            while (rs.next()) {
                status.put(rs.getString(1), rs.getLong(2));
            }
        }
        return status;
    }
}
