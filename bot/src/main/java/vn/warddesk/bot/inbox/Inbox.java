package vn.warddesk.bot.inbox;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import vn.warddesk.bot.store.StoreException;

/**
 * Where webhooks put what they accepted. Events that arrive together are written together: one writer thread takes
 * everything waiting, stores it with one multi-row INSERT and one commit, and only then releases the webhook requests
 * (each answers 200 after its own row is durable). Under load the batches grow by themselves, so the database does one
 * commit for many updates; alone, an update waits for nothing but its own INSERT.
 */
public final class Inbox implements AutoCloseable {
    private static final System.Logger LOGGER = System.getLogger(Inbox.class.getName());
    private static final int MAX_BATCH = 200;
    private static final Duration MAX_WAIT = Duration.ofSeconds(5);

    private record Waiting(Accepted accepted, CompletableFuture<Void> stored) {
    }

    private final InboxStore store;
    private final LinkedBlockingQueue<Waiting> queue = new LinkedBlockingQueue<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile boolean closed;
    private volatile Thread writer;

    public Inbox(DataSource dataSource, Clock clock) {
        this.store = new InboxStore(dataSource, clock);
    }

    InboxStore store() {
        return store;
    }

    /**
     * Returns once the event is committed (or was already waiting: a redelivery).
     *
     * @throws StoreException when it could not be stored in time: the webhook must not answer 200
     */
    public void accept(Accepted accepted) {
        if (closed) {
            throw new StoreException("the inbox is closed", null);
        }
        if (started.compareAndSet(false, true)) {
            writer = Thread.ofVirtual().name("inbox-writer").start(this::write);
        }
        Waiting waiting = new Waiting(accepted, new CompletableFuture<>());
        queue.add(waiting);
        try {
            waiting.stored().get(MAX_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof StoreException store ? store
                    : new StoreException("inbox write failed: " + e.getCause().getClass().getSimpleName(), e.getCause());
        } catch (TimeoutException e) {
            // It may still be committed later; the platform's redelivery is then recognised as a duplicate.
            throw new StoreException("inbox write took longer than " + MAX_WAIT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while storing", e);
        }
    }

    private void write() {
        while (!closed) {
            List<Waiting> batch = new ArrayList<>();
            try {
                Waiting first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                storeBatch(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                batch.forEach(w -> w.stored().completeExceptionally(new StoreException("inbox closed", e)));
                return;
            } catch (RuntimeException e) {
                batch.forEach(w -> w.stored().completeExceptionally(e));
            }
        }
    }

    private void storeBatch(List<Waiting> batch) {
        try {
            insertRetryingConflicts(batch.stream().map(Waiting::accepted).toList());
            batch.forEach(w -> w.stored().complete(null));
        } catch (StoreException e) {
            if (batch.size() == 1) {
                batch.get(0).stored().completeExceptionally(e);
                return;
            }
            // One bad row must not fail its neighbours: store the two halves apart, down to the row at fault. The good
            // rows still share statements (about 2 log2(n) writes for one bad row in n, not n), and they keep their
            // order: the first half is stored first.
            LOGGER.log(System.Logger.Level.WARNING, "inbox batch of " + batch.size() + " failed, storing it in halves: "
                                                    + e.getMessage());
            int half = batch.size() / 2;
            storeBatch(batch.subList(0, half));
            storeBatch(batch.subList(half, batch.size()));
        }
    }

    /**
     * A redelivery can meet its first copy while a worker deletes it; InnoDB then picks the INSERT as deadlock victim
     * and rolls it back whole, so it is simply run again — as after a Galera certification failure or a failover to
     * another node. A repeated INSERT is harmless: ON DUPLICATE KEY UPDATE makes a stored row a no-op.
     */
    private void insertRetryingConflicts(List<Accepted> events) {
        for (int attempt = 1; ; attempt++) {
            try {
                store.insertAll(events);
                return;
            } catch (StoreException e) {
                if (attempt >= 3 || !e.retryable()) {
                    throw e;
                }
            }
        }
    }

    /** Stops the writer; events still queued are refused (their webhooks answer 503 and the platform retries). */
    @Override
    public void close() {
        closed = true;
        Thread thread = writer;
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Waiting left;
        while ((left = queue.poll()) != null) {
            left.stored().completeExceptionally(new StoreException("the inbox is closed", null));
        }
    }
}
