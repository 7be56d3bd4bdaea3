package vn.warddesk.nlu;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/** Accuracy, macro-F1, per-label precision/recall and confusion pairs of a model on labelled examples. */
final class Evaluation {

    private Evaluation() {
    }

    /**
     * One prediction to score: the intent with its calibrated probability ({@code confidence}, what {@code understand()}
     * reports) and the raw maxent probability of the same intent before calibration.
     */
    record Prediction(Dataset.Example example, String intent, Optional<String> aspect, boolean accented, double confidence,
                      double rawConfidence) {
        boolean correct() {
            return intent.equals(example.label());
        }
    }

    static List<Prediction> predict(Nlu nlu, List<Dataset.Example> examples) {
        List<Prediction> predictions = new ArrayList<>(examples.size());
        boolean expand = Boolean.parseBoolean(nlu.intentModel().metadata().getOrDefault("abbreviations", "true"));
        for (Dataset.Example example : examples) {
            NormalizedText text = TextNormalizer.normalize(example.text(), expand);
            String intent = Nlu.OUT_OF_SCOPE;
            double confidence = 1, raw = 1;
            Optional<String> aspect = Optional.empty();
            if (text.hasLetters()) {
                Understanding understood = nlu.classify(text, List.of());
                intent = understood.intent();
                confidence = understood.confidence();
                // classify() left this text's scores in the thread's scratch arrays.
                Nlu.Scratch work = nlu.scratch();
                raw = nlu.rawTopProbability(work);
                if (example.aspect().isPresent()) {
                    // Aspect accuracy is measured on its own: the aspect model's answer for every line that has one, as
                    // if the intent had been right.
                    aspect = nlu.aspectOf(example.label(), work.aspectProbabilities).map(Nlu.Aspect::name);
                }
            }
            String lower = TextNormalizer.nfc(example.text()).toLowerCase(java.util.Locale.ROOT);
            // Accented = the line as written carries diacritics (abbreviation expansion must not count).
            predictions.add(new Prediction(example, intent, aspect, !TextNormalizer.fold(lower).equals(lower), confidence, raw));
        }
        return predictions;
    }

    /**
     * Per gold intent: accuracy on the accented and on the unaccented lines and the gap in points (accented − unaccented),
     * largest gap first; where the two forms are understood differently.
     */
    static List<String> accentGap(List<Prediction> predictions) {
        Map<String, int[]> counts = new TreeMap<>();
        for (Prediction p : predictions) {
            int[] c = counts.computeIfAbsent(p.example().label(), key -> new int[4]);
            int offset = p.accented() ? 0 : 2;
            c[offset]++;
            c[offset + 1] += p.correct() ? 1 : 0;
        }
        List<Map.Entry<String, int[]>> rows = new ArrayList<>(counts.entrySet());
        java.util.function.ToDoubleFunction<int[]> gap = c -> (c[0] == 0 || c[2] == 0) ? 0
                : 100.0 * c[1] / c[0] - 100.0 * c[3] / c[2];
        rows.sort(Comparator.comparingDouble((Map.Entry<String, int[]> e) -> -gap.applyAsDouble(e.getValue()))
                .thenComparing(Map.Entry::getKey));
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, int[]> row : rows) {
            int[] c = row.getValue();
            lines.add(String.format(java.util.Locale.ROOT, "%-32s accented %3d/%3d  unaccented %3d/%3d  gap %+.1f",
                    row.getKey(), c[1], c[0], c[3], c[2], gap.applyAsDouble(c)));
        }
        return lines;
    }

    /**
     * ECE (15 bins) before and after calibration, the reliability table of the calibrated confidences, and the fitted
     * accuracy curve with the thresholds these answers support ({@link Calibration#thresholds}).
     */
    static Map<String, Object> calibration(List<Prediction> predictions) {
        double[] calibrated = predictions.stream().mapToDouble(Prediction::confidence).toArray();
        double[] raw = predictions.stream().mapToDouble(Prediction::rawConfidence).toArray();
        boolean[] correct = new boolean[predictions.size()];
        for (int i = 0; i < correct.length; i++) {
            correct[i] = predictions.get(i).correct();
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("eceRaw", round(Calibration.expectedCalibrationError(raw, correct, Calibration.BINS)));
        report.put("eceCalibrated", round(Calibration.expectedCalibrationError(calibrated, correct, Calibration.BINS)));
        List<String> table = new ArrayList<>();
        table.add("bin          count  confidence  accuracy");
        for (Calibration.Bin bin : Calibration.reliability(calibrated, correct, Calibration.BINS)) {
            if (bin.count() > 0) {
                table.add(String.format(java.util.Locale.ROOT, "[%.3f,%.3f) %5d  %10.3f  %8.3f", bin.from(), bin.to(),
                        bin.count(), bin.meanConfidence(), bin.accuracy()));
            }
        }
        report.put("reliability", table);
        Map<String, Object> above = new LinkedHashMap<>();
        for (double t : new double[] {0.5, 0.6, 0.7, 0.8, 0.9, 0.95}) {
            long n = predictions.stream().filter(p -> p.confidence() >= t).count();
            above.put(String.format(java.util.Locale.ROOT, ">=%.2f", t), Map.of("share", round(n / (double) Math.max(1, predictions.size())),
                    "accuracy", round(Calibration.accuracyAtOrAbove(calibrated, correct, t))));
        }
        report.put("answersAtOrAbove", above);
        // The accuracy curve the build reads its thresholds from, fitted to these answers: on a split the build did not
        // calibrate on (data/validation), the thresholds it supports can be held against the shipped ones.
        Calibration.AccuracyCurve curve = Calibration.AccuracyCurve.fit(calibrated, correct);
        Calibration.Thresholds supported = Calibration.thresholds(calibrated, correct, BuildModels.ANSWER_ACCURACY);
        Map<String, Object> fitted = new LinkedHashMap<>();
        fitted.put("intercept", round(curve.intercept()));
        fitted.put("slope", round(curve.slope()));
        for (double c : new double[] {0.5, 0.9, 0.95}) {
            fitted.put(String.format(java.util.Locale.ROOT, "accuracyAt%.2f", c), round(curve.accuracy(c)));
        }
        // With 95 % bounds: a split with few wrong answers supports only cautious thresholds (clarify high, handoff low).
        fitted.put("supportedClarify", supported.clarify());
        fitted.put("supportedHandoff", supported.handoff());
        report.put("accuracyCurve", fitted);
        return report;
    }

    static Map<String, Object> report(List<Prediction> predictions, boolean listErrors) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("examples", predictions.size());
        report.put("accuracy", round(accuracy(predictions)));
        TreeSet<String> labels = new TreeSet<>();
        Map<String, Integer> confusions = new TreeMap<>();
        for (Prediction p : predictions) {
            labels.add(p.example().label());
            labels.add(p.intent());
            if (!p.intent().equals(p.example().label())) {
                confusions.merge(p.example().label() + " -> " + p.intent(), 1, Integer::sum);
            }
        }
        Map<String, Object> perLabel = new LinkedHashMap<>();
        double f1Sum = 0;
        int supported = 0;
        for (String label : labels) {
            int tp = 0, fp = 0, fn = 0;
            for (Prediction p : predictions) {
                boolean gold = p.example().label().equals(label);
                boolean predicted = p.intent().equals(label);
                tp += gold && predicted ? 1 : 0;
                fp += !gold && predicted ? 1 : 0;
                fn += gold && !predicted ? 1 : 0;
            }
            double precision = tp + fp == 0 ? 0 : tp / (double) (tp + fp);
            double recall = tp + fn == 0 ? 0 : tp / (double) (tp + fn);
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            // Macro-F1 over the labels the data has: a label that is only predicted (e.g. procedure_followup on a split
            // without such lines) has its false positives counted in the precision of no gold label, but is no class of the data.
            if (tp + fn > 0) {
                f1Sum += f1;
                supported++;
            }
            Map<String, Object> scores = new LinkedHashMap<>();
            scores.put("precision", round(precision));
            scores.put("recall", round(recall));
            scores.put("f1", round(f1));
            scores.put("support", tp + fn);
            perLabel.put(label, scores);
        }
        report.put("macroF1", round(supported == 0 ? 0 : f1Sum / supported));
        List<Prediction> accented = predictions.stream().filter(Prediction::accented).toList();
        List<Prediction> unaccented = predictions.stream().filter(p -> !p.accented()).toList();
        report.put("accented", Map.of("examples", accented.size(), "accuracy", round(accuracy(accented))));
        report.put("unaccented", Map.of("examples", unaccented.size(), "accuracy", round(accuracy(unaccented))));
        List<Prediction> withAspect = predictions.stream().filter(p -> p.aspect().isPresent()).toList();
        if (!withAspect.isEmpty()) {
            long correct = withAspect.stream().filter(p -> p.aspect().equals(p.example().aspect())).count();
            report.put("aspect", Map.of("examples", withAspect.size(), "accuracy", round(correct / (double) withAspect.size())));
        }
        List<Prediction> aspectOnly = withAspect.stream()
                .filter(p -> p.example().label().equals(Understanding.ASPECT_ONLY)).toList();
        if (!aspectOnly.isEmpty()) {
            long correct = aspectOnly.stream().filter(p -> p.aspect().equals(p.example().aspect())).count();
            report.put("aspectOnly", Map.of("examples", aspectOnly.size(), "intentAccuracy", round(accuracy(aspectOnly)),
                    "aspectAccuracy", round(correct / (double) aspectOnly.size())));
        }
        report.put("calibration", calibration(predictions));
        report.put("accentGapPerIntent", accentGap(predictions));
        report.put("labels", perLabel);
        List<Map<String, Object>> pairs = new ArrayList<>();
        confusions.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .forEach(entry -> {
                    String[] parts = entry.getKey().split(" -> ");
                    Map<String, Object> pair = new LinkedHashMap<>();
                    pair.put("expected", parts[0]);
                    pair.put("predicted", parts[1]);
                    pair.put("count", entry.getValue());
                    pairs.add(pair);
                });
        report.put("confusions", pairs);
        if (listErrors) {
            List<String> errors = new ArrayList<>();
            for (Prediction p : predictions) {
                if (!p.intent().equals(p.example().label())) {
                    errors.add(p.example().source() + ":" + p.example().line() + " " + p.example().label() + " -> " + p.intent()
                            + " | " + p.example().text());
                } else if (p.aspect().isPresent() && !p.aspect().equals(p.example().aspect())) {
                    errors.add(p.example().source() + ":" + p.example().line() + " aspect " + p.example().aspect().orElse("-")
                            + " -> " + p.aspect().get() + " | " + p.example().text());
                }
            }
            report.put("errors", errors);
        }
        return report;
    }

    /**
     * Aspect-only follow-ups ({@code aspect<TAB>text}, no intent: the procedure is the conversation's topic): the aspect
     * {@code understand()} reports, and how often the intent says "aspect only" or "out of scope" (which would end in a
     * wrong answer).
     */
    static Map<String, Object> followUps(Nlu nlu, List<Dataset.Example> lines, boolean listErrors) {
        int aspectRight = 0, aspectOnly = 0, outOfScope = 0, accented = 0, accentedRight = 0;
        Map<String, int[]> perAspect = new TreeMap<>();
        List<String> errors = new ArrayList<>();
        for (Dataset.Example line : lines) {
            Understanding u = nlu.understand(line.text(), java.util.Locale.ROOT, java.time.LocalDate.of(2026, 12, 6));
            boolean right = u.aspect().orElse("").equals(line.label());
            String lower = TextNormalizer.nfc(line.text()).toLowerCase(java.util.Locale.ROOT);
            boolean hasDiacritics = !TextNormalizer.fold(lower).equals(lower);
            aspectRight += right ? 1 : 0;
            accented += hasDiacritics ? 1 : 0;
            accentedRight += hasDiacritics && right ? 1 : 0;
            aspectOnly += u.aspectOnly() ? 1 : 0;
            outOfScope += u.intent().equals(Nlu.OUT_OF_SCOPE) ? 1 : 0;
            int[] counts = perAspect.computeIfAbsent(line.label(), key -> new int[2]);
            counts[0]++;
            counts[1] += right ? 1 : 0;
            if (!right && listErrors) {
                errors.add(line.source() + ":" + line.line() + " aspect " + line.label() + " -> " + u.aspect().orElse("none")
                        + " (" + u.intent() + ") | " + line.text());
            }
        }
        int n = Math.max(1, lines.size());
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("examples", lines.size());
        report.put("aspectAccuracy", round(aspectRight / (double) n));
        report.put("accentedAspectAccuracy", round(accented == 0 ? 0 : accentedRight / (double) accented));
        report.put("unaccentedAspectAccuracy", round(lines.size() == accented ? 0
                : (aspectRight - accentedRight) / (double) (lines.size() - accented)));
        report.put("intentAspectOnly", round(aspectOnly / (double) n));
        report.put("intentOutOfScope", round(outOfScope / (double) n));
        Map<String, Object> byAspect = new LinkedHashMap<>();
        perAspect.forEach((aspect, counts) -> byAspect.put(aspect, Map.of("examples", counts[0],
                "accuracy", round(counts[1] / (double) counts[0]))));
        report.put("perAspect", byAspect);
        if (listErrors) {
            report.put("errors", errors);
        }
        return report;
    }

    static double accuracy(List<Prediction> predictions) {
        if (predictions.isEmpty()) {
            return 0;
        }
        return predictions.stream().filter(p -> p.intent().equals(p.example().label())).count() / (double) predictions.size();
    }

    static double aspectAccuracy(List<Prediction> predictions) {
        List<Prediction> withAspect = predictions.stream().filter(p -> p.aspect().isPresent()).toList();
        if (withAspect.isEmpty()) {
            return Double.NaN;
        }
        return withAspect.stream().filter(p -> p.aspect().equals(p.example().aspect())).count() / (double) withAspect.size();
    }

    static double round(double value) {
        return Math.round(value * 10000) / 10000.0;
    }
}
