package vn.warddesk.bot.inbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.github.resilience4j.core.IntervalFunction;

import vn.warddesk.bot.conversation.ConversationPort;
import vn.warddesk.bot.store.Jdbc;
import vn.warddesk.bot.store.PollingWorkers;
import vn.warddesk.bot.store.StoreException;

/**
 * Feeds accepted webhook events to the conversation engine, oldest first and in order per conversation.
 *
 * <p>A worker claims a few rows ({@code FOR UPDATE SKIP LOCKED}, so instances share the work), lets the engine handle
 * each in the engine's own transaction, then deletes the handled rows and commits. If the process dies in between, the row is
 * still there and is handled again; the engine's event ledger recognises the event and changes nothing, so each event
 * takes effect exactly once. An engine failure is retried with exponential backoff and jitter; after
 * {@code max-attempts} the row is kept as failed (counted in metrics, logged without its text) and the conversation's
 * later events go on.
 */
public final class InboxWorker implements AutoCloseable {
    private static final System.Logger LOGGER = System.getLogger(InboxWorker.class.getName());
    private static final Duration GAUGE_REFRESH = Duration.ofSeconds(5);
    private static final Duration PURGE_EVERY = Duration.ofHours(1);
    /**
     * Rows per claim: fewer claim queries and commits per event under load, while a claimed row waits for at most
     * seven others handled before it by the same worker.
     */
    private static final int CLAIM_BATCH = 8;

    private final InboxStore inbox;
    private final DataSource dataSource;
    private final ConversationPort port;
    private final Map<String, FollowUp> followUps;
    private final Runnable handledNew;
    private final InboxSettings settings;
    private final Clock clock;
    private final IntervalFunction backoff;
    private final InboxMetrics metrics = new InboxMetrics();
    private final PollingWorkers workers;
    private volatile Instant gaugesAt = Instant.EPOCH;
    private volatile Instant purgedAt = Instant.EPOCH;

    /**
     * @param followUps  per channel, what to do after one of its events was handled
     * @param handledNew called after the engine handled a new event (it may have queued replies: wake the outbox)
     */
    public InboxWorker(Inbox inbox, DataSource dataSource, ConversationPort port, Map<String, FollowUp> followUps,
                       Runnable handledNew, InboxSettings settings, Clock clock) {
        this.inbox = inbox.store();
        this.dataSource = dataSource;
        this.port = port;
        this.followUps = Map.copyOf(followUps);
        this.handledNew = handledNew;
        this.settings = settings;
        this.clock = clock;
        this.backoff = IntervalFunction.ofExponentialRandomBackoff(settings.backoffInitial(), 2.0, 0.3,
                                                                   settings.backoffMax());
        this.workers = new PollingWorkers("inbox", settings.workers(), settings.pollInterval(), () -> {
            boolean any = processBatch() > 0;
            housekeeping();
            return any;
        });
    }

    /** Starts the workers (virtual threads). */
    public void start() {
        workers.start();
    }

    /** Wakes the workers now (a webhook just accepted an event) instead of at the next poll. */
    public void nudge() {
        workers.nudge();
    }

    /** Handles due rows until none is left; returns how many were processed. For tests and the admin CLI. */
    public int drain() {
        int processed = 0;
        for (int batch = processBatch(); batch > 0; batch = processBatch()) {
            processed += batch;
        }
        return processed;
    }

    /**
     * Claims up to {@link #CLAIM_BATCH} rows (one per conversation), lets the engine handle them one after the other,
     * deletes the handled ones and commits; returns how many rows were settled (0 when nothing was due). Each event's
     * own effects are committed by the engine before the next starts, so the outbox is woken and a callback answered
     * at once; only the inbox bookkeeping waits for the batch.
     */
    int processBatch() {
        // READ COMMITTED: the claim keeps no gap locks, so webhooks' INSERTs never wait for a worker.
        return Jdbc.withConnection(dataSource, connection -> {
            connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            connection.setAutoCommit(false);
            try {
                List<InboxStore.Claimed> claimed = inbox.claim(connection, CLAIM_BATCH);
                List<Long> handled = new ArrayList<>(claimed.size());
                for (InboxStore.Claimed row : claimed) {
                    if (settle(connection, row)) {
                        handled.add(row.id());
                    }
                }
                if (claimed.isEmpty()) {
                    connection.rollback(); // nothing claimed, nothing to make durable
                    return 0;
                }
                inbox.done(connection, handled);
                connection.commit();
                return claimed.size();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
                connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            }
        });
    }

    /** True when the engine handled the row (delete it); otherwise it was rescheduled or set aside. */
    private boolean settle(Connection connection, InboxStore.Claimed row) throws SQLException {
        if (row.accepted().isEmpty()) {
            giveUp(connection, row, "unreadable payload");
            return false;
        }
        Accepted accepted = row.accepted().get();
        ConversationPort.Handled handled;
        try {
            handled = port.handle(accepted.event());
        } catch (RuntimeException e) {
            String reason = "engine error: " + e.getClass().getSimpleName();
            if (row.attempts() + 1 >= settings.maxAttempts()) {
                giveUp(connection, row, "gave up after " + (row.attempts() + 1) + " attempts: " + reason);
            } else {
                inbox.retryLater(connection, row.id(), Duration.ofMillis(backoff.apply(row.attempts() + 1)), reason);
                metrics.retried();
                LOGGER.log(System.Logger.Level.INFO, "inbox row " + row.id() + ": " + reason + ", will retry");
            }
            return false;
        }
        afterHandled(accepted, handled);
        return true;
    }

    private void giveUp(Connection connection, InboxStore.Claimed row, String reason) throws SQLException {
        inbox.fail(connection, row.id(), reason);
        // Visible to admins as a dead letter (no text); the failed row itself is purged after inbox.keep-failed.
        String channel = row.accepted().map(a -> a.event().channel()).orElse("inbox");
        String eventId = row.accepted().map(a -> a.event().eventId()).orElse("inbox-row:" + row.id());
        DeadLetters.store(connection, channel, eventId, reason, java.time.Instant.now());
        metrics.failed();
        LOGGER.log(System.Logger.Level.WARNING, "inbox row " + row.id() + " failed: " + reason);
    }

    /**
     * Runs once the engine committed the event. If this batch then fails to commit, the event is handled again, the
     * engine's ledger makes that a no-op and these run once more: both are harmless twice.
     */
    private void afterHandled(Accepted accepted, ConversationPort.Handled handled) {
        metrics.handled();
        if (!handled.duplicate()) {
            handledNew.run();
        }
        if (handled.erased()) {
            eraseFailedCopies(accepted, handled);
        }
        accepted.followUp().ifPresent(followUp -> {
            FollowUp action = followUps.get(accepted.event().channel());
            if (action == null) {
                return;
            }
            try {
                action.after(accepted.event(), followUp, handled);
            } catch (RuntimeException e) {
                // The event is handled and committed; a lost follow-up (a button spinner) is not worth a redo.
                LOGGER.log(System.Logger.Level.WARNING, "inbox follow-up failed: " + e.getClass().getSimpleName());
            }
        });
    }

    private void eraseFailedCopies(Accepted accepted, ConversationPort.Handled handled) {
        try {
            int deleted = inbox.deleteFailedOf(accepted.event(), handled.conversationId());
            if (deleted > 0) {
                LOGGER.log(System.Logger.Level.INFO, "inbox: " + deleted + " failed event(s) of conversation "
                                                     + handled.conversationId() + " erased with it");
            }
        } catch (StoreException e) {
            // The purge after inbox.keep-failed still removes them; the erasure itself has committed.
            LOGGER.log(System.Logger.Level.WARNING, "inbox: could not erase failed events of an erased conversation: "
                                                    + e.getMessage());
        }
    }

    private void housekeeping() {
        Instant now = clock.instant();
        if (Duration.between(gaugesAt, now).compareTo(GAUGE_REFRESH) >= 0) {
            gaugesAt = now;
            metrics.backlog(inbox.backlog());
        }
        if (Duration.between(purgedAt, now).compareTo(PURGE_EVERY) >= 0) {
            purgedAt = now;
            int purged = inbox.purgeFailed(settings.keepFailed());
            if (purged > 0) {
                LOGGER.log(System.Logger.Level.INFO, "inbox: purged " + purged + " failed rows older than "
                                                     + settings.keepFailed());
            }
        }
    }

    @Override
    public void close() {
        workers.close();
    }
}
