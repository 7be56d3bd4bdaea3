package vn.warddesk.bot.cases;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per client address: {@code perMinute} requests, refilled continuously. Bounded memory: when too many
 * addresses are tracked the map is cleared (a burst of new addresses only resets everyone's allowance).
 */
final class RateLimit {
    private static final int MAX_CLIENTS = 10_000;
    private final int perMinute;
    private final Clock clock;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimit(int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    private static final class Bucket {
        double tokens;
        long lastNanos;

        Bucket(double tokens, long lastNanos) {
            this.tokens = tokens;
            this.lastNanos = lastNanos;
        }
    }

    boolean allow(String client) {
        if (buckets.size() > MAX_CLIENTS) {
            buckets.clear();
        }
        long now = clock.millis() * 1_000_000L;
        Bucket bucket = buckets.computeIfAbsent(client, k -> new Bucket(perMinute, now));
        synchronized (bucket) {
            double refill = (now - bucket.lastNanos) / 60e9 * perMinute;
            bucket.tokens = Math.min(perMinute, bucket.tokens + Math.max(0, refill));
            bucket.lastNanos = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return true;
            }
            return false;
        }
    }
}
