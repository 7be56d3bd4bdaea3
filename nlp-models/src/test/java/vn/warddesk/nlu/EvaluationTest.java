package vn.warddesk.nlu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class EvaluationTest {

    private static Evaluation.Prediction prediction(String gold, String predicted, boolean accented, double calibrated,
                                                    double raw) {
        return new Evaluation.Prediction(new Dataset.Example(gold, Optional.empty(), "x", "t", 1), predicted, Optional.empty(),
                accented, calibrated, raw);
    }

    @Test
    void the_report_gives_ece_before_and_after_calibration_and_a_reliability_table() {
        List<Evaluation.Prediction> predictions = new ArrayList<>();
        // Raw: always 0.99 sure, right 3 times in 4 -> ECE 0.24. Calibrated: 0.75, right 3 in 4 -> ECE 0.
        predictions.add(prediction("a", "a", true, 0.75, 0.99));
        predictions.add(prediction("a", "a", true, 0.75, 0.99));
        predictions.add(prediction("b", "b", false, 0.75, 0.99));
        predictions.add(prediction("b", "a", false, 0.75, 0.99));
        Map<String, Object> calibration = Evaluation.calibration(predictions);
        assertEquals(0.24, (double) calibration.get("eceRaw"), 1e-9);
        assertEquals(0.0, (double) calibration.get("eceCalibrated"), 1e-9);
        @SuppressWarnings("unchecked")
        List<String> table = (List<String>) calibration.get("reliability");
        assertEquals(2, table.size(), "header and the one non-empty bin: " + table);
        assertTrue(table.get(1).contains("4"));
    }

    @Test
    void the_report_fits_the_accuracy_curve_and_gives_the_thresholds_the_answers_support() {
        // Answers right with probability c² at confidence c: at 0.9 right 81 % of the time, 9 in 10 only from 0.949 on.
        java.util.Random random = new java.util.Random(3);
        List<Evaluation.Prediction> predictions = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            double confidence = 0.2 + 0.8 * random.nextDouble();
            boolean right = random.nextDouble() < confidence * confidence;
            predictions.add(prediction("a", right ? "a" : "b", true, confidence, confidence));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> curve = (Map<String, Object>) Evaluation.calibration(predictions).get("accuracyCurve");
        assertEquals(0.81, (double) curve.get("accuracyAt0.90"), 0.03, curve.toString());
        assertTrue((double) curve.get("supportedClarify") >= 0.949, curve.toString());
        assertTrue((double) curve.get("supportedHandoff") <= (double) curve.get("supportedClarify"), curve.toString());
    }

    @Test
    void the_accent_gap_is_listed_per_intent_largest_first() {
        List<Evaluation.Prediction> predictions = List.of(
                prediction("a", "a", true, 1, 1), prediction("a", "b", false, 1, 1),
                prediction("b", "b", true, 1, 1), prediction("b", "b", false, 1, 1));
        List<String> gap = Evaluation.accentGap(predictions);
        assertTrue(gap.get(0).startsWith("a") && gap.get(0).contains("+100.0"), gap.toString());
        assertTrue(gap.get(1).startsWith("b") && gap.get(1).contains("+0.0"), gap.toString());
    }
}
