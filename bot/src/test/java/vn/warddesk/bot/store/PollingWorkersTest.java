package vn.warddesk.bot.store;

import java.sql.SQLTransactionRollbackException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The worker loop shared by the inbox and the outbox: what it does after work, no work, conflicts and bugs. */
class PollingWorkersTest {
    private static final Duration LONG_POLL = Duration.ofSeconds(30);
    /** How long a test waits for an event that must happen: generous, so a busy machine does not fail it. */
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void a_step_rolled_back_by_a_deadlock_runs_again_at_once() throws InterruptedException {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch retried = new CountDownLatch(1);
        try (PollingWorkers workers = new PollingWorkers("test", 1, LONG_POLL, () -> {
            if (calls.incrementAndGet() == 1) {
                throw new StoreException("database error", new SQLTransactionRollbackException("Deadlock", "40001", 1213));
            }
            retried.countDown();
            return false;
        })) {
            workers.start();
            assertTrue(retried.await(LONG_POLL.toSeconds() - 5, TimeUnit.SECONDS), "retried without waiting for the 30 s poll");
        }
    }

    @Test
    void a_bug_in_the_step_does_not_end_the_worker() throws InterruptedException {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch survived = new CountDownLatch(1);
        try (PollingWorkers workers = new PollingWorkers("test", 1, Duration.ofMillis(20), () -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("bug");
            }
            survived.countDown();
            return false;
        })) {
            workers.start();
            assertTrue(survived.await(WAIT.toSeconds(), TimeUnit.SECONDS));
        }
    }

    @Test
    void nudges_within_the_coalesce_delay_are_taken_by_one_step() throws InterruptedException {
        AtomicInteger waiting = new AtomicInteger();
        List<Integer> taken = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        CountDownLatch firstLooks = new CountDownLatch(2);
        CountDownLatch tookAll = new CountDownLatch(1);
        try (PollingWorkers workers = new PollingWorkers("test", 2, LONG_POLL, Duration.ofSeconds(1), () -> {
            int rows = waiting.getAndSet(0);
            if (rows > 0) {
                taken.add(rows);
                if (taken.stream().mapToInt(Integer::intValue).sum() == 5) {
                    tookAll.countDown();
                }
            }
            firstLooks.countDown();
            return false;
        })) {
            workers.start();
            assertTrue(firstLooks.await(WAIT.toSeconds(), TimeUnit.SECONDS));
            // Five commits 20 ms apart, each announced: all within the second after the workers' first looks.
            for (int i = 0; i < 5; i++) {
                waiting.incrementAndGet();
                workers.nudge();
                Thread.sleep(20);
            }
            assertTrue(tookAll.await(WAIT.toSeconds(), TimeUnit.SECONDS));
            assertEquals(List.of(5), taken, "one step took the five rows");
        }
    }

    @Test
    void a_nudge_long_after_the_last_step_is_not_delayed_by_the_coalesce_delay() throws InterruptedException {
        Duration coalesce = Duration.ofSeconds(2);
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch firstLook = new CountDownLatch(1);
        CountDownLatch nudgedStep = new CountDownLatch(1);
        try (PollingWorkers workers = new PollingWorkers("test", 1, LONG_POLL, coalesce, () -> {
            if (calls.incrementAndGet() == 2) {
                nudgedStep.countDown();
            }
            firstLook.countDown();
            return false;
        })) {
            workers.start();
            assertTrue(firstLook.await(WAIT.toSeconds(), TimeUnit.SECONDS));
            Thread.sleep(coalesce.toMillis() + 100); // a quiet ward: the last step is longer ago than the delay
            long nudgedAt = System.nanoTime();
            workers.nudge();
            assertTrue(nudgedStep.await(WAIT.toSeconds(), TimeUnit.SECONDS));
            long tookMs = (System.nanoTime() - nudgedAt) / 1_000_000;
            assertTrue(tookMs < coalesce.toMillis(), "the step ran " + tookMs + " ms after its nudge");
        }
    }

    @Test
    void an_idle_worker_sleeps_until_nudged_and_runs_on_while_it_finds_work() throws InterruptedException {
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger work = new AtomicInteger();
        CountDownLatch firstLook = new CountDownLatch(1);
        CountDownLatch drained = new CountDownLatch(1);
        try (PollingWorkers workers = new PollingWorkers("test", 1, LONG_POLL, () -> {
            calls.incrementAndGet();
            firstLook.countDown();
            if (work.get() > 0) {
                work.decrementAndGet();
                return true;
            }
            if (calls.get() > 1) {
                drained.countDown();
            }
            return false;
        })) {
            workers.start();
            assertTrue(firstLook.await(WAIT.toSeconds(), TimeUnit.SECONDS));
            work.set(3);
            workers.nudge();
            assertTrue(drained.await(WAIT.toSeconds(), TimeUnit.SECONDS));
            // No clock in the assertion: with a 30 s poll, any look beyond "one, then three with work, then one more
            // that found none" would have been an unprompted wake-up.
            assertEquals(5, calls.get(), "one look, three steps with work after the nudge, and one more that found none");
        }
    }
}
