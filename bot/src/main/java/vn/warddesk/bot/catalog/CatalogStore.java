package vn.warddesk.bot.catalog;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;

import vn.warddesk.bot.store.Jdbc;
import vn.warddesk.bot.store.StoreException;

/**
 * The live catalog: seed files validated at start-up, procedures served from their newest version in the database.
 * Edits go through {@link #save}; every instance notices a new version within {@code catalog.refresh-interval}
 * (the instance that saved it at once).
 */
public final class CatalogStore implements Catalog {
    private static final System.Logger LOGGER = System.getLogger(CatalogStore.class.getName());

    /** A procedure as citizens see it now, with the version it came from. */
    record Live(Procedure procedure, int version) {
    }

    private record Snapshot(String stamp, Map<String, Live> procedures) {
    }

    private final DataSource dataSource;
    private final Clock clock;
    private final String wardId;
    private final java.util.function.Function<String, Procedure> seedFiles;
    private final Map<String, Map<String, String>> provenance;
    /** The ward's current version stamp from the database (shared by all wards when there are many). */
    private final java.util.function.UnaryOperator<String> stamps;
    private final Seed seed;
    private final OfficeHours hours;
    private final java.util.Map<Lang, List<Holiday>> holidays;
    private final long refreshNanos;
    private final Freshness.Settings freshness;
    private volatile Snapshot snapshot;
    private volatile FieldOrigins fieldOrigins;
    private volatile long lastCheck;

    private CatalogStore(DataSource dataSource, Clock clock, String wardId, Seed seed,
                         java.util.function.Function<String, Procedure> seedFiles,
                         Map<String, Map<String, String>> provenance, java.util.function.UnaryOperator<String> stamps,
                         Duration refresh, Freshness.Settings freshness) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.wardId = wardId;
        this.seed = seed;
        this.seedFiles = seedFiles;
        this.provenance = provenance;
        this.stamps = stamps == null ? ward -> Jdbc.withConnection(dataSource, c -> VersionStore.stamp(c, ward)) : stamps;
        this.hours = new OfficeHours(seed.office());
        this.holidays = holidaysByLang(seed.office());
        this.refreshNanos = refresh.toNanos();
        this.freshness = freshness;
    }

    /**
     * Reads and validates the seed folder ({@code dir}, default config/catalog; the packaged copy when that folder
     * does not exist), stores version 1 of every procedure the database does not have yet, and loads the live view.
     *
     * @throws CatalogException a seed file is broken: the message names the file, the line and the problem
     */
    public static CatalogStore load(CatalogSettings settings, DataSource dataSource, Clock clock) {
        Seed.Source source = Seed.source(settings.dir());
        Seed seed = Seed.load(source);
        CatalogStore store = ofWard(settings, dataSource, clock, seed, id -> Seed.procedure(source, id), Map.of(), null);
        store.warnIfStale();
        CatalogMetrics.watch(store);
        return store;
    }

    /**
     * The catalog of one ward ({@code seed.office().wardId()}) from its effective seed: stores version 1 of every
     * procedure the database does not have yet for that ward, and loads the live view.
     *
     * @param seedFiles re-reads one procedure's seed from the files, for an explicit re-seed
     * @param provenance per procedure, where each field of the seed came from (empty: all national)
     * @param stamps the ward's version stamp ({@link VersionStore#stamp}); null = one query per look
     */
    static CatalogStore ofWard(CatalogSettings settings, DataSource dataSource, Clock clock, Seed seed,
                               java.util.function.Function<String, Procedure> seedFiles,
                               Map<String, Map<String, String>> provenance,
                               java.util.function.UnaryOperator<String> stamps) {
        CatalogStore store = new CatalogStore(dataSource, clock, seed.office().wardId(), seed, seedFiles, provenance,
                                              stamps, settings.refreshInterval(), settings.freshness());
        store.storeMissingSeeds();
        store.reload();
        return store;
    }

    /** The ward this catalog belongs to. */
    String wardId() {
        return wardId;
    }

    /** Where each field of a procedure's seed came from ("national", "province:&lt;id&gt;", "ward:&lt;id&gt;"). */
    Map<String, String> provenance(String procedureId) {
        return provenance.getOrDefault(procedureId, Map.of());
    }

    /**
     * Where each field of the live procedure comes from: with a province layer, worked out from the live content
     * (the province's current values, what the ward changed itself); else the seed's provenance.
     */
    Map<String, String> provenance(String procedureId, Procedure live) {
        FieldOrigins origins = fieldOrigins;
        if (origins != null) {
            try {
                Map<String, String> computed = origins.of(wardId, procedureId, live);
                if (!computed.isEmpty()) {
                    return computed;
                }
            } catch (StoreException e) {
                LOGGER.log(System.Logger.Level.WARNING, "catalog " + wardId + ": provenance from the seed: " + e.getMessage());
            }
        }
        return provenance(procedureId);
    }

    /** Works out field origins over the province layer this ward's content is composed with (many-ward layout only). */
    void provenanceFrom(FieldOrigins origins) {
        this.fieldOrigins = origins;
    }

    /** Re-reads the live view now (a province edit just stored new versions of this ward). */
    void refresh() {
        reload();
    }

    /** Makes the freshness gauges read this catalog (the default ward's). */
    void watchMetrics() {
        CatalogMetrics.watch(this);
    }

    /** Logs the procedures an editor must look at, once at start-up. */
    void warnIfStaleAtStart() {
        warnIfStale();
    }

    /** One log line at start-up naming the procedures an editor must look at (ids and reasons only). */
    private void warnIfStale() {
        Freshness.Report report = freshness();
        if (!report.problems().isEmpty()) {
            LOGGER.log(System.Logger.Level.WARNING, "catalog " + wardId + ": " + report.needingAction().size()
                    + " procedure(s) need an editor (./warddesk content check): " + String.join("; ", report.problems()
                    .stream().map(f -> f.procedureId() + " " + f.kind().name().toLowerCase(Locale.ROOT) + " " + f.subject())
                    .toList()));
        }
        if (!report.withKind(Freshness.Kind.CHANGE_AHEAD).isEmpty()) {
            LOGGER.log(System.Logger.Level.INFO, "catalog: scheduled legal changes affect "
                    + String.join(", ", report.withKind(Freshness.Kind.CHANGE_AHEAD)) + " (./warddesk content check)");
        }
    }

    /** The freshness rules over the live content (what citizens see now), as of today in the office's zone. */
    Freshness.Report freshness() {
        Map<String, Procedure> live = new LinkedHashMap<>();
        current().procedures().forEach((id, l) -> live.put(id, l.procedure()));
        return Freshness.check(live, today(), freshness);
    }

    java.time.LocalDate today() {
        return java.time.LocalDate.now(clock.withZone(hours.zone()));
    }

    private void storeMissingSeeds() {
        int stored = Jdbc.inTransaction(dataSource, c -> {
            int count = 0;
            for (Map.Entry<String, Procedure> entry : seed.procedures().entrySet()) {
                String content = Json.CONTENT.valueToTree(entry.getValue()).toString();
                if (VersionStore.insertFirst(c, wardId, new VersionStore.Row(entry.getKey(), 1, content, "seed", clock.instant(),
                                                                      "[]", null))) {
                    count++;
                }
            }
            return count;
        });
        if (stored > 0) {
            LOGGER.log(System.Logger.Level.INFO, "catalog " + wardId + ": stored " + stored
                                                + " procedure(s) from the seed files as version 1");
        }
    }

    private void reload() {
        Snapshot fresh = Jdbc.withConnection(dataSource, c -> {
            String stamp = VersionStore.stamp(c, wardId);
            Map<String, VersionStore.Row> rows = VersionStore.newestOfEach(c, wardId);
            Map<String, Live> live = new LinkedHashMap<>();
            for (String id : ProcedureIds.ALL) {
                VersionStore.Row row = rows.get(id);
                live.put(id, row == null ? new Live(seed.procedures().get(id), 0) : fromRow(row));
            }
            return new Snapshot(stamp, java.util.Collections.unmodifiableMap(live));
        });
        snapshot = fresh;
        lastCheck = System.nanoTime();
    }

    private Live fromRow(VersionStore.Row row) {
        Procedure seeded = seed.procedures().get(row.procedureId());
        if (seeded != null && row.content().equals(Json.CONTENT.valueToTree(seeded).toString())) {
            // Unedited: share the seed's object (often shared by every ward of a province) instead of a copy per ward.
            return new Live(seeded, row.version());
        }
        try {
            Procedure procedure = Json.CONTENT.readValue(row.content(), Procedure.class);
            if (Validation.procedure(procedure, row.procedureId()).isEmpty()) {
                return new Live(procedure, row.version());
            }
        } catch (JacksonException e) {
            // fall through: a stored version that no longer binds must not take the catalog down
        }
        LOGGER.log(System.Logger.Level.WARNING, "catalog: stored version " + row.version() + " of " + row.procedureId()
                                                + " is not valid any more; serving the seed file instead");
        return new Live(seed.procedures().get(row.procedureId()), row.version());
    }

    /** The live view, re-read when another instance (or anyone) stored a version since the last look. */
    private Snapshot current() {
        long now = System.nanoTime();
        if (now - lastCheck >= refreshNanos) {
            lastCheck = now;
            try {
                String stamp = stamps.apply(wardId);
                if (!stamp.equals(snapshot.stamp())) {
                    reload();
                }
            } catch (StoreException e) {
                // Citizens keep getting the last known content while the database is away.
                LOGGER.log(System.Logger.Level.WARNING, "catalog: cannot check for new versions: " + e.getMessage());
            }
        }
        return snapshot;
    }

    Optional<Live> live(String procedureId) {
        return Optional.ofNullable(current().procedures().get(procedureId));
    }

    Seed seed() {
        return seed;
    }

    OfficeHours hours() {
        return hours;
    }

    Clock clock() {
        return clock;
    }

    /** Outcome of storing a version; {@code conflict} when the newest version was not the one the editor started from. */
    record Saved(int version, List<JsonDiff.Change> changes, boolean unchanged, boolean conflict) {
    }

    /**
     * Stores a validated procedure as the next version (or does nothing if it equals the newest one and is not a
     * rollback), then updates this instance's live view.
     *
     * @param basedOn the version the editor started from (If-Match); empty to overwrite whatever is newest
     */
    Saved save(Procedure procedure, String author, Integer rollbackOf, Optional<Integer> basedOn) {
        // Through text, so that numbers have the same node types as versions read back from the database.
        JsonNode content = readTree(Json.CONTENT.valueToTree(procedure).toString());
        Saved saved = null;
        for (int attempt = 1; saved == null; attempt++) {
            try {
                saved = Jdbc.inTransaction(dataSource, c -> append(c, procedure.id(), content, author, rollbackOf,
                                                                    basedOn));
            } catch (StoreException e) {
                // Two editors saving the same procedure at once: the loser of the race (duplicate version number or
                // a deadlock victim) simply tries again on top of the winner's version.
                boolean race = e.getCause() instanceof java.sql.SQLIntegrityConstraintViolationException
                               || e.getCause() instanceof java.sql.SQLTransactionRollbackException;
                if (!race || attempt >= 5) {
                    throw e;
                }
                try {
                    Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(5, 50L * attempt));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
        if (!saved.unchanged() && !saved.conflict()) {
            LOGGER.log(System.Logger.Level.INFO, "catalog " + wardId + ": " + procedure.id() + " version " + saved.version() + " stored, "
                                                 + saved.changes().size() + " change(s)"
                                                 + (rollbackOf == null ? "" : ", rollback to " + rollbackOf));
        }
        reload();
        return saved;
    }

    private Saved append(java.sql.Connection c, String id, JsonNode content, String author, Integer rollbackOf,
                         Optional<Integer> basedOn) throws java.sql.SQLException {
        VersionStore.lockProcedure(c, wardId, id);
        Optional<VersionStore.Row> newest = VersionStore.newestForUpdate(c, wardId, id);
        int current = newest.map(VersionStore.Row::version).orElse(0);
        if (basedOn.isPresent() && basedOn.get() != current) {
            return new Saved(current, List.of(), false, true);
        }
        JsonNode before = newest.map(r -> readTree(r.content())).orElse(null);
        List<JsonDiff.Change> changes = JsonDiff.between(before, content);
        if (changes.isEmpty() && rollbackOf == null) {
            return new Saved(current, changes, true, false);
        }
        VersionStore.insert(c, wardId, new VersionStore.Row(id, current + 1, content.toString(), author, clock.instant(),
                                                     JsonDiff.toJson(changes).toString(), rollbackOf));
        return new Saved(current + 1, changes, false, false);
    }

    List<VersionStore.Row> history(String procedureId) {
        return Jdbc.withConnection(dataSource, c -> VersionStore.history(c, wardId, procedureId));
    }

    Optional<VersionStore.Row> version(String procedureId, int version) {
        return Jdbc.withConnection(dataSource, c -> VersionStore.version(c, wardId, procedureId, version));
    }

    /** The seed file as it is on disk now (validated), for an explicit re-seed. */
    Procedure seedFile(String procedureId) {
        return seedFiles.apply(procedureId);
    }

    static JsonNode readTree(String json) {
        try {
            return Json.CONTENT.readTree(json);
        } catch (JacksonException e) {
            throw new StoreException("catalog: a stored version is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    // ---- Catalog ----

    @Override
    public List<ProcedureSummary> procedures(Lang lang) {
        return current().procedures().values().stream()
                .map(Live::procedure)
                .map(p -> new ProcedureSummary(p.id(), p.name().in(lang), p.summary().in(lang), p.icon()))
                .toList();
    }

    @Override
    public boolean knows(String procedureId) {
        return procedureId != null && ProcedureIds.ALL.contains(procedureId);
    }

    @Override
    public Optional<Answer> answer(String procedureId, String aspect, Lang lang) {
        if (!knows(procedureId) || !ASPECTS.contains(aspect)) {
            return Optional.empty();
        }
        return live(procedureId).map(l -> Answers.answer(l.procedure(), aspect, lang, seed.office()));
    }

    @Override
    public boolean handledByWardOffice(String procedureId) {
        // "UBND xã/phường", "Chủ tịch UBND …", "UBND … và Văn phòng đăng ký đất đai": the committee receives the file
        return !knows(procedureId) || live(procedureId).map(l -> l.procedure().authority())
                .map(a -> a.vi() == null || a.vi().contains("UBND")).orElse(true);
    }

    @Override
    public List<IntakeField> intakeFields(String procedureId, Lang lang) {
        if (!knows(procedureId)) {
            return List.of();
        }
        return live(procedureId).map(l -> l.procedure().intake().stream()
                .map(f -> new IntakeField(f.name(), FieldType.valueOf(f.type().toUpperCase(Locale.ROOT)),
                                          Boolean.TRUE.equals(f.required()), f.maxLength(), f.question().in(lang),
                                          f.purpose().in(lang),
                                          f.choices() == null ? List.of() : f.choices().stream()
                                                  .map(c -> choice(c, lang)).toList()))
                .toList()).orElse(List.of());
    }

    /** An option in the citizen's language, with every word it may be typed as, in both languages. */
    private static Choice choice(Procedure.Choice c, Lang lang) {
        List<String> words = new ArrayList<>(List.of(c.label().vi(), c.label().en()));
        if (c.words() != null) {
            for (String list : new String[] {c.words().vi(), c.words().en()}) {
                if (list != null) {
                    Arrays.stream(list.split(",")).map(String::strip).filter(w -> !w.isEmpty())
                            .forEach(words::add);
                }
            }
        }
        return new Choice(c.value(), c.label().in(lang), List.copyOf(words));
    }

    @Override
    public PrivacyNotice privacyNotice(Lang lang) {
        Notice notice = seed.notice();
        return new PrivacyNotice(notice.version(), notice.shortText().in(lang), notice.full().in(lang));
    }

    @Override
    public boolean openOn(java.time.LocalDate date) {
        return hours.openOn(date);
    }

    @Override
    public Answer officeHours(Lang lang, ZonedDateTime now) {
        OfficeHours.Status status = hours.status(lang, now);
        return new Answer(status.text(), hours.weekly(lang), List.of(
                new FollowUp(lang == Lang.EN ? "Address" : "Địa chỉ", "location"),
                new FollowUp(lang == Lang.EN ? "Talk to staff" : "Gặp cán bộ", "staff")));
    }

    @Override
    public List<Holiday> holidays(Lang lang) {
        return holidays.get(lang);
    }

    /** The office's holidays by date in one language (sorted once: every office-hours answer reads them). */
    private static java.util.Map<Lang, List<Holiday>> holidaysByLang(Office office) {
        java.util.Map<Lang, List<Holiday>> byLang = new java.util.EnumMap<>(Lang.class);
        for (Lang lang : Lang.values()) {
            byLang.put(lang, office.holidays() == null ? List.of() : office.holidays().stream()
                    .sorted(java.util.Comparator.comparing(Office.Holiday::date))
                    .map(h -> new Holiday(h.date(), h.name().in(lang))).toList());
        }
        return byLang;
    }

    @Override
    public Answer officeLocation(Lang lang) {
        Office office = seed.office();
        String text = lang == Lang.EN
                ? office.name().en() + ": " + office.desk().en() + ", " + office.address().en() + ". Phone: " + office.phone() + "."
                : office.name().vi() + ": " + office.desk().vi() + ", " + office.address().vi() + ". Điện thoại: " + office.phone() + ".";
        return new Answer(text, List.of((lang == Lang.EN ? "Map: " : "Bản đồ: ") + office.mapUrl()), List.of(
                new FollowUp(lang == Lang.EN ? "Opening hours" : "Giờ làm việc", "hours"),
                new FollowUp(lang == Lang.EN ? "Talk to staff" : "Gặp cán bộ", "staff")));
    }

    @Override
    public String officeName(Lang lang) {
        return seed.office().name().in(lang);
    }

    @Override
    public OfficeInfo office() {
        Office office = seed.office();
        return new OfficeInfo(office.wardId(), office.caseCodePrefix(), hours.zone(), Boolean.TRUE.equals(office.demo()),
                              office.name().vi());
    }
}
