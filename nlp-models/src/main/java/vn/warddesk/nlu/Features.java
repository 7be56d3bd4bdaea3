package vn.warddesk.nlu;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import opennlp.tools.doccat.FeatureGenerator;

/**
 * Our feature set, in two equivalent forms (the same strings, as strings or as hashes).
 * <ul>
 *   <li>OpenNLP {@link FeatureGenerator}s producing feature strings; used for training through {@code DocumentCategorizerME}.
 *       They receive the accented tokens of a {@link NormalizedText} and fold them themselves.</li>
 *   <li>{@link #hashes} computes the 64-bit FNV-1a hash of exactly the same strings straight from the chars, without building
 *       them; used at run time so that {@code understand()} allocates almost nothing. A test checks both forms agree.</li>
 * </ul>
 * Features: word unigrams and bigrams on the accented ({@code w=}, {@code b=}) and folded ({@code f=}, {@code g=}) tokens,
 * character 3- to 5-grams of the folded text padded with a space at both ends ({@code c=}), which carry typos and
 * run-together words, concepts from the bilingual lexicon ({@code k=}, see {@link Concepts}), and the shape of the text: a
 * constant bias feature ({@code x=}) and the token count ({@code n=}, capped at {@value #MAX_LENGTH_BUCKET}).
 */
final class Features {

    /**
     * Feature repetitions act as feature weights under L2: a text has ~3 char n-grams per character but only a few words
     * and concepts. Word unigrams x2 and concepts x3 were chosen on the validation split of the training data
     * (0.897 -> 0.933 intent accuracy; x5/x8 did not help further).
     */
    static final int CONCEPT_REPEAT = 3;
    static final int WORD_REPEAT = 2;
    static final int MIN_CHAR_GRAM = 3;
    static final int MAX_CHAR_GRAM = 5;
    /** Token counts from this value up share one length feature: beyond it the length says nothing new. */
    static final int MAX_LENGTH_BUCKET = 6;

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private static final long W = start("w="), B = start("b="), F = start("f="), G = start("g="), C = start("c=");
    private static final long N = start("n=");
    private static final long BIAS = hash("x=");
    private static final long NAMES_PROCEDURE = hash(Concepts.NAMES_PROCEDURE), NAMES_NO_PROCEDURE = hash(Concepts.NAMES_NO_PROCEDURE);

    private Features() {
    }

    /**
     * Which features a model is trained with, stored in its metadata ({@value Profile#METADATA_KEY}) so that the run time
     * computes the same ones. {@link #SHIPPED}: WardDesk's models (and every model without the key). {@link #GENERIC}: what
     * {@code train} and {@code bench-public} train on any other {@code label<TAB>text} data: the word n-grams of the folded
     * text only, the char n-grams and the shape — no accented words (the model reads a line typed without diacritics
     * exactly as the same line typed with them) and no WardDesk lexicon (concepts and names-a-procedure know only ward
     * procedures). Chosen on PhoATIS dev and 5-fold cross-validation of its train split (README, *Public benchmark*); the
     * shipped set stays as it is: its accented words carry WardDesk's own validation.
     */
    enum Profile {
        SHIPPED, GENERIC;

        static final String METADATA_KEY = "features";

        /** The profile a model was trained with (no key: shipped, as every model before the profiles). */
        static Profile of(Map<String, String> metadata) {
            return valueOf(metadata.getOrDefault(METADATA_KEY, "shipped").toUpperCase(java.util.Locale.ROOT));
        }

        String metadataValue() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The generators, in a fixed order, that the shipped models are trained with. */
    static FeatureGenerator[] generators() {
        return generators(Profile.SHIPPED);
    }

    static FeatureGenerator[] generators(Profile profile) {
        return switch (profile) {
            case SHIPPED -> new FeatureGenerator[] {new WordNgrams(false), new WordNgrams(true), new CharNgrams(),
                new Concepts.Generator(), new Shape()};
            case GENERIC -> new FeatureGenerator[] {new WordNgrams(true), new CharNgrams(), new Shape()};
        };
    }

    /** All feature strings of a token array (what OpenNLP sees), shipped profile. */
    static List<String> strings(String[] tokens) {
        return strings(tokens, Profile.SHIPPED);
    }

    static List<String> strings(String[] tokens, Profile profile) {
        List<String> all = new ArrayList<>();
        for (FeatureGenerator generator : generators(profile)) {
            all.addAll(generator.extractFeatures(tokens, Map.of()));
        }
        return all;
    }

    /**
     * The hashes of a profile's features. The shipped profile is computed straight from the chars
     * ({@link #hashes(TokenBuffer, HashBuffer)}); the generic one from its feature strings — it serves the command line,
     * not {@code understand()}'s latency budget.
     */
    static void hashes(TokenBuffer text, HashBuffer out, Profile profile) {
        if (profile == Profile.SHIPPED) {
            hashes(text, out);
            return;
        }
        out.size = 0;
        out.memoCount = 0;
        out.namesProcedure = false;
        if (text.count == 0) {
            return;
        }
        String[] tokens = new String[text.count];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = new String(text.accented, text.starts[i], text.ends[i] - text.starts[i]);
        }
        List<String> features = strings(tokens, profile);
        out.ensure(features.size());
        for (String feature : features) {
            out.values[out.size++] = hash(feature);
        }
    }

    static void hashes(NormalizedText text, HashBuffer out, Profile profile) {
        TokenBuffer tokens = new TokenBuffer();
        tokens.set(text);
        hashes(tokens, out, profile);
    }

    static String[] foldAll(String[] tokens) {
        String[] folded = new String[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            folded[i] = TextNormalizer.fold(tokens[i]);
        }
        return folded;
    }

    /** Word unigrams + bigrams, on the accented tokens or on their folded form. */
    static final class WordNgrams implements FeatureGenerator {
        private final boolean folded;

        WordNgrams(boolean folded) {
            this.folded = folded;
        }

        @Override
        public Collection<String> extractFeatures(String[] text, Map<String, Object> extraInformation) {
            String[] tokens = folded ? foldAll(text) : text;
            String uni = folded ? "f=" : "w=";
            String bi = folded ? "g=" : "b=";
            List<String> features = new ArrayList<>(tokens.length * 2);
            for (int i = 0; i < tokens.length; i++) {
                for (int r = 0; r < WORD_REPEAT; r++) {
                    features.add(uni + tokens[i]);
                }
                if (i + 1 < tokens.length) {
                    features.add(bi + tokens[i] + ' ' + tokens[i + 1]);
                }
            }
            return features;
        }
    }

    /** Character n-grams of the folded text " tok1 tok2 ... ". */
    static final class CharNgrams implements FeatureGenerator {
        @Override
        public Collection<String> extractFeatures(String[] text, Map<String, Object> extraInformation) {
            List<String> features = new ArrayList<>();
            if (text.length == 0) {
                return features;
            }
            String padded = ' ' + String.join(" ", foldAll(text)) + ' ';
            for (int i = 0; i < padded.length(); i++) {
                for (int n = MIN_CHAR_GRAM; n <= MAX_CHAR_GRAM && i + n <= padded.length(); n++) {
                    features.add("c=" + padded.substring(i, i + n));
                }
            }
            return features;
        }
    }

    /**
     * Bias and length. OpenNLP's maxent has no intercept: without a constant feature the label priors must hide in
     * frequent words and char n-grams (5-fold CV over the training lines: intent 0.926 -> 0.942). The token count tells
     * short dialogue acts ("ok", "bye", "ad ơi") from procedure questions (0.942 -> 0.945).
     */
    static final class Shape implements FeatureGenerator {
        @Override
        public Collection<String> extractFeatures(String[] text, Map<String, Object> extraInformation) {
            if (text.length == 0) {
                return List.of();
            }
            return List.of("x=", "n=" + lengthBucket(text.length));
        }
    }

    static char lengthBucket(int tokens) {
        return (char) ('0' + Math.min(tokens, MAX_LENGTH_BUCKET));
    }

    /**
     * Writes the hashes of all features of {@code text} into {@code out} (grown if needed) and returns them with the count in
     * {@link HashBuffer#size}. Same multiset as {@code hash(strings(tokens))}, in the order of the generators.
     */
    static void hashes(NormalizedText text, HashBuffer out) {
        TokenBuffer tokens = new TokenBuffer();
        tokens.set(text);
        hashes(tokens, out);
    }

    /**
     * {@link #hashes(NormalizedText, HashBuffer)} straight from the chars of a {@link TokenBuffer}. In the buffer the tokens
     * are separated by exactly one space, so the hash of a bigram ("b=" token ' ' next) or of a lexicon phrase is the hash
     * of a run of the buffer's chars, and the char n-grams are read from the padded folded text as it stands.
     */
    static void hashes(TokenBuffer text, HashBuffer out) {
        out.size = 0;
        out.memoCount = 0;
        out.namesProcedure = false;
        int count = text.count;
        if (count == 0) {
            return;
        }
        int paddedLength = text.foldedLength;
        out.ensure((2 + 2 * WORD_REPEAT) * count + 3 * paddedLength + 2 + CONCEPT_REPEAT * (Concepts.MAX_WORDS * count + 1));
        long[] buffer = out.values;
        int size = words(text.accented, text.starts, text.ends, count, W, B, buffer, 0);
        size = words(text.folded, text.foldedStarts, text.foldedEnds, count, F, G, buffer, size);
        char[] padded = text.folded;
        for (int i = 0; i < paddedLength; i++) {
            long h = C;
            int longest = Math.min(MAX_CHAR_GRAM, paddedLength - i);
            for (int n = 1; n <= longest; n++) {
                h = mix(h, padded[i + n - 1]);
                if (n >= MIN_CHAR_GRAM) {
                    buffer[size++] = finish(h);
                }
            }
        }
        out.size = shapeAndConcepts(text, out, size);
    }

    /**
     * The features of {@link #hashes(TokenBuffer, HashBuffer)} with the words and word pairs that {@code memo} knows
     * replaced by their pre-summed rows (into {@link HashBuffer#memoRows}): the same weights, far fewer table reads. What is
     * left as hashes: the features of unknown words and pairs, the char n-grams spanning two spaces, bias, length, concepts.
     */
    static void jointHashes(TokenBuffer text, WordMemo memo, HashBuffer out) {
        out.size = 0;
        out.memoCount = 0;
        out.namesProcedure = false;
        int count = text.count;
        if (count == 0) {
            return;
        }
        int paddedLength = text.foldedLength;
        out.ensure((2 + 2 * WORD_REPEAT) * count + 3 * paddedLength + 2 + CONCEPT_REPEAT * (Concepts.MAX_WORDS * count + 1));
        boolean[] wordKnown = out.wordKnown(count), pairKnown = out.pairKnown;
        int[] memoRows = out.memoRows(2 * count);
        int memoCount = 0;
        long[] buffer = out.values;
        int size = 0;
        char[] accented = text.accented, padded = text.folded;
        int[] starts = text.starts, ends = text.ends, foldedStarts = text.foldedStarts, foldedEnds = text.foldedEnds;
        for (int i = 0; i < count; i++) {
            long word = finish(mix(W, accented, starts[i], ends[i]));
            int row = memo.find(word);
            wordKnown[i] = row != WordMemo.ABSENT;
            if (row >= 0) {
                memoRows[memoCount++] = row;
            } else if (row == WordMemo.ABSENT) {
                long folded = finish(mix(F, padded, foldedStarts[i], foldedEnds[i]));
                for (int r = 0; r < WORD_REPEAT; r++) {
                    buffer[size++] = word;
                }
                for (int r = 0; r < WORD_REPEAT; r++) {
                    buffer[size++] = folded;
                }
            }
            if (i + 1 < count) {
                long pair = finish(mix(B, accented, starts[i], ends[i + 1]));
                row = memo.find(pair);
                pairKnown[i] = row != WordMemo.ABSENT;
                if (row >= 0) {
                    memoRows[memoCount++] = row;
                } else if (row == WordMemo.ABSENT) {
                    buffer[size++] = pair;
                    buffer[size++] = finish(mix(G, padded, foldedStarts[i], foldedEnds[i + 1]));
                }
            }
        }
        // Char n-grams: one starting at p lies in the text of token j (no space strictly inside: the word's own), spans the
        // space after token j (one space inside: the pair's own), or spans two spaces (always looked up). The space before
        // token j is at foldedStarts[j] - 1, the last pad at paddedLength - 1.
        int token = 0;
        for (int p = 0; p < paddedLength; p++) {
            while (token + 1 < count && p >= foldedStarts[token + 1] - 1) {
                token++;
            }
            int nextSpace = foldedEnds[token];
            int spaceAfter = token + 1 < count ? foldedEnds[token + 1] : paddedLength;
            int longest = Math.min(MAX_CHAR_GRAM, paddedLength - p);
            // The longest n-gram from p that is not covered by a memo row (0: none). The n-grams from p end in the word
            // (up to nextSpace), then in the pair (up to spaceAfter), then beyond: read off the longest one's end instead
            // of trying every length (a loop of unpredictable branches at every char).
            int lastOfLongest = p + longest - 1;
            int needed;
            if (longest < MIN_CHAR_GRAM) {
                needed = 0;
            } else if (lastOfLongest <= nextSpace) {
                needed = wordKnown[token] ? 0 : longest;
            } else if (lastOfLongest > spaceAfter || !pairKnown[token]) {
                needed = longest;
            } else {
                int inWord = nextSpace - p + 1;
                needed = inWord >= MIN_CHAR_GRAM && !wordKnown[token] ? inWord : 0;
            }
            if (needed == 0) {
                continue;
            }
            long h = C;
            for (int n = 1; n <= needed; n++) {
                h = mix(h, padded[p + n - 1]);
                if (n >= MIN_CHAR_GRAM) {
                    int last = p + n - 1;
                    boolean known = last <= nextSpace ? wordKnown[token] : last <= spaceAfter && pairKnown[token];
                    if (!known) {
                        buffer[size++] = finish(h);
                    }
                }
            }
        }
        out.memoCount = memoCount;
        out.size = shapeAndConcepts(text, out, size);
    }

    /** Bias, length, concepts and the names-a-procedure feature, after {@code size} features; returns the new size. */
    private static int shapeAndConcepts(TokenBuffer text, HashBuffer out, int size) {
        int count = text.count;
        long[] buffer = out.values;
        char[] padded = text.folded;
        buffer[size++] = BIAS;
        buffer[size++] = finish(mix(N, lengthBucket(count)));
        Concepts concepts = Concepts.SHIPPED;
        boolean namesProcedure = false;
        int[] starts = text.foldedStarts, ends = text.foldedEnds;
        for (int i = 0; i < count; i++) {
            // The phrase of tokens i..i+n is the run of chars from the start of token i to the end of token i+n.
            long h = FNV_OFFSET;
            int at = starts[i];
            long longest = 0; // only the longest phrase starting here counts (Concepts, LONGEST_DECIDES)
            for (int n = 0; n < Concepts.MAX_WORDS && i + n < count; n++) {
                int end = ends[i + n];
                for (; at < end; at++) {
                    h = mix(h, padded[at]);
                }
                int slot = concepts.slotOf(finish(h));
                if (slot < 0) {
                    break; // no lexicon phrase starts with these words, so none longer either
                }
                long feature = concepts.feature(slot);
                if (feature != 0) {
                    longest = feature;
                }
                if (!concepts.continues(slot)) {
                    break;
                }
            }
            if (longest != 0) {
                namesProcedure |= concepts.namesProcedure(longest);
                for (int r = 0; r < CONCEPT_REPEAT; r++) {
                    buffer[size++] = longest;
                }
            }
        }
        out.namesProcedure = namesProcedure;
        long topic = namesProcedure ? NAMES_PROCEDURE : NAMES_NO_PROCEDURE;
        for (int r = 0; r < CONCEPT_REPEAT; r++) {
            buffer[size++] = topic;
        }
        return size;
    }

    /** Word unigrams ({@value #WORD_REPEAT} times) and bigrams of the tokens {@code chars[starts[i], ends[i])}. */
    private static int words(char[] chars, int[] starts, int[] ends, int count, long unigram, long bigram, long[] buffer, int size) {
        for (int i = 0; i < count; i++) {
            long wordHash = finish(mix(unigram, chars, starts[i], ends[i]));
            for (int r = 0; r < WORD_REPEAT; r++) {
                buffer[size++] = wordHash;
            }
            if (i + 1 < count) {
                buffer[size++] = finish(mix(bigram, chars, starts[i], ends[i + 1]));
            }
        }
        return size;
    }

    private static long mix(long h, char[] chars, int from, int to) {
        for (int i = from; i < to; i++) {
            h = (h ^ chars[i]) * FNV_PRIME;
        }
        return h;
    }

    /** The hash of one feature string, as {@link #hashes} computes it. */
    static long hash(String feature) {
        return finish(mix(FNV_OFFSET, feature));
    }

    private static long start(String prefix) {
        return mix(FNV_OFFSET, prefix);
    }

    private static long mix(long h, String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            h = (h ^ s.charAt(i)) * FNV_PRIME;
        }
        return h;
    }

    private static long mix(long h, char c) {
        return (h ^ c) * FNV_PRIME;
    }

    /** Final avalanche (MurmurHash3 fmix64) so the low bits index the table well. */
    private static long finish(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    /** Reusable per-thread buffer of feature hashes. Not thread-safe; one per thread. */
    static final class HashBuffer {
        long[] values = new long[512];
        int size;
        /** Whether a procedure concept was found (the {@code t=} feature), for {@link Nlu}'s aspect-only rule. */
        boolean namesProcedure;

        /** Work arrays of {@code CompiledModel.Joint#scores}: the row offset and repetitions of each distinct feature. */
        int[] slots = new int[512], repeats = new int[512];
        /** Sink of the joint table's cache-warming reads, so that the JIT cannot drop them. */
        int touched;

        /** Offsets of the pre-summed rows of {@link WordMemo} to add ({@link #jointHashes}), and how many. */
        int[] memoRows = new int[64];
        int memoCount;
        /** Work arrays of {@link #jointHashes}: whether token i, and the pair i, i+1, had a memo entry. */
        private boolean[] wordKnown = new boolean[64], pairKnown = new boolean[64];

        int[] memoRows(int capacity) {
            if (memoRows.length < capacity) {
                memoRows = new int[capacity];
            }
            return memoRows;
        }

        boolean[] wordKnown(int capacity) {
            if (wordKnown.length < capacity) {
                wordKnown = new boolean[capacity];
                pairKnown = new boolean[capacity];
            }
            return wordKnown;
        }

        /** Work array of {@code CompiledModel.Joint#scores}: the float sums of both models' outcomes. */
        private float[] sums = new float[0];

        float[] sums(int width) {
            if (sums.length != width) {
                sums = new float[width];
            }
            return sums;
        }

        int[] slots(int capacity) {
            if (slots.length < capacity) {
                slots = new int[capacity];
                repeats = new int[capacity];
            }
            return slots;
        }

        void ensure(int capacity) {
            if (values.length < capacity) {
                values = java.util.Arrays.copyOf(values, Math.max(capacity, values.length * 2));
            }
        }
    }
}
