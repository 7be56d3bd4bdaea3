package vn.warddesk.nlu;

import java.util.ArrayList;
import java.util.List;

/**
 * Confidence calibration by temperature scaling (Guo et al., "On Calibration of Modern Neural Networks", 2017): the
 * calibrated probabilities are {@code softmax(scores / T)} with one temperature T fitted by minimising the negative
 * log-likelihood of a validation split of the training data. One parameter cannot overfit a few hundred lines, keeps
 * the ranking of the outcomes (the top intent never changes) and makes the top probability a monotone function of the
 * model's own margin; isotonic regression would need more validation lines per bin than we have. Also the measures:
 * expected calibration error and the reliability table.
 */
final class Calibration {

    /** Model metadata keys: the fitted temperature and the thresholds read off the calibrated validation curve. */
    static final String TEMPERATURE = "temperature", CLARIFY = "clarifyThreshold", HANDOFF = "handoffThreshold";

    /** Bins of the reliability table and of ECE (as in the issue: 15 equal-width bins). */
    static final int BINS = 15;
    private static final double MIN_LOG_T = Math.log(0.05), MAX_LOG_T = Math.log(20);

    private Calibration() {
    }

    /** Softmax of {@code scores / temperature} into {@code out}; scores are the maxent's summed weights per outcome. */
    static void softmax(double[] scores, double temperature, double[] out) {
        double top = Double.NEGATIVE_INFINITY;
        for (double score : scores) {
            top = Math.max(top, score);
        }
        double sum = 0;
        for (int k = 0; k < scores.length; k++) {
            out[k] = Math.exp((scores[k] - top) / temperature);
            sum += out[k];
        }
        for (int k = 0; k < scores.length; k++) {
            out[k] /= sum;
        }
    }

    /** Mean negative log-likelihood of the gold outcomes at a temperature. */
    static double negativeLogLikelihood(List<double[]> scores, int[] gold, double temperature) {
        double total = 0;
        double[] p = null;
        for (int i = 0; i < scores.size(); i++) {
            double[] s = scores.get(i);
            if (p == null || p.length != s.length) {
                p = new double[s.length];
            }
            softmax(s, temperature, p);
            total -= Math.log(Math.max(p[gold[i]], 1e-300));
        }
        return total / Math.max(1, scores.size());
    }

    /**
     * The temperature in [0.05, 20] that minimises the NLL: golden-section search on log T (the NLL of temperature
     * scaling is unimodal in T for a fixed set of scores).
     */
    static double fitTemperature(List<double[]> scores, int[] gold) {
        if (scores.isEmpty()) {
            return 1;
        }
        double phi = (Math.sqrt(5) - 1) / 2;
        double a = MIN_LOG_T, b = MAX_LOG_T;
        double c = b - phi * (b - a), d = a + phi * (b - a);
        double fc = negativeLogLikelihood(scores, gold, Math.exp(c)), fd = negativeLogLikelihood(scores, gold, Math.exp(d));
        for (int iteration = 0; iteration < 60 && b - a > 1e-5; iteration++) {
            if (fc < fd) {
                b = d;
                d = c;
                fd = fc;
                c = b - phi * (b - a);
                fc = negativeLogLikelihood(scores, gold, Math.exp(c));
            } else {
                a = c;
                c = d;
                fc = fd;
                d = a + phi * (b - a);
                fd = negativeLogLikelihood(scores, gold, Math.exp(d));
            }
        }
        return Math.exp((a + b) / 2);
    }

    /** One bin of the reliability table: confidences in [from, to). */
    record Bin(double from, double to, int count, double meanConfidence, double accuracy) {
    }

    /** Equal-width bins over [0, 1]; a confidence of exactly 1 falls in the last bin. Empty bins are kept (count 0). */
    static List<Bin> reliability(double[] confidence, boolean[] correct, int bins) {
        int[] count = new int[bins];
        double[] confidenceSum = new double[bins];
        int[] right = new int[bins];
        for (int i = 0; i < confidence.length; i++) {
            int bin = Math.min(bins - 1, (int) Math.floor(confidence[i] * bins));
            bin = Math.max(0, bin);
            count[bin]++;
            confidenceSum[bin] += confidence[i];
            right[bin] += correct[i] ? 1 : 0;
        }
        List<Bin> table = new ArrayList<>(bins);
        for (int b = 0; b < bins; b++) {
            table.add(new Bin(b / (double) bins, (b + 1) / (double) bins, count[b],
                    count[b] == 0 ? 0 : confidenceSum[b] / count[b], count[b] == 0 ? 0 : right[b] / (double) count[b]));
        }
        return table;
    }

    /** Expected calibration error: the count-weighted mean of |accuracy − mean confidence| over the bins. */
    static double expectedCalibrationError(double[] confidence, boolean[] correct, int bins) {
        if (confidence.length == 0) {
            return 0;
        }
        double total = 0;
        for (Bin bin : reliability(confidence, correct, bins)) {
            total += bin.count() * Math.abs(bin.accuracy() - bin.meanConfidence());
        }
        return total / confidence.length;
    }

    /** Accuracy of the answers with confidence at or above a threshold (NaN when there are none). */
    static double accuracyAtOrAbove(double[] confidence, boolean[] correct, double threshold) {
        int n = 0, right = 0;
        for (int i = 0; i < confidence.length; i++) {
            if (confidence[i] >= threshold) {
                n++;
                right += correct[i] ? 1 : 0;
            }
        }
        return n == 0 ? Double.NaN : right / (double) n;
    }

    /** How many validation answers next to a threshold estimate how often an answer there is right. */
    static final int LOCAL_WINDOW = 20;

    /**
     * Thresholds read off the calibrated validation curve (grid of 0.05), from the accuracy of the answers <em>at</em> a
     * confidence — the {@value #LOCAL_WINDOW} validation answers just above it — not of all answers above it (with ~96 %
     * of all answers right, the cumulative figure would allow any threshold). {@code clarify} = the lowest threshold from
     * which on every answer is right at least {@code answerAccuracy} of the time ("at ≥ 0.9 the answer is right 9 times
     * in 10"): answer directly above it, ask "did you mean" below it. {@code handoff} = the highest threshold just below
     * which the top answer is right at most half the time: say "I did not understand" and offer staff below it. Never
     * handoff > clarify.
     */
    static double[] thresholds(double[] confidence, boolean[] correct, double answerAccuracy) {
        Integer[] order = new Integer[confidence.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, java.util.Comparator.comparingDouble(i -> confidence[i]));
        double clarify = 0.95;
        for (int step = 19; step >= 1; step--) {
            double t = step * 0.05;
            double local = localAccuracy(order, confidence, correct, t, true);
            if (Double.isNaN(local) || local >= answerAccuracy) {
                clarify = t;
            } else {
                break;
            }
        }
        double handoff = 0;
        for (int step = 1; step <= 19; step++) {
            double t = step * 0.05;
            double local = localAccuracy(order, confidence, correct, t, false);
            if (!Double.isNaN(local) && local <= 0.5) {
                handoff = t;
            }
        }
        handoff = Math.min(handoff, clarify);
        return new double[] {Math.round(clarify * 100) / 100.0, Math.round(handoff * 100) / 100.0};
    }

    /** Accuracy of the {@value #LOCAL_WINDOW} answers just at/above (or just below) {@code t}; NaN when there are none. */
    private static double localAccuracy(Integer[] order, double[] confidence, boolean[] correct, double t, boolean above) {
        int first = 0;
        while (first < order.length && confidence[order[first]] < t) {
            first++;
        }
        int from = above ? first : Math.max(0, first - LOCAL_WINDOW);
        int to = above ? Math.min(order.length, first + LOCAL_WINDOW) : first;
        if (to <= from) {
            return Double.NaN;
        }
        int right = 0;
        for (int k = from; k < to; k++) {
            right += correct[order[k]] ? 1 : 0;
        }
        return right / (double) (to - from);
    }
}
