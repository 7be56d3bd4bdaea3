package vn.warddesk.bot.inbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import vn.warddesk.bot.conversation.ConversationRef;
import vn.warddesk.bot.conversation.InboundEvent;
import vn.warddesk.bot.store.Jdbc;

/** The inbox table: webhooks put accepted events in, workers take them out. All SQL of the feature is here. */
final class InboxStore {
    private static final int MAX_REASON = 300;

    private static final String INSERT = "INSERT INTO inbox (channel, event_id, conversation_key, payload,"
                                         + " next_attempt_at, received_at) VALUES ";
    private static final String ROW = "(?, ?, ?, ?, ?, ?)";
    // A redelivery of an event still waiting changes nothing (and must not fail the other rows of the statement).
    private static final String ON_DUPLICATE = " ON DUPLICATE KEY UPDATE id = id";
    // The oldest due rows whose conversation has no earlier pending row: events of one conversation are handled in
    // the order they arrived, also with several workers and instances (a row being handled is locked, not deleted,
    // so its successors stay invisible until it is done). For the same reason one claim never holds two rows of one
    // conversation. The index hints fix the plan the query is written for (pending rows in id order, one probe of each
    // row's own conversation): chosen from InnoDB's lagging statistics, the subquery read every earlier pending row
    // per candidate in two thirds of one bench run's claims, and the outer query sometimes walked the primary key
    // (2026-12-07, slow log with each execution's plan; InboxClaimPlanTest freezes such statistics).
    private static final String CLAIM = """
            SELECT i.id, i.payload, i.attempts FROM inbox i FORCE INDEX (inbox_due)
            WHERE i.status = 'pending' AND i.next_attempt_at <= ?
              AND NOT EXISTS (SELECT 1 FROM inbox e FORCE INDEX (inbox_by_conversation)
                              WHERE e.conversation_key = i.conversation_key AND e.status = 'pending' AND e.id < i.id)
            ORDER BY i.id
            LIMIT ?
            FOR UPDATE SKIP LOCKED""";
    private static final String DELETE = "DELETE FROM inbox WHERE id IN (%s)";
    // Both count one failed attempt, and only if nobody counted it since the row was claimed (attempts unchanged).
    private static final String RETRY = """
            UPDATE inbox SET attempts = attempts + 1, next_attempt_at = ?, failure_reason = ?
            WHERE id = ? AND attempts = ? AND status = 'pending'""";
    private static final String FAIL = """
            UPDATE inbox SET status = 'failed', attempts = attempts + 1, failure_reason = ?
            WHERE id = ? AND attempts = ? AND status = 'pending'""";
    private static final String PENDING = "SELECT COUNT(*), MIN(received_at) FROM inbox WHERE status = 'pending'";
    private static final String FAILED = "SELECT COUNT(*) FROM inbox WHERE status = 'failed'";
    private static final String PURGE_FAILED = "DELETE FROM inbox WHERE status = 'failed' AND received_at < ?";
    private static final String DELETE_FAILED_OF = "DELETE FROM inbox WHERE status = 'failed' AND conversation_key IN (?, ?)";

    private final DataSource dataSource;
    private final Clock clock;

    InboxStore(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /**
     * Stores the events with one autocommitted multi-row INSERT; an event already waiting is left as it is (one
     * already handled is recognised later by the engine's own event ledger).
     *
     * @throws vn.warddesk.bot.store.StoreException when they could not be stored
     */
    void insertAll(List<Accepted> events) {
        Instant now = clock.instant();
        String sql = INSERT + String.join(", ", java.util.Collections.nCopies(events.size(), ROW)) + ON_DUPLICATE;
        Jdbc.withConnection(dataSource, connection -> {
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                int i = 1;
                for (Accepted accepted : events) {
                    InboundEvent event = accepted.event();
                    insert.setString(i++, event.channel());
                    insert.setString(i++, event.eventId());
                    insert.setString(i++, conversationKey(event));
                    insert.setString(i++, InboxCodec.encode(accepted));
                    insert.setTimestamp(i++, Timestamp.from(now));
                    insert.setTimestamp(i++, Timestamp.from(now));
                }
                return insert.executeUpdate();
            }
        });
    }

    private static String conversationKey(InboundEvent event) {
        return switch (event.conversation()) {
            case ConversationRef.ById byId -> "id:" + byId.conversationId();
            case ConversationRef.ByChannelUser user -> user.channel() + ":" + user.wardId() + ":" + user.userHash();
        };
    }

    /** A claimed row; {@code accepted} is empty when its payload could not be read. */
    record Claimed(long id, Optional<Accepted> accepted, int attempts) {
    }

    /**
     * Claims up to {@code limit} rows on {@code connection}, whose transaction then holds them until commit or
     * rollback; oldest first.
     */
    List<Claimed> claim(Connection connection, int limit) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(CLAIM)) {
            select.setTimestamp(1, Timestamp.from(clock.instant()));
            select.setInt(2, limit);
            List<Claimed> claimed = new java.util.ArrayList<>(limit);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    claimed.add(new Claimed(rs.getLong(1), InboxCodec.decode(rs.getString(2)), rs.getInt(3)));
                }
            }
            return claimed;
        }
    }

    void done(Connection connection, List<Long> ids) throws SQLException {
        if (!ids.isEmpty()) {
            update(connection, DELETE.formatted(String.join(", ", java.util.Collections.nCopies(ids.size(), "?"))),
                   ids.toArray());
        }
    }

    /** Counts a failed attempt and makes the row due after {@code wait}; false when the row was not at {@code attempts}. */
    boolean retryLater(Connection connection, long id, int attempts, Duration wait, String reason) throws SQLException {
        return update(connection, RETRY, Timestamp.from(clock.instant().plus(wait)), truncate(reason), id, attempts) == 1;
    }

    /** Sets the row aside as failed; false when it was not pending at {@code attempts} (someone else counted it). */
    boolean fail(Connection connection, long id, int attempts, String reason) throws SQLException {
        return update(connection, FAIL, truncate(reason), id, attempts) == 1;
    }

    /** Pending rows, the age of the oldest one and failed rows, over every instance. */
    record Backlog(long pending, Duration oldestPending, long failed) {
    }

    Backlog backlog() {
        Instant now = clock.instant();
        return Jdbc.withConnection(dataSource, connection -> {
            long pending;
            Duration oldest;
            try (PreparedStatement select = connection.prepareStatement(PENDING); ResultSet rs = select.executeQuery()) {
                rs.next();
                pending = rs.getLong(1);
                Timestamp at = rs.getTimestamp(2);
                oldest = at == null ? Duration.ZERO : Duration.between(at.toInstant(), now);
            }
            try (PreparedStatement select = connection.prepareStatement(FAILED); ResultSet rs = select.executeQuery()) {
                rs.next();
                return new Backlog(pending, oldest.isNegative() ? Duration.ZERO : oldest, rs.getLong(1));
            }
        });
    }

    /** Deletes failed rows older than {@code keep} (they hold citizens' texts); returns how many. */
    int purgeFailed(Duration keep) {
        return Jdbc.withConnection(dataSource, connection -> update(connection, PURGE_FAILED,
                                                                     Timestamp.from(clock.instant().minus(keep))));
    }

    /**
     * Deletes the failed rows of one conversation (the citizen withdrew consent: their texts may not wait for the
     * purge), under either key a row of it may carry; returns how many.
     */
    int deleteFailedOf(InboundEvent event, String conversationId) {
        return Jdbc.withConnection(dataSource, connection -> update(connection, DELETE_FAILED_OF,
                                                                     conversationKey(event), "id:" + conversationId));
    }

    private static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                update.setObject(i + 1, parameters[i]);
            }
            return update.executeUpdate();
        }
    }

    private static String truncate(String reason) {
        return reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON - 1) + "…";
    }
}
