package vn.warddesk.bot.catalog;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.warddesk.bot.store.Jdbc;

/**
 * The province layer in the database: per province and procedure, the values its People's Council sets (fee,
 * processing_time), versioned like procedure content. The province.yaml values are version 1; a province admin's
 * edit is a new version, validated with the seed rules over the national text and over every ward of the province,
 * and applied to those wards' live content in the same transaction — a field a ward set itself (its override file or
 * an editor's edit) is kept: the ward's own value wins over the province's.
 */
public final class ProvinceLayer {
    private static final System.Logger LOGGER = System.getLogger(ProvinceLayer.class.getName());

    /** The live values of one procedure in one province, with the national text they lie over. */
    public record View(String provinceId, String procedureId, int version, JsonNode values, JsonNode effective,
                       List<String> wards) {
    }

    /** One version in the history (content only when asked for one version). */
    public record Version(int version, String author, Instant createdAt, JsonNode values, JsonNode changes) {
    }

    /** A saved edit: the new version (or unchanged), which wards took the new values and which kept their own. */
    public record Saved(int version, boolean unchanged, boolean conflict, List<String> changedPaths,
                        List<String> wardsUpdated, List<String> wardsKeepingOwn) {
    }

    /** The edit breaks a rule (on its own or in a ward): nothing was stored. */
    public static final class Refused extends RuntimeException {
        private final transient List<Validation.Problem> problems;

        Refused(List<Validation.Problem> problems) {
            super(problems.size() + " problem(s)");
            this.problems = List.copyOf(problems);
        }

        /** field → problem, in the catalog's words. */
        public List<Map<String, String>> problems() {
            return problems.stream().map(p -> Map.of("field", p.field(), "problem", p.problem())).toList();
        }
    }

    private final DataSource dataSource;
    private final Clock clock;
    private final Map<String, JsonNode> nationalTrees;
    private volatile Map<String, CatalogStore> stores = Map.of();
    private volatile Map<String, String> provinceOfWard = Map.of();

    ProvinceLayer(DataSource dataSource, Clock clock, Map<String, JsonNode> nationalTrees) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.nationalTrees = nationalTrees;
    }

    /** The wards' catalogs the edits apply to, once they are loaded. */
    void serve(Map<String, CatalogStore> byWard, Map<String, String> provinceOfWard) {
        this.stores = Map.copyOf(byWard);
        this.provinceOfWard = Map.copyOf(provinceOfWard);
    }

    /**
     * Stores the file's values as version 1 of every procedure that has no version yet, and returns the newest values
     * per procedure (what the wards' content is composed from).
     */
    Map<String, JsonNode> seedAndNewest(String provinceId, Map<String, JsonNode> fileValues) {
        return Jdbc.inTransaction(dataSource, c -> {
            Map<String, JsonNode> newest = new LinkedHashMap<>();
            for (String procedureId : ProcedureIds.ALL) {
                JsonNode file = fileValues.getOrDefault(procedureId, JsonNodeFactory.instance.objectNode());
                ProvinceVersions.insert(c, provinceId, new ProvinceVersions.Row(procedureId, 1, file.toString(), "seed",
                                                                                 clock.instant(), "[]"), true);
                JsonNode values = ProvinceVersions.newest(c, provinceId, procedureId, false)
                        .map(r -> CatalogStore.readTree(r.content())).orElse(file);
                if (values.size() > 0) {
                    newest.put(procedureId, values);
                }
            }
            return newest;
        });
    }

    /** Whether this deployment has content for wards of that province. */
    public boolean serves(String provinceId) {
        return provinceOfWard.containsValue(provinceId);
    }

    public Optional<View> view(String provinceId, String procedureId) {
        if (!ProcedureIds.ALL.contains(procedureId) || !serves(provinceId)) {
            return Optional.empty();
        }
        Optional<ProvinceVersions.Row> row = Jdbc.withConnection(dataSource,
                                                                  c -> ProvinceVersions.newest(c, provinceId, procedureId, false));
        JsonNode values = row.map(r -> CatalogStore.readTree(r.content())).orElse(JsonNodeFactory.instance.objectNode());
        JsonNode effective = Layering.merge(nationalTrees.get(procedureId), ProvinceTrees.layers(provinceId, values)).document();
        return Optional.of(new View(provinceId, procedureId, row.map(ProvinceVersions.Row::version).orElse(0), values,
                                    effective, wardsOf(provinceId)));
    }

    public List<Version> history(String provinceId, String procedureId) {
        if (!ProcedureIds.ALL.contains(procedureId) || !serves(provinceId)) {
            return List.of();
        }
        return Jdbc.withConnection(dataSource, c -> ProvinceVersions.history(c, provinceId, procedureId)).stream()
                .map(r -> new Version(r.version(), r.author(), r.createdAt(), CatalogStore.readTree(r.content()),
                                      CatalogStore.readTree(r.changes())))
                .toList();
    }

    /**
     * Validates and stores new values for one procedure of a province and lays them over its wards' live content,
     * all in one transaction; then the wards' catalogs on this instance reload at once (others within
     * {@code catalog.refresh-interval}).
     *
     * @param basedOn the version the editor started from (If-Match); empty to overwrite whatever is newest
     * @throws Refused the values break a rule on the national text or in one of the wards
     */
    public Saved save(String provinceId, String procedureId, JsonNode values, String author, Optional<Integer> basedOn) {
        JsonNode clean = check(provinceId, procedureId, values);
        Saved saved = Jdbc.inTransaction(dataSource, c -> apply(c, provinceId, procedureId, clean, author, basedOn));
        if (!saved.unchanged() && !saved.conflict()) {
            for (String ward : saved.wardsUpdated()) {
                stores.get(ward).refresh();
            }
            LOGGER.log(System.Logger.Level.INFO, "province " + provinceId + ": " + procedureId + " version "
                    + saved.version() + " stored, " + saved.wardsUpdated().size() + " ward(s) updated, "
                    + saved.wardsKeepingOwn().size() + " keep their own value");
        }
        return saved;
    }

    /** Only the province's fields, as an object, and valid over the national text. */
    private JsonNode check(String provinceId, String procedureId, JsonNode values) {
        if (values == null || !values.isObject()) {
            throw new Refused(List.of(new Validation.Problem("$", "must be an object of fields "
                                                                   + WardFolders.PROVINCE_KEYS)));
        }
        List<Validation.Problem> problems = new ArrayList<>();
        values.fieldNames().forEachRemaining(key -> {
            if (!WardFolders.PROVINCE_KEYS.contains(key)) {
                problems.add(new Validation.Problem(key, "a province sets only " + WardFolders.PROVINCE_KEYS));
            }
        });
        if (!problems.isEmpty()) {
            throw new Refused(problems);
        }
        JsonNode clean = CatalogStore.readTree(values.toString());
        problems.addAll(ProvinceTrees.problems(Layering.merge(nationalTrees.get(procedureId),
                                                                   ProvinceTrees.layers(provinceId, clean)).document(),
                                 procedureId));
        if (!problems.isEmpty()) {
            throw new Refused(problems);
        }
        return clean;
    }

    private Saved apply(Connection c, String provinceId, String procedureId, JsonNode values, String author,
                        Optional<Integer> basedOn) throws SQLException {
        Optional<ProvinceVersions.Row> newest = ProvinceVersions.newest(c, provinceId, procedureId, true);
        int current = newest.map(ProvinceVersions.Row::version).orElse(0);
        if (basedOn.isPresent() && basedOn.get() != current) {
            return new Saved(current, false, true, List.of(), List.of(), List.of());
        }
        JsonNode before = newest.map(r -> CatalogStore.readTree(r.content())).orElse(JsonNodeFactory.instance.objectNode());
        List<JsonDiff.Change> changes = JsonDiff.between(before, values);
        if (changes.isEmpty()) {
            return new Saved(current, true, false, List.of(), List.of(), List.of());
        }
        Instant now = clock.instant();
        ProvinceVersions.insert(c, provinceId, new ProvinceVersions.Row(procedureId, current + 1, values.toString(),
                                                                         author, now, JsonDiff.toJson(changes).toString()),
                                false);
        JsonNode oldBase = base(provinceId, procedureId, before);
        JsonNode newBase = base(provinceId, procedureId, values);
        List<String> updated = new ArrayList<>();
        List<String> keeping = new ArrayList<>();
        List<Validation.Problem> problems = new ArrayList<>();
        for (String ward : wardsOf(provinceId)) {
            VersionStore.lockProcedure(c, ward, procedureId);
            Optional<VersionStore.Row> live = VersionStore.newestForUpdate(c, ward, procedureId);
            if (live.isEmpty()) {
                continue;
            }
            JsonNode liveTree = CatalogStore.readTree(live.get().content());
            ObjectNode next = liveTree.deepCopy();
            boolean ownValue = false;
            for (String key : WardFolders.PROVINCE_KEYS) {
                ownValue |= ProvinceTrees.follow(next, key, oldBase.get(key), newBase.get(key));
            }
            if (ownValue) {
                keeping.add(ward);
            }
            List<JsonDiff.Change> wardChanges = JsonDiff.between(liveTree, next);
            if (wardChanges.isEmpty()) {
                continue;
            }
            for (Validation.Problem problem : ProvinceTrees.problems(next, procedureId)) {
                problems.add(new Validation.Problem(problem.field(), "ward " + ward + ": " + problem.problem()));
            }
            VersionStore.insert(c, ward, new VersionStore.Row(procedureId, live.get().version() + 1, next.toString(),
                                                               author + " (province " + provinceId + ")", now,
                                                               JsonDiff.toJson(wardChanges).toString(), null));
            updated.add(ward);
        }
        if (!problems.isEmpty()) {
            throw new Refused(problems); // rolls the whole edit back: no ward is left half-updated
        }
        return new Saved(current + 1, false, false, changes.stream().map(JsonDiff.Change::path).toList(), updated,
                         keeping);
    }

    /** National text ← these province values, as the catalog stores a procedure. */
    JsonNode base(String provinceId, String procedureId, JsonNode values) {
        return ProvinceTrees.normalized(Layering.merge(nationalTrees.get(procedureId),
                                                       ProvinceTrees.layers(provinceId, values)).document());
    }

    /** The province a ward of this deployment belongs to. */
    Optional<String> provinceOf(String wardId) {
        return Optional.ofNullable(provinceOfWard.get(wardId));
    }

    /** The province's newest values for one procedure (empty object when it sets none). */
    JsonNode currentValues(String provinceId, String procedureId) {
        return Jdbc.withConnection(dataSource, c -> ProvinceVersions.newest(c, provinceId, procedureId, false))
                .map(r -> CatalogStore.readTree(r.content())).orElse(JsonNodeFactory.instance.objectNode());
    }

    private List<String> wardsOf(String provinceId) {
        return provinceOfWard.entrySet().stream().filter(e -> e.getValue().equals(provinceId)).map(Map.Entry::getKey)
                .filter(stores::containsKey).sorted().toList();
    }
}
