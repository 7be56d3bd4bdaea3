package vn.warddesk.nlu;

import java.util.ArrayList;
import java.util.List;

/**
 * Confidence calibration by temperature scaling (Guo et al., "On Calibration of Modern Neural Networks", 2017): the
 * calibrated probabilities are {@code softmax(scores / T)} with one temperature T fitted by minimising the negative
 * log-likelihood of a validation split of the training data. One parameter cannot overfit a few hundred lines, keeps
 * the ranking of the outcomes (the top intent never changes) and makes the top probability a monotone function of the
 * model's own margin; isotonic regression would need more validation lines per bin than we have. Also the measures
 * (expected calibration error, the reliability table) and the recommended thresholds, read off a two-parameter
 * {@link AccuracyCurve} of the calibrated answers with a 95 % bound ({@link #thresholds}).
 */
final class Calibration {

    /** Model metadata keys: the fitted temperature and the thresholds read off the calibrated validation answers. */
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

    /** The recommended thresholds: answer directly at or above {@code clarify}, offer staff below {@code handoff}. */
    record Thresholds(double clarify, double handoff) {
    }

    /**
     * One-sided 95 % normal quantile: a threshold is claimed only where the bound of the fitted accuracy, not the fit
     * itself, meets the target.
     */
    static final double BOUND_Z = 1.645;
    /** Thresholds are read on this grid (0.01 … 0.99): a small change of the data moves them by a step or two. */
    static final int GRID = 100;

    /**
     * Thresholds read off the {@link AccuracyCurve} fitted to all calibrated validation answers (≈ 1,270 lines, ≈ 70 of
     * them wrong). {@code clarify} = the lowest confidence from which on the answer is right at least
     * {@code answerAccuracy} of the time by the curve's lower 95 % bound ("at ≥ 0.93 the answer is right at least 9 times
     * in 10"): answer directly at or above it, ask "did you mean" below it; 1.0 when no confidence qualifies. {@code
     * handoff} = the highest confidence up to which the top answer is right at most half the time by the curve's upper
     * 95 % bound: say "I did not understand" and offer staff below it; 0 when none. Never handoff > clarify.
     * <p>
     * Why a fitted curve: the accuracy <em>at</em> a confidence is what a threshold promises (with most answers near 1.0
     * and right, the accuracy of all answers above any threshold is ~99 %), but read from the ~20 answers next to each
     * 0.05 step it jumped 0.80 … 0.95 between retrainings that changed 1–2 % of the lines. Two parameters fitted on every
     * answer move little when a few lines change (0.93–0.95 on the same perturbations; README, "Pipeline" 4 and
     * "Issue 20, point 1").
     */
    static Thresholds thresholds(double[] confidence, boolean[] correct, double answerAccuracy) {
        AccuracyCurve curve = AccuracyCurve.fit(confidence, correct);
        double clarify = 1.0;
        for (int step = GRID - 1; step >= 1 && curve.lowerBound(step / (double) GRID, BOUND_Z) >= answerAccuracy; step--) {
            clarify = step / (double) GRID;
        }
        double handoff = 0;
        for (int step = 1; step < GRID && curve.upperBound(step / (double) GRID, BOUND_Z) <= 0.5; step++) {
            handoff = step / (double) GRID;
        }
        return new Thresholds(clarify, Math.min(handoff, clarify));
    }

    /**
     * How often a calibrated answer is right as a function of its confidence c: {@code σ(a + b·logit c)}, fitted by
     * maximum likelihood (Newton) on every validation answer, with the covariance of (a, b) for a confidence band. A
     * perfectly calibrated model has a = 0, b = 1; temperature scaling fits the whole distribution, so the top
     * probability can still be a little off at either end (b ≈ 0.7–0.9 here: slightly too sure near 1, too shy below
     * 0.5). A weak pull towards (0, 1), worth about one answer, keeps the fit finite when every answer is right.
     */
    record AccuracyCurve(double intercept, double slope, double varianceIntercept, double covariance, double varianceSlope) {

        private static final double PRIOR = 1.0, EDGE = 1e-6;

        /** Newton's method with step halving (a full step can overshoot when the answers are far from calibrated). */
        static AccuracyCurve fit(double[] confidence, boolean[] correct) {
            double[] x = new double[confidence.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = logit(confidence[i]);
            }
            double a = 0, b = 1;
            double value = logLikelihood(x, correct, a, b);
            for (int iteration = 0; iteration < 100; iteration++) {
                double[] gh = gradientAndHessian(x, correct, a, b);
                double determinant = gh[2] * gh[4] - gh[3] * gh[3];
                double da = (gh[4] * gh[0] - gh[3] * gh[1]) / determinant, db = (gh[2] * gh[1] - gh[3] * gh[0]) / determinant;
                double step = 1, next = logLikelihood(x, correct, a + da, b + db);
                while (!(next >= value) && step > 1e-10) {
                    step /= 2;
                    next = logLikelihood(x, correct, a + step * da, b + step * db);
                }
                if (!(next >= value)) {
                    break;
                }
                a += step * da;
                b += step * db;
                value = next;
                if (step * (Math.abs(da) + Math.abs(db)) < 1e-10) {
                    break;
                }
            }
            double[] gh = gradientAndHessian(x, correct, a, b);
            double determinant = gh[2] * gh[4] - gh[3] * gh[3];
            return new AccuracyCurve(a, b, gh[4] / determinant, -gh[3] / determinant, gh[2] / determinant);
        }

        /** Penalised log-likelihood of the answers under σ(a + b·x). */
        private static double logLikelihood(double[] x, boolean[] correct, double a, double b) {
            double total = -PRIOR / 2 * (a * a + (b - 1) * (b - 1));
            for (int i = 0; i < x.length; i++) {
                double z = a + b * x[i];
                total -= softplus(correct[i] ? -z : z);
            }
            return total;
        }

        /** Gradient (d/da, d/db) and the negated Hessian (aa, ab, bb) of {@link #logLikelihood}. */
        private static double[] gradientAndHessian(double[] x, boolean[] correct, double a, double b) {
            double ga = -PRIOR * a, gb = -PRIOR * (b - 1), haa = PRIOR, hab = 0, hbb = PRIOR;
            for (int i = 0; i < x.length; i++) {
                double q = sigmoid(a + b * x[i]), residual = (correct[i] ? 1 : 0) - q, weight = q * (1 - q);
                ga += residual;
                gb += residual * x[i];
                haa += weight;
                hab += weight * x[i];
                hbb += weight * x[i] * x[i];
            }
            return new double[] {ga, gb, haa, hab, hbb};
        }

        private static double softplus(double z) {
            return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
        }

        double accuracy(double c) {
            return sigmoid(intercept + slope * logit(c));
        }

        double lowerBound(double c, double z) {
            return sigmoid(intercept + slope * logit(c) - z * standardError(c));
        }

        double upperBound(double c, double z) {
            return sigmoid(intercept + slope * logit(c) + z * standardError(c));
        }

        private double standardError(double c) {
            double x = logit(c);
            return Math.sqrt(Math.max(0, varianceIntercept + 2 * x * covariance + x * x * varianceSlope));
        }

        private static double logit(double c) {
            double p = Math.min(1 - EDGE, Math.max(EDGE, c));
            return Math.log(p / (1 - p));
        }

        private static double sigmoid(double z) {
            return 1 / (1 + Math.exp(-z));
        }
    }
}
