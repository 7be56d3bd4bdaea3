package vn.warddesk.bot.retention;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import vn.warddesk.bot.cases.Cases;
import vn.warddesk.bot.conversation.ConversationLog;
import vn.warddesk.bot.store.Jdbc;

/**
 * Erases personal data when its retention period ends: unsubmitted intake answers, message texts, personal fields of
 * closed cases, and (after years) the consent records themselves. Logs counts only, never content.
 */
public final class RetentionJob implements AutoCloseable {
    private static final System.Logger LOGGER = System.getLogger(RetentionJob.class.getName());

    /** Retention periods ({@code retention.*} in application.yaml). */
    public record Periods(Duration interval, Duration unsubmittedIntake, Duration messageTexts,
                          Duration closedCasePersonalFields, Duration consentEvents) {
        public static Periods defaults() {
            return new Periods(Duration.ofHours(1), Duration.ofHours(24), Duration.ofDays(90), Duration.ofDays(180),
                               Duration.ofDays(1825));
        }
    }

    /** What one run erased. */
    public record Counts(int drafts, int messageTexts, int caseFields, int consentEvents, int wardChoices) {
    }

    private final DataSource dataSource;
    private final Cases cases;
    private final Periods periods;
    private final Clock clock;
    private ScheduledExecutorService scheduler;

    public RetentionJob(DataSource dataSource, Cases cases, Periods periods, Clock clock) {
        this.dataSource = dataSource;
        this.cases = cases;
        this.periods = periods;
        this.clock = clock;
    }

    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "warddesk-retention");
            thread.setDaemon(true);
            return thread;
        });
        long every = Math.max(1, periods.interval().toSeconds());
        scheduler.scheduleWithFixedDelay(this::runSafely, Math.min(60, every), every, TimeUnit.SECONDS);
    }

    private void runSafely() {
        try {
            runOnce(clock.instant());
        } catch (RuntimeException e) {
            // Next run retries; the reason carries no personal data (SQL errors only).
            LOGGER.log(System.Logger.Level.WARNING, "retention run failed: " + e.getMessage());
        }
    }

    /**
     * One pass at the given moment; each kind of data in its own short transaction, in READ COMMITTED so that its
     * range deletes do not lock the gaps the inbox batches insert into (they deadlocked under a burst).
     */
    public Counts runOnce(Instant now) {
        int drafts = Jdbc.inReadCommitted(dataSource, c ->
                ConversationLog.eraseDraftsBefore(c, now.minus(periods.unsubmittedIntake())));
        int texts = Jdbc.inReadCommitted(dataSource, c ->
                ConversationLog.eraseTextsBefore(c, now.minus(periods.messageTexts()), now));
        int caseFields = Jdbc.inReadCommitted(dataSource, c ->
                cases.eraseClosedBefore(c, now.minus(periods.closedCasePersonalFields()), now));
        int consents = Jdbc.inReadCommitted(dataSource, c -> {
            // Consent records are proof for cases; they go only once no case refers to them any more.
            try (PreparedStatement d = c.prepareStatement("""
                    DELETE FROM consent WHERE created_at < ?
                      AND NOT EXISTS (SELECT 1 FROM case_file k WHERE k.consent_id = consent.id)""")) {
                d.setTimestamp(1, Timestamp.from(now.minus(periods.consentEvents())));
                return d.executeUpdate();
            }
        });
        int wardChoices = Jdbc.inReadCommitted(dataSource, c -> {
            // A province-wide bot's remembered "which ward" goes with the message texts: once the citizen has been
            // silent that long in every conversation of that platform user, the bot asks again.
            try (PreparedStatement d = c.prepareStatement("""
                    DELETE FROM channel_ward_choice WHERE chosen_at < ?
                      AND NOT EXISTS (SELECT 1 FROM conversation v WHERE v.channel = channel_ward_choice.channel
                                        AND v.channel_user_hash = channel_ward_choice.user_hash AND v.updated_at >= ?)""")) {
                Timestamp cutoff = Timestamp.from(now.minus(periods.messageTexts()));
                d.setTimestamp(1, cutoff);
                d.setTimestamp(2, cutoff);
                return d.executeUpdate();
            }
        });
        Counts counts = new Counts(drafts, texts, caseFields, consents, wardChoices);
        LOGGER.log(System.Logger.Level.INFO, "retention: " + drafts + " unsubmitted intakes, " + texts
                                             + " message texts, " + caseFields + " closed cases' fields, " + consents
                                             + " consent events, " + wardChoices + " remembered ward choices erased");
        return counts;
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }
}
