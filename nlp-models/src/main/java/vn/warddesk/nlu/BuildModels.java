package vn.warddesk.nlu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

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
        List<Dataset.Example> examples = Dataset.read(Path.of(args[0]));
        Models models = train(examples, Trainer.Params.SHIPPED);
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        Files.write(out.resolve("intent.bin"), models.intent().toBytes());
        if (models.aspect() != null) {
            Files.write(out.resolve("aspect.bin"), models.aspect().toBytes());
        }
        System.out.printf("NLU models: %d examples, %d intents, %d intent features, trained in %.1f s (%.1f s CPU)%n",
                examples.size(), models.intent().outcomeCount(), models.intent().featureCount(),
                (System.nanoTime() - started) / 1e9, TRAINING_CPU_NANOS.get() / 1e9);
    }

    /** Intent and aspect models are independent: train them on two threads (each single-threaded, so deterministic). */
    static Models train(List<Dataset.Example> examples, Trainer.Params params) {
        List<Dataset.Example> withAspect = examples.stream().filter(example -> example.aspect().isPresent()).toList();
        CompletableFuture<CompiledModel> aspect = CompletableFuture.completedFuture(null);
        if (withAspect.stream().map(example -> example.aspect().orElseThrow()).distinct().count() >= 2) {
            Set<String> scope = new TreeSet<>();
            withAspect.forEach(example -> scope.add(example.label()));
            // Every line trains the aspect model, the dialogue lines as "no aspect": it runs on every message, so it must
            // know what a message without an aspect looks like ("xin chào", "ok", "ko").
            List<Trainer.Document> aspectDocs = augment(examples.stream()
                    .map(example -> new Trainer.Document(example.aspect().orElse(Nlu.NO_ASPECT), example.text())).toList());
            aspect = CompletableFuture.supplyAsync(() -> {
                long cpu = THREADS.getCurrentThreadCpuTime();
                CompiledModel model = Trainer.train(aspectDocs, params, true,
                        Map.of("task", "aspect", "scope", String.join(",", scope)));
                TRAINING_CPU_NANOS.addAndGet(THREADS.getCurrentThreadCpuTime() - cpu);
                return model;
            }, TRAINING);
        }
        List<Trainer.Document> intentDocs = augment(examples.stream()
                .map(example -> new Trainer.Document(example.label(), example.text())).toList());
        long cpu = THREADS.getCurrentThreadCpuTime();
        CompiledModel intent = Trainer.train(intentDocs, params, true, Map.of("task", "intent"));
        TRAINING_CPU_NANOS.addAndGet(THREADS.getCurrentThreadCpuTime() - cpu);
        try {
            return new Models(intent, aspect.join());
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** Unaccented copies of the accented lines ({@link Augmenter}); on with -Dnlu.augment=true (off by default until its validation measurement is in). */
    static List<Trainer.Document> augment(List<Trainer.Document> documents) {
        return AUGMENT ? Augmenter.withUnaccentedCopies(documents) : documents;
    }

    static boolean AUGMENT = Boolean.parseBoolean(System.getProperty("nlu.augment", "false"));

    /** CPU time spent training (both threads), for the build log: wall time depends on what else runs on the machine. */
    static final java.util.concurrent.atomic.AtomicLong TRAINING_CPU_NANOS = new java.util.concurrent.atomic.AtomicLong();
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    private static final Executor TRAINING = runnable -> {
        Thread thread = new Thread(runnable, "aspect-training");
        thread.setDaemon(true);
        thread.start();
    };
}
