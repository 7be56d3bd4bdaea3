package vn.warddesk.nlu;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import opennlp.tools.ml.maxent.GISModel;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.ml.perceptron.PerceptronModel;

/**
 * A trained OpenNLP classifier (maxent or perceptron) laid out for fast evaluation: feature hash → row of a dense
 * outcome×parameter matrix, open addressing over primitive arrays. Immutable and thread-safe.
 *
 * <p>File format (our own, so that the same data gives the same bytes — OpenNLP's zip model carries timestamps):
 * magic, version, algorithm, sorted metadata, outcomes, then the predicates sorted by name with their (outcome, weight)
 * pairs. The predicate names are kept so the model can be turned back into an OpenNLP {@link AbstractModel}.
 */
final class CompiledModel {

    static final String MAGIC = "WARDDESK-NLU-MODEL";
    static final int VERSION = 1;

    enum Algorithm { MAXENT, PERCEPTRON }

    private final Algorithm algorithm;
    private final Map<String, String> metadata;
    private final String[] outcomes;
    private final String[] predicates;
    private final int[][] predicateOutcomes;
    private final double[][] predicateWeights;

    private final long[] keys;
    private final int[] rows;
    private final int mask;
    /** float, not double: half the memory, so more of the table stays in cache; scores are summed in double. */
    private final float[] weights;

    private CompiledModel(Algorithm algorithm, Map<String, String> metadata, String[] outcomes, String[] predicates,
                          int[][] predicateOutcomes, double[][] predicateWeights) {
        this.algorithm = algorithm;
        this.metadata = Collections.unmodifiableMap(new TreeMap<>(metadata));
        this.outcomes = outcomes;
        this.predicates = predicates;
        this.predicateOutcomes = predicateOutcomes;
        this.predicateWeights = predicateWeights;
        int capacity = Integer.highestOneBit(Math.max(16, predicates.length * 2 - 1)) << 1;
        this.keys = new long[capacity];
        this.rows = new int[capacity];
        Arrays.fill(rows, -1);
        this.mask = capacity - 1;
        int width = outcomes.length;
        this.weights = new float[predicates.length * width];
        for (int p = 0; p < predicates.length; p++) {
            long key = Features.hash(predicates[p]);
            int slot = (int) key & mask;
            while (rows[slot] >= 0) {
                if (keys[slot] == key) {
                    throw new IllegalStateException("feature hash collision: " + predicates[p]);
                }
                slot = (slot + 1) & mask;
            }
            keys[slot] = key;
            rows[slot] = p;
            for (int k = 0; k < predicateOutcomes[p].length; k++) {
                weights[p * width + predicateOutcomes[p][k]] = (float) predicateWeights[p][k];
            }
        }
    }

    /** Takes the parameters out of a trained OpenNLP model. */
    static CompiledModel from(MaxentModel trained, Map<String, String> metadata) {
        AbstractModel model = (AbstractModel) trained;
        Algorithm algorithm = switch (model.getModelType()) {
            case Maxent, MaxentQn -> Algorithm.MAXENT; // both: softmax of summed weights
            case Perceptron -> Algorithm.PERCEPTRON;
            default -> throw new IllegalArgumentException("unsupported model type " + model.getModelType());
        };
        Object[] data = model.getDataStructures();
        Context[] params = (Context[]) data[0];
        @SuppressWarnings("unchecked")
        Map<String, Context> pmap = (Map<String, Context>) data[1];
        String[] outcomes = ((String[]) data[2]).clone();
        String[] predicates = pmap.keySet().toArray(String[]::new);
        Arrays.sort(predicates);
        int[][] predicateOutcomes = new int[predicates.length][];
        double[][] predicateWeights = new double[predicates.length][];
        for (int p = 0; p < predicates.length; p++) {
            Context context = pmap.get(predicates[p]);
            predicateOutcomes[p] = context.getOutcomes().clone();
            predicateWeights[p] = context.getParameters().clone();
        }
        if (params.length != predicates.length) {
            throw new IllegalStateException("inconsistent OpenNLP model");
        }
        return new CompiledModel(algorithm, metadata, outcomes, predicates, predicateOutcomes, predicateWeights);
    }

    /** A maxent model from feature-major parameters {@code x[predicate * outcomes + outcome]} (see {@link QnTraining}). */
    static CompiledModel maxent(String[] outcomes, String[] predicates, double[] x, Map<String, String> metadata) {
        int width = outcomes.length;
        int[] all = new int[width];
        for (int k = 0; k < width; k++) {
            all[k] = k;
        }
        int[][] predicateOutcomes = new int[predicates.length][];
        double[][] predicateWeights = new double[predicates.length][];
        for (int p = 0; p < predicates.length; p++) {
            predicateOutcomes[p] = all;
            predicateWeights[p] = Arrays.copyOfRange(x, p * width, (p + 1) * width);
        }
        return new CompiledModel(Algorithm.MAXENT, metadata, outcomes.clone(), predicates.clone(), predicateOutcomes,
                predicateWeights);
    }

    /**
     * This model's weights laid out for {@code predicates} x {@code outcomes} (feature-major, as {@link #maxent} takes them);
     * 0 where this model lacks the predicate or the outcome. Predicates are kept sorted, so a binary search finds them.
     */
    double[] weights(String[] predicates, String[] outcomes) {
        int width = outcomes.length;
        int[] outcomeMap = new int[this.outcomes.length];
        for (int k = 0; k < this.outcomes.length; k++) {
            outcomeMap[k] = Arrays.asList(outcomes).indexOf(this.outcomes[k]);
        }
        double[] x = new double[predicates.length * width];
        for (int p = 0; p < predicates.length; p++) {
            int own = Arrays.binarySearch(this.predicates, predicates[p]);
            if (own < 0) {
                continue;
            }
            for (int k = 0; k < predicateOutcomes[own].length; k++) {
                int outcome = outcomeMap[predicateOutcomes[own][k]];
                if (outcome >= 0) {
                    x[p * width + outcome] = predicateWeights[own][k];
                }
            }
        }
        return x;
    }

    /**
     * The same model without the predicates whose weights are all below {@code minWeight} in magnitude: they barely move
     * any score, but each costs a table row that pushes the useful rows out of the cache at run time.
     */
    CompiledModel pruned(double minWeight) {
        List<Integer> kept = new java.util.ArrayList<>();
        for (int p = 0; p < predicates.length; p++) {
            double largest = 0;
            for (double weight : predicateWeights[p]) {
                largest = Math.max(largest, Math.abs(weight));
            }
            if (largest >= minWeight) {
                kept.add(p);
            }
        }
        String[] keptPredicates = new String[kept.size()];
        int[][] keptOutcomes = new int[kept.size()][];
        double[][] keptWeights = new double[kept.size()][];
        for (int i = 0; i < kept.size(); i++) {
            keptPredicates[i] = predicates[kept.get(i)];
            keptOutcomes[i] = predicateOutcomes[kept.get(i)];
            keptWeights[i] = predicateWeights[kept.get(i)];
        }
        Map<String, String> more = new TreeMap<>(metadata);
        more.put("prunedBelow", Double.toString(minWeight));
        return new CompiledModel(algorithm, more, outcomes, keptPredicates, keptOutcomes, keptWeights);
    }

    /** The same model with more metadata (e.g. the calibration temperature fitted after training). */
    CompiledModel withMetadata(Map<String, String> more) {
        Map<String, String> all = new TreeMap<>(metadata);
        all.putAll(more);
        return new CompiledModel(algorithm, all, outcomes, predicates, predicateOutcomes, predicateWeights);
    }

    /** The same parameters as an OpenNLP model, to check our evaluation against OpenNLP's. */
    AbstractModel toOpenNlp() {
        Context[] params = new Context[predicates.length];
        for (int p = 0; p < predicates.length; p++) {
            params[p] = new Context(predicateOutcomes[p], predicateWeights[p]);
        }
        return algorithm == Algorithm.MAXENT
                ? new GISModel(params, predicates, outcomes)
                : new PerceptronModel(params, predicates, outcomes);
    }

    List<String> outcomes() {
        return List.of(outcomes);
    }

    int outcomeCount() {
        return outcomes.length;
    }

    String outcome(int index) {
        return outcomes[index];
    }

    Map<String, String> metadata() {
        return metadata;
    }

    Algorithm algorithm() {
        return algorithm;
    }

    int featureCount() {
        return predicates.length;
    }

    /** Probabilities per outcome (index as in {@link #outcomes()}) for the feature hashes in {@code features}. */
    double[] probabilities(Features.HashBuffer features) {
        int width = outcomes.length;
        double[] scores = scores(features);
        if (algorithm == Algorithm.PERCEPTRON) {
            // As OpenNLP's PerceptronModel: scale by the largest magnitude (at least 1) before the softmax.
            double max = 1;
            for (double score : scores) {
                max = Math.max(max, Math.abs(score));
            }
            for (int k = 0; k < width; k++) {
                scores[k] /= max;
            }
        }
        double[] probabilities = new double[width];
        Calibration.softmax(scores, 1, probabilities);
        return probabilities;
    }

    /** The summed weights per outcome (before the softmax) of the features in {@code features}. */
    double[] scores(Features.HashBuffer features) {
        int width = outcomes.length;
        double[] scores = new double[width];
        long[] values = features.values;
        for (int i = 0, n = features.size; i < n; i++) {
            int row = find(keys, rows, mask, values[i]);
            if (row >= 0) {
                int base = row * width;
                for (int k = 0; k < width; k++) {
                    scores[k] += weights[base + k];
                }
            }
        }
        return scores;
    }

    /** The row of a feature hash in an open-addressing table (linear probing), or -1 when the model lacks the feature. */
    private static int find(long[] keys, int[] rows, int mask, long key) {
        int slot = (int) key & mask;
        int row;
        while ((row = rows[slot]) >= 0) {
            if (keys[slot] == key) {
                return row;
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    /**
     * Two models over the same features in one table: a feature hash is looked up once and both weight rows, side by
     * side, are added. {@code understand()} runs the intent and the aspect model on every message; with two tables every
     * feature cost two probes into two tables that do not fit the cache together.
     */
    static final class Joint {
        /** Low bits of a stored key: the row of the feature's weights; the high bits are the feature hash's own. */
        static final int ROW_BITS = 22;
        private static final long ROW_MASK = (1L << ROW_BITS) - 1;
        /**
         * Open addressing with linear probing over the feature hashes ({@code 0} = empty slot): 8 bytes a slot, so the
         * probes stay within a small array that mostly sits in the core's own cache. A slot holds the hash's high
         * {@code 64 - ROW_BITS} bits and, in the low bits, the feature's row, so a hit needs no second array read. Two
         * predicates of the model never share those 42 bits (checked when the table is built); a feature the model lacks
         * passes for one of its own with probability ~2^-42 per probe, i.e. never in practice.
         */
        private final long[] keys;
        private final int mask;
        /**
         * Weights by row, {@code width} a row, rows packed without gaps: the intent model's outcomes then the aspect
         * model's. IEEE half floats ({@link Float#floatToFloat16}): a row of both models is 74 bytes instead of 148, and
         * packed rows take a third of the memory that rows by slot took (the slots are two thirds empty), so the rows a
         * message needs stay in the 1 MB per-core cache instead of the shared one. Relative rounding 2^-11.
         */
        private final short[] weights;
        private final int firstWidth, secondWidth, width, rowCount;
        /** Pre-summed rows of the words and word pairs the models know, for {@code understand()}. */
        private final WordMemo memo;

        Joint(CompiledModel first, CompiledModel second) {
            if (first.algorithm != Algorithm.MAXENT || second.algorithm != Algorithm.MAXENT) {
                throw new IllegalArgumentException("joint evaluation is for maxent models");
            }
            java.util.TreeSet<String> all = new java.util.TreeSet<>(Arrays.asList(first.predicates));
            all.addAll(Arrays.asList(second.predicates));
            firstWidth = first.outcomes.length;
            secondWidth = second.outcomes.length;
            width = firstWidth + secondWidth;
            rowCount = all.size();
            if (rowCount > ROW_MASK) {
                throw new IllegalStateException("too many features for the joint table: " + rowCount);
            }
            int capacity = Integer.highestOneBit(Math.max(16, all.size() * 2 - 1)) << 1;
            keys = new long[capacity];
            mask = capacity - 1;
            weights = new short[rowCount * width];
            java.util.Map<String, Integer> firstIndex = index(first.predicates), secondIndex = index(second.predicates);
            java.util.Set<Long> tags = new java.util.HashSet<>(rowCount * 2);
            int row = 0;
            for (String predicate : all) {
                long key = Features.hash(predicate);
                long tag = key & ~ROW_MASK;
                if (tag == 0) {
                    throw new IllegalStateException("feature hash tag 0 marks an empty slot: " + predicate);
                }
                if (!tags.add(tag)) {
                    throw new IllegalStateException("feature hash collision: " + predicate);
                }
                int slot = (int) key & mask;
                while (keys[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = tag | row;
                int base = row * width;
                Integer f = firstIndex.get(predicate);
                if (f != null) {
                    for (int k = 0; k < first.predicateOutcomes[f].length; k++) {
                        weights[base + first.predicateOutcomes[f][k]] = Float.floatToFloat16((float) first.predicateWeights[f][k]);
                    }
                }
                Integer s = secondIndex.get(predicate);
                if (s != null) {
                    for (int k = 0; k < second.predicateOutcomes[s].length; k++) {
                        weights[base + firstWidth + second.predicateOutcomes[s][k]] =
                                Float.floatToFloat16((float) second.predicateWeights[s][k]);
                    }
                }
                row++;
            }
            memo = new WordMemo(this, all);
        }

        WordMemo memo() {
            return memo;
        }

        /** Outcomes of the first model (the first ones of a row). */
        int firstWidth() {
            return firstWidth;
        }

        /** Outcomes of both models, the width of a row. */
        int width() {
            return width;
        }

        /** Adds {@code times} the weights of {@code row} to {@code sums} (as the scoring below reads them). */
        void addRow(int row, int times, double[] sums) {
            for (int k = 0; k < width; k++) {
                sums[k] += times * Float.float16ToFloat(weights[row * width + k]);
            }
        }

        /** The row of a feature hash, or -1 when neither model has the feature. */
        int rowOf(long key) {
            int slot = (int) key & mask;
            long tag = key & ~ROW_MASK;
            long stored;
            while ((stored = keys[slot]) != 0) {
                if ((stored & ~ROW_MASK) == tag) {
                    return (int) (stored & ROW_MASK);
                }
                slot = (slot + 1) & mask;
            }
            return -1;
        }

        int rowCount() {
            return rowCount;
        }

        int capacity() {
            return mask + 1;
        }

        private static java.util.Map<String, Integer> index(String[] predicates) {
            java.util.Map<String, Integer> index = new java.util.HashMap<>();
            for (int i = 0; i < predicates.length; i++) {
                index.put(predicates[i], i);
            }
            return index;
        }

        /**
         * Summed weights of both models into {@code first} and {@code second}. A repeated feature (word unigrams and
         * concepts are written two and three times in a row, see {@link Features}) is looked up once and its weights
         * added once, times the repetitions.
         */
        void scores(Features.HashBuffer features, double[] first, double[] second) {
            long[] values = features.values;
            int n = features.size;
            int[] found = features.slots(n);
            int[] repeats = features.repeats;
            // Pass 1: the row of every distinct run of equal features. A short loop whose probes do not depend on each
            // other, so the CPU has many table reads in flight at once instead of one per feature.
            int distinct = 0;
            for (int i = 0; i < n; ) {
                long key = values[i];
                int repeat = 1;
                while (i + repeat < n && values[i + repeat] == key) {
                    repeat++;
                }
                i += repeat;
                int row = rowOf(key);
                if (row >= 0) {
                    found[distinct] = row * width;
                    repeats[distinct++] = repeat;
                }
            }
            // Pass 2: touch the first and the last weight of each row, again many independent reads in flight, so that
            // pass 3 finds the rows in cache.
            short[] w = weights;
            int touched = 0;
            for (int m = 0; m < distinct; m++) {
                touched += w[found[m]] + w[found[m] + width - 1];
            }
            float[] memoRows = memo.rows();
            int[] memoFound = features.memoRows;
            int memoCount = features.memoCount;
            for (int m = 0; m < memoCount; m++) {
                touched += (int) (memoRows[memoFound[m]] + memoRows[memoFound[m] + width - 1]);
            }
            features.touched = touched;
            // Pass 3: the sums, both models in one loop over the row, in float (C2 turns the half-float conversion and
            // the adds into vector instructions; with double sums it did not). Rounding ~1e-6 relative, far below the
            // half floats' own 2^-11.
            float[] sums = features.sums(width);
            Arrays.fill(sums, 0);
            for (int m = 0; m < distinct; m++) {
                int base = found[m];
                float repeat = repeats[m];
                for (int k = 0; k < width; k++) {
                    sums[k] += repeat * Float.float16ToFloat(w[base + k]);
                }
            }
            // The pre-summed rows of known words and pairs (Features.jointHashes; none after Features.hashes).
            for (int m = 0; m < memoCount; m++) {
                int base = memoFound[m];
                for (int k = 0; k < width; k++) {
                    sums[k] += memoRows[base + k];
                }
            }
            for (int k = 0; k < firstWidth; k++) {
                first[k] = sums[k];
            }
            for (int k = 0; k < secondWidth; k++) {
                second[k] = sums[firstWidth + k];
            }
        }
    }

    byte[] toBytes() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeUTF(MAGIC);
            out.writeInt(VERSION);
            out.writeUTF(algorithm.name());
            out.writeInt(metadata.size());
            for (Map.Entry<String, String> entry : metadata.entrySet()) {
                out.writeUTF(entry.getKey());
                out.writeUTF(entry.getValue());
            }
            out.writeInt(outcomes.length);
            for (String outcome : outcomes) {
                out.writeUTF(outcome);
            }
            out.writeInt(predicates.length);
            for (int p = 0; p < predicates.length; p++) {
                out.writeUTF(predicates[p]);
                out.writeInt(predicateOutcomes[p].length);
                for (int k = 0; k < predicateOutcomes[p].length; k++) {
                    out.writeInt(predicateOutcomes[p][k]);
                    out.writeDouble(predicateWeights[p][k]);
                }
            }
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static CompiledModel read(InputStream stream) throws IOException {
        DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(stream));
        if (!MAGIC.equals(in.readUTF())) {
            throw new IOException("not a WardDesk NLU model");
        }
        int version = in.readInt();
        if (version != VERSION) {
            throw new IOException("unsupported model version " + version);
        }
        Algorithm algorithm = Algorithm.valueOf(in.readUTF());
        Map<String, String> metadata = new TreeMap<>();
        for (int i = in.readInt(); i > 0; i--) {
            metadata.put(in.readUTF(), in.readUTF());
        }
        String[] outcomes = new String[in.readInt()];
        for (int i = 0; i < outcomes.length; i++) {
            outcomes[i] = in.readUTF();
        }
        int count = in.readInt();
        String[] predicates = new String[count];
        int[][] predicateOutcomes = new int[count][];
        double[][] predicateWeights = new double[count][];
        for (int p = 0; p < count; p++) {
            predicates[p] = in.readUTF();
            int pairs = in.readInt();
            predicateOutcomes[p] = new int[pairs];
            predicateWeights[p] = new double[pairs];
            for (int k = 0; k < pairs; k++) {
                predicateOutcomes[p][k] = in.readInt();
                predicateWeights[p][k] = in.readDouble();
            }
        }
        return new CompiledModel(algorithm, metadata, outcomes, predicates, predicateOutcomes, predicateWeights);
    }
}
