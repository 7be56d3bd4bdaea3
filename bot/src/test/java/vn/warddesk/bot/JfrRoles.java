package vn.warddesk.bot;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Tool (not a test): {@code JfrRoles recording.jfr [from to]} splits a flight recording's CPU samples
 * ({@code jdk.ExecutionSample}, Java code only: the JIT and the GC are native threads) by who ran them — the engine's
 * inbox workers, the webhook, the outbox dispatcher, the JDK's HTTP client, the bench's load and Telegram — because all
 * of the server's work runs on virtual threads, whose CPU the kernel and the ThreadMXBean book to the carrier threads.
 * {@code from}/{@code to} (ISO instants, {@code WebhookBench} prints its burst's) keep the samples of one window.
 * Within each role it also prints the share of the top frame's package (driver, NLU, JSON…).
 */
public final class JfrRoles {
    private JfrRoles() {
    }

    public static void main(String[] args) throws Exception {
        Instant from = args.length > 2 ? Instant.parse(args[1]) : Instant.MIN;
        Instant to = args.length > 2 ? Instant.parse(args[2]) : Instant.MAX;
        Map<String, Integer> roles = new TreeMap<>();
        Map<String, Map<String, Integer>> leaves = new TreeMap<>();
        int total = 0;
        try (RecordingFile recording = new RecordingFile(Path.of(args[0]))) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null
                    || event.getStartTime().isBefore(from) || event.getStartTime().isAfter(to)) {
                    continue;
                }
                List<RecordedFrame> frames = event.getStackTrace().getFrames();
                String role = role(frames);
                roles.merge(role, 1, Integer::sum);
                String leaf = frames.isEmpty() ? "?" : pkg(frames.get(0).getMethod().getType().getName());
                leaves.computeIfAbsent(role, r -> new TreeMap<>()).merge(leaf, 1, Integer::sum);
                total++;
            }
        }
        System.out.println(total + " samples");
        int all = total;
        roles.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).forEach(role -> {
            System.out.printf("%-28s %5.1f %%  top frames: ", role.getKey(), 100.0 * role.getValue() / all);
            leaves.get(role.getKey()).entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(6)
                    .forEach(leaf -> System.out.printf("%s %.1f %%, ", leaf.getKey(), 100.0 * leaf.getValue() / all));
            System.out.println();
        });
    }

    /** The first marker found from the thread's entry point up (truncated stacks fall back to the top frame). */
    private static String role(List<RecordedFrame> frames) {
        for (int i = frames.size() - 1; i >= 0; i--) {
            String type = frames.get(i).getMethod().getType().getName();
            if (type.startsWith("vn.warddesk.bot.inbox.InboxWorker")) {
                return "inbox workers (engine)";
            }
            if (type.startsWith("vn.warddesk.bot.outbox.OutboxDispatcher")) {
                return "outbox dispatcher";
            }
            if (type.startsWith("vn.warddesk.bot.TelegramStandIn") || type.startsWith("com.sun.net.httpserver")
                || type.startsWith("sun.net.httpserver")) {
                return "Telegram stand-in";
            }
            if (type.startsWith("vn.warddesk.bot.WebhookBench") || type.startsWith("vn.warddesk.bot.LoopbackHttp")) {
                return "load generator";
            }
            if (type.startsWith("io.helidon.webserver")) {
                return "webhook (Helidon)";
            }
        }
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            if (type.startsWith("jdk.internal.net.http")) {
                return "JDK HTTP client (sends)";
            }
        }
        return "other: " + (frames.isEmpty() ? "?" : pkg(frames.get(frames.size() - 1).getMethod().getType().getName()));
    }

    private static String pkg(String type) {
        String[] parts = type.split("\\.");
        return String.join(".", java.util.Arrays.copyOf(parts, Math.min(parts.length - 1, 3)));
    }
}
