package vn.warddesk.nlu;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Command line of the NLU jar: {@code train}, {@code classify}, {@code evaluate}, {@code bench}, {@code crossval},
 * {@code tune}. Run {@code java -jar nlu.jar} without arguments for usage.
 */
public final class Cli {

    private static final Logger OPENNLP_LOGS = Logger.getLogger("opennlp");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USAGE = """
            usage: java -jar nlu.jar <command> [options]
              train    --data FILE.tsv --model OUT.bin [--algorithm maxent|maxent_qn|perceptron] [--iterations N] [--cutoff N] [--l2 X] [--no-abbreviations]
                       lines label<TAB>text (or intent<TAB>aspect<TAB>text); # comments ignored
              classify [--model FILE.bin]            one text per stdin line -> one JSON object per line
              evaluate --data FILE.tsv|DIR [--followup FILE.tsv|DIR] [--model FILE.bin] [--errors]
                       --followup: aspect<TAB>text lines without a procedure (aspect accuracy of understand())
              bench    [--data FILE.tsv|DIR] [--rounds N]   latency of understand() (default data: nlp-models/data/test)
              crossval [--data FILE.tsv|DIR ...] [--errors]   5-fold cross-validation (default: nlp-models/data/train + test)
              tune     [--data FILE.tsv|DIR]                compare training settings on a validation split of the training data
            """;

    private Cli() {
    }

    public static void main(String[] args) {
        OPENNLP_LOGS.setLevel(Level.WARNING);
        if (args.length == 0) {
            System.err.print(USAGE);
            System.exit(2);
        }
        try {
            Options options = Options.parse(Arrays.copyOfRange(args, 1, args.length));
            switch (args[0]) {
                case "train" -> train(options);
                case "classify" -> classify(options, System.in, System.out);
                case "evaluate" -> evaluate(options);
                case "bench" -> bench(options);
                case "crossval" -> crossval(options);
                case "tune" -> tune(options);
                default -> throw new IllegalArgumentException("unknown command '" + args[0] + "'\n" + USAGE);
            }
        } catch (IllegalArgumentException | IOException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Parsed {@code --name value} options; flags have value "true". {@code --data} may repeat. */
    record Options(Map<String, List<String>> values) {
        static Options parse(String[] args) {
            Map<String, List<String>> values = new HashMap<>();
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (!name.startsWith("--")) {
                    throw new IllegalArgumentException("unexpected argument '" + name + "'");
                }
                boolean flag = name.equals("--no-abbreviations") || name.equals("--errors");
                if (!flag && i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value for " + name);
                }
                values.computeIfAbsent(name.substring(2), key -> new ArrayList<>()).add(flag ? "true" : args[++i]);
            }
            return new Options(values);
        }

        String get(String name, String fallback) {
            List<String> list = values.get(name);
            return list == null ? fallback : list.get(list.size() - 1);
        }

        String require(String name) {
            String value = get(name, null);
            if (value == null) {
                throw new IllegalArgumentException("--" + name + " is required");
            }
            return value;
        }

        List<String> all(String name) {
            return values.getOrDefault(name, List.of());
        }

        boolean has(String name) {
            return values.containsKey(name);
        }
    }

    static void train(Options options) throws IOException {
        Path data = Path.of(options.require("data"));
        Path model = Path.of(options.require("model"));
        List<Dataset.Example> examples = Dataset.read(data);
        Trainer.Params shipped = Trainer.Params.SHIPPED;
        Trainer.Params params = new Trainer.Params(
                options.get("algorithm", shipped.algorithm()).toUpperCase(Locale.ROOT),
                Integer.parseInt(options.get("iterations", Integer.toString(shipped.iterations()))),
                Integer.parseInt(options.get("cutoff", Integer.toString(shipped.cutoff()))),
                Double.parseDouble(options.get("l2", Double.toString(shipped.l2()))));
        long started = System.nanoTime();
        List<Trainer.Document> documents = examples.stream().map(e -> new Trainer.Document(e.label(), e.text())).toList();
        CompiledModel trained = Trainer.train(documents, params, !options.has("no-abbreviations"), Map.of("task", "intent"));
        Path parent = model.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(model, trained.toBytes());
        System.err.printf("trained %s on %d examples, %d labels, %d features in %.1f s -> %s%n", params.describe(),
                examples.size(), trained.outcomeCount(), trained.featureCount(), (System.nanoTime() - started) / 1e9, model);
    }

    static Nlu nlu(Options options) throws IOException {
        String model = options.get("model", null);
        if (model == null) {
            return Nlu.shipped();
        }
        try (InputStream in = Files.newInputStream(Path.of(model))) {
            return new Nlu(CompiledModel.read(in), null, NluSettings.defaults(), Clock.systemDefaultZone());
        }
    }

    static void classify(Options options, InputStream input, PrintStream output) throws IOException {
        Nlu nlu = nlu(options);
        BufferedReader reader = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8));
        String line;
        while ((line = reader.readLine()) != null) {
            Understanding understanding = nlu.understand(line, Locale.ROOT);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("intent", understanding.intent());
            json.put("aspect", understanding.aspect().orElse(null));
            json.put("confidence", Evaluation.round(understanding.confidence()));
            output.println(JSON.writeValueAsString(json));
        }
        output.flush();
    }

    static void evaluate(Options options) throws IOException {
        Nlu nlu = nlu(options);
        List<Dataset.Example> examples = Dataset.read(Path.of(options.require("data")));
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("data", options.require("data"));
        report.put("model", options.get("model", "shipped"));
        report.putAll(Evaluation.report(Evaluation.predict(nlu, examples), options.has("errors")));
        if (options.has("followup")) {
            report.put("followUp", Evaluation.followUps(nlu, Dataset.read(Path.of(options.require("followup"))),
                    options.has("errors")));
        }
        System.out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report));
    }

    static void bench(Options options) throws IOException {
        List<String> texts = Dataset.read(Path.of(options.get("data", "nlp-models/data/test"))).stream()
                .map(Dataset.Example::text).toList();
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("no texts to benchmark");
        }
        int rounds = Integer.parseInt(options.get("rounds", "50"));
        Nlu nlu = Nlu.shipped();
        LocalDate today = LocalDate.of(2026, 11, 28);
        long sink = 0;
        long warmUpEnd = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < warmUpEnd) {
            for (String text : texts) {
                sink += nlu.understand(text, Locale.ROOT, today).intent().length();
            }
        }
        long[] samples = new long[texts.size() * rounds];
        int index = 0;
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuStarted = threads.getCurrentThreadCpuTime();
        long started = System.nanoTime();
        for (int round = 0; round < rounds; round++) {
            for (String text : texts) {
                long before = System.nanoTime();
                sink += nlu.understand(text, Locale.ROOT, today).intent().length();
                samples[index++] = System.nanoTime() - before;
            }
        }
        long total = System.nanoTime() - started;
        long cpu = threads.getCurrentThreadCpuTime() - cpuStarted;
        Arrays.sort(samples);
        double mean = Arrays.stream(samples).average().orElse(0) / 1000.0;
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("texts", texts.size());
        report.put("calls", samples.length);
        report.put("meanMicros", Evaluation.round(mean));
        report.put("p50Micros", Evaluation.round(samples[samples.length / 2] / 1000.0));
        report.put("p99Micros", Evaluation.round(samples[(int) Math.min(samples.length - 1, Math.ceil(samples.length * 0.99) - 1)] / 1000.0));
        report.put("maxMicros", Evaluation.round(samples[samples.length - 1] / 1000.0));
        report.put("wallMeanMicros", Evaluation.round(total / 1000.0 / samples.length));
        // CPU time of the measuring thread per call: what the call costs when the machine is shared and we get descheduled.
        report.put("cpuMeanMicros", Evaluation.round(cpu / 1000.0 / samples.length));
        report.put("loadAverage", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        report.put("checksum", sink % 1000);
        System.out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report));
    }

    static void crossval(Options options) throws IOException {
        List<String> paths = options.all("data").isEmpty()
                ? List.of("nlp-models/data/train", "nlp-models/data/test") : options.all("data");
        List<Dataset.Example> examples = new ArrayList<>();
        for (String path : paths) {
            examples.addAll(Dataset.read(Path.of(path)));
        }
        int folds = 5;
        int[] fold = stratifiedFolds(examples, folds);
        List<Map<String, Object>> results = new ArrayList<>();
        double accuracySum = 0, aspectSum = 0, accentedSum = 0, unaccentedSum = 0;
        for (int k = 0; k < folds; k++) {
            List<Dataset.Example> train = new ArrayList<>();
            List<Dataset.Example> held = new ArrayList<>();
            for (int i = 0; i < examples.size(); i++) {
                (fold[i] == k ? held : train).add(examples.get(i));
            }
            BuildModels.Models models = BuildModels.train(train, Trainer.Params.SHIPPED);
            Nlu nlu = new Nlu(models.intent(), models.aspect(), NluSettings.defaults(), Clock.systemDefaultZone());
            List<Evaluation.Prediction> predictions = Evaluation.predict(nlu, held);
            if (options.has("errors")) {
                for (Evaluation.Prediction p : predictions) {
                    if (!p.intent().equals(p.example().label())) {
                        System.err.printf("ERR\t%s\t%s\t%s%n", p.example().label(), p.intent(), p.example().text());
                    }
                }
            }
            double accuracy = Evaluation.accuracy(predictions);
            double aspect = Evaluation.aspectAccuracy(predictions);
            double accented = Evaluation.accuracy(predictions.stream().filter(Evaluation.Prediction::accented).toList());
            double unaccented = Evaluation.accuracy(predictions.stream().filter(p -> !p.accented()).toList());
            accuracySum += accuracy;
            aspectSum += Double.isNaN(aspect) ? 0 : aspect;
            accentedSum += accented;
            unaccentedSum += unaccented;
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("fold", k + 1);
            result.put("heldOut", held.size());
            result.put("accuracy", Evaluation.round(accuracy));
            result.put("accentedAccuracy", Evaluation.round(accented));
            result.put("unaccentedAccuracy", Evaluation.round(unaccented));
            if (!Double.isNaN(aspect)) {
                result.put("aspectAccuracy", Evaluation.round(aspect));
            }
            results.add(result);
            System.err.printf("fold %d: accuracy %.4f%n", k + 1, accuracy);
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("data", paths);
        report.put("examples", examples.size());
        report.put("params", Trainer.Params.SHIPPED.describe());
        report.put("folds", results);
        report.put("meanAccuracy", Evaluation.round(accuracySum / folds));
        report.put("meanAccentedAccuracy", Evaluation.round(accentedSum / folds));
        report.put("meanUnaccentedAccuracy", Evaluation.round(unaccentedSum / folds));
        report.put("meanAspectAccuracy", Evaluation.round(aspectSum / folds));
        System.out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report));
    }

    /** Fold of each example: within each label, examples in input order go round-robin over the folds. */
    static int[] stratifiedFolds(List<Dataset.Example> examples, int folds) {
        Map<String, Integer> seen = new HashMap<>();
        int[] fold = new int[examples.size()];
        for (int i = 0; i < examples.size(); i++) {
            int n = seen.merge(examples.get(i).label(), 1, Integer::sum) - 1;
            fold[i] = n % folds;
        }
        return fold;
    }

    /**
     * Model selection on the TRAINING data only: every 5th line of each label (stratified) is the validation split, the
     * rest trains each candidate setting. The test split is never read here.
     */
    static void tune(Options options) throws IOException {
        List<Dataset.Example> examples = Dataset.read(Path.of(options.get("data", "nlp-models/data/train")));
        int[] fold = stratifiedFolds(examples, 5);
        List<Dataset.Example> train = new ArrayList<>();
        List<Dataset.Example> validation = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            (fold[i] == 4 ? validation : train).add(examples.get(i));
        }
        List<Trainer.Params> candidates = List.of(
                new Trainer.Params("MAXENT", 150, 1, 0),
                new Trainer.Params("MAXENT", 400, 1, 0),
                new Trainer.Params("MAXENT_QN", 150, 1, 0.5),
                new Trainer.Params("MAXENT_QN", 150, 1, 1.0),
                new Trainer.Params("MAXENT_QN", 150, 1, 2.0),
                new Trainer.Params("MAXENT_QN", 150, 2, 1.0),
                new Trainer.Params("MAXENT_QN", 150, 3, 1.0),
                new Trainer.Params("PERCEPTRON", 100, 1, 0));
        List<Map<String, Object>> results = new ArrayList<>();
        for (Trainer.Params params : candidates) {
            long started = System.nanoTime();
            BuildModels.Models models = BuildModels.train(train, params);
            double seconds = (System.nanoTime() - started) / 1e9;
            Nlu nlu = new Nlu(models.intent(), models.aspect(), NluSettings.defaults(), Clock.systemDefaultZone());
            List<Evaluation.Prediction> predictions = Evaluation.predict(nlu, validation);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("params", params.describe());
            result.put("accuracy", Evaluation.round(Evaluation.accuracy(predictions)));
            result.put("accentedAccuracy", Evaluation.round(Evaluation.accuracy(
                    predictions.stream().filter(Evaluation.Prediction::accented).toList())));
            result.put("unaccentedAccuracy", Evaluation.round(Evaluation.accuracy(
                    predictions.stream().filter(p -> !p.accented()).toList())));
            result.put("aspectAccuracy", Evaluation.round(Evaluation.aspectAccuracy(predictions)));
            result.put("trainSeconds", Evaluation.round(seconds));
            result.putAll(clarifyRates(nlu, validation));
            results.add(result);
            System.err.println(result);
        }
        // Threshold/margin sweep for the shipped settings: how many right answers we would question, how many wrong we catch.
        BuildModels.Models shipped = BuildModels.train(train, Trainer.Params.SHIPPED);
        List<Map<String, Object>> sweep = new ArrayList<>();
        for (double threshold : new double[] {0.3, 0.45, 0.6}) {
            for (double margin : new double[] {0.05, 0.1, 0.2}) {
                Nlu nlu = new Nlu(shipped.intent(), shipped.aspect(),
                        new NluSettings(threshold, margin, NluSettings.DEFAULT_CASE_CODE), Clock.systemDefaultZone());
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("threshold", threshold);
                row.put("margin", margin);
                row.putAll(clarifyRates(nlu, validation));
                sweep.add(row);
            }
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("train", train.size());
        report.put("validation", validation.size());
        report.put("candidates", results);
        report.put("clarifySweep", sweep);
        System.out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report));
    }

    /** How the default threshold/margin behave: share of right answers asked to clarify, share of wrong ones caught. */
    private static Map<String, Object> clarifyRates(Nlu nlu, List<Dataset.Example> validation) {
        int right = 0, rightClarified = 0, wrong = 0, wrongClarified = 0;
        for (Dataset.Example example : validation) {
            Understanding understanding = nlu.understand(example.text(), Locale.ROOT, LocalDate.of(2026, 1, 1));
            if (understanding.intent().equals(example.label())) {
                right++;
                rightClarified += understanding.clarify() ? 1 : 0;
            } else {
                wrong++;
                wrongClarified += understanding.clarify() ? 1 : 0;
            }
        }
        Map<String, Object> rates = new LinkedHashMap<>();
        rates.put("rightAskedToClarify", Evaluation.round(right == 0 ? 0 : rightClarified / (double) right));
        rates.put("wrongCaughtByClarify", Evaluation.round(wrong == 0 ? 0 : wrongClarified / (double) wrong));
        return rates;
    }
}
