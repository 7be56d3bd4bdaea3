package vn.warddesk.bot.staff;

import vn.warddesk.bot.message.Logged;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import vn.warddesk.bot.cases.Cases;
import vn.warddesk.bot.consent.ConsentLog;
import vn.warddesk.bot.conversation.ConversationLog;
import vn.warddesk.bot.store.Jdbc;

/**
 * The console's case operations over the engine's {@link Cases}: ward scoping and atomic claims are the engine's;
 * this adapter adds what only the console needs (delivery states, reassignment, the change marker for the live queue).
 */
final class EngineCaseDesk implements CaseDesk {
    private final Cases cases;
    private final DataSource dataSource;
    private final Clock clock;

    EngineCaseDesk(Cases cases, DataSource dataSource, Clock clock) {
        this.cases = cases;
        this.dataSource = dataSource;
        this.clock = clock;
    }

    static Summary summary(Cases.Case k) {
        String procedure = k.procedure().orElse("handoff");
        return new Summary(k.code(), procedure, procedure, k.channel(), k.status(), k.claimedBy(), k.createdAt(),
                           k.updatedAt(), k.claimedAt());
    }

    @Override
    public List<Summary> list(String wardId, Query query) {
        return cases.list(wardId, new Cases.Filter(query.status(), query.procedure(), query.channel(), query.limit()))
                .stream()
                .filter(k -> query.olderThan().map(t -> k.createdAt().isBefore(t)).orElse(true))
                .filter(k -> query.newerThan().map(t -> k.createdAt().isAfter(t)).orElse(true))
                // Oldest first: the queue is worked in order of arrival.
                .sorted(java.util.Comparator.comparing(Cases.Case::createdAt))
                .map(EngineCaseDesk::summary)
                .toList();
    }

    @Override
    public Optional<Detail> detail(String wardId, String code) {
        return cases.detail(wardId, code).map(d -> Jdbc.withConnection(dataSource, c -> {
            Cases.Case k = d.theCase();
            List<Message> transcript = new ArrayList<>();
            for (Logged m : d.transcript()) {
                transcript.add(new Message(m.seq(), m.direction(), m.origin(),
                                           m.text(), m.action(), m.at(), m.intent()));
            }
            Optional<Consent> consent = d.consent().map(e -> consent(c, e, k.code()));
            return new Detail(summary(k), k.conversationId(), k.fields(), consent, transcript,
                              deliveries(c, k.conversationId()), k.outcome());
        }));
    }

    private static Consent consent(Connection c, ConsentLog.Event e, String code) {
        try {
            Optional<Instant> withdrawn = ConsentLog.history(c, e.conversationId()).stream()
                    .filter(h -> "withdraw".equals(h.decision()) && h.purpose().equals(e.purpose()) && h.id() > e.id())
                    .map(ConsentLog.Event::at).findFirst();
            return new Consent(Long.toString(e.id()), e.decision(), e.noticeVersion(), e.noticeSha256(), e.method(), e.at(),
                               withdrawn, "/api/v1/staff/cases/" + code + "/consent-receipt");
        } catch (SQLException ex) {
            throw new vn.warddesk.bot.store.StoreException("database error: " + ex.getMessage(), ex);
        }
    }

    /**
     * Delivery of each staff reply of the conversation: the route recorded when it was written (staff_reply) and,
     * for Telegram/Zalo, the outbox row that sends exactly that message (outbox.message_id).
     */
    static List<Delivery> deliveries(Connection c, String conversationId) throws SQLException {
        List<Delivery> states = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("""
                SELECT m.id, s.route, o.status, o.failure_reason, o.channel, o.platform_message_id, o.sent_at
                FROM message m
                LEFT JOIN staff_reply s ON s.message_id = m.id
                LEFT JOIN outbox o ON o.message_id = m.id
                WHERE m.conversation_id = ? AND m.origin = 'staff'
                ORDER BY m.id""")) {
            q.setString(1, conversationId);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    String outboxStatus = rs.getString(3);
                    String route = rs.getString(2) != null ? rs.getString(2) : outboxStatus != null ? "push" : "unknown";
                    String state = "push".equals(route) ? (outboxStatus == null ? "queued" : outboxStatus) : route;
                    Timestamp sentAt = rs.getTimestamp(7);
                    states.add(new Delivery(rs.getLong(1), route, state, Optional.ofNullable(rs.getString(4)),
                                            Optional.ofNullable(rs.getString(5)), Optional.ofNullable(rs.getString(6)),
                                            Optional.ofNullable(sentAt).map(Timestamp::toInstant)));
                }
            }
        }
        return states;
    }

    @Override
    public Optional<Change> claim(String wardId, String code, String officer) {
        return cases.claim(wardId, code, officer, clock.instant()).map(EngineCaseDesk::change);
    }

    /**
     * Assign: an unclaimed case is claimed on the officer's behalf (atomic, the citizen is told); a claimed one
     * changes hands without telling the citizen again.
     */
    @Override
    public Optional<Change> assign(String wardId, String code, String officer) {
        Optional<Cases.Case> current = cases.detail(wardId, code).map(Cases.Detail::theCase);
        if (current.isEmpty()) {
            return Optional.empty();
        }
        if (!"claimed".equals(current.get().status())) {
            return claim(wardId, code, officer);
        }
        Instant now = clock.instant();
        int changed = Jdbc.inTransaction(dataSource, c -> {
            try (PreparedStatement u = c.prepareStatement("""
                    UPDATE case_file SET claimed_by = ?, claimed_at = ?, updated_at = ?
                    WHERE code = ? AND ward_id = ? AND status = 'claimed'""")) {
                u.setString(1, officer);
                u.setTimestamp(2, Timestamp.from(now));
                u.setTimestamp(3, Timestamp.from(now));
                u.setString(4, code);
                u.setString(5, wardId);
                return u.executeUpdate();
            }
        });
        if (changed == 0) {
            return Optional.of(new Refused("The case changed meanwhile; reload and try again."));
        }
        return cases.detail(wardId, code).map(d -> new Done(summary(d.theCase()), Optional.empty()));
    }

    @Override
    public Optional<Change> reply(String wardId, String code, String officer, String text) {
        Optional<Cases.Case> current = cases.detail(wardId, code).map(Cases.Detail::theCase);
        if (current.isPresent() && "new".equals(current.get().status())) {
            return Optional.of(new Refused("Claim the case before replying."));
        }
        return cases.reply(wardId, code, officer, text, clock.instant()).map(change -> switch (change) {
            case Cases.Change.Refused r -> new Refused(r.reason());
            case Cases.Change.Done d -> new Done(summary(d.theCase()), lastDelivery(d.theCase()));
        });
    }

    private Optional<Delivery> lastDelivery(Cases.Case k) {
        return Jdbc.withConnection(dataSource, c -> {
            List<Delivery> states = deliveries(c, k.conversationId());
            return states.isEmpty() ? Optional.<Delivery>empty() : Optional.of(states.get(states.size() - 1));
        });
    }

    @Override
    public Optional<Change> handBack(String wardId, String code, String officer) {
        return cases.handBack(wardId, code, officer, clock.instant()).map(EngineCaseDesk::change);
    }

    @Override
    public Optional<Change> resolve(String wardId, String code, String officer, String outcome) {
        return cases.resolve(wardId, code, officer, outcome, clock.instant()).map(EngineCaseDesk::change);
    }

    private static Change change(Cases.Change change) {
        return switch (change) {
            case Cases.Change.Refused r -> new Refused(r.reason());
            case Cases.Change.Done d -> new Done(summary(d.theCase()), Optional.empty());
        };
    }

    /** Changes with any case of the ward and with any message of its open cases' conversations. */
    @Override
    public String version(String wardId) {
        return Jdbc.withConnection(dataSource, c -> {
            try (PreparedStatement q = c.prepareStatement("""
                    SELECT COUNT(*), MAX(cf.updated_at),
                           (SELECT MAX(m.id) FROM message m JOIN case_file o ON o.conversation_id = m.conversation_id
                            WHERE o.ward_id = ? AND o.status IN ('new', 'claimed', 'waiting'))
                    FROM case_file cf WHERE cf.ward_id = ?""")) {
                q.setString(1, wardId);
                q.setString(2, wardId);
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    return rs.getLong(1) + "/" + rs.getString(2) + "/" + rs.getString(3);
                }
            }
        });
    }
}
