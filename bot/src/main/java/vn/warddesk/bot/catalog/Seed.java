package vn.warddesk.bot.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * The ward's seed content read from a folder (config/catalog, or the copy packaged in the jar): every procedure
 * file, the office and the privacy notice, bound and validated. Anything broken is a {@link CatalogException}
 * naming the file, the line and the problem.
 */
record Seed(Map<String, Procedure> procedures, Office office, Notice notice) {
    static final String PACKAGED = "warddesk-config/catalog/";

    /** Where seed files come from: a folder on disk, or the packaged copy when the folder does not exist. */
    interface Source {
        /** The procedure ids that have a file (a folder may hold files for ids that do not exist). */
        List<String> procedureFiles();

        Optional<String> read(String relative);

        String describe(String relative);
    }

    static final String DEFAULT_DIR = "config/catalog";

    /**
     * The folder if it exists; for the default folder only, the packaged copy when WardDesk does not run from the
     * repository (an explicitly configured folder that is missing is an error, not a silent fallback).
     */
    static Source source(Path dir) {
        if (Files.isDirectory(dir)) {
            return new FolderSource(dir);
        }
        if (dir.equals(Path.of(DEFAULT_DIR)) && Seed.class.getClassLoader().getResource(PACKAGED + "office.yaml") != null) {
            return new PackagedSource();
        }
        throw new CatalogException("catalog folder " + dir.toAbsolutePath()
                                   + " does not exist (catalog.dir in application.yaml, or WARDDESK_CATALOG_DIR)");
    }

    static Seed load(Source source) {
        List<String> files = source.procedureFiles();
        for (String id : files) {
            if (!ProcedureIds.ALL.contains(id)) {
                throw new CatalogException(source.describe(procedureFile(id)) + ": '" + id
                                           + "' is not a known procedure id (known: the 15 ids of intents.tsv)");
            }
        }
        List<String> missing = ProcedureIds.ALL.stream().filter(id -> !files.contains(id)).toList();
        if (!missing.isEmpty()) {
            throw new CatalogException(source.describe("procedures/") + ": no file for procedure(s) "
                                       + String.join(", ", missing) + " (expected procedures/<id>.yaml for each)");
        }
        Map<String, Procedure> procedures = new LinkedHashMap<>();
        for (String id : ProcedureIds.ALL) {
            procedures.put(id, procedure(source, id));
        }
        Office office = read(source, "office.yaml", Office.class, Validation::office);
        Notice notice = read(source, "privacy-notice.yaml", Notice.class, Validation::notice);
        return new Seed(java.util.Collections.unmodifiableMap(procedures), office, notice);
    }

    static Procedure procedure(Source source, String id) {
        return read(source, procedureFile(id), Procedure.class, p -> Validation.procedure(p, id));
    }

    static String procedureFile(String id) {
        return "procedures/" + id + ".yaml";
    }

    static <T> T read(Source source, String relative, Class<T> type,
                              java.util.function.Function<T, List<Validation.Problem>> rules) {
        String where = source.describe(relative);
        String text = source.read(relative).orElseThrow(() -> new CatalogException(where + ": file is missing"));
        T value;
        try {
            value = Json.YAML.readValue(text, type);
        } catch (JacksonException e) {
            Json.ReadProblem problem = Json.describe(e);
            throw new CatalogException(where + (problem.line() > 0 ? ", line " + problem.line() : "") + ": "
                                       + (problem.field().isEmpty() ? "" : problem.field() + ": ") + problem.problem(), e);
        }
        if (value == null) {
            throw new CatalogException(where + ": file is empty");
        }
        List<Validation.Problem> problems = rules.apply(value);
        if (!problems.isEmpty()) {
            Validation.Problem first = problems.get(0);
            int line = lineOf(text, first.field());
            throw new CatalogException(where + (line > 0 ? ", line " + line : "") + ": " + first.field() + ": "
                                       + first.problem()
                                       + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more problems)" : ""));
        }
        return value;
    }

    /**
     * The line where a field (or its nearest present parent) is written, for a problem found after binding.
     * Fields look like {@code documents[2].text.vi}.
     */
    static int lineOf(String yaml, String field) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = Json.YAML.getFactory().createParser(yaml)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                String pointer = parser.getParsingContext().pathAsPointer().toString();
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    pointer = parser.getParsingContext().getParent() == null
                              ? "" : parser.getParsingContext().getParent().pathAsPointer().toString();
                }
                lines.putIfAbsent(pointer, parser.currentTokenLocation().getLineNr());
            }
        } catch (IOException e) {
            return 0;
        }
        String pointer = "/" + field.replace("[", "/").replace("]", "").replace('.', '/');
        while (!pointer.isEmpty()) {
            Integer line = lines.get(pointer);
            if (line != null) {
                return line;
            }
            pointer = pointer.substring(0, pointer.lastIndexOf('/'));
        }
        return 0;
    }

    record FolderSource(Path dir) implements Source {
        @Override
        public List<String> procedureFiles() {
            Path folder = dir.resolve("procedures");
            if (!Files.isDirectory(folder)) {
                throw new CatalogException(folder + ": folder is missing");
            }
            try (Stream<Path> files = Files.list(folder)) {
                return files.map(f -> f.getFileName().toString())
                        .filter(name -> name.endsWith(".yaml") || name.endsWith(".yml"))
                        .map(name -> name.substring(0, name.lastIndexOf('.')))
                        .collect(java.util.stream.Collectors.toCollection(TreeSet::new)).stream().toList();
            } catch (IOException e) {
                throw new CatalogException(folder + ": cannot list the folder: " + e.getMessage(), e);
            }
        }

        @Override
        public Optional<String> read(String relative) {
            Path file = dir.resolve(relative);
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            try {
                return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new CatalogException(describe(relative) + ": cannot read: " + e.getMessage(), e);
            }
        }

        @Override
        public String describe(String relative) {
            return dir.resolve(relative).toString();
        }
    }

    /** The copy of config/catalog packaged in the jar; it holds exactly the known procedure files. */
    private record PackagedSource() implements Source {
        @Override
        public List<String> procedureFiles() {
            return ProcedureIds.ALL.stream().filter(id -> read(procedureFile(id)).isPresent()).toList();
        }

        @Override
        public Optional<String> read(String relative) {
            try (InputStream in = Seed.class.getClassLoader().getResourceAsStream(PACKAGED + relative)) {
                return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new CatalogException(describe(relative) + ": cannot read: " + e.getMessage(), e);
            }
        }

        @Override
        public String describe(String relative) {
            return "classpath:" + PACKAGED + relative;
        }
    }
}
