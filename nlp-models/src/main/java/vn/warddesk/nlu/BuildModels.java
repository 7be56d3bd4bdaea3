package vn.warddesk.nlu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Build step (exec-maven-plugin, phase process-classes): trains the shipped intent and aspect models from
 * {@code data/train/*.tsv} and writes {@code intent.bin} and {@code aspect.bin} into the classes directory.
 * Usage: {@code BuildModels <train-dir-or-file> <output-dir>}.
 */
public final class BuildModels {

    /** OpenNLP logs every training iteration at INFO; the build only needs our summary line. */
    private static final java.util.logging.Logger QUIET_OPENNLP = java.util.logging.Logger.getLogger("opennlp");

    private BuildModels() {
    }

    /** The two shipped models trained from 3-column examples. */
    record Models(CompiledModel intent, CompiledModel aspect) {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: BuildModels <train-dir-or-file> <output-dir>");
            System.exit(2);
        }
        QUIET_OPENNLP.setLevel(java.util.logging.Level.WARNING);
        long started = System.nanoTime();
        // exec:java runs this in Maven's own JVM: count only the CPU spent from here on.
        double cpuAtStart = processCpuSeconds();
        List<Dataset.Example> examples = Dataset.read(Path.of(args[0]));
        Models models = train(examples, Trainer.Params.SHIPPED);
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        Files.write(out.resolve("intent.bin"), models.intent().toBytes());
        if (models.aspect() != null) {
            Files.write(out.resolve("aspect.bin"), models.aspect().toBytes());
        }
        System.out.printf("NLU models: %d examples, %d intents, %d intent features, trained in %.1f s (%.1f s CPU, all threads)%n",
                examples.size(), models.intent().outcomeCount(), models.intent().featureCount(),
                (System.nanoTime() - started) / 1e9, processCpuSeconds() - cpuAtStart);
        // Where the training time goes: the optimiser's iterations and line-search tries per model.
        new TreeMap<>(QnTraining.LAST_EFFORT).values().forEach(effort -> System.out.println("  L-BFGS " + effort));
    }

    /**
     * How to train: the learner's parameters, whether to calibrate, expand abbreviations and add unaccented copies, which
     * feature families to leave out (for the ablation table; a family is a feature-string prefix such as "c=") and which
     * feature profile to use ({@link Features.Profile}: WardDesk's own, or the generic one for any other data).
     */
    record Setup(Trainer.Params params, boolean calibrate, boolean expand, boolean augment, Set<String> droppedFamilies,
                 Features.Profile features) {
        Setup(Trainer.Params params, boolean calibrate, boolean expand, boolean augment, Set<String> droppedFamilies) {
            this(params, calibrate, expand, augment, droppedFamilies, Features.Profile.SHIPPED);
        }

        static Setup shipped() {
            return of(Trainer.Params.SHIPPED);
        }

        static Setup of(Trainer.Params params) {
            return new Setup(params, true, true, true, Set.of());
        }

        /**
         * The generic trainer's setup ({@code train}, {@code bench-public}): calibrated, generic features, and no
         * unaccented copies — its features are those of the folded text, so a copy would only repeat its line (PhoATIS
         * 5-fold CV of train: 96.83 % with the copies, 96.81 % without, in half the training time).
         */
        static Setup generic(Trainer.Params params, boolean expand) {
            return new Setup(params, true, expand, false, Set.of(), Features.Profile.GENERIC);
        }

        /**
         * The setup of {@code train} and {@code bench-public} for {@code profile}: {@link #generic}, or with
         * {@code --features shipped} the shipped features and unaccented copies, as {@code train} was before the profiles
         * (to compare the two on the same data).
         */
        static Setup forOtherData(Trainer.Params params, boolean expand, Features.Profile profile) {
            return profile == Features.Profile.GENERIC ? generic(params, expand) : new Setup(params, true, expand, true, Set.of());
        }

        /** The metadata that tells the run time which features to compute (none for the shipped profile). */
        Map<String, String> featureMetadata() {
            return features == Features.Profile.SHIPPED ? Map.of()
                    : Map.of(Features.Profile.METADATA_KEY, features.metadataValue());
        }
    }

    /** Training with calibration and augmentation (the shipped and the cross-validated models). */
    static Models train(List<Dataset.Example> examples, Trainer.Params params) {
        return train(examples, Setup.of(params));
    }

    /**
     * Trains the intent model, the aspect model (when the data has aspects) and, with {@code calibrate}, a calibration
     * model on 80 % of the lines whose answers on the other 20 % fix the intent model's temperature and recommended
     * thresholds ({@link Calibration}); the intent model then starts from the calibration model's weights (L-BFGS, see
     * {@link Trainer#WARM_START_ITERATIONS}). Two threads: calibration then intent on one, aspect on the other; each
     * objective evaluation is split over the cores as well ({@link QnTraining#PARTS}) in a way that sums every number in
     * the same order, so the result does not depend on scheduling or on the number of cores. Feature strings are computed
     * once per text and shared.
     */
    static Models train(List<Dataset.Example> examples, Setup setup) {
        Trainer.Params params = setup.params();
        boolean expand = setup.expand();
        List<Dataset.Example> training = setup.augment() ? Augmenter.withUnaccentedCopies(examples) : examples;
        Map<String, String[]> features = new HashMap<>();
        List<String> texts = training.stream().map(Dataset.Example::text).toList();
        List<String[]> contexts = drop(Trainer.contexts(texts, expand, setup.features()), setup.droppedFamilies());
        for (int i = 0; i < texts.size(); i++) {
            features.put(texts.get(i), contexts.get(i));
        }
        List<Dataset.Example> withAspect = examples.stream().filter(example -> example.aspect().isPresent()).toList();
        boolean hasAspects = withAspect.stream().map(example -> example.aspect().orElseThrow()).distinct().count() >= 2;
        ExecutorService pool = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "nlu-training");
            thread.setDaemon(true);
            return thread;
        });
        boolean calibrate = setup.calibrate() && params.algorithm().startsWith("MAXENT");
        try {
            // With calibration, one thread trains the calibration model (80 % of the lines) and then the intent model
            // starting from its weights; the other trains the aspect model meanwhile.
            Future<CompiledModel> intent = pool.submit(() -> timed(() -> {
                Calibrated calibration = calibrate ? calibrate(examples, setup, features) : null;
                Map<String, String> metadata = new TreeMap<>(setup.featureMetadata());
                metadata.put("task", "intent");
                CompiledModel model = Trainer.train(contexts, training.stream().map(Dataset.Example::label).toList(), params,
                        expand, metadata, calibration == null ? null : calibration.model());
                model = prune(model);
                return calibration == null ? model : model.withMetadata(calibration.metadata());
            }));
            Future<CompiledModel> aspect = null;
            if (hasAspects) {
                Set<String> scope = new TreeSet<>();
                withAspect.forEach(example -> scope.add(example.label()));
                // Every line trains the aspect model, the dialogue lines as "no aspect": it runs on every message, so
                // it must know what a message without an aspect looks like ("xin chào", "ok", "ko").
                List<String> aspectLabels = training.stream().map(example -> example.aspect().orElse(Nlu.NO_ASPECT)).toList();
                aspect = pool.submit(() -> timed(() -> prune(Trainer.train(contexts, aspectLabels, params, expand,
                        Map.of("task", "aspect", "scope", String.join(",", scope))))));
            }
            return new Models(intent.get(), aspect == null ? null : aspect.get());
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Lines of the validation split below which no temperature is fitted (it would be noise). */
    static final int MIN_CALIBRATION_LINES = 50;
    /**
     * Direct answers (no "did you mean") only where an answer at that confidence is right at least this often by the 95 %
     * lower bound of the validation answers' accuracy curve ({@link Calibration#thresholds}).
     */
    static final double ANSWER_ACCURACY = 0.90;

    /**
     * Maxent features whose weights are all below this in magnitude are left out of the shipped models. On the validation
     * split of the training data (every 5th line, 2026-12-07) pruning at 0.02 kept 14,171 of 40,714 intent features
     * with the same intent accuracy (95.83 %, accented 96.05, unaccented 95.68 %) and aspect 93.67 → 93.52 %, and cut the
     * CPU per {@code understand()} from 74 to 36 µs: the rows left fit the cache. 0.05 lost 0.2 points, 0.1 lost 3.
     */
    static final double PRUNE_BELOW = 0.02;

    /** The model without its near-zero features ({@link #PRUNE_BELOW}); perceptron models are kept whole. */
    static CompiledModel prune(CompiledModel model) {
        return model.algorithm() == CompiledModel.Algorithm.MAXENT ? model.pruned(PRUNE_BELOW) : model;
    }

    /** The calibration model (null when there were too few lines) and the metadata it gives the intent model. */
    record Calibrated(CompiledModel model, Map<String, String> metadata) {
    }

    /**
     * The calibration model's answers on the validation split: the fitted temperature, and per scored line the calibrated
     * top probability and whether the top intent was right.
     */
    record ValidationAnswers(CompiledModel model, double temperature, double[] confidence, boolean[] correct) {
    }

    /**
     * Temperature and thresholds from a validation split of the TRAINING data (every 5th line per label, as {@code tune}):
     * a model trained on the other 80 % (augmented the same way, so its sharpness matches the shipped model's) scores the
     * validation lines; the temperature minimises their negative log-likelihood. The test split is never read here.
     */
    static Calibrated calibrate(List<Dataset.Example> examples, Setup setup, Map<String, String[]> features) {
        ValidationAnswers answers = validationAnswers(examples, setup, features);
        if (answers == null) {
            return new Calibrated(null, Map.of(Calibration.TEMPERATURE, "1"));
        }
        double[] confidence = answers.confidence();
        boolean[] correct = answers.correct();
        Calibration.Thresholds thresholds = Calibration.thresholds(confidence, correct, ANSWER_ACCURACY);
        int right = 0;
        for (boolean c : correct) {
            right += c ? 1 : 0;
        }
        Map<String, String> metadata = new TreeMap<>();
        metadata.put(Calibration.TEMPERATURE, String.format(java.util.Locale.ROOT, "%.4f", answers.temperature()));
        metadata.put(Calibration.CLARIFY, Double.toString(thresholds.clarify()));
        metadata.put(Calibration.HANDOFF, Double.toString(thresholds.handoff()));
        metadata.put("calibrationLines", Integer.toString(confidence.length));
        metadata.put("calibrationAccuracy", String.format(java.util.Locale.ROOT, "%.4f", right / (double) Math.max(1, confidence.length)));
        metadata.put("calibrationEce", String.format(java.util.Locale.ROOT, "%.4f",
                Calibration.expectedCalibrationError(confidence, correct, Calibration.BINS)));
        return new Calibrated(answers.model(), metadata);
    }

    /** Trains the calibration model and scores the validation split (null below {@link #MIN_CALIBRATION_LINES}). */
    static ValidationAnswers validationAnswers(List<Dataset.Example> examples, Setup setup, Map<String, String[]> features) {
        Trainer.Params params = setup.params();
        boolean expand = setup.expand();
        int[] fold = Cli.stratifiedFolds(examples, 5);
        List<Dataset.Example> train = new ArrayList<>();
        List<Dataset.Example> validation = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            (fold[i] == 4 ? validation : train).add(examples.get(i));
        }
        if (validation.size() < MIN_CALIBRATION_LINES) {
            return null;
        }
        List<Dataset.Example> augmented = setup.augment() ? Augmenter.withUnaccentedCopies(train) : train;
        List<String[]> contexts = new ArrayList<>(augmented.size());
        for (Dataset.Example example : augmented) {
            String[] known = features.get(example.text());
            contexts.add(known != null ? known
                    : drop(Trainer.contexts(List.of(example.text()), expand, setup.features()), setup.droppedFamilies()).get(0));
        }
        CompiledModel model = Trainer.train(contexts, augmented.stream().map(Dataset.Example::label).toList(), params, expand,
                Map.of("task", "calibration"));
        CompiledModel scoring = prune(model);
        List<double[]> scores = new ArrayList<>();
        List<Integer> gold = new ArrayList<>();
        Features.HashBuffer buffer = new Features.HashBuffer();
        for (Dataset.Example example : validation) {
            int label = model.outcomes().indexOf(example.label());
            NormalizedText text = TextNormalizer.normalize(example.text(), expand);
            if (label < 0 || !text.hasLetters()) {
                continue;
            }
            Features.hashes(text, buffer, setup.features());
            scores.add(scoring.scores(buffer));
            gold.add(label);
        }
        int[] goldIndex = gold.stream().mapToInt(Integer::intValue).toArray();
        double temperature = Calibration.fitTemperature(scores, goldIndex);
        double[] confidence = new double[scores.size()];
        boolean[] correct = new boolean[scores.size()];
        double[] p = new double[model.outcomeCount()];
        for (int i = 0; i < scores.size(); i++) {
            Calibration.softmax(scores.get(i), temperature, p);
            int best = Nlu.topIndices(p, 1)[0];
            confidence[i] = p[best];
            correct[i] = best == goldIndex[i];
        }
        return new ValidationAnswers(model, temperature, confidence, correct);
    }

    /** CPU time of this JVM so far (all threads, also the objective's helper threads, JIT and GC); -1 if unknown. */
    static double processCpuSeconds() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() / 1e9 : -1;
    }

    private static <T> T timed(java.util.function.Supplier<T> work) {
        long cpu = THREADS.getCurrentThreadCpuTime();
        try {
            return work.get();
        } finally {
            TRAINING_CPU_NANOS.addAndGet(THREADS.getCurrentThreadCpuTime() - cpu);
        }
    }

    /** The contexts without the features of the dropped families (ablation); the same list when none is dropped. */
    static List<String[]> drop(List<String[]> contexts, Set<String> families) {
        if (families.isEmpty()) {
            return contexts;
        }
        List<String[]> kept = new ArrayList<>(contexts.size());
        for (String[] context : contexts) {
            kept.add(java.util.Arrays.stream(context).filter(f -> families.stream().noneMatch(f::startsWith)).toArray(String[]::new));
        }
        return kept;
    }

    /** CPU time spent training (both threads), for the build log: wall time depends on what else runs on the machine. */
    static final java.util.concurrent.atomic.AtomicLong TRAINING_CPU_NANOS = new java.util.concurrent.atomic.AtomicLong();
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

}
