package vn.warddesk.bot.cases;

import vn.warddesk.bot.message.Logged;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.warddesk.bot.catalog.Lang;
import vn.warddesk.bot.consent.ConsentLog;
import vn.warddesk.bot.message.Reply;
import vn.warddesk.bot.text.Texts;
import vn.warddesk.bot.text.WardTexts;
import vn.warddesk.bot.store.Jdbc;

/**
 * Cases handed to ward staff: created by the conversation engine, worked by officers. Every staff-side operation is
 * scoped by ward id (a case of another ward behaves like one that does not exist) and names its actor, so the staff
 * feature can put accounts, roles and audit in front of it. All SQL on {@code case_file} lives here.
 */
public final class Cases {
    private static final System.Logger LOGGER = System.getLogger(Cases.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CODE_ATTEMPTS = 8;
    private static final String COLUMNS = """
            id, code, ward_id, conversation_id, kind, procedure_id, fields, consent_id, channel, status, claimed_by,
            claimed_at, outcome, created_at, updated_at, closed_at, erased_at""";

    /** Statuses in which a case is still being worked. */
    public static final List<String> OPEN = List.of("new", "claimed", "waiting");

    /** Web, kiosk and Mini App conversations: replies are read from the conversation, nothing is pushed. */
    private static final List<String> PULL_CHANNELS = List.of("web", "kiosk", "zalo_mini_app");

    private final DataSource dataSource;
    /** Each ward's case code prefix and time zone (the year in the code is the ward's year). */
    private final java.util.function.Function<String, Numbering> numbering;
    private final ConversationAccess conversations;
    private final java.time.Duration chatIdle;
    private final Optional<CaseLinks> links;
    private final WardTexts texts;

    public Cases(DataSource dataSource, String prefix, ZoneId zone, ConversationAccess conversations) {
        this(dataSource, prefix, zone, conversations, java.time.Duration.ofMinutes(30), Optional.empty());
    }

    /**
     * @param chatIdle after this long without a citizen message a web/kiosk conversation no longer counts as open
     * @param links    the case page links put into the status notices (claimed, resolved)
     */
    public Cases(DataSource dataSource, String prefix, ZoneId zone, ConversationAccess conversations,
                 java.time.Duration chatIdle, Optional<CaseLinks> links) {
        this(dataSource, prefix, zone, conversations, chatIdle, links, WardTexts.defaults());
    }

    /** @param texts the wards' texts of the status notices */
    public Cases(DataSource dataSource, String prefix, ZoneId zone, ConversationAccess conversations,
                 java.time.Duration chatIdle, Optional<CaseLinks> links, WardTexts texts) {
        this(dataSource, ward -> new Numbering(prefix, zone), conversations, chatIdle, links, texts);
    }

    /**
     * Many wards: a case gets the prefix and year of its own ward's office ({@code case_code_prefix}, time zone).
     * Codes stay unique over all wards (a unique key, a new random code on a clash), even where two wards share a
     * prefix.
     */
    public Cases(DataSource dataSource, CaseCatalogs catalogs, ConversationAccess conversations,
                 java.time.Duration chatIdle, Optional<CaseLinks> links, WardTexts texts) {
        this(dataSource, ward -> {
            vn.warddesk.bot.catalog.Catalog.OfficeInfo office = catalogs.of(ward).office();
            return new Numbering(office.caseCodePrefix(), office.zone());
        }, conversations, chatIdle, links, texts);
    }

    private Cases(DataSource dataSource, java.util.function.Function<String, Numbering> numbering,
                  ConversationAccess conversations, java.time.Duration chatIdle, Optional<CaseLinks> links,
                  WardTexts texts) {
        this.texts = texts;
        this.dataSource = dataSource;
        this.numbering = numbering;
        this.conversations = conversations;
        this.chatIdle = chatIdle;
        this.links = links;
    }

    private record Numbering(String prefix, ZoneId zone) {
    }

    /** One case as stored; {@code fields} is empty once erased. */
    public record Case(long id, String code, String wardId, String conversationId, String kind,
                       Optional<String> procedure, Map<String, String> fields, Optional<Long> consentId, String channel,
                       String status, Optional<String> claimedBy, Optional<Instant> claimedAt,
                       Optional<String> outcome, Instant createdAt, Instant updatedAt, Optional<Instant> closedAt,
                       Optional<Instant> erasedAt) {
        public boolean open() {
            return OPEN.contains(status);
        }
    }

    public record Filter(Optional<String> status, Optional<String> procedure, Optional<String> channel, int limit) {
    }

    /** Everything staff see about one case. */
    public record Detail(Case theCase, Optional<ConsentLog.Event> consent, List<Logged> transcript) {
    }

    /** Outcome of a staff operation on an existing case. */
    public sealed interface Change {
        record Done(Case theCase) implements Change {
        }

        /** Refused because of the case's state, e.g. already claimed by someone else, or withdrawn. */
        record Refused(String reason) implements Change {
        }
    }

    // ---- engine side: in the caller's transaction ----

    /** A request case with the confirmed intake fields and the consent it rests on. */
    public String createRequest(Connection c, String wardId, String conversationId, String channel, String procedure,
                                Map<String, String> fields, long consentId, Instant now) throws SQLException {
        return insert(c, wardId, conversationId, "request", procedure, json(fields), consentId, channel, now);
    }

    /** A handoff case: no fields, staff read the transcript. */
    public String createHandoff(Connection c, String wardId, String conversationId, String channel,
                                Optional<String> procedure, Instant now) throws SQLException {
        return insert(c, wardId, conversationId, "handoff", procedure.orElse(null), null, null, channel, now);
    }

    private String insert(Connection c, String wardId, String conversationId, String kind, String procedure,
                          String fields, Long consentId, String channel, Instant now) throws SQLException {
        Numbering ward = numbering.apply(wardId);
        int year = now.atZone(ward.zone()).getYear();
        for (int attempt = 1; ; attempt++) {
            String code = CaseCode.generate(ward.prefix(), year);
            // A savepoint keeps the caller's transaction usable when the random code collides with an existing one.
            var savepoint = c.setSavepoint();
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO case_file (code, ward_id, conversation_id, kind, procedure_id, fields, consent_id, channel,
                                           status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'new', ?, ?)""")) {
                insert.setString(1, code);
                insert.setString(2, wardId);
                insert.setString(3, conversationId);
                insert.setString(4, kind);
                insert.setString(5, procedure);
                insert.setString(6, fields);
                if (consentId == null) {
                    insert.setNull(7, java.sql.Types.BIGINT);
                } else {
                    insert.setLong(7, consentId);
                }
                insert.setString(8, channel);
                insert.setTimestamp(9, Timestamp.from(now));
                insert.setTimestamp(10, Timestamp.from(now));
                insert.executeUpdate();
                c.releaseSavepoint(savepoint);
                LOGGER.log(System.Logger.Level.INFO, "case " + code + " created, kind " + kind);
                return code;
            } catch (SQLIntegrityConstraintViolationException e) {
                c.rollback(savepoint);
                if (attempt >= CODE_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** The newest case of the conversation that is still being worked. */
    public Optional<Case> openFor(Connection c, String conversationId) throws SQLException {
        return ofConversation(c, conversationId).stream().filter(Case::open).reduce((a, b) -> b);
    }

    public List<Case> ofConversation(Connection c, String conversationId) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT " + COLUMNS
                                                      + " FROM case_file WHERE conversation_id = ? ORDER BY id")) {
            q.setString(1, conversationId);
            return read(q);
        }
    }

    public Optional<Case> byCode(Connection c, String code) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("SELECT " + COLUMNS + " FROM case_file WHERE code = ?")) {
            q.setString(1, code);
            return read(q).stream().findFirst();
        }
    }

    /** New (unclaimed) cases created before {@code cutoff}, over all wards: the SLA-late count for monitoring. */
    public long countNewCreatedBefore(Instant cutoff) {
        return Jdbc.withConnection(dataSource, c -> {
            try (PreparedStatement q = c.prepareStatement(
                    "SELECT COUNT(*) FROM case_file WHERE status = 'new' AND created_at < ?")) {
                q.setTimestamp(1, java.sql.Timestamp.from(cutoff));
                try (var rs = q.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    public Optional<Case> byCode(String code) {
        return Jdbc.withConnection(dataSource, c -> byCode(c, code));
    }

    /** Withdrawal: erase the fields of every case of the conversation and mark the open ones withdrawn. */
    public Erased eraseForConversation(Connection c, String conversationId, Instant now) throws SQLException {
        int fields = 0;
        for (Case k : ofConversation(c, conversationId)) {
            fields += k.fields().size();
        }
        int withdrawn;
        try (PreparedStatement u = c.prepareStatement("""
                UPDATE case_file SET status = 'withdrawn', closed_at = ?, updated_at = ?
                WHERE conversation_id = ? AND status IN ('new', 'claimed', 'waiting')""")) {
            u.setTimestamp(1, Timestamp.from(now));
            u.setTimestamp(2, Timestamp.from(now));
            u.setString(3, conversationId);
            withdrawn = u.executeUpdate();
        }
        try (PreparedStatement u = c.prepareStatement("""
                UPDATE case_file SET fields = NULL, erased_at = ? WHERE conversation_id = ? AND fields IS NOT NULL""")) {
            u.setTimestamp(1, Timestamp.from(now));
            u.setString(2, conversationId);
            u.executeUpdate();
        }
        return new Erased(fields, withdrawn);
    }

    public record Erased(int fields, int casesWithdrawn) {
    }

    /** Retention: personal fields of cases closed before the cut-off. Returns how many cases were anonymised. */
    public int eraseClosedBefore(Connection c, Instant cutoff, Instant now) throws SQLException {
        try (PreparedStatement u = c.prepareStatement("""
                UPDATE case_file SET fields = NULL, erased_at = ?
                WHERE fields IS NOT NULL AND status IN ('resolved', 'withdrawn') AND closed_at < ?""")) {
            u.setTimestamp(1, Timestamp.from(now));
            u.setTimestamp(2, Timestamp.from(cutoff));
            return u.executeUpdate();
        }
    }

    // ---- staff side: one transaction per operation, scoped by ward ----

    public List<Case> list(String wardId, Filter filter) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM case_file WHERE ward_id = ?");
        List<String> args = new ArrayList<>(List.of(wardId));
        filter.status().ifPresent(s -> {
            sql.append(" AND status = ?");
            args.add(s);
        });
        filter.procedure().ifPresent(p -> {
            sql.append(" AND procedure_id = ?");
            args.add(p);
        });
        filter.channel().ifPresent(ch -> {
            sql.append(" AND channel = ?");
            args.add(ch);
        });
        sql.append(" ORDER BY created_at DESC, id DESC LIMIT ").append(Math.max(1, Math.min(filter.limit(), 500)));
        return Jdbc.withConnection(dataSource, c -> {
            try (PreparedStatement q = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    q.setString(i + 1, args.get(i));
                }
                return read(q);
            }
        });
    }

    public Optional<Detail> detail(String wardId, String code) {
        return Jdbc.withConnection(dataSource, c -> {
            Optional<Case> found = byCode(c, code).filter(k -> k.wardId().equals(wardId));
            if (found.isEmpty()) {
                return Optional.empty();
            }
            Case k = found.get();
            Optional<ConsentLog.Event> consent = k.consentId().isPresent()
                    ? ConsentLog.byId(c, k.consentId().get()) : Optional.empty();
            return Optional.of(new Detail(k, consent, conversations.transcript(c, k.conversationId(), 200)));
        });
    }

    /** Atomic: of two officers claiming at once, exactly one wins; the other gets Refused. */
    public Optional<Change> claim(String wardId, String code, String officer, Instant now) {
        return Jdbc.inTransaction(dataSource, c -> {
            Optional<Case> found = lockedCase(c, wardId, code);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            int changed;
            try (PreparedStatement u = c.prepareStatement("""
                    UPDATE case_file SET status = 'claimed', claimed_by = ?, claimed_at = ?, updated_at = ?
                    WHERE code = ? AND ward_id = ? AND status IN ('new', 'waiting')""")) {
                u.setString(1, officer);
                u.setTimestamp(2, Timestamp.from(now));
                u.setTimestamp(3, Timestamp.from(now));
                u.setString(4, code);
                u.setString(5, wardId);
                changed = u.executeUpdate();
            }
            if (changed == 0) {
                return Optional.of(new Change.Refused("case is " + found.get().status()
                                                      + found.get().claimedBy().map(b -> " by " + b).orElse("")));
            }
            Case k = found.get();
            conversations.setState(c, k.conversationId(), "handed_off", now);
            notifyCitizen(c, k, Notice.CLAIMED, now);
            LOGGER.log(System.Logger.Level.INFO, "case " + code + " claimed");
            return Optional.of(new Change.Done(byCode(c, code).orElseThrow()));
        });
    }

    public Optional<Change> reply(String wardId, String code, String officer, String text, Instant now) {
        return changeLocked(wardId, code, Case::open, (c, k) -> {
            Route route = route(c, k, now); // before the reply itself touches the conversation
            long messageId = conversations.deliver(c, k.conversationId(), new Reply(Reply.Kind.STAFF_REPLY, text, List.of()), "staff", now);
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO staff_reply (message_id, case_code, route, created_at) VALUES (?, ?, ?, ?)")) {
                insert.setLong(1, messageId);
                insert.setString(2, k.code());
                insert.setString(3, route.key);
                insert.setTimestamp(4, Timestamp.from(now));
                insert.executeUpdate();
            }
            touch(c, k.code(), now);
        });
    }

    /**
     * The case page links (empty in tools and tests that build Cases without them). The conversation engine should
     * put {@code links().map(l -> l.url(code))} into its case-status answers and request confirmations.
     */
    public Optional<CaseLinks> links() {
        return links;
    }

    /** Where a staff reply goes, decided when it is written (issue 18: "honest delivery states"). */
    public enum Route {
        /** Telegram/Zalo: queued in the outbox; its row says queued, sent (with the platform's id) or failed. */
        PUSH("push"),
        /** A web/kiosk/Mini App conversation that was still open: the citizen's screen polls it. */
        WEB_OPEN("web_open"),
        /** Nobody is in the chat any more: only the case page shows it (or staff call the phone number). */
        CASE_PAGE("case_page");

        public final String key;

        Route(String key) {
            this.key = key;
        }
    }

    private Route route(Connection c, Case k, Instant now) throws SQLException {
        // Open means: a session is running (the kiosk's "Finish" and its idle reset end it) and the citizen wrote
        // within the idle timeout. The conversation's state is no guide: claiming a case sets it to handed_off.
        try (PreparedStatement q = c.prepareStatement("""
                SELECT channel, channel_address, session_started_at,
                       (SELECT MAX(m.created_at) FROM message m WHERE m.conversation_id = conversation.id AND m.direction = 'in')
                FROM conversation WHERE id = ?""")) {
            q.setString(1, k.conversationId());
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    return Route.CASE_PAGE;
                }
                String channel = rs.getString(1);
                if (!PULL_CHANNELS.contains(channel)) {
                    return rs.getString(2) == null ? Route.CASE_PAGE : Route.PUSH;
                }
                Timestamp lastWrote = rs.getTimestamp(4);
                boolean open = rs.getTimestamp(3) != null && lastWrote != null
                               && lastWrote.toInstant().plus(chatIdle).isAfter(now);
                return open ? Route.WEB_OPEN : Route.CASE_PAGE;
            }
        }
    }

    /** A staff reply as the case page shows it to the citizen. */
    public record StaffMessage(String text, Instant at) {
    }

    /** The staff replies written for this case that still have their text, oldest first. */
    public List<StaffMessage> staffMessages(String code) {
        return Jdbc.withConnection(dataSource, c -> {
            try (PreparedStatement q = c.prepareStatement("""
                    SELECT m.text, m.created_at FROM staff_reply s JOIN message m ON m.id = s.message_id
                    WHERE s.case_code = ? AND m.text IS NOT NULL ORDER BY m.id""")) {
                q.setString(1, code);
                List<StaffMessage> list = new ArrayList<>();
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        list.add(new StaffMessage(rs.getString(1), rs.getTimestamp(2).toInstant()));
                    }
                }
                return list;
            }
        });
    }

    /** The officer gives the conversation back to the bot; the case waits (unclaimed) for further work. */
    public Optional<Change> handBack(String wardId, String code, String officer, Instant now) {
        return changeLocked(wardId, code, k -> "claimed".equals(k.status()), (c, k) -> {
            try (PreparedStatement u = c.prepareStatement("""
                    UPDATE case_file SET status = 'waiting', claimed_by = NULL, claimed_at = NULL, updated_at = ?
                    WHERE code = ?""")) {
                u.setTimestamp(1, Timestamp.from(now));
                u.setString(2, code);
                u.executeUpdate();
            }
            conversations.setState(c, k.conversationId(), "answering", now);
            notifyCitizen(c, k, Notice.HANDED_BACK, now);
        });
    }

    public Optional<Change> resolve(String wardId, String code, String officer, String outcome, Instant now) {
        return changeLocked(wardId, code, Case::open, (c, k) -> {
            try (PreparedStatement u = c.prepareStatement("""
                    UPDATE case_file SET status = 'resolved', outcome = ?, closed_at = ?, updated_at = ?,
                                         claimed_by = COALESCE(claimed_by, ?)
                    WHERE code = ?""")) {
                u.setString(1, outcome);
                u.setTimestamp(2, Timestamp.from(now));
                u.setTimestamp(3, Timestamp.from(now));
                u.setString(4, officer);
                u.setString(5, code);
                u.executeUpdate();
            }
            conversations.setState(c, k.conversationId(), "closed", now);
            notifyCitizen(c, k, Notice.RESOLVED, now);
            LOGGER.log(System.Logger.Level.INFO, "case " + code + " resolved");
        });
    }

    /** A change of one case, made while the case (and its conversation) is locked. */
    private interface LockedChange {
        void apply(Connection c, Case k) throws SQLException;
    }

    /**
     * Locks the case of this ward and applies {@code change} if {@code allowed} holds, all in one transaction; empty when
     * the ward has no such case, Refused (with its status) when the case is in the wrong state.
     */
    private Optional<Change> changeLocked(String wardId, String code, Predicate<Case> allowed, LockedChange change) {
        return Jdbc.inTransaction(dataSource, c -> {
            Optional<Case> found = lockedCase(c, wardId, code);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            Case k = found.get();
            if (!allowed.test(k)) {
                return Optional.of(new Change.Refused("case is " + k.status()));
            }
            change.apply(c, k);
            return Optional.of(new Change.Done(byCode(c, code).orElseThrow()));
        });
    }

    /** Locks the conversation first (the engine's lock order), then reads the case of this ward. */
    private Optional<Case> lockedCase(Connection c, String wardId, String code) throws SQLException {
        Optional<Case> found = byCode(c, code).filter(k -> k.wardId().equals(wardId));
        if (found.isEmpty()) {
            return found;
        }
        conversations.lock(c, found.get().conversationId());
        try (PreparedStatement q = c.prepareStatement("SELECT " + COLUMNS + " FROM case_file WHERE code = ? FOR UPDATE")) {
            q.setString(1, code);
            return read(q).stream().findFirst();
        }
    }

    private static void touch(Connection c, String code, Instant now) throws SQLException {
        try (PreparedStatement u = c.prepareStatement("UPDATE case_file SET updated_at = ? WHERE code = ?")) {
            u.setTimestamp(1, Timestamp.from(now));
            u.setString(2, code);
            u.executeUpdate();
        }
    }

    private enum Notice { CLAIMED, HANDED_BACK, RESOLVED }

    private void notifyCitizen(Connection c, Case k, Notice notice, Instant now) throws SQLException {
        Lang lang = conversations.lang(c, k.conversationId());
        Texts words = texts.of(k.wardId(), lang.tag());
        String text = switch (notice) {
            case CLAIMED -> words.get("case.claimed", "code", k.code());
            case HANDED_BACK -> words.get("case.handed_back");
            case RESOLVED -> words.get("case.resolved", "code", k.code());
        };
        if (notice != Notice.HANDED_BACK && links.isPresent()) {
            // The case page: status, day, what to bring and every staff reply, even once the chat is gone.
            text += "\n" + words.get("case.page_link", "link", links.get().url(k.code()));
        }
        conversations.deliver(c, k.conversationId(), new Reply(Reply.Kind.NOTICE, text, List.of()), "bot", now);
    }

    private static List<Case> read(PreparedStatement q) throws SQLException {
        List<Case> cases = new ArrayList<>();
        try (ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                long consent = rs.getLong("consent_id");
                Optional<Long> consentId = rs.wasNull() ? Optional.empty() : Optional.of(consent);
                cases.add(new Case(rs.getLong("id"), rs.getString("code"), rs.getString("ward_id"),
                                   rs.getString("conversation_id"), rs.getString("kind"),
                                   Optional.ofNullable(rs.getString("procedure_id")), fields(rs.getString("fields")),
                                   consentId, rs.getString("channel"), rs.getString("status"),
                                   Optional.ofNullable(rs.getString("claimed_by")), instant(rs, "claimed_at"),
                                   Optional.ofNullable(rs.getString("outcome")), rs.getTimestamp("created_at").toInstant(),
                                   rs.getTimestamp("updated_at").toInstant(), instant(rs, "closed_at"),
                                   instant(rs, "erased_at")));
            }
        }
        return cases;
    }

    private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? Optional.empty() : Optional.of(t.toInstant());
    }

    private static String json(Map<String, String> fields) {
        try {
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("fields that cannot be written as JSON", e);
        }
    }

    private static Map<String, String> fields(String json) {
        if (json == null) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("case fields that are not JSON", e);
        }
    }
}
