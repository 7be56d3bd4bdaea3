package vn.warddesk.nlu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Temperature scaling, ECE and the reliability table on synthetic sets whose answers are known. */
class CalibrationTest {

    @Test
    void ece_is_the_count_weighted_gap_between_accuracy_and_confidence_per_bin() {
        // Bin [14/15, 1): four answers at 0.95, three right -> gap 0.20; bin [8/15, 9/15): two at 0.55, one right -> 0.05.
        double[] confidence = {0.95, 0.95, 0.95, 0.95, 0.55, 0.55};
        boolean[] correct = {true, true, true, false, true, false};
        assertEquals((4 * 0.20 + 2 * 0.05) / 6, Calibration.expectedCalibrationError(confidence, correct, 15), 1e-12);
        List<Calibration.Bin> table = Calibration.reliability(confidence, correct, 15);
        assertEquals(15, table.size());
        assertEquals(4, table.get(14).count());
        assertEquals(0.75, table.get(14).accuracy(), 1e-12);
        assertEquals(2, table.get(8).count());
    }

    @Test
    void a_confidence_of_exactly_one_falls_in_the_last_bin_and_a_perfect_set_has_no_error() {
        double[] confidence = {1.0, 1.0, 0.0};
        boolean[] correct = {true, true, false};
        assertEquals(2, Calibration.reliability(confidence, correct, 15).get(14).count());
        assertEquals(0.0, Calibration.expectedCalibrationError(confidence, correct, 15), 1e-12);
    }

    /** Labels drawn from softmax(z); the "model" reports softmax(3 z): three times too sure of itself. */
    private static Synthetic overconfident(int n, long seed) {
        Random random = new Random(seed);
        List<double[]> scores = new ArrayList<>();
        int[] gold = new int[n];
        double[] p = new double[4];
        for (int i = 0; i < n; i++) {
            double[] z = new double[4];
            for (int k = 0; k < z.length; k++) {
                z[k] = random.nextGaussian() * 1.5;
            }
            Calibration.softmax(z, 1, p);
            double u = random.nextDouble(), cumulative = 0;
            gold[i] = p.length - 1;
            for (int k = 0; k < p.length; k++) {
                cumulative += p[k];
                if (u < cumulative) {
                    gold[i] = k;
                    break;
                }
            }
            double[] model = new double[z.length];
            for (int k = 0; k < z.length; k++) {
                model[k] = 3 * z[k];
            }
            scores.add(model);
        }
        return new Synthetic(scores, gold);
    }

    private record Synthetic(List<double[]> scores, int[] gold) {
        double ece(double temperature) {
            double[] confidence = new double[gold.length];
            boolean[] correct = new boolean[gold.length];
            double[] p = new double[scores.get(0).length];
            for (int i = 0; i < gold.length; i++) {
                Calibration.softmax(scores.get(i), temperature, p);
                int best = Nlu.topIndices(p, 1)[0];
                confidence[i] = p[best];
                correct[i] = best == gold[i];
            }
            return Calibration.expectedCalibrationError(confidence, correct, Calibration.BINS);
        }
    }

    @Test
    void temperature_scaling_finds_the_overconfidence_and_removes_most_of_the_calibration_error() {
        Synthetic set = overconfident(4000, 7);
        double temperature = Calibration.fitTemperature(set.scores(), set.gold());
        assertEquals(3.0, temperature, 0.3);
        double before = set.ece(1), after = set.ece(temperature);
        assertTrue(before > 0.1, "the synthetic model is overconfident: ECE " + before);
        assertTrue(after < 0.03, "after calibration ECE " + after);
    }

    @Test
    void calibrated_confidence_is_monotone_in_the_raw_confidence() {
        // Two outcomes: the top probability is a function of the score gap only, so a temperature must keep the order.
        double temperature = 2.7;
        double previousRaw = -1, previousCalibrated = -1;
        double[] raw = new double[2], calibrated = new double[2];
        for (double gap = 0; gap <= 20; gap += 0.25) {
            double[] scores = {gap, 0};
            Calibration.softmax(scores, 1, raw);
            Calibration.softmax(scores, temperature, calibrated);
            assertTrue(raw[0] >= previousRaw && calibrated[0] >= previousCalibrated, "gap " + gap);
            assertTrue(calibrated[0] <= raw[0] + 1e-12, "a temperature above 1 only lowers the top probability");
            previousRaw = raw[0];
            previousCalibrated = calibrated[0];
        }
    }

    /** {@code n} answers with confidence uniform in [0.2, 1): right with probability {@code accuracy(confidence)}. */
    private static Answers answers(int n, long seed, java.util.function.DoubleUnaryOperator accuracy) {
        return answers(n, seed, u -> 0.2 + 0.8 * u, accuracy);
    }

    /**
     * Calibrated answers shaped like the real validation split: most near 1, about 1 in 10 between 0.8 and 0.95, a few
     * dozen below 0.5, about 6 % wrong ({@code 1 − 0.8·u¹²} for uniform u).
     */
    private static Answers likeTheValidationSplit(int n, long seed) {
        return answers(n, seed, u -> 1 - 0.8 * Math.pow(u, 12), c -> c);
    }

    private static Answers answers(int n, long seed, java.util.function.DoubleUnaryOperator spread,
                                   java.util.function.DoubleUnaryOperator accuracy) {
        Random random = new Random(seed);
        double[] confidence = new double[n];
        boolean[] correct = new boolean[n];
        for (int i = 0; i < n; i++) {
            confidence[i] = spread.applyAsDouble(random.nextDouble());
            correct[i] = random.nextDouble() < accuracy.applyAsDouble(confidence[i]);
        }
        return new Answers(confidence, correct);
    }

    private record Answers(double[] confidence, boolean[] correct) {
        /** A copy without the answers {@code random} drops (each with probability {@code dropShare}), others twice. */
        Answers changed(Random random, double dropShare, double twiceShare) {
            List<Integer> kept = new ArrayList<>();
            for (int i = 0; i < confidence.length; i++) {
                double u = random.nextDouble();
                if (u >= dropShare) {
                    kept.add(i);
                }
                if (u >= dropShare && u < dropShare + twiceShare) {
                    kept.add(i);
                }
            }
            double[] c = new double[kept.size()];
            boolean[] r = new boolean[kept.size()];
            for (int k = 0; k < c.length; k++) {
                c[k] = confidence[kept.get(k)];
                r[k] = correct[kept.get(k)];
            }
            return new Answers(c, r);
        }

        Calibration.Thresholds thresholds() {
            return Calibration.thresholds(confidence, correct, 0.9);
        }
    }

    @Test
    void on_calibrated_answers_the_thresholds_are_just_above_nine_in_ten_and_at_or_below_half() {
        Calibration.Thresholds thresholds = answers(2000, 11, c -> c).thresholds();
        // The lower bound of the fit has to reach 0.9, so the threshold sits at or a little above 0.9, never below.
        assertTrue(thresholds.clarify() >= 0.9 && thresholds.clarify() <= 0.95, "clarify " + thresholds.clarify());
        assertTrue(thresholds.handoff() >= 0.35 && thresholds.handoff() <= 0.5, "handoff " + thresholds.handoff());
    }

    @Test
    void an_overconfident_model_gets_a_clarify_threshold_where_its_answers_really_are_right_nine_times_in_ten() {
        // Right with probability c²: an answer at confidence c is right 9 times in 10 only from c = 0.949 on.
        Calibration.Thresholds thresholds = answers(4000, 5, c -> c * c).thresholds();
        assertTrue(thresholds.clarify() >= 0.949, "clarify " + thresholds.clarify());
        assertTrue(thresholds.clarify() < 1.0, "clarify " + thresholds.clarify());
        Calibration.AccuracyCurve curve = Calibration.AccuracyCurve.fit(answers(4000, 5, c -> c * c).confidence(),
                answers(4000, 5, c -> c * c).correct());
        assertEquals(0.81, curve.accuracy(0.9), 0.03, "the fitted curve follows the true accuracy");
    }

    @Test
    void the_thresholds_move_little_when_a_few_answers_are_dropped_or_doubled() {
        // As between two retrainings: 1 % of the answers dropped and 2 % counted twice, ten times over. The former rule
        // (the 20 answers next to each 0.05 step) moved between 0.80 and 0.95 on this set, as on the real data.
        Answers base = likeTheValidationSplit(1300, 3);
        double lowest = 1, highest = 0, lowestHandoff = 1, highestHandoff = 0;
        Random random = new Random(17);
        for (int variant = 0; variant < 10; variant++) {
            Calibration.Thresholds thresholds = base.changed(random, 0.01, 0.02).thresholds();
            lowest = Math.min(lowest, thresholds.clarify());
            highest = Math.max(highest, thresholds.clarify());
            lowestHandoff = Math.min(lowestHandoff, thresholds.handoff());
            highestHandoff = Math.max(highestHandoff, thresholds.handoff());
        }
        assertTrue(highest - lowest <= 0.02 + 1e-9, "clarify between " + lowest + " and " + highest);
        assertTrue(highestHandoff - lowestHandoff <= 0.05 + 1e-9, "handoff between " + lowestHandoff + " and " + highestHandoff);
    }

    @Test
    void when_confidence_says_nothing_about_being_right_no_answer_is_given_without_asking() {
        Calibration.Thresholds coinFlips = answers(2000, 23, c -> 0.5).thresholds();
        assertEquals(1.0, coinFlips.clarify(), 1e-12);
        assertTrue(coinFlips.handoff() <= coinFlips.clarify());
    }

    @Test
    void every_answer_right_or_no_answer_at_all_still_gives_finite_thresholds_in_order() {
        double[] confidence = {0.97, 0.99, 0.95, 0.98, 0.999};
        boolean[] allRight = {true, true, true, true, true};
        for (Calibration.Thresholds thresholds : List.of(Calibration.thresholds(confidence, allRight, 0.9),
                Calibration.thresholds(new double[0], new boolean[0], 0.9))) {
            assertTrue(thresholds.clarify() >= 0 && thresholds.clarify() <= 1, thresholds.toString());
            assertTrue(thresholds.handoff() >= 0 && thresholds.handoff() <= thresholds.clarify(), thresholds.toString());
        }
    }
}
