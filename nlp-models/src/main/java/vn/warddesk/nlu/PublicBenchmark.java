package vn.warddesk.nlu;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Trains the generic trainer on a public intent benchmark laid out as VinAI's PhoATIS (JointIDSF repository) and scores it
 * on the test split as written and with every diacritic stripped. The benchmark's licence forbids redistribution: it is
 * read from a checkout the maintainer points at, and the label<TAB>text files written from it stay in a temporary folder.
 *
 * <p>Layout: a folder with {@code train/label}, {@code train/seq.in}, {@code dev/…}, {@code test/…} (one line each per
 * utterance, the same number of lines in both files), or a folder holding {@code PhoATIS/<level>-level/} or
 * {@code <level>-level/} (the repository root or its {@code PhoATIS} folder).
 */
final class PublicBenchmark {

    static final List<String> LEVELS = List.of("syllable", "word");
    static final List<String> SPLITS = List.of("train", "dev", "test");

    /** What to run: the checkout, its level, whether dev lines train too, which split is scored, which features. */
    record Run(Path checkout, String level, boolean withDev, String scoredSplit, Features.Profile features) {
        Run {
            if (!LEVELS.contains(level)) {
                throw new IllegalArgumentException("level must be syllable or word, not '" + level + "'");
            }
            if (!scoredSplit.equals("test") && !scoredSplit.equals("dev")) {
                throw new IllegalArgumentException("--eval must be test or dev");
            }
            if (withDev && scoredSplit.equals("dev")) {
                throw new IllegalArgumentException("--with-dev trains on dev: score test, not dev");
            }
        }
    }

    private PublicBenchmark() {
    }

    /** The folder holding {@code train/label} for {@code level}, or an error that says which places were looked at. */
    static Path splitsFolder(Path checkout, String level) {
        List<Path> candidates = List.of(checkout, checkout.resolve("PhoATIS").resolve(level + "-level"),
                checkout.resolve(level + "-level"));
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate.resolve("train").resolve("label"))) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("no train/label under " + candidates + " (expected the PhoATIS layout: "
                + "train|dev|test/label and seq.in)");
    }

    /**
     * One split as examples: line i of {@code label} with line i of {@code seq.in}. Both files must have as many lines;
     * a blank utterance is skipped (there is nothing to classify) and counted in {@code skipped}.
     */
    static List<Dataset.Example> readSplit(Path folder, String split, int[] skipped) throws IOException {
        Path labels = folder.resolve(split).resolve("label");
        Path texts = folder.resolve(split).resolve("seq.in");
        List<String> labelLines = Files.readAllLines(labels, StandardCharsets.UTF_8);
        List<String> textLines = Files.readAllLines(texts, StandardCharsets.UTF_8);
        if (labelLines.size() != textLines.size()) {
            throw new IllegalArgumentException(labels + " has " + labelLines.size() + " lines but " + texts + " has "
                    + textLines.size());
        }
        List<Dataset.Example> examples = new ArrayList<>(labelLines.size());
        for (int i = 0; i < labelLines.size(); i++) {
            String label = labelLines.get(i).strip();
            String text = textLines.get(i).replace('\t', ' ').strip();
            if (label.isEmpty() || label.contains(" ") || label.contains("\t")) {
                throw new IllegalArgumentException(labels + ":" + (i + 1) + ": a label is one word");
            }
            if (text.isEmpty()) {
                skipped[0]++;
                continue;
            }
            examples.add(new Dataset.Example(label, Optional.empty(), text, texts.toString(), i + 1));
        }
        return examples;
    }

    /** Writes {@code label<TAB>text} lines, the generic trainer's own format (for {@code train} and {@code evaluate}). */
    static void writeTsv(List<Dataset.Example> examples, Path file) throws IOException {
        StringBuilder out = new StringBuilder();
        for (Dataset.Example example : examples) {
            out.append(example.label()).append('\t').append(example.text()).append('\n');
        }
        Files.writeString(file, out, StandardCharsets.UTF_8);
    }

    /** The examples with every diacritic of their text dropped (đ → d), as a phone without a Vietnamese keyboard types. */
    static List<Dataset.Example> stripped(List<Dataset.Example> examples) {
        return examples.stream().map(e -> new Dataset.Example(e.label(), e.aspect(),
                TextNormalizer.fold(TextNormalizer.nfc(e.text())), e.source(), e.line())).toList();
    }

    /**
     * Runs the benchmark: copies the splits as TSV into {@code workDir}, trains on train (and dev with
     * {@link Run#withDev}), scores the chosen split as written and stripped with the same model. Only aggregates are
     * reported, never a line.
     */
    static Map<String, Object> run(Run run, Path workDir) throws IOException {
        Path folder = splitsFolder(run.checkout(), run.level());
        int[] skipped = new int[1];
        Map<String, List<Dataset.Example>> splits = new LinkedHashMap<>();
        for (String split : SPLITS) {
            List<Dataset.Example> examples = readSplit(folder, split, skipped);
            splits.put(split, examples);
            writeTsv(examples, workDir.resolve(run.level() + "-" + split + ".tsv"));
        }
        List<Dataset.Example> training = new ArrayList<>(splits.get("train"));
        if (run.withDev()) {
            training.addAll(splits.get("dev"));
        }
        List<Dataset.Example> scored = splits.get(run.scoredSplit());
        BuildModels.Setup setup = BuildModels.Setup.forOtherData(Trainer.Params.SHIPPED, true, run.features());
        long started = System.nanoTime();
        double cpuAtStart = BuildModels.processCpuSeconds();
        CompiledModel model = BuildModels.train(training, setup).intent();
        double trainSeconds = (System.nanoTime() - started) / 1e9;
        double trainCpuSeconds = BuildModels.processCpuSeconds() - cpuAtStart;
        Nlu nlu = new Nlu(model, null, NluSettings.recommended(model.metadata()), Clock.systemUTC());
        List<Evaluation.Prediction> asWritten = Evaluation.predict(nlu, scored);
        List<Evaluation.Prediction> withoutDiacritics = Evaluation.predict(nlu, stripped(scored));
        double accuracy = Evaluation.accuracy(asWritten);
        double strippedAccuracy = Evaluation.accuracy(withoutDiacritics);
        Set<String> trainedLabels = new TreeSet<>(model.outcomes());
        long unseen = scored.stream().filter(e -> !trainedLabels.contains(e.label())).count();

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("benchmark", folder.toString());
        report.put("level", run.level());
        report.put("trainedOn", run.withDev() ? "train+dev" : "train");
        report.put("trainLines", training.size());
        report.put("scored", run.scoredSplit());
        report.put("scoredLines", scored.size());
        report.put("blankLinesSkipped", skipped[0]);
        report.put("labels", model.outcomeCount());
        report.put("scoredLinesWithLabelNotInTraining", unseen);
        report.put("features", setup.features().metadataValue());
        report.put("unaccentedCopies", setup.augment());
        report.put("params", setup.params().describe());
        report.put("accuracy", Evaluation.round(accuracy));
        report.put("accuracyStripped", Evaluation.round(strippedAccuracy));
        report.put("gapPoints", Evaluation.round(100 * (accuracy - strippedAccuracy)));
        report.put("macroF1", Evaluation.report(asWritten, false).get("macroF1"));
        report.put("macroF1Stripped", Evaluation.report(withoutDiacritics, false).get("macroF1"));
        Map<String, Object> calibration = Evaluation.calibration(asWritten);
        report.put("eceRaw", calibration.get("eceRaw"));
        report.put("eceCalibrated", calibration.get("eceCalibrated"));
        report.put("eceCalibratedStripped", Evaluation.calibration(withoutDiacritics).get("eceCalibrated"));
        report.put("trainSeconds", Evaluation.round(trainSeconds));
        report.put("trainCpuSeconds", Evaluation.round(trainCpuSeconds));
        report.put("tsvFolder", workDir.toString());
        return report;
    }
}
