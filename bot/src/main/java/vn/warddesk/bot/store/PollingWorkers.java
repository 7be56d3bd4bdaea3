package vn.warddesk.bot.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Virtual threads that work off a table: each runs {@code step} until it reports nothing done, then waits for a
 * {@link #nudge()} or the poll interval. A step the database rolled back whole (lock conflict, Galera certification
 * failure, failover to another node) is retried at once; another database failure or
 * a bug in the step is logged and retried after the poll interval, so a worker never dies while the service runs.
 */
public final class PollingWorkers implements AutoCloseable {
    private static final System.Logger LOGGER = System.getLogger(PollingWorkers.class.getName());

    private final String name;
    private final int count;
    private final Duration pollInterval;
    private final BooleanSupplier step;
    private final Semaphore wake = new Semaphore(0);
    private final AtomicBoolean running = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();

    /**
     * @param name  thread name prefix and log prefix, e.g. "outbox"
     * @param step  does one unit of work; true if it found something (then it runs again at once)
     */
    public PollingWorkers(String name, int count, Duration pollInterval, BooleanSupplier step) {
        this.name = name;
        this.count = count;
        this.pollInterval = pollInterval;
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

    /** Wakes the workers now (new rows were committed) instead of at the next poll. */
    public void nudge() {
        if (wake.availablePermits() < count) {
            wake.release(count);
        }
    }

    private void work() {
        while (running.get()) {
            try {
                if (!step.getAsBoolean()) {
                    wake.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
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
