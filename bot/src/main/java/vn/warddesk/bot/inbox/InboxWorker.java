package vn.warddesk.bot.inbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
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
 * <p>A worker claims a batch of rows ({@code FOR UPDATE SKIP LOCKED}, so instances share the work), lets the engine
 * handle each inside the claim's transaction, then deletes the handled rows and commits once for the batch. An event's
 * effects and the deletion of its row commit together: if the process dies before, the whole batch is still there and
 * nothing of it was done; the engine's event ledger also turns a redelivered event into a no-op, so each event takes
 * effect exactly once. An engine failure is retried with exponential backoff and jitter; after
 * {@code max-attempts} the row is kept as failed (counted in metrics, logged without its text) and the conversation's
 * later events go on.
 */
public final class InboxWorker implements AutoCloseable {
    private static final System.Logger LOGGER = System.getLogger(InboxWorker.class.getName());
    private static final Duration GAUGE_REFRESH = Duration.ofSeconds(5);
    private static final Duration PURGE_EVERY = Duration.ofHours(1);
    /** Runs of a batch rolled back by deadlocks before the deadlock counts as a failed attempt of its row. */
    private static final int CONFLICT_ATTEMPTS = 3;

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
     * Claims up to {@code inbox.batch} rows (one per conversation), lets the engine handle each of them inside the
     * claim's own transaction, deletes them and commits once: one commit for the whole batch (group commit), and an
     * event takes effect exactly when its row is deleted. Follow-ups (a button's spinner, the outbox's wake-up) run
     * after that commit. Returns how many rows were claimed (0 when nothing was due).
     *
     * <p>A turn that fails rolls the batch back to just after the claim (a savepoint: the claimed rows stay locked, so
     * no other worker takes them meanwhile), the failing event is set aside — retried after a backoff, or a dead
     * letter after {@code max-attempts} — and the others are handled again in the same transaction: nothing of theirs
     * was committed, so nothing is lost or doubled. A deadlock rolls the whole transaction back (InnoDB does that
     * itself): the batch is claimed and run again, and the conflict counts against the row only when it keeps
     * happening.
     */
    int processBatch() {
        for (int attempt = 1; ; attempt++) {
            try {
                return Jdbc.withConnection(dataSource, this::runBatch);
            } catch (RolledBack rolledBack) {
                if (attempt < CONFLICT_ATTEMPTS) {
                    LOGGER.log(System.Logger.Level.INFO, "inbox batch rolled back by a deadlock, running it again");
                    continue;
                }
                setAside(rolledBack.row(), rolledBack.reason());
                return 1; // the others are due at once: the caller polls again without waiting
            }
        }
    }

    private int runBatch(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        try {
            // READ COMMITTED: the claim keeps no gap locks (webhooks' INSERTs never wait for a worker), and each turn's
            // reads see what was committed before it took its conversation's lock. For this transaction only, so the
            // pooled session stays at REPEATABLE READ: setting the session's level and setting it back were two round
            // trips of every claim, empty ones too (issue 13, 2026-12-08, slow log).
            try (Statement isolation = connection.createStatement()) {
                isolation.execute("SET TRANSACTION ISOLATION LEVEL READ COMMITTED");
            }
            List<InboxStore.Claimed> claimed = inbox.claim(connection, settings.batch());
            if (claimed.isEmpty()) {
                connection.rollback(); // nothing claimed, nothing to make durable
                return 0;
            }
            List<InboxStore.Claimed> due = new ArrayList<>(claimed.size());
            for (InboxStore.Claimed row : claimed) {
                if (row.accepted().isPresent()) {
                    due.add(row);
                } else {
                    giveUp(connection, row, "unreadable payload");
                }
            }
            List<Settled> settled = handleAll(connection, due);
            inbox.done(connection, settled.stream().map(Settled::rowId).toList());
            connection.commit();
            settled.forEach(s -> afterHandled(s.accepted(), s.handled()));
            if (settled.stream().anyMatch(s -> !s.handled().duplicate())) {
                handledNew.run();
            }
            return claimed.size();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /**
     * The engine's turns of the claimed rows, in claim order, in the claim's transaction; a row whose turn fails is
     * set aside and the rest handled again from the savepoint.
     */
    private List<Settled> handleAll(Connection connection, List<InboxStore.Claimed> rows) throws SQLException {
        List<InboxStore.Claimed> left = new ArrayList<>(rows);
        // The engine gathers the turns' writes and writes them at the batch's end (one statement each). Should that
        // fail for another reason than a deadlock, the batch runs again with each turn's writes made at once, which
        // finds the event at fault.
        boolean gathered = true;
        while (true) {
            Savepoint claimedOnly = connection.setSavepoint();
            List<Settled> settled = new ArrayList<>(left.size());
            InboxStore.Claimed failed = null;
            Exception error = null;
            ConversationPort.Batch batch = port.batch(connection);
            for (InboxStore.Claimed row : left) {
                Accepted accepted = row.accepted().orElseThrow();
                try {
                    settled.add(new Settled(accepted, gathered ? batch.handle(accepted.event())
                            : port.handle(connection, accepted.event()), row.id()));
                } catch (SQLException | RuntimeException e) {
                    failed = row;
                    error = e;
                    break;
                }
            }
            if (failed == null) {
                try {
                    batch.flush();
                    return settled;
                } catch (SQLException | RuntimeException e) {
                    if (isDeadlock(e)) {
                        // Run again like any deadlocked batch; should it keep happening, its first row is set aside.
                        throw new RolledBack(left.get(0), "engine error: " + e.getClass().getSimpleName(), e);
                    }
                    LOGGER.log(System.Logger.Level.WARNING, "inbox batch: writing the turns together failed ("
                                                            + e.getClass().getSimpleName() + "), running them one by one");
                    connection.rollback(claimedOnly);
                    gathered = false;
                    continue;
                }
            }
            String reason = "engine error: " + error.getClass().getSimpleName(); // never the message: it may quote text
            if (isDeadlock(error)) {
                throw new RolledBack(failed, reason, error); // the transaction is gone, savepoint and all
            }
            connection.rollback(claimedOnly);
            countFailure(connection, failed, reason);
            left.remove(failed);
        }
    }

    /** An event the engine handled in the batch being committed. */
    private record Settled(Accepted accepted, ConversationPort.Handled handled, long rowId) {
    }

    /** InnoDB rolled the whole batch back (a deadlock): it is claimed and run again. */
    private static final class RolledBack extends RuntimeException {
        private final transient InboxStore.Claimed row;
        private final String reason;

        RolledBack(InboxStore.Claimed row, String reason, Throwable cause) {
            super(reason, cause, false, false);
            this.row = row;
            this.reason = reason;
        }

        InboxStore.Claimed row() {
            return row;
        }

        String reason() {
            return reason;
        }
    }

    /** A deadlock or a Galera certification failure: the whole transaction was rolled back, not one statement. */
    private static boolean isDeadlock(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && ("40001".equals(sql.getSQLState()) || sql.getErrorCode() == 1213)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Counts one failed attempt of a row: retried after a backoff, or set aside as failed (and a dead letter) after
     * {@code max-attempts}. Conditional on the attempts read at claim time, so a failure already counted is not
     * counted twice.
     */
    private void countFailure(Connection connection, InboxStore.Claimed row, String reason) throws SQLException {
        if (row.attempts() + 1 >= settings.maxAttempts()) {
            giveUp(connection, row, "gave up after " + (row.attempts() + 1) + " attempts: " + reason);
        } else if (inbox.retryLater(connection, row.id(), row.attempts(),
                                    Duration.ofMillis(backoff.apply(row.attempts() + 1)), reason)) {
            metrics.retried();
            LOGGER.log(System.Logger.Level.INFO, "inbox row " + row.id() + ": " + reason + ", will retry");
        }
    }

    /** {@link #countFailure} in its own transaction, for a row whose batch kept deadlocking. */
    private void setAside(InboxStore.Claimed row, String reason) {
        try {
            Jdbc.inTransaction(dataSource, connection -> {
                countFailure(connection, row, reason);
                return null;
            });
        } catch (StoreException e) {
            // Nothing was counted: the row is due again and meets the same fate at its next claim.
            LOGGER.log(System.Logger.Level.WARNING, "inbox row " + row.id() + ": could not record the failed attempt: "
                                                    + e.getMessage());
        }
    }

    private void giveUp(Connection connection, InboxStore.Claimed row, String reason) throws SQLException {
        if (!inbox.fail(connection, row.id(), row.attempts(), reason)) {
            return; // another worker met the same failure and counted it
        }
        // Visible to admins as a dead letter (no text); the failed row itself is purged after inbox.keep-failed.
        String channel = row.accepted().map(a -> a.event().channel()).orElse("inbox");
        String eventId = row.accepted().map(a -> a.event().eventId()).orElse("inbox-row:" + row.id());
        DeadLetters.store(connection, channel, eventId, reason, java.time.Instant.now());
        metrics.failed();
        LOGGER.log(System.Logger.Level.WARNING, "inbox row " + row.id() + " failed: " + reason);
    }

    /**
     * Runs once the batch that handled the event committed. If the process dies before, the event is handled again;
     * if it dies after the commit but before these ran, they are lost (a button's spinner stops by itself; the outbox
     * finds the replies at its next poll).
     */
    private void afterHandled(Accepted accepted, ConversationPort.Handled handled) {
        metrics.handled();
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
