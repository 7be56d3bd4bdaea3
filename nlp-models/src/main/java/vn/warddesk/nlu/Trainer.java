package vn.warddesk.nlu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import opennlp.tools.ml.AbstractEventTrainer;
import opennlp.tools.ml.TrainerFactory;
import opennlp.tools.ml.model.Event;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

/**
 * Trains a {@link CompiledModel} with OpenNLP's maxent (or perceptron) event trainer on our feature generators' strings.
 * Deterministic: one thread, one-pass in-memory indexer, fixed iterations and cutoff, examples in input order.
 */
final class Trainer {

    /** Fixed training parameters. Chosen by {@code Cli tune} on a validation split of the training data (see README). */
    record Params(String algorithm, int iterations, int cutoff, double l2) {
        static final Params SHIPPED = new Params("MAXENT_QN", 150, 2, 1.0);

        Params {
            if (!List.of("MAXENT", "MAXENT_QN", "PERCEPTRON").contains(algorithm)) {
                throw new IllegalArgumentException("algorithm must be maxent, maxent_qn or perceptron");
            }
            if (iterations < 1 || cutoff < 0 || l2 < 0) {
                throw new IllegalArgumentException("iterations >= 1, cutoff >= 0, l2 >= 0");
            }
        }

        TrainingParameters toOpenNlp() {
            TrainingParameters params = new TrainingParameters();
            params.put(TrainingParameters.ALGORITHM_PARAM, algorithm);
            params.put(TrainingParameters.ITERATIONS_PARAM, iterations);
            if (algorithm.equals("MAXENT_QN")) {
                params.put("L2Cost", l2);
                params.put("L1Cost", 0.0);
                params.put("NumOfUpdates", LBFGS_HISTORY);
            }
            params.put(TrainingParameters.CUTOFF_PARAM, cutoff);
            params.put(TrainingParameters.THREADS_PARAM, 1);
            params.put(AbstractEventTrainer.DATA_INDEXER_PARAM, AbstractEventTrainer.DATA_INDEXER_ONE_PASS_VALUE);
            params.put("PrintMessages", false);
            return params;
        }

        String describe() {
            return algorithm.toLowerCase(java.util.Locale.ROOT) + " iterations=" + iterations + " cutoff=" + cutoff
                    + (algorithm.equals("MAXENT_QN") ? " l2=" + l2 : "");
        }
    }

    /**
     * Iterations of the shipped intent model when it starts from the calibration model's weights (trained on 80 % of the
     * same lines, same objective): a third of the 150 from zero.
     */
    static final int WARM_START_ITERATIONS = 50;

    /** L-BFGS history 5 instead of OpenNLP's 15: same validation accuracy, ~15 % less training CPU. */
    static final int LBFGS_HISTORY = 5;

    /** A training document: the label and the raw text. */
    record Document(String label, String text) {
    }

    private Trainer() {
    }

    static CompiledModel train(List<Document> documents, Params params, boolean expandAbbreviations,
                               Map<String, String> extraMetadata) {
        List<String[]> contexts = contexts(documents.stream().map(Document::text).toList(), expandAbbreviations);
        return train(contexts, documents.stream().map(Document::label).toList(), params, expandAbbreviations, extraMetadata);
    }

    /**
     * The feature strings of each text (empty for a text without tokens). Computed once and shared by every model trained
     * on the same texts (intent, aspect, calibration): feature generation was a third of the training time.
     */
    static List<String[]> contexts(List<String> texts, boolean expandAbbreviations) {
        return contexts(texts, expandAbbreviations, Features.Profile.SHIPPED);
    }

    /** As above with the features of {@code profile}. */
    static List<String[]> contexts(List<String> texts, boolean expandAbbreviations, Features.Profile profile) {
        // Each text on its own, on all cores: this runs before any model can start (~0.6 s CPU for the shipped data), and
        // every result lands at its text's index, so the order does not depend on the threads.
        String[][] contexts = new String[texts.size()][];
        java.util.stream.IntStream.range(0, texts.size()).parallel().forEach(i -> {
            NormalizedText normalized = TextNormalizer.normalize(texts.get(i), expandAbbreviations);
            contexts[i] = normalized.tokens().isEmpty() ? NO_FEATURES
                    : Features.strings(normalized.tokens().toArray(String[]::new), profile).toArray(String[]::new);
        });
        return java.util.Arrays.asList(contexts);
    }

    private static final String[] NO_FEATURES = new String[0];

    /**
     * Trains on precomputed feature strings: the same events as {@code DocumentCategorizerME.train} with our feature
     * generators builds (label, features of all generators in order), given straight to OpenNLP's event trainer.
     */
    static CompiledModel train(List<String[]> contexts, List<String> labels, Params params, boolean expandAbbreviations,
                               Map<String, String> extraMetadata) {
        return train(contexts, labels, params, expandAbbreviations, extraMetadata, null);
    }

    /**
     * As above; an L-BFGS model with a {@code start} model (trained on a part of the same lines) starts from its weights and
     * runs {@link #WARM_START_ITERATIONS} (see {@link QnTraining}). Other algorithms ignore {@code start}.
     */
    static CompiledModel train(List<String[]> contexts, List<String> labels, Params params, boolean expandAbbreviations,
                               Map<String, String> extraMetadata, CompiledModel start) {
        if (contexts.size() != labels.size()) {
            throw new IllegalArgumentException("one label per text");
        }
        List<Event> events = new ArrayList<>(contexts.size());
        for (int i = 0; i < contexts.size(); i++) {
            // A line without any token (emoji only) gives no features; it cannot teach the model anything.
            if (contexts.get(i).length > 0) {
                events.add(new Event(labels.get(i), contexts.get(i)));
            }
        }
        if (events.isEmpty()) {
            throw new IllegalArgumentException("no training examples");
        }
        if (events.stream().map(Event::getOutcome).distinct().count() < 2) {
            throw new IllegalArgumentException("need at least two different labels to train a classifier");
        }
        Map<String, String> metadata = new TreeMap<>(extraMetadata);
        metadata.put("params", params.describe());
        metadata.put("abbreviations", Boolean.toString(expandAbbreviations));
        metadata.put("examples", Integer.toString(contexts.size()));
        if (params.algorithm().equals("MAXENT_QN")) {
            // Same objective and minimiser as OpenNLP's QNTrainer, faster arithmetic (see QnTraining).
            if (start != null) {
                metadata.put("warmStart", WARM_START_ITERATIONS + " iterations from the calibration model");
            }
            return QnTraining.train(contexts, labels, params, metadata, start,
                    start == null ? params.iterations() : Math.min(params.iterations(), WARM_START_ITERATIONS));
        }
        return withOpenNlpTrainer(events, params, metadata);
    }

    /** OpenNLP's own event trainer (GIS, perceptron; for L-BFGS the reference {@link QnTraining} is checked against). */
    static CompiledModel withOpenNlpTrainer(List<Event> events, Params params, Map<String, String> metadata) {
        try {
            MaxentModel model = TrainerFactory.getEventTrainer(params.toOpenNlp(), new HashMap<>())
                    .train(ObjectStreamUtils.createObjectStream(events));
            return CompiledModel.from(model, metadata);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
