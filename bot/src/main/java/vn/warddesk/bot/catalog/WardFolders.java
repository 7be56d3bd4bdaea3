package vn.warddesk.bot.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.warddesk.bot.ward.Ward;

/**
 * Reads the ward registry from config: {@code config/provinces/<id>/province.yaml} (values the provincial People's
 * Council sets: fees and processing times) and {@code config/wards/<id>/} (ward.yaml, office.yaml,
 * privacy-notice.yaml, procedures/&lt;id&gt;.yaml overrides), and lays them over the national procedure texts of the
 * catalog folder. A ward folder without office.yaml or privacy-notice.yaml uses the catalog folder's. Anything
 * broken is a {@link CatalogException} naming the file.
 */
final class WardFolders {
    /** What a province may set per procedure: the values its People's Council decides. */
    static final Set<String> PROVINCE_KEYS = Set.of("fee", "processing_time");

    /** province.yaml: the name and, per procedure id, the council's values (partial procedure documents). */
    record ProvinceFile(Boolean demo, Procedure.Text name, Map<String, JsonNode> procedures) {
    }

    /** ward.yaml: the province it belongs to, its names, and its sign-in policy (absent = keep the stored one). */
    record WardFile(Boolean demo, String province, Procedure.Text name, Boolean officerSecondFactor) {
    }

    /** A province folder and the values its wards are composed with (the file's, or newer ones from the database). */
    record ProvinceEntry(String id, ProvinceFile file, Map<String, JsonNode> values) {
    }

    /** The values a province's wards are composed with, given what its file says: identity without a database. */
    @FunctionalInterface
    interface ProvinceValues {
        Map<String, JsonNode> of(String provinceId, Map<String, JsonNode> fileValues);
    }

    /** One ward as configured, with its effective seed and where each field of each procedure came from. */
    record WardEntry(String id, WardFile file, Seed seed, Map<String, Map<String, String>> provenance) {
    }

    record Loaded(List<ProvinceEntry> provinces, List<WardEntry> wards) {
    }

    private final Seed.Source national;
    private final Seed nationalSeed;
    private final Map<String, JsonNode> nationalTrees = new HashMap<>();
    private final Path wardsDir;
    private final Path provincesDir;
    private final Map<String, ProvinceEntry> provinces = new LinkedHashMap<>();
    /** Procedures without ward overrides, by "province/procedure" ("/procedure" for the national text alone). */
    private final Map<String, Effective> shared = new HashMap<>();
    private final ProvinceValues provinceValues;

    private WardFolders(Seed.Source national, Path wardsDir, Path provincesDir, ProvinceValues provinceValues) {
        this.provinceValues = provinceValues;
        this.national = national;
        this.nationalSeed = Seed.load(national);
        this.wardsDir = wardsDir;
        this.provincesDir = provincesDir;
        for (String id : ProcedureIds.ALL) {
            nationalTrees.put(id, tree(national, Seed.procedureFile(id)));
        }
    }

    /** Every province and ward folder, validated. */
    static Loaded load(Seed.Source national, Path wardsDir, Path provincesDir) {
        return load(national, wardsDir, provincesDir, (id, file) -> file);
    }

    /** The same, composing the wards with each province's values as {@code provinceValues} says. */
    static Loaded load(Seed.Source national, Path wardsDir, Path provincesDir, ProvinceValues provinceValues) {
        WardFolders folders = new WardFolders(national, wardsDir, provincesDir, provinceValues);
        for (String id : subfolders(provincesDir)) {
            folders.provinces.put(id, folders.province(id));
        }
        List<WardEntry> wards = new ArrayList<>();
        for (String id : subfolders(wardsDir)) {
            wards.add(folders.ward(id));
        }
        if (wards.isEmpty()) {
            throw new CatalogException(wardsDir + ": no ward folder (config/wards/<ward-id>/ward.yaml)");
        }
        return new Loaded(List.copyOf(folders.provinces.values()), List.copyOf(wards));
    }

    /** One procedure of one ward as the files say now, for an explicit re-seed. */
    static Procedure reread(Seed.Source national, Path wardsDir, Path provincesDir, ProvinceValues provinceValues,
                            String wardId, String procedureId) {
        WardFolders folders = new WardFolders(national, wardsDir, provincesDir, provinceValues);
        WardFile file = folders.wardFile(wardId);
        folders.provinces.put(file.province(), folders.province(file.province()));
        return folders.procedure(wardId, file.province(), procedureId).procedure();
    }

    private ProvinceEntry province(String id) {
        Path dir = provincesDir.resolve(id);
        Seed.Source source = new Seed.FolderSource(dir);
        if (!Ward.isId(id)) {
            throw new CatalogException(dir + ": folder name is not a province id (a-z, 0-9 and '-')");
        }
        ProvinceFile file = Seed.read(source, "province.yaml", ProvinceFile.class, Validation::province);
        Map<String, JsonNode> values = file.procedures() == null ? Map.of() : file.procedures();
        for (Map.Entry<String, JsonNode> entry : values.entrySet()) {
            String where = source.describe("province.yaml") + ": procedures." + entry.getKey();
            if (!ProcedureIds.ALL.contains(entry.getKey())) {
                throw new CatalogException(where + ": not a known procedure id");
            }
            if (!entry.getValue().isObject()) {
                throw new CatalogException(where + ": must be a map of fields (fee, processing_time)");
            }
            entry.getValue().fieldNames().forEachRemaining(key -> {
                if (!PROVINCE_KEYS.contains(key)) {
                    throw new CatalogException(where + "." + key + ": a province sets only " + PROVINCE_KEYS
                                               + "; other fields are national text or ward overrides");
                }
            });
        }
        return new ProvinceEntry(id, file, Map.copyOf(provinceValues.of(id, values)));
    }

    private WardFile wardFile(String id) {
        Path dir = wardsDir.resolve(id);
        if (!Ward.isId(id)) {
            throw new CatalogException(dir + ": folder name is not a ward id (a-z, 0-9 and '-')");
        }
        return Seed.read(new Seed.FolderSource(dir), "ward.yaml", WardFile.class, Validation::ward);
    }

    private WardEntry ward(String id) {
        Path dir = wardsDir.resolve(id);
        Seed.Source source = new Seed.FolderSource(dir);
        WardFile file = wardFile(id);
        if (!provinces.containsKey(file.province())) {
            throw new CatalogException(source.describe("ward.yaml") + ": province '" + file.province()
                                       + "' has no folder " + provincesDir.resolve(file.province()));
        }
        Office office = source.read("office.yaml").isPresent()
                        ? Seed.read(source, "office.yaml", Office.class, Validation::office) : nationalSeed.office();
        if (!id.equals(office.wardId())) {
            throw new CatalogException((source.read("office.yaml").isPresent() ? source.describe("office.yaml")
                                        : national.describe("office.yaml")) + ": ward_id is '" + office.wardId()
                                       + "' but the ward folder is '" + id + "'");
        }
        Notice notice = source.read("privacy-notice.yaml").isPresent()
                        ? Seed.read(source, "privacy-notice.yaml", Notice.class, Validation::notice)
                        : nationalSeed.notice();
        Map<String, Procedure> procedures = new LinkedHashMap<>();
        Map<String, Map<String, String>> provenance = new LinkedHashMap<>();
        for (String procedureId : overrideFiles(dir)) {
            if (!ProcedureIds.ALL.contains(procedureId)) {
                throw new CatalogException(source.describe(Seed.procedureFile(procedureId))
                                           + ": not a known procedure id (the 15 ids of intents.tsv)");
            }
        }
        for (String procedureId : ProcedureIds.ALL) {
            Effective effective = procedure(id, file.province(), procedureId);
            procedures.put(procedureId, effective.procedure());
            provenance.put(procedureId, effective.provenance());
        }
        return new WardEntry(id, file, new Seed(java.util.Collections.unmodifiableMap(procedures), office, notice),
                             provenance);
    }

    /** One effective procedure and where each top-level field (or part of one) came from. */
    record Effective(Procedure procedure, Map<String, String> provenance) {
    }

    /** The effective procedure; objects without ward overrides are shared between wards (200 wards fit in memory). */
    private Effective procedure(String wardId, String provinceId, String procedureId) {
        Seed.Source wardSource = new Seed.FolderSource(wardsDir.resolve(wardId));
        String overrideFile = Seed.procedureFile(procedureId);
        JsonNode provinceValues = provinces.get(provinceId).values().get(procedureId);
        boolean override = wardSource.read(overrideFile).isPresent();
        String cacheKey = (provinceValues == null ? "" : provinceId) + "/" + procedureId;
        if (!override && shared.containsKey(cacheKey)) {
            return shared.get(cacheKey);
        }
        List<Layering.Layer> layers = new ArrayList<>();
        List<String> files = new ArrayList<>();
        if (provinceValues != null) {
            layers.add(new Layering.Layer("province:" + provinceId, provinceValues));
            files.add(provincesDir.resolve(provinceId).resolve("province.yaml").toString());
        }
        if (override) {
            JsonNode fields = tree(wardSource, overrideFile);
            if (fields.has("id")) {
                ((ObjectNode) fields).remove("id"); // the id is the file name; an override cannot move a procedure
            }
            layers.add(new Layering.Layer("ward:" + wardId, fields));
            files.add(wardSource.describe(overrideFile));
        }
        Layering.Merged merged = Layering.merge(nationalTrees.get(procedureId), layers);
        String where = String.join(" over ", files.reversed()) + " over " + national.describe(overrideFile);
        Procedure procedure;
        try {
            procedure = Json.YAML.treeToValue(merged.document(), Procedure.class);
        } catch (JacksonException e) {
            Json.ReadProblem problem = Json.describe(e);
            throw new CatalogException(where + ": " + problem.field() + ": " + problem.problem(), e);
        }
        List<Validation.Problem> problems = Validation.procedure(procedure, procedureId);
        if (!problems.isEmpty()) {
            throw new CatalogException(where + ": " + problems.get(0).field() + ": " + problems.get(0).problem());
        }
        Effective effective = new Effective(procedure, java.util.Collections.unmodifiableMap(merged.provenance()));
        if (!override) {
            shared.put(cacheKey, effective);
        }
        return effective;
    }

    /** The national procedure texts as trees, the bottom layer of every ward's content. */
    static Map<String, JsonNode> nationalTrees(Seed.Source national) {
        Map<String, JsonNode> trees = new HashMap<>();
        for (String id : ProcedureIds.ALL) {
            trees.put(id, tree(national, Seed.procedureFile(id)));
        }
        return Map.copyOf(trees);
    }

    private static JsonNode tree(Seed.Source source, String relative) {
        String text = source.read(relative).orElseThrow(() -> new CatalogException(source.describe(relative)
                                                                                     + ": file is missing"));
        try {
            JsonNode node = Json.YAML.readTree(text);
            if (node == null || !node.isObject()) {
                throw new CatalogException(source.describe(relative) + ": must be a map of fields");
            }
            return node;
        } catch (JacksonException e) {
            throw new CatalogException(source.describe(relative) + ": " + Json.describe(e).problem(), e);
        }
    }

    private static List<String> overrideFiles(Path wardDir) {
        Path folder = wardDir.resolve("procedures");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - ".yaml".length())).sorted().toList();
        } catch (IOException e) {
            throw new CatalogException(folder + ": cannot list the folder: " + e.getMessage(), e);
        }
    }

    private static List<String> subfolders(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new CatalogException(dir + ": folder is missing");
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new CatalogException(dir + ": cannot list the folder: " + e.getMessage(), e);
        }
    }
}
