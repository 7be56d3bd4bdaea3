package vn.warddesk.bot.staff;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An in-memory stand-in for the engine's cases, used to test the staff layer on its own (sessions, roles, CSRF,
 * audit, notes, the live stream, the UI). The ward rules of the real cases are tested against the engine.
 */
final class FakeCaseDesk implements CaseDesk {
    private final Map<String, Entry> cases = new ConcurrentHashMap<>();
    private final Clock clock;
    private final AtomicLong version = new AtomicLong();
    private final AtomicLong seq = new AtomicLong();

    FakeCaseDesk(Clock clock) {
        this.clock = clock;
    }

    static final class Entry {
        final String ward;
        final String code;
        final String procedure;
        final String channel;
        volatile String status = "new";
        volatile String claimedBy;
        volatile String outcome;
        final Instant createdAt;
        volatile Instant updatedAt;
        final Map<String, String> fields;
        final List<Message> transcript = new ArrayList<>();
        final List<Delivery> deliveries = new ArrayList<>();

        Entry(String ward, String code, String procedure, String channel, Instant at, Map<String, String> fields) {
            this.ward = ward;
            this.code = code;
            this.procedure = procedure;
            this.channel = channel;
            this.createdAt = at;
            this.updatedAt = at;
            this.fields = fields;
        }
    }

    Entry add(String ward, String code, String procedure, String channel, Map<String, String> fields, String citizenText) {
        Entry e = new Entry(ward, code, procedure, channel, clock.instant(), new LinkedHashMap<>(fields));
        e.transcript.add(new Message(seq.incrementAndGet(), "in", "citizen", Optional.of(citizenText), Optional.empty(), clock.instant()));
        cases.put(code, e);
        version.incrementAndGet();
        return e;
    }

    void citizenWrites(String code, String text) {
        Entry e = cases.get(code);
        e.transcript.add(new Message(seq.incrementAndGet(), "in", "citizen", Optional.of(text), Optional.empty(), clock.instant()));
        touch(e);
    }

    void withdraw(String code) {
        Entry e = cases.get(code);
        e.status = "withdrawn";
        touch(e);
    }

    Entry get(String code) {
        return cases.get(code);
    }

    private void touch(Entry e) {
        e.updatedAt = clock.instant();
        version.incrementAndGet();
    }

    private Optional<Entry> find(String ward, String code) {
        return Optional.ofNullable(cases.get(code)).filter(e -> e.ward.equals(ward));
    }

    private static Summary summary(Entry e) {
        return new Summary(e.code, e.procedure, "Thủ tục " + e.procedure, e.channel, e.status, Optional.ofNullable(e.claimedBy),
                           e.createdAt, e.updatedAt, Optional.empty());
    }

    @Override
    public List<Summary> list(String wardId, Query query) {
        return cases.values().stream()
                .filter(e -> e.ward.equals(wardId))
                .filter(e -> query.status().map(e.status::equals).orElse(true))
                .filter(e -> query.procedure().map(e.procedure::equals).orElse(true))
                .filter(e -> query.channel().map(e.channel::equals).orElse(true))
                .filter(e -> query.olderThan().map(t -> e.createdAt.isBefore(t)).orElse(true))
                .sorted(Comparator.comparing((Entry e) -> e.createdAt))
                .map(FakeCaseDesk::summary).toList();
    }

    @Override
    public Optional<Detail> detail(String wardId, String code) {
        return find(wardId, code).map(e -> new Detail(summary(e), "conv-" + e.code, e.fields, Optional.empty(),
                                                      List.copyOf(e.transcript), List.copyOf(e.deliveries),
                                                      Optional.ofNullable(e.outcome)));
    }

    @Override
    public synchronized Optional<Change> claim(String wardId, String code, String officer) {
        return find(wardId, code).map(e -> {
            if (!"new".equals(e.status)) {
                return new Refused("This case is already " + e.status + ".");
            }
            e.status = "claimed";
            e.claimedBy = officer;
            touch(e);
            return new Done(summary(e), Optional.empty());
        });
    }

    @Override
    public synchronized Optional<Change> assign(String wardId, String code, String officer) {
        return find(wardId, code).map(e -> {
            if ("resolved".equals(e.status) || "withdrawn".equals(e.status)) {
                return new Refused("This case is " + e.status + ".");
            }
            e.status = "claimed";
            e.claimedBy = officer;
            touch(e);
            return new Done(summary(e), Optional.empty());
        });
    }

    @Override
    public synchronized Optional<Change> reply(String wardId, String code, String officer, String text) {
        return find(wardId, code).map(e -> {
            if (!"claimed".equals(e.status) && !"waiting".equals(e.status)) {
                return new Refused("Claim the case before replying.");
            }
            Message m = new Message(seq.incrementAndGet(), "out", "staff", Optional.of(text), Optional.empty(), clock.instant());
            e.transcript.add(m);
            Delivery d = new Delivery(m.seq(), "queued", Optional.empty());
            e.deliveries.add(d);
            e.status = "waiting";
            touch(e);
            return new Done(summary(e), Optional.of(d));
        });
    }

    @Override
    public synchronized Optional<Change> handBack(String wardId, String code, String officer) {
        return find(wardId, code).map(e -> {
            if ("withdrawn".equals(e.status) || "resolved".equals(e.status)) {
                return new Refused("This case is " + e.status + ".");
            }
            e.status = "new";
            e.claimedBy = null;
            touch(e);
            return new Done(summary(e), Optional.empty());
        });
    }

    @Override
    public synchronized Optional<Change> resolve(String wardId, String code, String officer, String outcome) {
        return find(wardId, code).map(e -> {
            if ("withdrawn".equals(e.status) || "resolved".equals(e.status)) {
                return new Refused("This case is " + e.status + ".");
            }
            e.status = "resolved";
            e.outcome = outcome;
            touch(e);
            return new Done(summary(e), Optional.empty());
        });
    }

    @Override
    public String version(String wardId) {
        return Long.toString(version.get());
    }
}
