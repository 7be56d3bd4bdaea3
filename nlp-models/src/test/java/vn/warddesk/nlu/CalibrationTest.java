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

    @Test
    void the_thresholds_are_where_a_calibrated_answer_is_right_nine_times_in_ten_and_half_the_time() {
        // 2,000 perfectly calibrated answers: confidence c, right with probability c.
        Random random = new Random(11);
        double[] confidence = new double[2000];
        boolean[] correct = new boolean[confidence.length];
        for (int i = 0; i < confidence.length; i++) {
            confidence[i] = 0.2 + 0.8 * random.nextDouble();
            correct[i] = random.nextDouble() < confidence[i];
        }
        double[] thresholds = Calibration.thresholds(confidence, correct, 0.9);
        assertEquals(0.9, thresholds[0], 0.1, "clarify");
        assertEquals(0.5, thresholds[1], 0.15, "handoff");
        // With nearly all answers right overall, a cumulative rule would pick the lowest threshold; the local one does not.
        assertTrue(Calibration.accuracyAtOrAbove(confidence, correct, 0.3) > 0.6 && thresholds[0] > 0.7);
    }
}
