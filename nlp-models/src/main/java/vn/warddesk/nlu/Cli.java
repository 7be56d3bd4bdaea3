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
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Command line of the NLU jar: {@code train}, {@code classify}, {@code evaluate}, {@code bench}, {@code crossval},
 * {@code tune}, {@code answers}, {@code thresholds}, {@code bench-public}. Run {@code java -jar nlu.jar} without arguments for usage.
 */
public final class Cli {

    private static final Logger OPENNLP_LOGS = Logger.getLogger("opennlp");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USAGE = """
            usage: java -jar nlu.jar <command> [options]
              train    --data FILE.tsv --model OUT.bin [--algorithm maxent|maxent_qn|perceptron] [--iterations N] [--cutoff N] [--l2 X] [--no-abbreviations] [--features generic|shipped]
                       lines label<TAB>text (or intent<TAB>aspect<TAB>text); # comments ignored
              classify [--model FILE.bin]            one text per stdin line -> one JSON object per line
              evaluate --data FILE.tsv|DIR [--followup FILE.tsv|DIR] [--model FILE.bin] [--errors]
                       --followup: aspect<TAB>text lines without a procedure (aspect accuracy of understand())
              bench    [--data FILE.tsv|DIR] [--train FILE.tsv|DIR] [--rounds N]
                       latency of understand() and of a plain DocumentCategorizerME trained on --train, same run
              crossval [--data FILE.tsv|DIR ...] [--folds K] [--seeds N] [--errors]
                       K-fold cross-validation over N seeds, mean and sd (default: 5 folds, 3 seeds, data/train + data/test);
                       the accented held-out lines are also scored with their diacritics stripped (the gap per intent);
                       --errors: ERR lines (misses) and STRIP lines (right as written, wrong stripped) on stderr
              ablate   [--data FILE.tsv|DIR ...] [--folds K] [--seeds N] [--only NAME]
                       the ablation table: each feature family left out, and no unaccented copies (default: data/train)
              tune     [--data FILE.tsv|DIR]                compare training settings on a validation split of the training data
              answers  [--data FILE.tsv|DIR ...] [--against FILE]
                       understand() of every text (as written, upper case, decomposed): one TSV line each; with --against,
                       the number of texts whose answer differs from an earlier dump (intent, aspect, alternatives, clarify,
                       entities equal; probabilities within 1e-5), exit 1 if any
              thresholds [--data FILE.tsv|DIR] [--variants N] [--dump FILE]
                       the calibration fitted on the training data as it is and on N slightly changed copies (odd: a
                       seeded 1 % of the lines dropped; even: a seeded 2 % of the lines written twice): temperature,
                       validation accuracy, ECE and the clarify/handoff thresholds of each (default: data/train, 6);
                       --dump writes every variant's validation answers (variant, confidence, right) as TSV
              bench-public --dir DIR [--level syllable|word] [--with-dev] [--eval test|dev] [--tsv-dir DIR] [--features generic|shipped]
                       the generic trainer on a public benchmark in PhoATIS's layout (DIR/train/label + seq.in, dev, test;
                       or a folder holding PhoATIS/<level>-level): trains on train (+ dev with --with-dev), scores the test
                       split (--eval dev: the dev split, for choosing settings) as written and with diacritics stripped,
                       same model; accuracy of both, the gap, macro-F1, ECE, training time. The label<TAB>text copies
                       go to a new temporary folder (or --tsv-dir) and stay there: the benchmark may not be redistributed;
                       --features shipped: the shipped features and unaccented copies, as train had before (to compare)
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
                case "ablate" -> ablate(options);
                case "answers" -> answers(options);
                case "thresholds" -> thresholds(options);
                case "bench-public" -> benchPublic(options);
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
                boolean flag = name.equals("--no-abbreviations") || name.equals("--errors") || name.equals("--with-dev");
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
        // The generic pipeline (BuildModels.Setup.generic: generic features, calibration; --features shipped: the shipped
        // features and unaccented copies); labels only, no aspect model.
        List<Dataset.Example> labelsOnly = examples.stream()
                .map(e -> new Dataset.Example(e.label(), java.util.Optional.empty(), e.text(), e.source(), e.line())).toList();
        CompiledModel trained = BuildModels.train(labelsOnly, BuildModels.Setup.forOtherData(params,
                !options.has("no-abbreviations"), profile(options))).intent();
        Path parent = model.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(model, trained.toBytes());
        System.err.printf("trained %s on %d examples, %d labels, %d features in %.1f s -> %s%n", params.describe(),
                examples.size(), trained.outcomeCount(), trained.featureCount(), (System.nanoTime() - started) / 1e9, model);
    }

    /** {@code bench-public}: see {@link PublicBenchmark}. */
    static Map<String, Object> benchPublic(Options options) throws IOException {
        PublicBenchmark.Run run = new PublicBenchmark.Run(Path.of(options.require("dir")), options.get("level", "syllable"),
                options.has("with-dev"), options.get("eval", "test"), profile(options));
        Path tsv = options.has("tsv-dir") ? Files.createDirectories(Path.of(options.require("tsv-dir")))
                : Files.createTempDirectory("bench-public-");
        Map<String, Object> report = PublicBenchmark.run(run, tsv);
        System.out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report));
        return report;
    }

    /** {@code --features generic|shipped} of {@code train} and {@code bench-public} (default generic). */
    static Features.Profile profile(Options options) {
        String name = options.get("features", "generic");
        if (!name.equals("generic") && !name.equals("shipped")) {
            throw new IllegalArgumentException("--features must be generic or shipped");
        }
        return Features.Profile.valueOf(name.toUpperCase(Locale.ROOT));
    }

    static Nlu nlu(Options options) throws IOException {
        String model = options.get("model", null);
        if (model == null) {
            return Nlu.shipped();
        }
        try (InputStream in = Files.newInputStream(Path.of(model))) {
            CompiledModel intents = CompiledModel.read(in);
            return new Nlu(intents, null, NluSettings.recommended(intents.metadata()), Clock.systemDefaultZone());
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

    /**
     * Latency of {@code understand()} and, in the same run on the same texts, of OpenNLP's plain
     * {@code DocumentCategorizerME} (bag of words, default parameters) trained on the same training data: the issue's
     * yardstick (p99 ratio <= 3). Both are warmed up together for 5 s, then measured in alternating rounds so that
     * both see the same machine load. Also the parts of {@code understand()}: entities, normalisation, features, models.
     */
    static void bench(Options options) throws IOException {
        List<String> texts = Dataset.read(Path.of(options.get("data", "nlp-models/data/test"))).stream()
                .map(Dataset.Example::text).toList();
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("no texts to benchmark");
        }
        int rounds = Integer.parseInt(options.get("rounds", "30"));
        List<Dataset.Example> training = Dataset.read(Path.of(options.get("train", "nlp-models/data/train")));
        long trainStarted = System.nanoTime();
        opennlp.tools.doccat.DocumentCategorizerME plain = new opennlp.tools.doccat.DocumentCategorizerME(
                opennlp.tools.doccat.DocumentCategorizerME.train("und",
                        opennlp.tools.util.ObjectStreamUtils.createObjectStream(training.stream()
                                .map(e -> new opennlp.tools.doccat.DocumentSample(e.label(), plainTokens(e.text()))).toList()),
                        opennlp.tools.util.TrainingParameters.defaultParams(), new opennlp.tools.doccat.DoccatFactory()));
        double plainTrainSeconds = (System.nanoTime() - trainStarted) / 1e9;
        Nlu nlu = Nlu.shipped();
        LocalDate today = LocalDate.of(2026, 11, 28);
        long[] sink = new long[1];
        java.util.function.Consumer<String> ours = text -> sink[0] += nlu.understand(text, Locale.ROOT, today).intent().length();
        java.util.function.Consumer<String> theirs = text -> sink[0] += plain.getBestCategory(plain.categorize(plainTokens(text))).length();
        EntityExtractor entities = new EntityExtractor(NluSettings.DEFAULT_CASE_CODE);
        java.util.function.Consumer<String> entitiesOnly = text -> sink[0] += entities.extract(
                TextNormalizer.nfc(TextNormalizer.truncate(text, EntityExtractor.MAX_CHARS)), today).size();
        // The parts as understand() runs them: normalising into a reusable buffer, then the features with the known words
        // and pairs as pre-summed rows.
        TokenBuffer tokens = new TokenBuffer();
        java.util.function.Consumer<String> normalizeOnly = text -> {
            TextNormalizer.normalize(TextNormalizer.nfc(TextNormalizer.truncate(text, EntityExtractor.MAX_CHARS)), true, tokens);
            sink[0] += tokens.count;
        };
        Features.HashBuffer buffer = new Features.HashBuffer();
        java.util.function.Consumer<String> featuresOnly = text -> {
            normalizeOnly.accept(text);
            Features.jointHashes(tokens, nlu.joint().memo(), buffer);
            sink[0] += buffer.size + buffer.memoCount;
        };
        List<java.util.function.Consumer<String>> all = List.of(ours, theirs, entitiesOnly, normalizeOnly, featuresOnly);
        // Warm-up: 5 s and at least 10 passes over the texts. On a loaded machine 5 s of wall clock can be well under a
        // second of CPU, and the joint table's loop then ran partly before C2 had compiled it.
        long warmUpEnd = System.nanoTime() + 5_000_000_000L;
        for (int pass = 0; pass < 10 || System.nanoTime() < warmUpEnd; pass++) {
            for (java.util.function.Consumer<String> run : all) {
                texts.forEach(run);
            }
        }
        long[][] samples = new long[all.size()][texts.size() * rounds];
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        List<java.lang.management.GarbageCollectorMXBean> collectors = java.lang.management.ManagementFactory.getGarbageCollectorMXBeans();
        long gcCountBefore = collectors.stream().mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionCount).sum();
        long gcMillisBefore = collectors.stream().mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime).sum();
        long[] cpu = new long[all.size()];
        // Bytes allocated by this thread per call (HotSpot's per-thread counter; -1 where the JVM has none): garbage is
        // one candidate for the tail, so both models' figures are printed next to their times.
        com.sun.management.ThreadMXBean allocations = threads instanceof com.sun.management.ThreadMXBean counting
                && counting.isThreadAllocatedMemorySupported() && counting.isThreadAllocatedMemoryEnabled() ? counting : null;
        long[] allocated = new long[all.size()];
        for (int round = 0; round < rounds; round++) {
            for (int which = 0; which < all.size(); which++) {
                java.util.function.Consumer<String> run = all.get(which);
                long allocatedBefore = allocations == null ? 0 : allocations.getCurrentThreadAllocatedBytes();
                long cpuStarted = threads.getCurrentThreadCpuTime();
                int index = round * texts.size();
                for (String text : texts) {
                    long before = System.nanoTime();
                    run.accept(text);
                    samples[which][index++] = System.nanoTime() - before;
                }
                cpu[which] += threads.getCurrentThreadCpuTime() - cpuStarted;
                allocated[which] += allocations == null ? 0 : allocations.getCurrentThreadAllocatedBytes() - allocatedBefore;
            }
        }
        String[] names = {"understand", "plainDocumentCategorizerME", "partEntities", "partNormalize", "partNormalizeAndFeatures"};
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("texts", texts.size());
        report.put("callsEach", texts.size() * rounds);
        double[] p99 = new double[all.size()];
        for (int which = 0; which < all.size(); which++) {
            long[] sorted = samples[which];
            Arrays.sort(sorted);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("meanMicros", Evaluation.round(Arrays.stream(sorted).average().orElse(0) / 1000.0));
            row.put("p50Micros", Evaluation.round(sorted[sorted.length / 2] / 1000.0));
            p99[which] = sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] / 1000.0;
            row.put("p99Micros", Evaluation.round(p99[which]));
            row.put("cpuMeanMicros", Evaluation.round(cpu[which] / 1000.0 / sorted.length));
            row.put("allocatedBytesPerCall", allocations == null ? -1 : Math.round(allocated[which] / (double) sorted.length));
            report.put(names[which], row);
        }
        report.put("p99Ratio", Evaluation.round(p99[0] / p99[1]));
        report.put("cpuRatio", Evaluation.round(cpu[0] / (double) cpu[1]));
        // Collections while measuring (all five loops): a pause lands in one sample, so the p99 of 1,716 x 30 calls moves
        // only when there are hundreds of them.
        report.put("gcDuringMeasurement", collectors.stream().mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionCount).sum()
                - gcCountBefore);
        report.put("gcMillisDuringMeasurement", collectors.stream().mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime).sum()
                - gcMillisBefore);
        report.put("plainTrainSeconds", Evaluation.round(plainTrainSeconds));
        report.put("loadAverage", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        report.put("checksum", sink[0] % 1000);
        System.out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report));
    }

    /** Tolerance of {@code answers --against} on probabilities: float rounding of the summed weights, not a changed answer. */
    static final double ANSWER_TOLERANCE = 1e-5;

    /**
     * The answers of {@code understand()} on every text of {@code --data} (default: the training lines and the development
     * sample), each as written, upper-cased and in decomposed Unicode (NFD), with a fixed "today": one TSV line per text.
     * A speed change must leave these answers as they are: dump them before the change, then run with {@code --against}
     * that dump.
     */
    static void answers(Options options) throws IOException {
        List<String> paths = options.all("data").isEmpty()
                ? List.of("nlp-models/data/train", "nlp-models/data/dev-sample.tsv") : options.all("data");
        Nlu nlu = Nlu.shipped();
        LocalDate today = LocalDate.of(2026, 11, 28);
        List<String> lines = new ArrayList<>();
        for (String path : paths) {
            for (Dataset.Example example : Dataset.read(Path.of(path))) {
                String text = example.text();
                for (String variant : List.of(text, text.toUpperCase(Locale.ROOT),
                        java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD))) {
                    lines.add(answerLine(variant, nlu.understand(variant, Locale.ROOT, today)));
                }
            }
        }
        String against = options.get("against", null);
        if (against == null) {
            lines.forEach(System.out::println);
            return;
        }
        List<String> before = Files.readAllLines(Path.of(against), StandardCharsets.UTF_8);
        if (before.size() != lines.size()) {
            throw new IllegalArgumentException(against + " has " + before.size() + " answers, now " + lines.size());
        }
        int differ = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (!sameAnswer(before.get(i), lines.get(i))) {
                differ++;
                System.err.println("before\t" + before.get(i) + "\nnow\t" + lines.get(i));
            }
        }
        System.out.printf("%d answers compared with %s, %d differ%n", lines.size(), against, differ);
        if (differ > 0) {
            System.exit(1);
        }
    }

    /** text, intent, aspect, confidence, aspect confidence, clarify, alternatives, entities; tab-separated. */
    static String answerLine(String text, Understanding u) {
        StringBuilder line = new StringBuilder();
        line.append(text.replace('\t', ' ').replace('\n', ' ')).append('\t').append(u.intent()).append('\t')
                .append(u.aspect().orElse("-")).append('\t').append(u.confidence()).append('\t')
                .append(u.aspectConfidence()).append('\t').append(u.clarify()).append('\t');
        for (Candidate candidate : u.alternatives()) {
            line.append(candidate.intent()).append('=').append(candidate.probability()).append(' ');
        }
        line.append('\t');
        for (Entity entity : u.entities()) {
            line.append(entity.type()).append('|').append(entity.text()).append('|').append(entity.value()).append('|')
                    .append(entity.start()).append('|').append(entity.end()).append(' ');
        }
        return line.toString();
    }

    /** Equal fields, numbers (also "intent=probability") within {@link #ANSWER_TOLERANCE}. */
    static boolean sameAnswer(String before, String now) {
        String[] a = before.split("[\t =]", -1), b = now.split("[\t =]", -1);
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (a[i].equals(b[i])) {
                continue;
            }
            try {
                if (Math.abs(Double.parseDouble(a[i]) - Double.parseDouble(b[i])) <= ANSWER_TOLERANCE) {
                    continue;
                }
            } catch (NumberFormatException e) {
                return false;
            }
            return false;
        }
        return true;
    }

    /** The plain categorizer's tokens: lower-cased, split on whitespace (OpenNLP's WhitespaceTokenizer). */
    private static String[] plainTokens(String text) {
        return opennlp.tools.tokenize.WhitespaceTokenizer.INSTANCE.tokenize(text.toLowerCase(Locale.ROOT));
    }

    /**
     * k-fold cross-validation, stratified per label, repeated over several seeds (the seed shuffles each label's lines
     * before they are dealt to the folds; seed 0 keeps the input order). Prints every fold, the mean per seed and the mean
     * and standard deviation over all seeds' means.
     */
    static void crossval(Options options) throws IOException {
        List<String> paths = options.all("data").isEmpty()
                ? List.of("nlp-models/data/train", "nlp-models/data/test") : options.all("data");
        List<Dataset.Example> examples = new ArrayList<>();
        for (String path : paths) {
            examples.addAll(Dataset.read(Path.of(path)));
        }
        int folds = Integer.parseInt(options.get("folds", "5"));
        int seeds = Integer.parseInt(options.get("seeds", "3"));
        BuildModels.Setup setup = BuildModels.Setup.shipped();
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("data", paths);
        report.put("examples", examples.size());
        report.put("params", Trainer.Params.SHIPPED.describe());
        report.put("folds", folds);
        List<Map<String, Object>> perSeed = new ArrayList<>();
        List<double[]> means = new ArrayList<>();
        Map<String, int[]> strippedGap = new TreeMap<>();
        for (int seed = 0; seed < seeds; seed++) {
            double[] mean = crossvalOnce(examples, folds, seed, setup, options.has("errors"), strippedGap);
            means.add(mean);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("seed", seed);
            row.put("accuracy", Evaluation.round(mean[0]));
            row.put("accentedAccuracy", Evaluation.round(mean[1]));
            row.put("unaccentedAccuracy", Evaluation.round(mean[2]));
            row.put("aspectAccuracy", Evaluation.round(mean[3]));
            row.put("accentedStrippedAccuracy", Evaluation.round(mean[4]));
            perSeed.add(row);
            System.err.println(row);
        }
        report.put("seeds", perSeed);
        String[] names = {"accuracy", "accentedAccuracy", "unaccentedAccuracy", "aspectAccuracy", "accentedStrippedAccuracy"};
        for (int m = 0; m < names.length; m++) {
            int metric = m;
            double[] values = means.stream().mapToDouble(mean -> mean[metric]).toArray();
            report.put(names[m], meanAndSd(values));
        }
        report.put("strippedGapPerIntent", strippedGapTable(strippedGap));
        System.out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report));
    }

    /**
     * Mean over the folds of one seed: intent accuracy, accented, unaccented, aspect accuracy, and the accented held-out
     * lines once more with every diacritic stripped ({@link TextNormalizer#fold}). The last figure against the accented one
     * is the gap between the forms on the very same lines, which the accented/unaccented split (different lines) cannot
     * show; {@code strippedGap} collects it per gold intent over the folds.
     */
    static double[] crossvalOnce(List<Dataset.Example> examples, int folds, long seed, BuildModels.Setup setup,
                                 boolean printErrors) {
        return crossvalOnce(examples, folds, seed, setup, printErrors, new TreeMap<>());
    }

    static double[] crossvalOnce(List<Dataset.Example> examples, int folds, long seed, BuildModels.Setup setup,
                                 boolean printErrors, Map<String, int[]> strippedGap) {
        int[] fold = stratifiedFolds(examples, folds, seed);
        double[] sum = new double[5];
        for (int k = 0; k < folds; k++) {
            List<Dataset.Example> train = new ArrayList<>();
            List<Dataset.Example> held = new ArrayList<>();
            for (int i = 0; i < examples.size(); i++) {
                (fold[i] == k ? held : train).add(examples.get(i));
            }
            BuildModels.Models models = BuildModels.train(train, setup);
            Nlu nlu = new Nlu(models.intent(), models.aspect(), NluSettings.recommended(models.intent().metadata()),
                    Clock.systemDefaultZone());
            List<Evaluation.Prediction> predictions = Evaluation.predict(nlu, held);
            if (printErrors) {
                for (Evaluation.Prediction p : predictions) {
                    if (!p.correct()) {
                        System.err.printf("ERR\t%s\t%s\t%s%n", p.example().label(), p.intent(), p.example().text());
                    }
                }
            }
            List<Evaluation.Prediction> accented = predictions.stream().filter(Evaluation.Prediction::accented).toList();
            List<Evaluation.Prediction> stripped = Evaluation.predict(nlu, accented.stream().map(p -> stripped(p.example()))
                    .toList());
            for (int i = 0; i < accented.size(); i++) {
                int[] c = strippedGap.computeIfAbsent(accented.get(i).example().label(), key -> new int[3]);
                c[0]++;
                c[1] += accented.get(i).correct() ? 1 : 0;
                c[2] += stripped.get(i).correct() ? 1 : 0;
                if (printErrors && accented.get(i).correct() && !stripped.get(i).correct()) {
                    System.err.printf("STRIP\t%s\t%s\t%s%n", stripped.get(i).example().label(), stripped.get(i).intent(),
                            stripped.get(i).example().text());
                }
            }
            double aspect = Evaluation.aspectAccuracy(predictions);
            sum[0] += Evaluation.accuracy(predictions);
            sum[1] += Evaluation.accuracy(accented);
            sum[2] += Evaluation.accuracy(predictions.stream().filter(p -> !p.accented()).toList());
            sum[3] += Double.isNaN(aspect) ? 0 : aspect;
            sum[4] += Evaluation.accuracy(stripped);
            System.err.printf("seed %d fold %d: accuracy %.4f%n", seed, k + 1, Evaluation.accuracy(predictions));
        }
        for (int m = 0; m < sum.length; m++) {
            sum[m] /= folds;
        }
        return sum;
    }

    /** The example with every diacritic of its text dropped, as a phone without a Vietnamese keyboard sends it. */
    private static Dataset.Example stripped(Dataset.Example example) {
        return new Dataset.Example(example.label(), example.aspect(), TextNormalizer.fold(TextNormalizer.nfc(example.text())),
                example.source(), example.line());
    }

    /** Per gold intent over all folds: accented lines as written vs the same lines stripped, largest gap first. */
    static List<String> strippedGapTable(Map<String, int[]> counts) {
        List<Map.Entry<String, int[]>> rows = new ArrayList<>(counts.entrySet());
        rows.sort(Comparator.comparingInt((Map.Entry<String, int[]> e) -> e.getValue()[2] - e.getValue()[1])
                .thenComparing(Map.Entry::getKey));
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, int[]> row : rows) {
            int[] c = row.getValue();
            lines.add(String.format(Locale.ROOT, "%-28s %4d lines  as written %4d  stripped %4d  gap %+.1f", row.getKey(),
                    c[0], c[1], c[2], 100.0 * (c[1] - c[2]) / c[0]));
        }
        return lines;
    }

    static Map<String, Object> meanAndSd(double[] values) {
        double mean = Arrays.stream(values).average().orElse(Double.NaN);
        double variance = values.length < 2 ? 0
                : Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum() / (values.length - 1);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("mean", Evaluation.round(mean));
        result.put("sd", Evaluation.round(Math.sqrt(variance)));
        return result;
    }

    /** Feature families for the ablation table: feature-string prefixes (see {@link Features}). */
    static final Map<String, Set<String>> FAMILIES = new LinkedHashMap<>();

    static {
        FAMILIES.put("accented words (w=, b=)", Set.of("w=", "b="));
        FAMILIES.put("folded words (f=, g=)", Set.of("f=", "g="));
        FAMILIES.put("char 3-5-grams (c=)", Set.of("c="));
        FAMILIES.put("concepts (k=, t=)", Set.of("k=", "t="));
        FAMILIES.put("bias + length (x=, n=)", Set.of("x=", "n="));
    }

    /**
     * Ablation: the shipped setup, then each feature family left out, then without the unaccented copies — each by
     * cross-validation over the given data (default: the training data only, so the test split steers nothing).
     */
    static void ablate(Options options) throws IOException {
        List<Dataset.Example> examples = new ArrayList<>();
        for (String path : options.all("data").isEmpty() ? List.of("nlp-models/data/train") : options.all("data")) {
            examples.addAll(Dataset.read(Path.of(path)));
        }
        int folds = Integer.parseInt(options.get("folds", "5"));
        int seeds = Integer.parseInt(options.get("seeds", "1"));
        Map<String, BuildModels.Setup> setups = new LinkedHashMap<>();
        BuildModels.Setup shipped = BuildModels.Setup.shipped();
        setups.put("shipped (uncalibrated: calibration does not change the answers)",
                new BuildModels.Setup(shipped.params(), false, true, true, Set.of()));
        FAMILIES.forEach((name, prefixes) -> setups.put("without " + name, new BuildModels.Setup(shipped.params(),
                false, true, true, prefixes)));
        setups.put("without unaccented copies", new BuildModels.Setup(shipped.params(), false, true, false, Set.of()));
        List<String> only = options.all("only");
        List<String> table = new ArrayList<>();
        table.add("| Setup | Intent | Accented | Unaccented | Aspect |");
        table.add("|---|---|---|---|---|");
        for (Map.Entry<String, BuildModels.Setup> entry : setups.entrySet()) {
            if (!only.isEmpty() && only.stream().noneMatch(entry.getKey()::contains)) {
                continue;
            }
            double[] sum = new double[4];
            for (int seed = 0; seed < seeds; seed++) {
                double[] mean = crossvalOnce(examples, folds, seed, entry.getValue(), false);
                for (int m = 0; m < 4; m++) {
                    sum[m] += mean[m] / seeds;
                }
            }
            String row = String.format(Locale.ROOT, "| %s | %.2f %% | %.2f %% | %.2f %% | %.2f %% |", entry.getKey(),
                    100 * sum[0], 100 * sum[1], 100 * sum[2], 100 * sum[3]);
            table.add(row);
            System.err.println(row);
        }
        table.forEach(System.out::println);
    }

    /** Fold of each example: within each label, examples in input order go round-robin over the folds. */
    static int[] stratifiedFolds(List<Dataset.Example> examples, int folds) {
        return stratifiedFolds(examples, folds, 0);
    }

    /** As above after shuffling each label's lines with {@code seed} (seed 0: input order, the historic split). */
    static int[] stratifiedFolds(List<Dataset.Example> examples, int folds, long seed) {
        Map<String, List<Integer>> byLabel = new java.util.TreeMap<>();
        for (int i = 0; i < examples.size(); i++) {
            byLabel.computeIfAbsent(examples.get(i).label(), key -> new ArrayList<>()).add(i);
        }
        int[] fold = new int[examples.size()];
        for (List<Integer> indices : byLabel.values()) {
            if (seed != 0) {
                java.util.Collections.shuffle(indices, new java.util.Random(seed));
            }
            for (int n = 0; n < indices.size(); n++) {
                fold[indices.get(n)] = n % folds;
            }
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

    /**
     * How steady the recommended thresholds are under small changes of the training data, as between two retrainings that
     * add a few lines: the calibration of {@link BuildModels#calibrate} on the data as it is (variant 0) and on
     * {@code --variants} perturbed copies (see {@link #perturbed}). Training data only; the test split is never read.
     */
    static void thresholds(Options options) throws IOException {
        List<Dataset.Example> examples = Dataset.read(Path.of(options.get("data", "nlp-models/data/train")));
        int variants = Integer.parseInt(options.get("variants", "6"));
        StringBuilder dump = new StringBuilder("variant\tconfidence\tright\n");
        System.out.println("variant  change                 lines  T       accuracy  ECE     clarify  handoff");
        for (int variant = 0; variant <= variants; variant++) {
            List<Dataset.Example> data = perturbed(examples, variant);
            BuildModels.ValidationAnswers answers = BuildModels.validationAnswers(data, BuildModels.Setup.shipped(),
                    new HashMap<>());
            if (answers == null) {
                throw new IllegalArgumentException("too few lines to calibrate");
            }
            Calibration.Thresholds chosen = Calibration.thresholds(answers.confidence(), answers.correct(),
                    BuildModels.ANSWER_ACCURACY);
            int right = 0;
            for (int i = 0; i < answers.correct().length; i++) {
                right += answers.correct()[i] ? 1 : 0;
                dump.append(variant).append('\t').append(answers.confidence()[i]).append('\t')
                        .append(answers.correct()[i] ? 1 : 0).append('\n');
            }
            String change = variant == 0 ? "none" : variant % 2 == 1 ? "1 % dropped, seed " + variant
                    : "2 % twice, seed " + variant;
            System.out.printf(Locale.ROOT, "%-8d %-22s %5d  %.4f  %.4f    %.4f  %.2f     %.2f%n", variant, change,
                    data.size(), answers.temperature(), right / (double) Math.max(1, answers.correct().length),
                    Calibration.expectedCalibrationError(answers.confidence(), answers.correct(), Calibration.BINS),
                    chosen.clarify(), chosen.handoff());
        }
        if (options.has("dump")) {
            Files.writeString(Path.of(options.require("dump")), dump);
        }
    }

    /**
     * The examples slightly changed, seeded by {@code variant}: 0 = unchanged; odd = 1 % of the lines (at least one)
     * dropped; even = 2 % of the lines (at least one) each written a second time right after itself.
     */
    static List<Dataset.Example> perturbed(List<Dataset.Example> examples, int variant) {
        if (variant == 0) {
            return examples;
        }
        boolean drop = variant % 2 == 1;
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            order.add(i);
        }
        java.util.Collections.shuffle(order, new java.util.Random(variant));
        int count = Math.max(1, (int) Math.round(examples.size() * (drop ? 0.01 : 0.02)));
        Set<Integer> chosen = new java.util.HashSet<>(order.subList(0, Math.min(count, order.size())));
        List<Dataset.Example> changed = new ArrayList<>(examples.size() + (drop ? 0 : count));
        for (int i = 0; i < examples.size(); i++) {
            if (!(drop && chosen.contains(i))) {
                changed.add(examples.get(i));
            }
            if (!drop && chosen.contains(i)) {
                changed.add(examples.get(i));
            }
        }
        return changed;
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
