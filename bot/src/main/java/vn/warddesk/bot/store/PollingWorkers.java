package vn.warddesk.bot.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Virtual threads that work off a table: each runs {@code step} while it reports that more may be waiting, then waits
 * for a {@link #nudge()} or the poll interval. A nudge wakes one idle worker, not all: under load the nudges keep
 * coming and wake the others, when idle a second worker would only find its sibling's rows locked (an empty claim, a
 * transaction for nothing). With a {@code coalesce} delay, a step woken by a nudge begins no sooner than that delay
 * after the previous step (of any worker) began, so rows committed in the meantime are taken together: at most one
 * nudged step per delay, none delayed when the last step is longer ago (a quiet ward's replies wait for nothing).
 * A step the database rolled back whole (lock conflict, Galera certification failure, failover to another node) is
 * retried at once; another database failure or a bug in the step is logged and retried after the poll interval, so a
 * worker never dies while the service runs.
 */
public final class PollingWorkers implements AutoCloseable {
    private static final System.Logger LOGGER = System.getLogger(PollingWorkers.class.getName());

    private final String name;
    private final int count;
    private final Duration pollInterval;
    private final long coalesceNanos;
    private final BooleanSupplier step;
    private final Semaphore wake = new Semaphore(0);
    private final AtomicBoolean running = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();
    /** The earliest start (System.nanoTime) of the next step woken by a nudge: coalesce after the last one began. */
    private final AtomicLong nextNudgedStep = new AtomicLong(System.nanoTime());

    /**
     * @param name  thread name prefix and log prefix, e.g. "outbox"
     * @param step  does one unit of work; true if more may be waiting (then it runs again at once)
     */
    public PollingWorkers(String name, int count, Duration pollInterval, BooleanSupplier step) {
        this(name, count, pollInterval, Duration.ZERO, step);
    }

    /**
     * @param coalesce how long after the previous step began a step woken by a nudge waits (zero: not at all)
     */
    public PollingWorkers(String name, int count, Duration pollInterval, Duration coalesce, BooleanSupplier step) {
        this.name = name;
        this.count = count;
        this.pollInterval = pollInterval;
        this.coalesceNanos = Math.max(0, coalesce.toNanos());
        this.step = step;
    }

    /** Starts the threads; a second call does nothing. */
    public void start() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        for (int i = 0; i < count; i++) {
            threads.add(Thread.ofVirtual().name(name + "-" + i).start(this::work));
        }
    }

    /**
     * Wakes one idle worker now (new rows were committed) instead of at the next poll; a busy worker takes the wake-up
     * when its step is done. A step begun after this call sees the new rows.
     */
    public void nudge() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    private void work() {
        boolean nudged = false;
        while (running.get()) {
            try {
                if (nudged) {
                    awaitTurn();
                } else {
                    nextNudgedStep.accumulateAndGet(System.nanoTime() + coalesceNanos, Math::max);
                }
                nudged = false;
                if (!step.getAsBoolean()) {
                    nudged = wake.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (StoreException e) {
                if (e.retryable()) {
                    // The database rolled the whole step back (deadlock, lock wait timeout, certification failure,
                    // failover to another node): nothing took effect.
                    LOGGER.log(System.Logger.Level.DEBUG, name + ": rolled back (conflict or failover), retrying");
                    continue;
                }
                LOGGER.log(System.Logger.Level.WARNING, name + ": database unavailable, retrying: " + e.getMessage());
                sleepQuietly(pollInterval);
            } catch (RuntimeException e) {
                LOGGER.log(System.Logger.Level.ERROR, name + " worker error", e);
                sleepQuietly(pollInterval);
            }
        }
    }

    /**
     * Takes the next nudged step's start (no sooner than the coalesce delay after the previous step began) and waits
     * for it; two workers woken together start one delay apart, the second taking what arrived in between. The wake-ups
     * that came while waiting are dropped: the step about to run sees the rows they announced.
     */
    private void awaitTurn() throws InterruptedException {
        if (coalesceNanos == 0) {
            return;
        }
        long now = System.nanoTime();
        long reserved = nextNudgedStep.getAndAccumulate(now, (next, at) -> Math.max(next, at) + coalesceNanos);
        long wait = reserved - now;
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
            wake.drainPermits();
        }
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the threads after their current step (waits up to 10 s for each). */
    @Override
    public void close() {
        if (!running.compareAndSet(true, false)) {
            return;
        }
        wake.release(threads.size() + 1);
        for (Thread thread : threads) {
            try {
                thread.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        threads.clear();
    }
}
