package vn.warddesk.nlu;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** The reviewed abbreviation/teen-code table (data/abbreviations.tsv, packaged as a resource). Immutable. */
final class Abbreviations {

    static final String RESOURCE = "/vn/warddesk/nlu/abbreviations.tsv";
    static final Abbreviations SHIPPED = load();

    private final Map<String, String[]> expansions;

    private Abbreviations(Map<String, String[]> expansions) {
        this.expansions = Map.copyOf(expansions);
    }

    /** The tokens a whole lower-case token expands to, or null when it is not an abbreviation. */
    String[] expansion(String token) {
        return expansions.get(token);
    }

    int size() {
        return expansions.size();
    }

    static Abbreviations parse(BufferedReader reader) throws IOException {
        Map<String, String[]> map = new HashMap<>();
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split("\t", -1);
            if (columns.length != 3 || columns[0].isBlank() || columns[1].isBlank() || columns[2].isBlank()) {
                throw new IllegalArgumentException("abbreviations line " + number + ": expected token<TAB>expansion<TAB>reason");
            }
            String key = TextNormalizer.nfc(columns[0].strip()).toLowerCase(Locale.ROOT);
            String expansion = TextNormalizer.nfc(columns[1].strip()).toLowerCase(Locale.ROOT);
            if (map.put(key, expansion.split(" +")) != null) {
                throw new IllegalArgumentException("abbreviations line " + number + ": duplicate token " + key);
            }
        }
        return new Abbreviations(map);
    }

    private static Abbreviations load() {
        try (InputStream in = Abbreviations.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
