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
 * statements and commits per turn from MariaDB's counters. Run: ./warddesk bench-engine [turns]
 */
public final class EngineTurnBench {
    private static final List<String> SCRIPT = List.of(
            "làm giấy khai sinh cần gì", "phi bn", "mat bao lau", "giờ làm việc của phường", "còn thứ 7?",
            "What documents do I need to register a marriage?", "how much does it cost?", "cảm ơn");

    private EngineTurnBench() {
    }

    public static void main(String[] args) throws Exception {
        int turns = args.length > 0 ? Integer.parseInt(args[0]) : 4000;
        HikariDataSource pool = TestDatabase.fresh("engine_bench");
        MutableClock clock = new MutableClock(Instant.parse("2026-12-01T02:00:00Z"));
        EngineFixture fx = new EngineFixture(pool, clock);
        int warm = Math.min(500, turns / 4);
        run(fx, clock, warm, 0);
        Map<String, Long> before = status(pool);
        long[] nanos = run(fx, clock, turns, 1_000_000);
        Map<String, Long> after = status(pool);
        Arrays.sort(nanos);
        System.out.printf("engine turn bench: %d turns over %d chats, one thread, embedded MariaDB%n", turns,
                          turns / SCRIPT.size());
        System.out.printf("  per turn    p50 %.2f ms, p99 %.2f ms, max %.2f ms (target p99 <= 5 ms)%n",
                          nanos[turns / 2] / 1e6, nanos[(int) (turns * 0.99)] / 1e6, nanos[turns - 1] / 1e6);
        StringBuilder per = new StringBuilder("  per turn   ");
        for (String key : before.keySet()) {
            per.append(String.format(" %s %.2f", key.replace("Com_", ""), (after.get(key) - before.get(key)) / (double) turns));
        }
        System.out.println(per);
        pool.close();
        System.exit(0);
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
