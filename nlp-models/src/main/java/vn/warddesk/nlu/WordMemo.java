package vn.warddesk.nlu;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * The summed weights of the features that one word, or one pair of neighbouring words, always brings along, looked up
 * once per word instead of once per feature ({@link Features#jointHashes}).
 *
 * <p>A word {@code A} (accented token, {@code F} its folded form) always brings {@code w=A} twice, {@code f=F} twice and
 * the char n-grams of {@code " F "}: 15–25 table rows for a word of 4–8 letters. A pair {@code A1 A2} brings {@code b=A1 A2},
 * {@code g=F1 F2} and the char n-grams that span the space between them (one space inside the n-gram). Those rows are
 * summed here once, when the model is loaded, for the words and pairs the models know (taken from their {@code w= f= b=
 * g=} predicates), so that a message of known words costs about four row reads per word instead of seventeen. A word or
 * pair not in here, and the n-grams spanning two spaces (around one-letter words), are looked up feature by feature as
 * before. The sums are the same up to the order of float additions (~1e-7 relative). Immutable and thread-safe.
 */
final class WordMemo {

    /** {@link #find}: no entry; the features must be looked up one by one. */
    static final int ABSENT = -2;
    /** {@link #find}: an entry whose features are all absent from the models: nothing to add. */
    static final int NOTHING = -1;

    private static final int ROW_BITS = 22;
    private static final long ROW_MASK = (1L << ROW_BITS) - 1;

    /**
     * Open addressing over the 64-bit hash of {@code w=A} or {@code b=A1 A2}: its high 42 bits, then row + 1 (0: NOTHING;
     * all ones: two entries share the 42 bits, so neither can be trusted and both go feature by feature).
     */
    private final long[] keys;
    private final int mask;
    /** Rows of {@code width} floats, both models' outcomes side by side as in {@link CompiledModel.Joint}. */
    private final float[] rows;
    private final int width;
    private final int words, pairs;

    WordMemo(CompiledModel.Joint joint, Collection<String> predicates) {
        width = joint.width();
        Set<String> wordSet = new TreeSet<>();
        Set<String> pairSet = new TreeSet<>();
        for (String predicate : predicates) {
            if (predicate.length() < 3) {
                continue;
            }
            String body = predicate.substring(2);
            switch (predicate.substring(0, 2)) {
                case "w=", "f=" -> {
                    wordSet.add(body);
                    wordSet.add(TextNormalizer.fold(body));
                }
                case "b=", "g=" -> {
                    int space = body.indexOf(' ');
                    if (space > 0 && space == body.lastIndexOf(' ') && space < body.length() - 1) {
                        pairSet.add(body);
                        pairSet.add(TextNormalizer.fold(body));
                        wordSet.add(body.substring(0, space));
                        wordSet.add(body.substring(space + 1));
                    }
                }
                default -> { }
            }
        }
        wordSet.removeIf(word -> word.isEmpty() || word.indexOf(' ') >= 0 || TextNormalizer.fold(word).isEmpty());
        pairSet.removeIf(pair -> TextNormalizer.fold(pair).startsWith(" ") || TextNormalizer.fold(pair).endsWith(" ")
                || TextNormalizer.fold(pair).contains("  "));
        int entries = wordSet.size() + pairSet.size();
        int capacity = Integer.highestOneBit(Math.max(16, entries * 2 - 1)) << 1;
        keys = new long[capacity];
        mask = capacity - 1;
        float[] sums = new float[Math.max(1, entries) * width];
        double[] row = new double[width];
        Set<Long> tags = new HashSet<>(entries * 2);
        int used = 0;
        for (String word : wordSet) {
            String folded = TextNormalizer.fold(word);
            Arrays.fill(row, 0);
            boolean any = add(joint, row, "w=" + word, 2) | add(joint, row, "f=" + folded, 2);
            String padded = ' ' + folded + ' ';
            for (int start = 0; start < padded.length(); start++) {
                for (int n = Features.MIN_CHAR_GRAM; n <= Features.MAX_CHAR_GRAM && start + n <= padded.length(); n++) {
                    any |= add(joint, row, "c=" + padded.substring(start, start + n), 1);
                }
            }
            used = put(Features.hash("w=" + word), any ? row : null, sums, used, tags);
        }
        for (String pair : pairSet) {
            String folded = TextNormalizer.fold(pair);
            Arrays.fill(row, 0);
            boolean any = add(joint, row, "b=" + pair, 1) | add(joint, row, "g=" + folded, 1);
            String padded = ' ' + folded + ' ';
            int middle = padded.indexOf(' ', 1);
            for (int start = 0; start < middle; start++) {
                for (int n = Features.MIN_CHAR_GRAM; n <= Features.MAX_CHAR_GRAM && start + n <= padded.length(); n++) {
                    // the middle space strictly inside (the pad spaces can only be first or last)
                    if (middle < start + n - 1) {
                        any |= add(joint, row, "c=" + padded.substring(start, start + n), 1);
                    }
                }
            }
            used = put(Features.hash("b=" + pair), any ? row : null, sums, used, tags);
        }
        rows = Arrays.copyOf(sums, used * width);
        words = wordSet.size();
        pairs = pairSet.size();
    }

    /** Adds {@code times} the weights of a feature to {@code row}; false when the models lack it. */
    private static boolean add(CompiledModel.Joint joint, double[] row, String feature, int times) {
        int found = joint.rowOf(Features.hash(feature));
        if (found < 0) {
            return false;
        }
        joint.addRow(found, times, row);
        return true;
    }

    private int put(long key, double[] row, float[] sums, int used, Set<Long> tags) {
        long tag = key & ~ROW_MASK;
        if (tag == 0) {
            return used; // 0 marks an empty slot: this one goes feature by feature
        }
        if (!tags.add(tag)) {
            int slot = (int) key & mask;
            while ((keys[slot] & ~ROW_MASK) != tag) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = tag | ROW_MASK;
            return used;
        }
        long value = 0;
        if (row != null) {
            for (int k = 0; k < width; k++) {
                sums[used * width + k] = (float) row[k];
            }
            value = ++used;
        }
        int slot = (int) key & mask;
        while (keys[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        keys[slot] = tag | value;
        return used;
    }

    /** The offset of the row of {@code w=}/{@code b=} hash {@code key} in {@link #rows()}, {@link #NOTHING} or {@link #ABSENT}. */
    int find(long key) {
        long tag = key & ~ROW_MASK;
        long stored;
        for (int slot = (int) key & mask; (stored = keys[slot]) != 0; slot = (slot + 1) & mask) {
            if ((stored & ~ROW_MASK) == tag) {
                int value = (int) (stored & ROW_MASK);
                return value == 0 ? NOTHING : value == ROW_MASK ? ABSENT : (value - 1) * width;
            }
        }
        return ABSENT;
    }

    float[] rows() {
        return rows;
    }

    @Override
    public String toString() {
        return "WordMemo[" + words + " words, " + pairs + " pairs, " + rows.length / Math.max(1, width) + " rows]";
    }
}
