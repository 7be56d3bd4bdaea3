package vn.warddesk.nlu;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import opennlp.tools.doccat.FeatureGenerator;

/**
 * The reviewed bilingual concept lexicon (data/concepts.tsv): a phrase of 1..{@value #MAX_WORDS} folded words found in a
 * message adds the feature {@code k=CONCEPT}. Immutable and thread-safe.
 */
final class Concepts {

    static final String RESOURCE = "/vn/warddesk/nlu/concepts.tsv";
    static final int MAX_WORDS = 5;
    /*
     * LONGEST_DECIDES: of the phrases starting at one word only the longest counts. Folded, many short words collide
     * ("trợ" in "trợ cấp" is "trọ", "đặt lịch" starts with "đất", "thời tiết" with "thôi", "bạn" is "bán"); the longer
     * phrase says what the words mean, so "tro cap" is the allowance and not also temporary residence, "lam mat may
     * ngay" (takes how many days) is a time and not also a lost paper ("làm mất").
     */
    /**
     * The concepts that name a procedure (one per procedure of shared/spec/intents.tsv). Whether a message names one is a
     * feature of its own ({@code t=1} / {@code t=0}): "lệ phí bao nhiêu?" names none and is a follow-up to the topic, "lệ
     * phí chứng thực chữ ký" names one. Without it the maxent had to learn "no procedure word" from the absence of
     * features, and sent procedure questions with weak topic words to {@code procedure_followup}.
     */
    static final java.util.Set<String> PROCEDURE_CONCEPTS = java.util.Set.of("BIRTH", "DEATH", "MARRY", "SINGLE", "PERMANENT",
            "TEMPORARY", "COPY", "SIGNATURE", "GUARDIAN", "RECOGNISE", "CORRECT", "EXTRACT", "BUSINESS", "ALLOWANCE", "LAND");
    static final String NAMES_PROCEDURE = "t=1";
    static final String NAMES_NO_PROCEDURE = "t=0";
    static final Concepts SHIPPED = load();

    /** Folded phrase → concept. */
    private final Map<String, String> phrases;
    /**
     * Phrase hash → feature hash, open addressing; also every phrase's first 1..k-1 words (feature 0 if not a phrase of
     * its own), with {@code continues} set: a longer phrase starts with it. A search from a word stops as soon as the words
     * so far are not the start of any phrase (most words start none), instead of always trying five lengths.
     */
    private final long[] keys;
    private final long[] features;
    private final boolean[] used, continues;
    private final int mask;
    /** Feature hashes of the procedure concepts, for {@link #namesProcedure}. */
    private final long[] procedureFeatures;

    private Concepts(Map<String, String> phrases) {
        this.phrases = Map.copyOf(phrases);
        java.util.Set<String> prefixes = new java.util.TreeSet<>();
        for (String phrase : phrases.keySet()) {
            for (int space = phrase.indexOf(' '); space > 0; space = phrase.indexOf(' ', space + 1)) {
                prefixes.add(phrase.substring(0, space));
            }
        }
        int capacity = Integer.highestOneBit(Math.max(16, (phrases.size() + prefixes.size()) * 4));
        keys = new long[capacity];
        features = new long[capacity];
        used = new boolean[capacity];
        continues = new boolean[capacity];
        mask = capacity - 1;
        for (Map.Entry<String, String> entry : phrases.entrySet()) {
            int slot = slotFor(Features.hash(entry.getKey()));
            features[slot] = Features.hash("k=" + entry.getValue());
        }
        for (String prefix : prefixes) {
            continues[slotFor(Features.hash(prefix))] = true;
        }
        procedureFeatures = PROCEDURE_CONCEPTS.stream().mapToLong(concept -> Features.hash("k=" + concept)).sorted().toArray();
    }

    /** True when a concept feature hash (from {@link #featureOf}) is that of a procedure concept. */
    boolean namesProcedure(long feature) {
        return Arrays.binarySearch(procedureFeatures, feature) >= 0;
    }

    /** The slot of a phrase hash, taken if new. */
    private int slotFor(long key) {
        int slot = (int) key & mask;
        while (used[slot] && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        used[slot] = true;
        keys[slot] = key;
        return slot;
    }

    /** The concept feature hash for a phrase hash, or 0 when the phrase is not in the lexicon. */
    long featureOf(long phraseHash) {
        int slot = slotOf(phraseHash);
        return slot < 0 ? 0 : features[slot];
    }

    /** The slot of a phrase hash (a phrase or the start of one), or -1 when no lexicon phrase is or starts with it. */
    int slotOf(long phraseHash) {
        int slot = (int) phraseHash & mask;
        while (used[slot]) {
            if (keys[slot] == phraseHash) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    /** The concept feature hash of a slot from {@link #slotOf}, 0 when its words only start longer phrases. */
    long feature(int slot) {
        return features[slot];
    }

    /** Whether a longer lexicon phrase starts with the words of a slot from {@link #slotOf}. */
    boolean continues(int slot) {
        return continues[slot];
    }

    /** OpenNLP generator: the concept features of the folded tokens. */
    static final class Generator implements FeatureGenerator {
        @Override
        public Collection<String> extractFeatures(String[] text, Map<String, Object> extraInformation) {
            String[] folded = Features.foldAll(text);
            List<String> found = new ArrayList<>();
            if (folded.length == 0) {
                return found;
            }
            boolean namesProcedure = false;
            for (int i = 0; i < folded.length; i++) {
                StringBuilder phrase = new StringBuilder();
                String longest = null;
                for (int n = 0; n < MAX_WORDS && i + n < folded.length; n++) {
                    if (n > 0) {
                        phrase.append(' ');
                    }
                    phrase.append(folded[i + n]);
                    String concept = SHIPPED.phrases.get(phrase.toString());
                    if (concept != null) {
                        longest = concept;
                    }
                }
                if (longest != null) { // see LONGEST_DECIDES
                    namesProcedure |= PROCEDURE_CONCEPTS.contains(longest);
                    for (int r = 0; r < Features.CONCEPT_REPEAT; r++) {
                        found.add("k=" + longest);
                    }
                }
            }
            for (int r = 0; r < Features.CONCEPT_REPEAT; r++) {
                found.add(namesProcedure ? NAMES_PROCEDURE : NAMES_NO_PROCEDURE);
            }
            return found;
        }
    }

    static Concepts parse(BufferedReader reader) throws IOException {
        Map<String, String> map = new HashMap<>();
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split("\t", -1);
            if (columns.length != 2 || !columns[0].matches("[A-Z_]+")) {
                throw new IllegalArgumentException("concepts line " + number + ": expected CONCEPT<TAB>phrase, phrase, ...");
            }
            for (String phrase : columns[1].split(",")) {
                List<String> words = TextNormalizer.normalize(phrase).foldedTokens();
                if (words.isEmpty() || words.size() > MAX_WORDS) {
                    throw new IllegalArgumentException("concepts line " + number + ": bad phrase '" + phrase.strip() + "'");
                }
                // A phrase listed under two concepts keeps the first: the table is read top to bottom.
                map.putIfAbsent(String.join(" ", words), columns[0]);
            }
        }
        return new Concepts(map);
    }

    int size() {
        return phrases.size();
    }

    String conceptOf(String foldedPhrase) {
        return phrases.get(foldedPhrase);
    }

    private static Concepts load() {
        try (InputStream in = Concepts.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "Concepts" + Arrays.toString(new int[] {phrases.size()});
    }
}
