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
    /**
     * The same table for look-ups straight from a char array ({@link #find}): open addressing by {@link String#hashCode},
     * so that {@code understand()} needs no string per token. Slot → key, expansion tokens, their folded forms.
     */
    private final String[] keys;
    /**
     * {@link String#hashCode} of each slot's key: a probe compares it first, so a token that is no abbreviation (nearly
     * every token) costs no read of a key string, which sits elsewhere in memory (two dependent cache misses).
     */
    private final int[] keyHashes;
    private final String[][] parts, foldedParts;
    private final int mask, longestKey, longestExpansion;

    private Abbreviations(Map<String, String[]> expansions) {
        this.expansions = Map.copyOf(expansions);
        int capacity = Integer.highestOneBit(Math.max(16, expansions.size() * 4));
        keys = new String[capacity];
        keyHashes = new int[capacity];
        parts = new String[capacity][];
        foldedParts = new String[capacity][];
        mask = capacity - 1;
        int longest = 0, longestValue = 0;
        for (Map.Entry<String, String[]> entry : expansions.entrySet()) {
            String key = entry.getKey();
            int slot = spread(key.hashCode()) & mask;
            while (keys[slot] != null) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = key;
            keyHashes[slot] = key.hashCode();
            parts[slot] = entry.getValue();
            foldedParts[slot] = java.util.Arrays.stream(entry.getValue()).map(TextNormalizer::fold).toArray(String[]::new);
            longest = Math.max(longest, key.length());
            longestValue = Math.max(longestValue, String.join(" ", entry.getValue()).length());
        }
        longestKey = longest;
        longestExpansion = longestValue;
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }

    /** The slot of the token {@code chars[from, to)} (same as {@link #expansion} of that string), or -1 when it is none. */
    int find(char[] chars, int from, int to) {
        int length = to - from;
        if (length > longestKey) {
            return -1;
        }
        int hash = 0;
        for (int i = from; i < to; i++) {
            hash = 31 * hash + chars[i];
        }
        for (int slot = spread(hash) & mask; keys[slot] != null; slot = (slot + 1) & mask) {
            String key = keys[slot];
            if (keyHashes[slot] == hash && key.length() == length && matches(key, chars, from)) {
                return slot;
            }
        }
        return -1;
    }

    private static boolean matches(String key, char[] chars, int from) {
        for (int i = 0; i < key.length(); i++) {
            if (key.charAt(i) != chars[from + i]) {
                return false;
            }
        }
        return true;
    }

    /** The expansion tokens of a slot from {@link #find}. */
    String[] parts(int slot) {
        return parts[slot];
    }

    /** The folded expansion tokens of a slot from {@link #find} ({@link TextNormalizer#fold} of each). */
    String[] foldedParts(int slot) {
        return foldedParts[slot];
    }

    /** Chars of the longest expansion, its tokens joined by spaces. */
    int longestExpansion() {
        return longestExpansion;
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
