package vn.warddesk.bot.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;

import vn.warddesk.bot.store.Jdbc;
import vn.warddesk.bot.store.PollingWorkers;
import vn.warddesk.bot.store.StoreException;

/**
 * Sends queued outbox rows. Retries are scheduled in the database ({@code next_attempt_at}, exponential backoff with
 * jitter from Resilience4j's {@link IntervalFunction}) rather than in memory, so a crash or restart loses nothing.
 *
 * <p>Each worker claims up to {@value #CLAIM_BATCH} due rows with {@code SELECT … FOR UPDATE SKIP LOCKED} and leases them
 * in the same short commit (their {@code next_attempt_at} moves {@code outbox.claim-lease} ahead), calls the platform
 * for all of them at once with no transaction open, then records the answers in a second short commit: under load one
 * lease commit and one record commit serve many messages. Only the oldest queued row of a conversation is claimable,
 * so messages of one conversation go out in order even across retries and instances. The lease commit is what makes
 * this correct on Galera, whose row locks do not reach other nodes: of two claims of one row on two nodes, the later
 * commit fails certification (error 1213) and that worker sends nothing. At-least-once window: if the process dies
 * after the platform answered but before the "sent" commit (or the database stays unreachable for half the lease),
 * the row is sent once more when its lease ends.
 */
public final class OutboxDispatcher implements AutoCloseable {
    private static final System.Logger LOGGER = System.getLogger(OutboxDispatcher.class.getName());
    private static final int MAX_REASON = 300;
    private static final int MAX_CHAT_LIMITERS = 10_000;
    private static final int MAX_BOT_LIMITERS = 2_000;

    // Package-private for OutboxClaimPlanTest, which runs it over both protocols of the driver.
    // The index hints are not a tuning but the plan this query is written for: the due range in order, and for each
    // row found two probes of its own conversation's queued rows. Left to itself the optimizer chose per execution from
    // InnoDB's statistics, which lag behind a growing table: in 40-46 % of the bench's claims a subquery read every
    // queued row (outbox_due by status) or the whole table for each claimed row, up to 31,000 rows for one claim
    // (2026-12-07, slow log with the plans of each execution; OutboxClaimPlanTest freezes such statistics).
    static final String CLAIM = """
            SELECT o.id, o.conversation_id, o.channel, o.address, o.payload, o.attempts,
                   (SELECT MIN(n.id) FROM outbox n FORCE INDEX (outbox_waiting_by_conversation)
                    WHERE n.conversation_id = o.conversation_id AND n.status = 'queued' AND n.id > o.id) AS next_id
            FROM outbox o FORCE INDEX (outbox_due)
            WHERE o.status = 'queued' AND o.next_attempt_at <= ? AND o.channel IN (%s)
              AND NOT EXISTS (SELECT 1 FROM outbox e FORCE INDEX (outbox_waiting_by_conversation)
                              WHERE e.conversation_id = o.conversation_id AND e.status = 'queued' AND e.id < o.id)
            ORDER BY o.next_attempt_at, o.id
            LIMIT %d
            FOR UPDATE SKIP LOCKED""";
    /**
     * Rows per claim (each the oldest queued of its conversation): one lease commit and one record commit for the lot.
     * Their platform calls run in parallel, so a batch takes as long as its slowest call, well inside half the lease.
     */
    static final int CLAIM_BATCH = 32;
    private static final String LAST_INBOUND = """
            SELECT MAX(created_at) FROM message WHERE conversation_id = ? AND direction = 'in'""";
    private static final String MARK_SENT = """
            UPDATE outbox SET status = 'sent', sent_at = ?, attempts = attempts + 1, failure_reason = NULL,
                              platform_message_id = ?
            WHERE id = ?""";
    private static final String MARK_ALL_SENT = """
            UPDATE outbox SET status = 'sent', sent_at = ?, attempts = attempts + 1, failure_reason = NULL,
                              platform_message_id = CASE id %s END
            WHERE id IN (%s)""";
    private static final String MARK_RETRY = """
            UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, failure_reason = ? WHERE id = ?""";
    // The rows put off in a batch (per-chat or per-bot limit, open circuit), each to its own time, in one statement.
    private static final String DEFER_ALL = "UPDATE outbox SET next_attempt_at = CASE id %s END WHERE id IN (%s)";
    // The claim's lease: the rows are not due again before it ends, so a crashed sender's rows are retried after it.
    private static final String LEASE_ALL = "UPDATE outbox SET next_attempt_at = ? WHERE id IN (%s)";
    // After a send, the conversation's next message is not due before the per-chat limiter allows it: without this
    // the next claim would take it at once only to be refused by the limiter (a claim, an update and a commit wasted).
    // The next rows are the ones the claim found behind each sent row (next_id), all of a batch in one statement: one
    // statement per conversation was the dispatcher's most frequent one (2026-12-07, performance_schema).
    private static final String SPACE_NEXT_ALL = """
            UPDATE outbox SET next_attempt_at = GREATEST(next_attempt_at, ?)
            WHERE id IN (%s) AND status = 'queued'""";
    private static final String MARK_FAILED = """
            UPDATE outbox SET status = 'failed', attempts = attempts + 1, failure_reason = ? WHERE id = ?""";
    private static final String PENDING = """
            SELECT COUNT(*), MIN(created_at) FROM outbox WHERE status = 'queued'""";

    private final DataSource dataSource;
    private final Clock clock;
    private final DispatcherSettings settings;
    private final Map<String, ChannelSender> senders;
    private final Map<String, CircuitBreaker> breakers = new LinkedHashMap<>();
    /**
     * One limiter per sending bot/OA (channel + the sender's {@link ChannelSender#bot}: each ward may have its own),
     * in a bounded cache: a limiter evicted after 10 idle minutes starts again with a full budget, which it would
     * have regained by then anyway.
     */
    private final Cache<String, RateLimiter> botLimiters = Caffeine.newBuilder().maximumSize(MAX_BOT_LIMITERS)
            .expireAfterAccess(Duration.ofMinutes(10)).executor(Runnable::run).build();
    /**
     * The earliest next send per chat (System.nanoTime), in a bounded cache: the least used are evicted one by one,
     * never all at once. A slot, not a cycle-based limiter: two permits of consecutive cycles could go out back to back.
     */
    private final Cache<String, AtomicLong> chatSlots = Caffeine.newBuilder().maximumSize(MAX_CHAT_LIMITERS)
            .expireAfterAccess(Duration.ofMinutes(10)).executor(Runnable::run).build();
    private final IntervalFunction backoff;
    private final OutboxMetrics metrics = new OutboxMetrics();
    private final PollingWorkers workers;
    private final String claimSql;
    private volatile Instant pendingMeasuredAt = Instant.EPOCH;

    public OutboxDispatcher(DataSource dataSource, Clock clock, DispatcherSettings settings, List<ChannelSender> senders) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.settings = settings;
        this.senders = new LinkedHashMap<>();
        for (ChannelSender sender : senders) {
            this.senders.put(sender.channel(), sender);
            breakers.put(sender.channel(), CircuitBreaker.of("outbox-" + sender.channel(), CircuitBreakerConfig.custom()
                    .failureRateThreshold(settings.circuitFailureRate())
                    .minimumNumberOfCalls(settings.circuitMinimumCalls())
                    .slidingWindowSize(Math.max(settings.circuitMinimumCalls(), 20))
                    .waitDurationInOpenState(settings.circuitOpenWait())
                    .recordResult(result -> result instanceof SendResult.Retry || result instanceof SendResult.RetryAfter)
                    .build()));
            CircuitBreaker breaker = breakers.get(sender.channel());
            metrics.circuit(sender.channel(), () -> breaker.getState() == CircuitBreaker.State.OPEN
                                                    || breaker.getState() == CircuitBreaker.State.FORCED_OPEN);
        }
        this.backoff = IntervalFunction.ofExponentialRandomBackoff(settings.backoffInitial(), settings.backoffMultiplier(),
                                                                   settings.backoffJitter(), settings.backoffMax());
        this.claimSql = CLAIM.formatted(String.join(", ", this.senders.keySet().stream().map(c -> "?").toList()),
                                        CLAIM_BATCH);
        this.workers = new PollingWorkers("outbox", settings.workers(), settings.pollInterval(), settings.coalesce(),
                                          () -> {
            // Only a full batch may have left due rows behind: a claim takes every due row up to the batch size (rows
            // another worker holds are that worker's; a row queued since announces itself with a nudge), so claiming
            // again after a smaller one finds nothing — a transaction for nothing, once per batch.
            boolean full = processBatch() >= CLAIM_BATCH;
            refreshPendingGauges();
            return full;
        });
    }

    /** Starts the workers (virtual threads). Without senders there is nothing to do and nothing starts. */
    public void start() {
        if (!senders.isEmpty()) {
            workers.start();
        }
    }

    /** Wakes the workers now (called after a webhook committed new rows) instead of at the next poll. */
    public void nudge() {
        workers.nudge();
    }

    /** Sends due rows until none is left; returns how many rows were processed. For tests and the admin CLI. */
    public int drain() {
        int processed = 0;
        for (int batch = processBatch(); batch > 0; batch = processBatch()) {
            processed += batch;
        }
        return processed;
    }

    /**
     * Claims, sends and records a batch of rows; returns how many (0 when nothing was due). Three short steps, no
     * transaction open while the platform is called: (1) claim the rows and lease them ({@code next_attempt_at} moved
     * past the lease) in one commit, (2) send, (3) record the platform's answers in one commit. The lease commit makes
     * two claims of one row conflict in the database even where row locks do not reach (Galera: locks are node-local,
     * the later of two conflicting commits fails certification), so only the claim that committed sends.
     */
    int processBatch() {
        if (senders.isEmpty()) {
            return 0;
        }
        Instant claimedAt = clock.instant();
        List<Claimed> claimed = claimAndLease(claimedAt);
        if (claimed.isEmpty()) {
            return 0;
        }
        List<Outcome> outcomes = deliverAll(claimed);
        Instant done = clock.instant();
        recordPersistently(claimed, outcomes, done, claimedAt.plus(settings.claimLease().dividedBy(2)));
        List<Claimed> sent = new ArrayList<>();
        for (int i = 0; i < claimed.size(); i++) {
            // A conversation with nothing queued after the row at claim time needs no spacing write (a reply queued
            // since then still meets this instance's own per-chat limiter, as when the spacing write is skipped).
            if (outcomes.get(i) instanceof Outcome.Result result && result.result() instanceof SendResult.Sent
                && claimed.get(i).nextId() > 0) {
                sent.add(claimed.get(i));
            }
        }
        spaceNext(sent, done);
        return claimed.size();
    }

    /** The platform calls of a batch, in parallel (virtual threads): the batch waits for its slowest call only. */
    private List<Outcome> deliverAll(List<Claimed> rows) {
        if (rows.size() == 1) {
            return List.of(deliver(rows.get(0)));
        }
        try (ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Outcome>> futures = new ArrayList<>(rows.size());
            for (Claimed row : rows) {
                futures.add(calls.submit(() -> deliver(row)));
            }
            List<Outcome> outcomes = new ArrayList<>(rows.size());
            for (Future<Outcome> future : futures) {
                try {
                    outcomes.add(future.get());
                } catch (ExecutionException e) {
                    outcomes.add(new Outcome.Result(new SendResult.Retry(
                            "sender error: " + e.getCause().getClass().getSimpleName())));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new StoreException("interrupted while sending", e);
                }
            }
            return outcomes;
        }
    }

    private List<Claimed> claimAndLease(Instant now) {
        // READ COMMITTED: the claim's locking scan then keeps no gap locks and releases rows it rejects, so the
        // engine's INSERTs into outbox never wait for a claim.
        return Jdbc.inReadCommitted(dataSource, connection -> {
            List<Claimed> claimed = claim(connection, now);
            if (!claimed.isEmpty()) {
                // One statement for the batch's lease.
                String in = String.join(", ", java.util.Collections.nCopies(claimed.size(), "?"));
                try (PreparedStatement lease = connection.prepareStatement(LEASE_ALL.formatted(in))) {
                    lease.setTimestamp(1, Timestamp.from(now.plus(settings.claimLease())));
                    for (int i = 0; i < claimed.size(); i++) {
                        lease.setLong(i + 2, claimed.get(i).id());
                    }
                    lease.executeUpdate();
                }
            }
            return claimed;
        });
    }

    /**
     * Records the outcome in one short transaction, retried on any database error (a writer failover takes a few
     * seconds) until {@code until}, half the lease: a sent message whose "sent" could not be recorded by then is sent
     * again once the lease ends. After a send only this row is written, so no lock conflict can roll the "sent" back.
     */
    private void recordPersistently(List<Claimed> rows, List<Outcome> outcomes, Instant now, Instant until) {
        boolean allSent = outcomes.stream()
                .allMatch(o -> o instanceof Outcome.Result(SendResult.Sent ignored));
        for (int attempt = 1; ; attempt++) {
            try {
                if (allSent) {
                    // Nearly every batch: its record is one statement, autocommitted as durably as a transaction's
                    // COMMIT, without the transaction's autocommit switches and COMMIT (three round trips of each
                    // batch, issue 13, 2026-12-08). A failure leaves every row as it was and is retried like one below.
                    Jdbc.withConnection(dataSource, connection -> {
                        markSent(connection, sentIds(rows, outcomes), now);
                        return null;
                    });
                    rows.forEach(row -> count(Recorded.SENT));
                    return;
                }
                Jdbc.inTransaction(dataSource, connection -> {
                    List<Recorded> recorded = new ArrayList<>(rows.size());
                    // In id order, as every dispatcher writes: two transactions never wait for each other in a circle.
                    List<Integer> byId = java.util.stream.IntStream.range(0, rows.size()).boxed()
                            .sorted(java.util.Comparator.comparingLong(i -> rows.get(i).id())).toList();
                    // The sent ones (nearly all) with one statement, the put-off ones with another; the rest
                    // (retried, failed: rare) one by one.
                    Map<Long, String> sent = new LinkedHashMap<>();
                    for (int i : byId) {
                        if (outcomes.get(i) instanceof Outcome.Result(SendResult.Sent done)) {
                            sent.put(rows.get(i).id(), done.platformMessageId().orElse(null));
                            recorded.add(Recorded.SENT);
                        }
                    }
                    markSent(connection, sent, now);
                    Map<Long, Instant> deferred = new LinkedHashMap<>();
                    for (int i : byId) {
                        if (outcomes.get(i) instanceof Outcome.Defer(Duration delay)) {
                            deferred.put(rows.get(i).id(), now.plus(delay));
                            recorded.add(Recorded.DEFERRED);
                        }
                    }
                    defer(connection, deferred);
                    for (int i : byId) {
                        if (outcomes.get(i) instanceof Outcome.Result result
                            && !(result.result() instanceof SendResult.Sent)) {
                            recorded.add(record(connection, rows.get(i), result.result(), now));
                        }
                    }
                    return recorded;
                }).forEach(this::count);
                return;
            } catch (StoreException e) {
                if (!clock.instant().plusMillis(250L * attempt).isBefore(until)) {
                    LOGGER.log(System.Logger.Level.WARNING, "outbox messages " + rows.get(0).id() + "… (" + rows.size()
                                                            + "): outcome not recorded, the lease will let them be"
                                                            + " tried again: " + e.getMessage());
                    throw e;
                }
                sleep(Duration.ofMillis(250L * attempt));
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while recording an outbox outcome", e);
        }
    }

    /** A claimed row; {@code lastInbound} read in the claim's transaction when the channel's sender needs it. */
    private record Claimed(long id, String conversationId, String channel, String address, String payload,
                           int attempts, Optional<Instant> lastInbound, long nextId) {
    }

    /** What to do with the row: a platform answer, or "not now" without spending an attempt. */
    private sealed interface Outcome {
        record Result(SendResult result) implements Outcome {
        }

        record Defer(Duration delay) implements Outcome {
        }
    }

    private List<Claimed> claim(Connection connection, Instant now) throws SQLException {
        List<Claimed> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(claimSql)) {
            select.setTimestamp(1, Timestamp.from(now));
            int i = 2;
            for (String channel : senders.keySet()) {
                select.setString(i++, channel);
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Claimed(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                         rs.getString(5), rs.getInt(6), Optional.empty(), rs.getLong(7)));
                }
            }
        }
        // Read here, on the claim's connection: parallel sends must not each take a pooled connection.
        List<Claimed> claimed = new ArrayList<>(rows.size());
        for (Claimed row : rows) {
            claimed.add(senders.get(row.channel()).needsLastInbound()
                        ? new Claimed(row.id(), row.conversationId(), row.channel(), row.address(), row.payload(),
                                      row.attempts(), lastInbound(connection, row.conversationId()), row.nextId())
                        : row);
        }
        return claimed;
    }

    private Outcome deliver(Claimed row) {
        if (row.address() == null || row.address().isBlank()) {
            return new Outcome.Result(new SendResult.Failed("recipient address erased"));
        }
        ChannelSender sender = senders.get(row.channel());
        Optional<Duration> chatWait = reserveChatSlot(row.channel() + ":" + row.address(), chatSpacing(row.channel()));
        if (chatWait.isPresent()) {
            return new Outcome.Defer(chatWait.get());
        }
        RateLimiter bot = botLimiter(sender, row.address());
        if (!bot.acquirePermission()) {
            return new Outcome.Defer(bot.getRateLimiterConfig().getLimitRefreshPeriod());
        }
        Delivery delivery = new Delivery(row.id(), row.conversationId(), row.address(), Outbox.reply(row.payload()),
                                         row.attempts(), row.lastInbound());
        CircuitBreaker breaker = breakers.get(row.channel());
        try {
            return new Outcome.Result(breaker.executeSupplier(() -> sendSafely(sender, delivery)));
        } catch (CallNotPermittedException e) {
            return new Outcome.Defer(settings.circuitOpenWait().dividedBy(2).plusMillis(50));
        }
    }

    private static SendResult sendSafely(ChannelSender sender, Delivery delivery) {
        try {
            return sender.send(delivery);
        } catch (RuntimeException e) {
            return new SendResult.Retry("sender error: " + e.getClass().getSimpleName());
        }
    }

    private static Optional<Instant> lastInbound(Connection connection, String conversationId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(LAST_INBOUND)) {
            select.setString(1, conversationId);
            try (ResultSet rs = select.executeQuery()) {
                Timestamp at = rs.next() ? rs.getTimestamp(1) : null;
                return Optional.ofNullable(at).map(Timestamp::toInstant);
            }
        }
    }

    /** The platform's id of each sent row (or null), in id order, as every dispatcher writes. */
    private static Map<Long, String> sentIds(List<Claimed> rows, List<Outcome> outcomes) {
        Map<Long, String> sent = new java.util.TreeMap<>();
        for (int i = 0; i < rows.size(); i++) {
            if (outcomes.get(i) instanceof Outcome.Result(SendResult.Sent done)) {
                sent.put(rows.get(i).id(), done.platformMessageId().orElse(null));
            }
        }
        return sent;
    }

    /** Marks rows sent, each with the platform's id for it, in one UPDATE (a CASE picks each row's id). */
    private static void markSent(Connection connection, Map<Long, String> platformIds, Instant now) throws SQLException {
        if (platformIds.isEmpty()) {
            return;
        }
        String cases = String.join(" ", java.util.Collections.nCopies(platformIds.size(), "WHEN ? THEN ?"));
        String in = String.join(", ", java.util.Collections.nCopies(platformIds.size(), "?"));
        try (PreparedStatement update = connection.prepareStatement(MARK_ALL_SENT.formatted(cases, in))) {
            int at = 1;
            update.setTimestamp(at++, Timestamp.from(now));
            for (Map.Entry<Long, String> row : platformIds.entrySet()) {
                update.setLong(at++, row.getKey());
                update.setString(at++, row.getValue());
            }
            for (Long id : platformIds.keySet()) {
                update.setLong(at++, id);
            }
            update.executeUpdate();
        }
    }

    /** What {@link #record} wrote, counted in the metrics once its transaction committed. */
    private enum Recorded { DEFERRED, SENT, RETRIED, FAILED }

    /** Puts rows off, each to its own time, in one UPDATE (a CASE picks each row's time). */
    private static void defer(Connection connection, Map<Long, Instant> until) throws SQLException {
        if (until.isEmpty()) {
            return;
        }
        String cases = String.join(" ", java.util.Collections.nCopies(until.size(), "WHEN ? THEN ?"));
        String in = String.join(", ", java.util.Collections.nCopies(until.size(), "?"));
        try (PreparedStatement update = connection.prepareStatement(DEFER_ALL.formatted(cases, in))) {
            int at = 1;
            for (Map.Entry<Long, Instant> row : until.entrySet()) {
                update.setLong(at++, row.getKey());
                update.setTimestamp(at++, Timestamp.from(row.getValue()));
            }
            for (Long id : until.keySet()) {
                update.setLong(at++, id);
            }
            update.executeUpdate();
        }
    }

    private Recorded record(Connection connection, Claimed row, SendResult result, Instant now) throws SQLException {
        return switch (result) {
            case SendResult.Sent sent -> {
                update(connection, MARK_SENT, Timestamp.from(now), sent.platformMessageId().orElse(null), row.id());
                yield Recorded.SENT;
            }
            case SendResult.Failed failed -> fail(connection, row, failed.reason());
            case SendResult.Retry retry ->
                    retry(connection, row, now, Duration.ofMillis(backoff.apply(row.attempts() + 1)), retry.reason());
            case SendResult.RetryAfter after -> retry(connection, row, now, after.delay(), after.reason());
        };
    }

    private void count(Recorded recorded) {
        switch (recorded) {
            case SENT -> metrics.sent();
            case RETRIED -> metrics.retried();
            case FAILED -> metrics.failed();
            case DEFERRED -> { }
        }
    }

    /**
     * Holds the conversation's next queued row back for the per-chat spacing, so another instance does not send it
     * sooner. Its own statement, autocommitted after the "sent" committed: that row may be locked by another
     * dispatcher's claim, and losing this update to a lock conflict only relaxes the spacing once (each instance's chat
     * limiter still holds). Not a transaction: one statement per channel needs no all-or-nothing, and the transaction's
     * autocommit switches and COMMIT were three round trips more per batch (issue 13, 2026-12-07).
     */
    private void spaceNext(List<Claimed> sent, Instant now) {
        if (sent.isEmpty()) {
            return;
        }
        try {
            // One statement per channel for the batch (a batch nearly always holds one channel).
            Map<String, List<Long>> nextByChannel = new LinkedHashMap<>();
            for (Claimed row : sent) {
                nextByChannel.computeIfAbsent(row.channel(), c -> new ArrayList<>()).add(row.nextId());
            }
            Jdbc.withConnection(dataSource, connection -> {
                for (Map.Entry<String, List<Long>> channel : nextByChannel.entrySet()) {
                    List<Long> ids = channel.getValue().stream().sorted().toList(); // id order, as every writer locks
                    String in = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
                    try (PreparedStatement update = connection.prepareStatement(SPACE_NEXT_ALL.formatted(in))) {
                        update.setTimestamp(1, Timestamp.from(now.plus(chatSpacing(channel.getKey()))));
                        for (int i = 0; i < ids.size(); i++) {
                            update.setLong(i + 2, ids.get(i));
                        }
                        update.executeUpdate();
                    }
                }
                return null;
            });
        } catch (StoreException e) {
            if (!e.retryable()) {
                throw e;
            }
            LOGGER.log(System.Logger.Level.DEBUG, "outbox: spacing of the next message skipped after a lock conflict");
        }
    }

    private Recorded retry(Connection connection, Claimed row, Instant now, Duration wait, String reason)
            throws SQLException {
        if (row.attempts() + 1 >= settings.maxAttempts()) {
            return fail(connection, row, "gave up after " + (row.attempts() + 1) + " attempts: " + reason);
        }
        update(connection, MARK_RETRY, Timestamp.from(now.plus(wait)), truncate(reason), row.id());
        return Recorded.RETRIED;
    }

    private Recorded fail(Connection connection, Claimed row, String reason) throws SQLException {
        update(connection, MARK_FAILED, truncate(reason), row.id());
        LOGGER.log(System.Logger.Level.WARNING, "outbox message " + row.id() + " (" + row.channel() + ", conversation "
                                                + row.conversationId() + ") failed: " + truncate(reason));
        return Recorded.FAILED;
    }

    private static void update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                update.setObject(i + 1, parameters[i]);
            }
            update.executeUpdate();
        }
    }

    private void refreshPendingGauges() {
        Instant now = clock.instant();
        if (Duration.between(pendingMeasuredAt, now).compareTo(Duration.ofSeconds(5)) < 0) {
            return;
        }
        pendingMeasuredAt = now;
        Jdbc.withConnection(dataSource, connection -> {
            try (PreparedStatement select = connection.prepareStatement(PENDING);
                 ResultSet rs = select.executeQuery()) {
                rs.next();
                Timestamp oldest = rs.getTimestamp(2);
                metrics.pending(rs.getLong(1), oldest == null ? 0
                        : Math.max(0, Duration.between(oldest.toInstant(), now).toSeconds()));
                return null;
            }
        });
    }

    /** The per-bot limiter of the bot that sends to {@code address}. */
    private RateLimiter botLimiter(ChannelSender sender, String address) {
        String bot = sender.channel() + ":" + sender.bot(address);
        return botLimiters.get(bot, key -> RateLimiter.of("outbox-" + key, perSecond(sender.limits().perBotPerSecond(),
                                                                                        settings.botRateWait())));
    }

    private Duration chatSpacing(String channel) {
        double perSecond = Math.max(0.01, senders.get(channel).limits().perChatPerSecond());
        return Duration.ofNanos((long) (1_000_000_000L / perSecond));
    }

    /** Takes the chat's next send slot now, or says how long until it is free (this instance's own spacing). */
    private Optional<Duration> reserveChatSlot(String chat, Duration spacing) {
        AtomicLong next = chatSlots.get(chat, key -> new AtomicLong(System.nanoTime() - spacing.toNanos()));
        while (true) {
            long now = System.nanoTime();
            long free = next.get();
            if (free - now > 0) {
                return Optional.of(Duration.ofNanos(free - now));
            }
            if (next.compareAndSet(free, now + spacing.toNanos())) {
                return Optional.empty();
            }
        }
    }

    private static RateLimiterConfig perSecond(double perSecond, Duration wait) {
        // Whole permits per refresh period: 30/s → 30 per second; 1/s → 1 per second; 0.5/s → 1 per 2 seconds.
        double rate = Math.max(0.01, perSecond);
        int permits = (int) Math.max(1, Math.floor(rate));
        Duration period = Duration.ofNanos((long) (permits / rate * 1_000_000_000L));
        return RateLimiterConfig.custom().limitForPeriod(permits).limitRefreshPeriod(period).timeoutDuration(wait).build();
    }

    private static String truncate(String reason) {
        String r = reason == null ? "unknown" : reason;
        return r.length() <= MAX_REASON ? r : r.substring(0, MAX_REASON - 1) + "…";
    }

    @Override
    public void close() {
        workers.close();
    }
}
