package vn.warddesk.bot.conversation;

import vn.warddesk.bot.message.Logged;

import vn.warddesk.bot.message.Reply;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import javax.sql.DataSource;

import vn.warddesk.bot.cases.Cases;
import vn.warddesk.bot.catalog.Catalog;
import vn.warddesk.bot.catalog.Lang;
import vn.warddesk.bot.store.Jdbc;
import vn.warddesk.bot.text.WardTexts;
import vn.warddesk.nlu.EntityExtractor;
import vn.warddesk.nlu.Nlu;

/**
 * The channel-neutral conversation engine. Each event is handled in one transaction that holds the conversation's
 * row lock ({@code SELECT … FOR UPDATE}), so events of one conversation never interleave, also across service
 * instances; the event id ledger makes replays do nothing.
 */
public final class ConversationEngine implements ConversationPort {
    private static final System.Logger LOGGER = System.getLogger(ConversationEngine.class.getName());
    /** Longest citizen text stored and understood; the web API refuses longer ones outright. */
    public static final int MAX_TEXT = 2000;

    /** Tunables from the {@code conversation} config section. */
    public record Settings(Duration sessionIdleTimeout, int maxFieldAttempts, String publicBaseUrl) {
        public static Settings defaults() {
            return new Settings(Duration.ofMinutes(30), 3, "http://localhost:8080");
        }
    }

    private final DataSource dataSource;
    private final Catalog catalog;
    private final Catalog.ByWard wards;
    private final Clock clock;
    private final ConversationStore store = new ConversationStore();
    private final java.util.function.Function<Catalog, Dialogue> newDialogue;
    /** One dialogue per ward served, built on first use over that ward's catalog. */
    private final java.util.concurrent.ConcurrentMap<String, Dialogue> dialogues =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final OutboundQueue outbound;
    private final WardTexts texts;

    /** One catalog for every conversation, whatever its ward (a single-ward deployment, tests). */
    public ConversationEngine(DataSource dataSource, Catalog catalog, Nlu nlu, EntityExtractor extractor, Cases cases,
                              OutboundQueue outbound, Settings settings, Clock clock) {
        this(dataSource, catalog, nlu, extractor, cases, outbound, settings, clock, WardTexts.defaults());
    }

    /** With the wards' own texts ({@code config/wards/<ward-id>/messages_*.properties}) over the shipped ones. */
    public ConversationEngine(DataSource dataSource, Catalog catalog, Nlu nlu, EntityExtractor extractor, Cases cases,
                              OutboundQueue outbound, Settings settings, Clock clock, WardTexts texts) {
        this(dataSource, catalog, ward -> Optional.of(catalog), nlu, extractor, cases, outbound, settings, clock, texts);
    }

    /**
     * Answers each conversation with the catalog and texts of its ward; a conversation of a ward not served here
     * (unknown or disabled) gets a polite "not served here" and nothing else.
     *
     * @param catalog the default ward's catalog (time zone of a ward not served)
     */
    public ConversationEngine(DataSource dataSource, Catalog catalog, Catalog.ByWard wards, Nlu nlu,
                              EntityExtractor extractor, Cases cases, OutboundQueue outbound, Settings settings,
                              Clock clock, WardTexts texts) {
        this.texts = texts;
        this.dataSource = dataSource;
        this.outbound = outbound;
        this.catalog = catalog;
        this.wards = wards;
        this.clock = clock;
        this.newDialogue = wardCatalog -> new Dialogue(wardCatalog, nlu, cases,
                                                       new FieldCheck(extractor, wardCatalog::openOn),
                                                       settings.sessionIdleTimeout(), settings.maxFieldAttempts(),
                                                       settings.publicBaseUrl(), store);
    }

    private record WardDialogue(Catalog catalog, Dialogue dialogue) {
    }

    private Optional<WardDialogue> dialogueFor(String wardId) {
        return wards.forWard(wardId).map(c -> new WardDialogue(c, dialogues.computeIfAbsent(wardId,
                                                                                             w -> newDialogue.apply(c))));
    }

    @Override
    public Handled handle(InboundEvent event) {
        return process(event).handled();
    }

    /** Handles one event and also reports state, the field expected next and the case code (for the web API). */
    public Outcome process(InboundEvent event) {
        for (int attempt = 1; ; attempt++) {
            try {
                return processOnce(event);
            } catch (vn.warddesk.bot.store.StoreException e) {
                // InnoDB may pick this transaction as a deadlock victim (e.g. against the retention job): the whole
                // event was rolled back, so running it again is safe.
                if (attempt >= 3 || !e.rolledBackByLockConflict()) {
                    throw e;
                }
                LOGGER.log(System.Logger.Level.INFO, "deadlock while handling an event, retrying");
            }
        }
    }

    @Override
    public Handled handle(Connection transaction, InboundEvent event) throws SQLException {
        TurnWrites writes = new TurnWrites(outbound, store);
        Handled handled = turn(transaction, event, clock.instant(), true, writes).handled();
        writes.flush(transaction);
        return handled;
    }

    /** The inbox's batch: the turns' replies, outbox rows and events are written together at {@link Batch#flush}. */
    @Override
    public Batch batch(Connection transaction) {
        TurnWrites writes = new TurnWrites(outbound, store);
        return new Batch() {
            @Override
            public Handled handle(InboundEvent event) throws SQLException {
                return turn(transaction, event, clock.instant(), true, writes).handled();
            }

            @Override
            public void flush() throws SQLException {
                writes.flush(transaction);
            }
        };
    }

    private Outcome processOnce(InboundEvent event) {
        Instant now = clock.instant();
        return Jdbc.inTransaction(dataSource, c -> {
            TurnWrites writes = new TurnWrites(outbound, store);
            Outcome outcome = turn(c, event, now, false, writes);
            writes.flush(c);
            return outcome;
        });
    }

    /**
     * One event in the caller's transaction: lock, understand, decide, write; the caller commits.
     * {@code readCommitted}: the transaction is READ COMMITTED (the inbox's batches), so locking reads lock no gaps.
     */
    private Outcome turn(Connection c, InboundEvent event, Instant now, boolean readCommitted, TurnWrites writes)
            throws SQLException {
        ConversationStore.Row found = store.findOrCreateLocked(c, event.conversation(), event.channel(),
                                                               event.locale(), now, readCommitted);
        if (writes.holds(found.id)) {
            // An earlier event of this batch was of the same conversation (the inbox claims one per conversation, so
            // this is rare): its events are written first and the row folded again with them.
            writes.flush(c);
            found = store.findOrCreateLocked(c, event.conversation(), event.channel(), event.locale(), now,
                                             readCommitted);
        }
        ConversationStore.Row row = found;
        String channel = event.channel() == null ? row.channel : event.channel();
        Input input = bounded(event.input());
        // A typed text or a pressed button is its own replay ledger: storing it records the event id in the same
        // row (one statement); an event that stores no message (session start, leave) is recorded in inbound_event.
        String typed = input instanceof Input.Text text ? text.text() : null;
        String pressed = input instanceof Input.Action action ? action.action() : null;
        boolean storesMessage = input instanceof Input.Text || input instanceof Input.Action;
        OptionalLong stored = storesMessage
                ? ConversationLog.insertInbound(c, row.id, typed, pressed, channel, event.eventId(), now)
                : OptionalLong.of(0L);
        boolean replay = storesMessage ? stored.isEmpty()
                : event.eventId() != null && !store.firstTime(c, channel, event.eventId(), row.id, now);
        long inbound = stored.orElse(0L);
        if (replay) {
            LOGGER.log(System.Logger.Level.DEBUG, "conversation " + row.id + ": replayed event ignored");
            return outcome(row, new Handled(row.id, true, List.of()));
        }
        if (event.locale() != null && !event.locale().isBlank()) {
            row.locale = Lang.of(event.locale()).tag();
        } else if (event.input() instanceof Input.Text text) {
            Language.guess(text.text()).ifPresent(lang -> row.locale = lang.tag());
        }
        Optional<WardDialogue> ward = dialogueFor(row.wardId);
        LocalDate today = now.atZone(ward.map(WardDialogue::catalog).orElse(catalog).office().zone()).toLocalDate();
        Turn turn = new Turn(c, row, now, today, row.channel);
        turn.inboundMessageId = inbound;
        turn.wardTexts = texts;
        if (ward.isPresent()) {
            ward.get().dialogue().run(turn, input);
        } else if (!(input instanceof Input.Left)) {
            turn.replies.add(Reply.text(texts.of(row.wardId, Lang.of(row.locale) == Lang.EN ? "en" : "vi")
                                             .get("ward.not_served")));
        }
        writes.save(store.saved(row, now));
        List<ConversationEvent> events = new java.util.ArrayList<>();
        if (turn.erased) {
            // The history went with the texts: the log starts again at the erasure (and what followed it).
            int erasedAt = 0;
            for (int i = 0; i < turn.events.size(); i++) {
                if (turn.events.get(i) instanceof ConversationEvent.DataErased) {
                    erasedAt = i;
                }
            }
            events.addAll(turn.events.subList(erasedAt, turn.events.size()));
        } else {
            Optional.ofNullable(turn.heard).flatMap(Heard::understood).ifPresent(u -> events.add(new ConversationEvent.UserSaid(
                    inbound, u.intent(), u.aspect().orElse(null), u.confidence(), u.clarify(),
                    u.entities().stream().map(e -> e.type().name().toLowerCase(java.util.Locale.ROOT)).distinct()
                            .toList())));
            events.addAll(turn.events);
        }
        // The row, the replies, their outbox rows and bot_said events (with the replies' message ids) are written at
        // the flush: at the end of this turn, or of the inbox's batch.
        writes.add(row.id, row.channel, row.address, turn.replies, events, !turn.erased, now);
        LOGGER.log(System.Logger.Level.INFO, "conversation " + row.id + ": " + kind(input) + " handled, state "
                                             + row.state + ", " + turn.replies.size() + " replies");
        return outcome(row, new Handled(row.id, false, turn.replies, turn.erased));
    }

    private static Input bounded(Input input) {
        if (input instanceof Input.Text text && text.text().length() > MAX_TEXT) {
            return new Input.Text(text.text().substring(0, MAX_TEXT));
        }
        if (input instanceof Input.Action action && action.action().length() > 64) {
            return new Input.Action(action.action().substring(0, 64));
        }
        return input;
    }

    private static String kind(Input input) {
        return switch (input) {
            case Input.Text ignored -> "text";
            case Input.Action ignored -> "action";
            case Input.Started ignored -> "start";
            case Input.Left ignored -> "leave";
        };
    }

    private Outcome outcome(ConversationStore.Row row, Handled handled) {
        Optional<Outcome.Expecting> expecting = Optional.empty();
        if (Dialogue.INTAKE.equals(row.state)) {
            expecting = dialogueFor(row.wardId).flatMap(w -> w.dialogue().currentField(row, Lang.of(row.locale)))
                    .map(f -> new Outcome.Expecting(
                    f.name(), f.type().name().toLowerCase(java.util.Locale.ROOT), f.question(), f.purpose(), f.required(),
                    f.choices(), Optional.ofNullable(row.context.lastError())));
        }
        return new Outcome(handled, row.state, expecting, Optional.ofNullable(row.caseCode));
    }

    // ---- web/kiosk conversations ----

    /** Creates a web/kiosk conversation whose bearer token has this SHA-256; returns its id. */
    public String open(String channel, String wardId, Lang lang, String tokenSha256) {
        Instant now = clock.instant();
        return Jdbc.inTransaction(dataSource, c -> store.create(c, channel, wardId, lang.tag(), tokenSha256, now));
    }

    /**
     * Opens the conversation of a verified platform user (Zalo Mini App): the same user gets the same conversation
     * back (and so their case link), now reachable with the new token only.
     */
    public String openForUser(ConversationRef.ByChannelUser user, Lang lang, String tokenSha256) {
        Instant now = clock.instant();
        return Jdbc.inTransaction(dataSource, c -> {
            ConversationStore.Row row = store.findOrCreateLocked(c, user, user.channel(), lang.tag(), now);
            store.replaceToken(c, row.id, tokenSha256, now);
            return row.id;
        });
    }

    /** The stored token hash of a conversation (empty string when it has none), or empty when it does not exist. */
    public Optional<String> tokenHash(String conversationId) {
        return Jdbc.withConnection(dataSource, c -> store.tokenHash(c, conversationId));
    }

    /** The ward a conversation belongs to, or empty when it does not exist. */
    public Optional<String> wardOf(String conversationId) {
        return Jdbc.withConnection(dataSource, c -> store.wardOf(c, conversationId));
    }

    public List<Logged> messagesAfter(String conversationId, long after, int limit) {
        return Jdbc.withConnection(dataSource, c -> ConversationLog.after(c, conversationId, after, limit));
    }

    /**
     * Ends the session (kiosk "Finish", idle reset): an unsubmitted request is erased, submitted cases stay.
     * False when the conversation does not exist.
     */
    public boolean end(String conversationId) {
        Instant now = clock.instant();
        return Jdbc.inTransaction(dataSource, c -> {
            Optional<ConversationStore.Row> found = store.lockedById(c, conversationId);
            if (found.isEmpty()) {
                return false;
            }
            ConversationStore.Row row = found.get();
            int fields = row.draft.size();
            if (fields > 0) {
                store.tombstone(c, row.id, "session_end", 0, fields, 0, now);
            }
            row.draft = new LinkedHashMap<>();
            ConversationEvent ended = new ConversationEvent.SessionEnded(); // closed, empty context
            row.apply(ended);
            row.sessionStartedAt = null;
            store.save(c, row, now);
            EventLog.append(c, row.id, List.of(ended), now);
            return true;
        });
    }

    /** For other features that must change a conversation under its lock. */
    static boolean exists(Connection c, String id) throws SQLException {
        return ConversationLog.lock(c, id);
    }
}
