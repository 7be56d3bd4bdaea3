package vn.warddesk.nlu;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import opennlp.tools.ml.maxent.quasinewton.Function;
import opennlp.tools.ml.maxent.quasinewton.QNMinimizer;

/**
 * L-BFGS maxent training (OpenNLP's {@code MAXENT_QN}) with our {@link Lbfgs} (OpenNLP's {@code QNMinimizer} with the
 * scaled start that one lacks, so about one line-search try per iteration instead of ten; the aspect model still with
 * {@code QNMinimizer}, see {@link #UNSCALED_TASKS}) on a faster
 * objective. The objective is the one OpenNLP's {@code QNTrainer} minimises — the negative log-likelihood of the merged
 * events, features kept when they occur at least {@code cutoff} times (every occurrence counted, as OpenNLP's
 * {@code OnePassDataIndexer} does), L2 added by the minimiser — so the model is the same up to rounding
 * ({@code QnTrainingTest} compares both). What differs is the arithmetic: OpenNLP's {@code NegLogLikelihood} lays the
 * parameters out outcome by outcome and walks every event's features once per outcome, then does it all again for the
 * gradient; here a feature's weights for all outcomes sit side by side, value and gradient come out of one pass over the
 * events, repeated features are one (feature, count) pair, and the line search's second call at the same point is
 * answered from a cache. That took the shipped models' training from ~190 s CPU to a few seconds. Deterministic: one
 * thread, events and predicates in a fixed order.
 */
final class QnTraining {

    /**
     * One function evaluation is split into this many parts run on as many threads (events for the value, features for
     * the gradient). Every number is summed in the same order as by one thread, so the model's bytes do not depend on it
     * ({@code DeterminismTest}); the build's three models then use both cores to the end instead of one model waiting for
     * the other.
     */
    static final int PARTS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    /** Below this many events a part is not worth a thread hand-over. */
    private static final int MIN_EVENTS_PER_PART = 200;
    private static final java.util.concurrent.ExecutorService HELPERS = java.util.concurrent.Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "nlu-training-part");
        thread.setDaemon(true);
        return thread;
    });

    /** OpenNLP's {@code QNTrainer} default: the most function evaluations one training may use. */
    private static final int MAX_FUNCTION_EVALUATIONS = 30_000;

    private QnTraining() {
    }

    /**
     * What one minimisation took: L-BFGS iterations (gradients after the first), function values asked for (line-search
     * tries), and how many of those needed a full pass over the features (the others were taken along the line).
     */
    record Effort(String task, int iterations, int values, int fullPasses, double objective, double seconds) {
        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT,
                    "%s: %d iterations, %d values (%.1f tries per iteration), %d full passes, objective %.3f, %.1f s",
                    task, iterations, values, values / (double) Math.max(1, iterations), fullPasses, objective, seconds);
        }
    }

    /**
     * Tasks still minimised by OpenNLP's {@code QNMinimizer} (no scaled start, ~10 line-search tries per iteration):
     * none. The aspect model stayed on it for one round (story n06's "apply" rose from 0.52 to 0.67 with {@link Lbfgs}),
     * until QNMinimizer stopped the aspect model after 15 of its usual ~43 iterations on 6,380 lines (objective 1,245
     * instead of ~330: a failed unscaled line search), which read "khai sinh cho con" as a request to file and failed 21
     * stories; {@link Lbfgs} converged in 65 iterations with 1.1 tries each (2026-12-07, docs/nlu-history.md round 7).
     * Kept as a switch for comparisons.
     */
    static final java.util.Set<String> UNSCALED_TASKS = java.util.Set.of();

    /** The effort of the latest training of each task (intent, aspect, calibration), for the build log. */
    static final Map<String, Effort> LAST_EFFORT = new java.util.concurrent.ConcurrentHashMap<>();

    /** The merged training events, predicates and outcomes indexed. */
    record Indexed(String[] outcomes, String[] predicates, int[] eventOffsets, int[] featureIds, double[] featureCounts,
                   int[] outcome, double[] weight) {
        int events() {
            return outcome.length;
        }
    }

    static CompiledModel train(List<String[]> contexts, List<String> labels, Trainer.Params params,
                               Map<String, String> metadata) {
        return train(contexts, labels, params, metadata, null, params.iterations());
    }

    /**
     * As above; with a {@code start} model (trained on part of the same data, e.g. the calibration model on 80 % of the
     * lines), L-BFGS starts from its weights instead of from zero and runs {@code iterations}. The objective is the same
     * (strictly convex with L2), so it heads for the same optimum from much closer.
     */
    static CompiledModel train(List<String[]> contexts, List<String> labels, Trainer.Params params,
                               Map<String, String> metadata, CompiledModel start, int iterations) {
        Indexed data = index(contexts, labels, params.cutoff());
        if (data.events() == 0 || data.outcomes().length < 2) {
            throw new IllegalArgumentException("need at least two different labels to train a classifier");
        }
        long started = System.nanoTime();
        double[] x;
        NegativeLogLikelihood used;
        double objectiveAtEnd;
        if (start == null) {
            NegativeLogLikelihood objective = new NegativeLogLikelihood(data, null, 0);
            used = objective;
            x = UNSCALED_TASKS.contains(metadata.getOrDefault("task", ""))
                    ? new QNMinimizer(0, params.l2(), iterations, Trainer.LBFGS_HISTORY, MAX_FUNCTION_EVALUATIONS).minimize(objective)
                    : Lbfgs.minimize(objective, params.l2(), iterations, Trainer.LBFGS_HISTORY, MAX_FUNCTION_EVALUATIONS).x();
            objectiveAtEnd = objective.valueAt(x) + params.l2() * NegativeLogLikelihood.squaredNorm(x);
        } else {
            double[] origin = start.weights(data.predicates(), data.outcomes());
            // The minimiser's own L2 would pull the step, not the weights, towards zero: the objective adds it.
            NegativeLogLikelihood objective = new NegativeLogLikelihood(data, origin, params.l2());
            used = objective;
            double[] step = Lbfgs.minimize(objective, 0, iterations, Trainer.LBFGS_HISTORY, MAX_FUNCTION_EVALUATIONS).x();
            objectiveAtEnd = objective.valueAt(step);
            x = origin.clone();
            for (int i = 0; i < x.length; i++) {
                x[i] += step[i];
            }
        }
        LAST_EFFORT.put(metadata.getOrDefault("task", "model"), new Effort(metadata.getOrDefault("task", "model"),
                used.gradients - 1, used.values, used.fullPasses, objectiveAtEnd, (System.nanoTime() - started) / 1e9));
        return CompiledModel.maxent(data.outcomes(), data.predicates(), x, metadata);
    }

    /**
     * Events as OpenNLP's one-pass indexer builds them: cutoff, events without any kept feature dropped, equal events merged.
     * The merged events are ordered by the text of their key (outcome, sorted feature ids, counts) as a sorted map of those
     * keys would order them; that order fixes the summation order and so the model's bytes. Built with int arrays and one
     * sort of the distinct keys instead of a sorted map per event: indexing is serial and on the training's critical path.
     */
    static Indexed index(List<String[]> contexts, List<String> labels, int cutoff) {
        Map<String, int[]> counts = new HashMap<>();
        for (String[] context : contexts) {
            for (String feature : context) {
                counts.computeIfAbsent(feature, key -> new int[1])[0]++;
            }
        }
        String[] predicates = counts.entrySet().stream().filter(entry -> entry.getValue()[0] >= cutoff).map(Map.Entry::getKey)
                .sorted().toArray(String[]::new);
        Map<String, Integer> predicateIndex = new HashMap<>(predicates.length * 2);
        for (int i = 0; i < predicates.length; i++) {
            predicateIndex.put(predicates[i], i);
        }
        Map<String, Integer> outcomeIndex = new LinkedHashMap<>();
        // Key: outcome and sorted (feature, count) pairs; value: the event and how often it occurs.
        Map<String, MergedEvent> merged = new HashMap<>();
        StringBuilder key = new StringBuilder();
        int[] work = new int[64];
        for (int e = 0; e < contexts.size(); e++) {
            String[] context = contexts.get(e);
            if (work.length < context.length) {
                work = new int[context.length];
            }
            int kept = 0;
            for (String feature : context) {
                Integer id = predicateIndex.get(feature);
                if (id != null) {
                    work[kept++] = id;
                }
            }
            if (kept == 0) {
                continue;
            }
            Arrays.sort(work, 0, kept);
            int distinct = 0;
            for (int j = 0; j < kept; j++) {
                distinct += j == 0 || work[j] != work[j - 1] ? 1 : 0;
            }
            int[] ids = new int[distinct];
            int[] times = new int[distinct];
            for (int j = 0, d = -1; j < kept; j++) {
                if (j == 0 || work[j] != work[j - 1]) {
                    ids[++d] = work[j];
                }
                times[d]++;
            }
            int outcome = outcomeIndex.computeIfAbsent(labels.get(e), label -> outcomeIndex.size());
            key.setLength(0);
            key.append(outcome).append(':');
            appendList(key, ids);
            appendList(key, times);
            merged.computeIfAbsent(key.toString(), k -> new MergedEvent(outcome, ids, times)).occurrences++;
        }
        String[] keys = merged.keySet().toArray(String[]::new);
        Arrays.sort(keys);
        int events = keys.length;
        int[] offsets = new int[events + 1];
        int[] outcome = new int[events];
        double[] weight = new double[events];
        int total = 0;
        for (int e = 0; e < events; e++) {
            MergedEvent event = merged.get(keys[e]);
            outcome[e] = event.outcome;
            weight[e] = event.occurrences;
            offsets[e] = total;
            total += event.ids.length;
        }
        offsets[events] = total;
        int[] featureIds = new int[total];
        double[] featureCounts = new double[total];
        for (int e = 0; e < events; e++) {
            MergedEvent event = merged.get(keys[e]);
            for (int j = 0; j < event.ids.length; j++) {
                featureIds[offsets[e] + j] = event.ids[j];
                featureCounts[offsets[e] + j] = event.times[j];
            }
        }
        return new Indexed(outcomeIndex.keySet().toArray(String[]::new), predicates, offsets, featureIds, featureCounts,
                outcome, weight);
    }

    /** One distinct event of {@link #index} and how often it occurs. */
    private static final class MergedEvent {
        final int outcome;
        final int[] ids, times;
        int occurrences;

        MergedEvent(int outcome, int[] ids, int[] times) {
            this.outcome = outcome;
            this.ids = ids;
            this.times = times;
        }
    }

    /** Appends the list as {@link Arrays#toString(int[])} writes it: the merged events are ordered by that text. */
    private static void appendList(StringBuilder out, int[] values) {
        out.append('[');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append(", ");
            }
            out.append(values[i]);
        }
        out.append(']');
    }

    /**
     * The negative log-likelihood of the events and its gradient, parameters feature-major ({@code x[feature * outcomes +
     * outcome]}). Not thread-safe (one minimiser calls it).
     */
    static final class NegativeLogLikelihood implements Function {
        private final Indexed data;
        private final int width;
        private final int dimension;
        /** Feature-major copy of the events: the events (and counts) of feature f are at [featureOffsets[f], featureOffsets[f+1]). */
        private final int[] featureOffsets;
        private final int[] eventIds;
        private final double[] eventCounts;
        /** Residuals of every event (events x outcomes) at the last point: small enough to stay in cache. */
        private final double[] scores;
        /** Raw scores (summed weights, before the softmax) of every event at the last point. */
        private final double[] raw;
        private double[] lastPoint;
        private double lastValue;
        private double[] lastGradient;
        private double[] lastWeights;
        /**
         * Reused arrays of the size of the parameters (~1.2 M doubles for the intent model): a fresh copy per call was a
         * 9 MB humongous allocation about ten times per iteration. Three for the points (the last one, the anchor, the
         * first try), one for origin + step.
         */
        private final double[][] pointBuffers = new double[3][];
        private double[] weightsBuffer;
        /** Counted for {@link Effort}: gradients computed, distinct points valued, passes over all feature occurrences. */
        int gradients, values, fullPasses;
        /** Whether {@link #raw} was summed over the features at the last point (false: taken along the line search's line). */
        private boolean lastExact;

        /*
         * The line search: OpenNLP's backtracking search tries anchor + t * direction for t = 1, 1/2, 1/4, ... until the
         * value falls enough; on the shipped data about ten tries per iteration (802 values for 72 gradients, aspect
         * model). The scores are linear in the point, so once the anchor's scores and those of the first try are known,
         * the scores of any other point on that line are anchor + r * (first - anchor) per event and outcome: a pass over
         * the events instead of one over all feature occurrences.
         */
        /** The point of the last gradient (the line search starts there), its raw scores, and the first point tried from it. */
        private double[] anchor, firstTry;
        private final double[] anchorScores, stepScores;
        /** Where the first try moved furthest from the anchor: the coordinate that gives a point's position on the line. */
        private int longestStep;

        /** With an origin: the function of the step d from it, {@code NLL(origin + d) + l2 * |origin + d|^2}. */
        private final double[] origin;
        private final double l2;
        /** Each event's term of the value, summed in event order after the parts are done (same sum as one thread). */
        private final double[] terms;
        /** Part p scores the events [eventBounds[p], eventBounds[p+1]) and writes the gradient of features [featureBounds[p], featureBounds[p+1]). */
        private final int[] eventBounds, featureBounds;
        /** For feature f, part p's first entry of it in eventIds: {@code partStarts[f * (parts + 1) + p]}. */
        private final int[] partStarts;
        private final int parts;

        NegativeLogLikelihood(Indexed data, double[] origin, double l2) {
            this.data = data;
            this.origin = origin;
            this.l2 = l2;
            this.width = data.outcomes().length;
            int predicates = data.predicates().length;
            this.dimension = predicates * width;
            this.scores = new double[data.events() * width];
            this.raw = new double[scores.length];
            this.anchorScores = new double[scores.length];
            this.stepScores = new double[scores.length];
            int[] ids = data.featureIds();
            featureOffsets = new int[predicates + 1];
            for (int id : ids) {
                featureOffsets[id + 1]++;
            }
            for (int f = 0; f < predicates; f++) {
                featureOffsets[f + 1] += featureOffsets[f];
            }
            int[] next = Arrays.copyOf(featureOffsets, predicates);
            eventIds = new int[ids.length];
            eventCounts = new double[ids.length];
            int[] offsets = data.eventOffsets();
            for (int e = 0; e < data.events(); e++) {
                for (int j = offsets[e]; j < offsets[e + 1]; j++) {
                    int slot = next[ids[j]]++;
                    eventIds[slot] = e;
                    eventCounts[slot] = data.featureCounts()[j];
                }
            }
            terms = new double[data.events()];
            parts = Math.max(1, Math.min(PARTS, data.events() / MIN_EVENTS_PER_PART));
            eventBounds = new int[parts + 1];
            featureBounds = new int[parts + 1];
            // Balanced by feature occurrences, the work of both passes.
            long total = ids.length;
            for (int p = 1; p < parts; p++) {
                long target = total * p / parts;
                int e = eventBounds[p - 1];
                while (e < data.events() && offsets[e] < target) {
                    e++;
                }
                eventBounds[p] = e;
                int f = featureBounds[p - 1];
                while (f < predicates && featureOffsets[f] < target) {
                    f++;
                }
                featureBounds[p] = f;
            }
            eventBounds[parts] = data.events();
            featureBounds[parts] = predicates;
            // A feature's entries are in event order (filled event by event above): each part's run starts where its
            // first event is.
            partStarts = new int[predicates * (parts + 1)];
            for (int f = 0; f < predicates; f++) {
                int j = featureOffsets[f];
                for (int p = 0; p <= parts; p++) {
                    int bound = p == parts ? Integer.MAX_VALUE : eventBounds[p];
                    while (j < featureOffsets[f + 1] && eventIds[j] < bound) {
                        j++;
                    }
                    partStarts[f * (parts + 1) + p] = p == 0 ? featureOffsets[f] : j;
                }
            }
        }

        @Override
        public int getDimension() {
            return dimension;
        }

        @Override
        public double valueAt(double[] x) {
            evaluate(x);
            return lastValue;
        }

        /** The line search asks for the value at points it may reject; the gradient pass runs only when asked for. */
        @Override
        public double[] gradientAt(double[] x) {
            evaluate(x);
            if (lastGradient == null) {
                if (!lastExact) {
                    // The accepted point of a line search: its residuals summed over the features as at any other point,
                    // so that the gradient and the next line's anchor carry no rounding of the line arithmetic.
                    double[] weights = origin == null ? x : lastWeights;
                    inParts(p -> scorePart(p, weights));
                    fullPasses++;
                    lastValue = sumOfTerms() + l2 * (origin == null ? 0 : squaredNorm(weights));
                    lastExact = true;
                }
                lastGradient = gradient();
                gradients++;
                anchor = lastPoint;
                System.arraycopy(raw, 0, anchorScores, 0, raw.length);
                firstTry = null;
            }
            return lastGradient.clone();
        }

        private double sumOfTerms() {
            double value = 0;
            for (double term : terms) {
                value += term;
            }
            return value;
        }

        private static double squaredNorm(double[] x) {
            double sum = 0;
            for (double v : x) {
                sum += v * v;
            }
            return sum;
        }

        /**
         * The position r of {@code point} on the line from {@link #anchor} through {@link #firstTry} ({@code point =
         * anchor + r * (firstTry - anchor)}), when every coordinate agrees to 1e-9 of its size; NaN when it is not on
         * that line (or no line is known). Then its scores differ from the summed ones by rounding only.
         */
        private double positionOnLine(double[] point) {
            if (anchor == null || firstTry == null) {
                return Double.NaN;
            }
            double step = firstTry[longestStep] - anchor[longestStep];
            if (step == 0) {
                return Double.NaN;
            }
            double r = (point[longestStep] - anchor[longestStep]) / step;
            for (int i = 0; i < dimension; i++) {
                double move = firstTry[i] - anchor[i];
                double tolerance = 1e-9 * (Math.abs(anchor[i]) + Math.abs(move));
                if (!(Math.abs(point[i] - (anchor[i] + r * move)) <= tolerance)) {
                    return Double.NaN;
                }
            }
            return r;
        }

        /** Remembers the first point tried from the anchor and the change of every event's scores on the way to it. */
        private void startLine(double[] point) {
            firstTry = point;
            double longest = -1;
            for (int i = 0; i < dimension; i++) {
                double move = Math.abs(point[i] - anchor[i]);
                if (move > longest) {
                    longest = move;
                    longestStep = i;
                }
            }
            for (int i = 0; i < raw.length; i++) {
                stepScores[i] = raw[i] - anchorScores[i];
            }
        }

        /**
         * Value, and the residuals the gradient needs, in one pass over the features in order (then one more for the
         * gradient): the parameter and gradient rows are read and written sequentially, only the events' score rows are
         * visited at random, and they fit in cache.
         */
        private void evaluate(double[] point) {
            if (lastPoint != null && Arrays.equals(lastPoint, point)) {
                return;
            }
            double[] x = point;
            double penalty = 0;
            if (origin != null) {
                if (weightsBuffer == null) {
                    weightsBuffer = new double[dimension];
                }
                x = weightsBuffer;
                for (int i = 0; i < dimension; i++) {
                    x[i] = origin[i] + point[i];
                    penalty += x[i] * x[i];
                }
            }
            double[] weights = x;
            double r = positionOnLine(point);
            boolean onLine = !Double.isNaN(r);
            if (onLine) {
                inParts(p -> linePart(p, r));
            } else {
                inParts(p -> scorePart(p, weights));
                fullPasses++;
            }
            values++;
            lastPoint = copyOf(point);
            lastValue = sumOfTerms() + l2 * penalty;
            lastWeights = x;
            lastGradient = null;
            lastExact = !onLine;
            if (!onLine && anchor != null && firstTry == null) {
                startLine(lastPoint);
            }
        }

        /** A copy of {@code point} in a buffer that is neither the anchor nor the first try. */
        private double[] copyOf(double[] point) {
            for (int b = 0; b < pointBuffers.length; b++) {
                if (pointBuffers[b] == null) {
                    pointBuffers[b] = new double[dimension];
                }
                double[] buffer = pointBuffers[b];
                if (buffer != anchor && buffer != firstTry) {
                    System.arraycopy(point, 0, buffer, 0, dimension);
                    return buffer;
                }
            }
            throw new IllegalStateException("no free point buffer");
        }

        /** The raw scores of part {@code p}'s events at {@code anchor + r * (firstTry - anchor)}, then as {@link #finishPart}. */
        private void linePart(int p, double r) {
            for (int i = eventBounds[p] * width, end = eventBounds[p + 1] * width; i < end; i++) {
                raw[i] = anchorScores[i] + r * stepScores[i];
            }
            finishPart(p);
        }

        /**
         * Scores of the events of part {@code p}, then their residuals and value terms. Every event's score row is summed
         * over the features in the same order as by one thread, so the result does not depend on the number of parts.
         */
        private void scorePart(int p, double[] x) {
            int w = width;
            double[] s = raw;
            int firstEvent = eventBounds[p], lastEvent = eventBounds[p + 1];
            Arrays.fill(s, firstEvent * w, lastEvent * w, 0);
            int predicates = featureOffsets.length - 1;
            int stride = parts + 1;
            for (int f = 0; f < predicates; f++) {
                int base = f * w;
                for (int j = partStarts[f * stride + p], end = partStarts[f * stride + p + 1]; j < end; j++) {
                    int row = eventIds[j] * w;
                    double v = eventCounts[j];
                    for (int o = 0; o < w; o++) {
                        s[row + o] += v * x[base + o];
                    }
                }
            }
            finishPart(p);
        }

        /** From the raw scores of part {@code p}'s events: their value terms and residuals. */
        private void finishPart(int p) {
            int w = width;
            double[] s = scores;
            int[] outcome = data.outcome();
            double[] weight = data.weight();
            for (int e = eventBounds[p], lastEvent = eventBounds[p + 1]; e < lastEvent; e++) {
                int row = e * w;
                int gold = outcome[e];
                double goldScore = raw[row + gold];
                double max = Double.NEGATIVE_INFINITY;
                for (int o = 0; o < w; o++) {
                    max = Math.max(max, raw[row + o]);
                }
                double sum = 0;
                for (int o = 0; o < w; o++) {
                    double q = Math.exp(raw[row + o] - max);
                    s[row + o] = q;
                    sum += q;
                }
                double times = weight[e];
                terms[e] = times * (max + Math.log(sum) - goldScore);
                double scale = times / sum;
                for (int o = 0; o < w; o++) {
                    s[row + o] *= scale;
                }
                s[row + gold] -= times;
            }
        }

        /** The gradient from the residuals {@link #evaluate} left in {@code scores}, features split among the parts. */
        private double[] gradient() {
            double[] gradient = new double[dimension];
            inParts(p -> gradientPart(p, gradient));
            return gradient;
        }

        private void gradientPart(int p, double[] gradient) {
            int w = width;
            double[] s = scores;
            for (int f = featureBounds[p], last = featureBounds[p + 1]; f < last; f++) {
                int base = f * w;
                for (int j = featureOffsets[f], end = featureOffsets[f + 1]; j < end; j++) {
                    int row = eventIds[j] * w;
                    double v = eventCounts[j];
                    for (int o = 0; o < w; o++) {
                        gradient[base + o] += v * s[row + o];
                    }
                }
            }
            if (origin != null) {
                for (int i = featureBounds[p] * w, end = featureBounds[p + 1] * w; i < end; i++) {
                    gradient[i] += 2 * l2 * lastWeights[i];
                }
            }
        }

        /** Runs parts 1.. on the helper threads and part 0 on this one, and waits for all. */
        private void inParts(java.util.function.IntConsumer part) {
            List<java.util.concurrent.Future<?>> others = new ArrayList<>(parts - 1);
            for (int p = 1; p < parts; p++) {
                int which = p;
                others.add(HELPERS.submit(() -> part.accept(which)));
            }
            part.accept(0);
            for (java.util.concurrent.Future<?> other : others) {
                try {
                    other.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                } catch (java.util.concurrent.ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
                }
            }
        }
    }
}
