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

    /** One prediction to score. */
    record Prediction(Dataset.Example example, String intent, Optional<String> aspect, boolean accented) {
    }

    static List<Prediction> predict(Nlu nlu, List<Dataset.Example> examples) {
        CompiledModel aspects = nlu.aspectModel().orElse(null);
        Features.HashBuffer buffer = new Features.HashBuffer();
        List<Prediction> predictions = new ArrayList<>(examples.size());
        boolean expand = Boolean.parseBoolean(nlu.intentModel().metadata().getOrDefault("abbreviations", "true"));
        for (Dataset.Example example : examples) {
            NormalizedText text = TextNormalizer.normalize(example.text(), expand);
            String intent = text.hasLetters() ? nlu.classify(text, List.of()).intent() : Nlu.OUT_OF_SCOPE;
            Optional<String> aspect = Optional.empty();
            if (aspects != null && example.aspect().isPresent()) {
                // Aspect accuracy is measured on its own: the aspect model's answer for every procedure line.
                Features.hashes(text, buffer);
                double[] probabilities = aspects.probabilities(buffer);
                aspect = Optional.of(aspects.outcome(Nlu.topIndices(probabilities, 1)[0]));
            }
            String lower = TextNormalizer.nfc(example.text()).toLowerCase(java.util.Locale.ROOT);
            // Accented = the line as written carries diacritics (abbreviation expansion must not count).
            predictions.add(new Prediction(example, intent, aspect, !TextNormalizer.fold(lower).equals(lower)));
        }
        return predictions;
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
            f1Sum += f1;
            Map<String, Object> scores = new LinkedHashMap<>();
            scores.put("precision", round(precision));
            scores.put("recall", round(recall));
            scores.put("f1", round(f1));
            scores.put("support", tp + fn);
            perLabel.put(label, scores);
        }
        report.put("macroF1", round(labels.isEmpty() ? 0 : f1Sum / labels.size()));
        List<Prediction> accented = predictions.stream().filter(Prediction::accented).toList();
        List<Prediction> unaccented = predictions.stream().filter(p -> !p.accented()).toList();
        report.put("accented", Map.of("examples", accented.size(), "accuracy", round(accuracy(accented))));
        report.put("unaccented", Map.of("examples", unaccented.size(), "accuracy", round(accuracy(unaccented))));
        List<Prediction> withAspect = predictions.stream().filter(p -> p.aspect().isPresent()).toList();
        if (!withAspect.isEmpty()) {
            long correct = withAspect.stream().filter(p -> p.aspect().equals(p.example().aspect())).count();
            report.put("aspect", Map.of("examples", withAspect.size(), "accuracy", round(correct / (double) withAspect.size())));
        }
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
