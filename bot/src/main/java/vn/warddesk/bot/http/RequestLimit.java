package vn.warddesk.bot.http;

import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * A token bucket (Bucket4j) per key — client address, conversation — kept in a bounded Caffeine cache: when it is
 * full the least useful entries are evicted one by one (never everyone at once), and an idle key is forgotten after
 * one window, when its bucket would be full again anyway. A refusal is an {@link ApiProblem} 429 with Retry-After.
 */
public final class RequestLimit {
    private final String what;
    private final EdgeSettings.Rate rate;
    private final boolean enabled;
    private final Cache<String, Bucket> buckets;

    private RequestLimit(String what, EdgeSettings.Rate rate, boolean enabled, int maxKeys) {
        this.what = what;
        this.rate = rate;
        this.enabled = enabled && rate.requests() > 0;
        // Eviction runs on the calling thread: bounded memory without a background pool, and predictable in tests.
        this.buckets = Caffeine.newBuilder().maximumSize(Math.max(1, maxKeys)).expireAfterAccess(rate.per())
                .executor(Runnable::run).build();
    }

    /** One bucket per key, at most {@code limits.max-tracked-clients} keys. */
    public static RequestLimit perKey(String what, EdgeSettings.Rate rate, EdgeSettings.Limits limits) {
        return new RequestLimit(what, rate, limits.enabled(), limits.maxTrackedClients());
    }

    /** One bucket for everyone: a cap that protects the database whatever the number of clients. */
    public static RequestLimit global(String what, EdgeSettings.Rate rate, EdgeSettings.Limits limits) {
        return new RequestLimit(what, rate, limits.enabled(), 1);
    }

    /** Takes one request from the key's bucket, or throws 429 saying when to come back. */
    public void take(String key) {
        if (!enabled) {
            return;
        }
        Bucket bucket = buckets.get(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(rate.requests()).refillGreedy(rate.requests(), rate.per()).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
            throw ApiProblem.tooMany("Too many " + what + "; try again in " + seconds + " s.", seconds);
        }
    }

    /** The global bucket. */
    public void take() {
        take("*");
    }

    /** How many keys the cache holds now (at most {@code limits.max-tracked-clients}). */
    long trackedKeys() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }
}
