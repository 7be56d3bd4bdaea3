package vn.warddesk.nlu;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Understands one citizen message: intent, aspect (for procedure questions), alternatives and entities.
 * Thread-safe; models are loaded once and shared.
 *
 * <p>The language hint is accepted for the engine's convenience but not needed: the models are trained on Vietnamese,
 * unaccented Vietnamese and English together.
 */
public final class Nlu {

    static final String OUT_OF_SCOPE = "out_of_scope";
    /** The aspect model's outcome for "no aspect" (dialogue lines, aspect column {@code -}); never reported. */
    static final String NO_ASPECT = "-";
    private static final String MODEL_PATH = "/vn/warddesk/nlu/models/";
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final int ALTERNATIVES = 3;
    private static final System.Logger LOGGER = System.getLogger(Nlu.class.getName());

    private final CompiledModel intents;
    private final CompiledModel aspects;
    private final Set<String> aspectScope;
    private final int noAspect;
    private final int aspectOnlyIndex;
    private final NluSettings settings;
    private final EntityExtractor entities;
    private final boolean expandAbbreviations;
    /** The features the intent model was trained with (generic for a model from {@code train}). */
    private final Features.Profile profile;
    private final Clock clock;
    /** Intent and aspect weights in one table when both are maxent (the shipped case); else null. */
    private final CompiledModel.Joint joint;
    /** Calibration temperature of the intent model (metadata {@code temperature}, 1 = raw maxent probabilities). */
    private final double temperature;
    private final ThreadLocal<Scratch> scratch;
    /**
     * The answer's alternatives for a text with nothing to classify, built once: on the rare path the JIT had compiled the
     * label search (a stream over a copy of the outcomes) as a cold branch, and such a call took 15-70 µs.
     */
    private final List<Candidate> outOfScopeAlternatives;

    Nlu(CompiledModel intents, CompiledModel aspects, NluSettings settings, Clock clock) {
        this.intents = Objects.requireNonNull(intents, "intents");
        this.aspects = aspects;
        this.settings = Objects.requireNonNull(settings, "settings");
        this.entities = new EntityExtractor(settings.caseCodePattern());
        this.expandAbbreviations = Boolean.parseBoolean(intents.metadata().getOrDefault("abbreviations", "true"));
        this.profile = Features.Profile.of(intents.metadata());
        this.clock = clock;
        Set<String> scope = new HashSet<>();
        if (aspects != null) {
            scope.addAll(Arrays.asList(aspects.metadata().getOrDefault("scope", "").split(",")));
        }
        this.aspectScope = Set.copyOf(scope);
        this.aspectOnlyIndex = intents.outcomes().indexOf(Understanding.ASPECT_ONLY);
        this.noAspect = aspects == null ? -1 : aspects.outcomes().indexOf(NO_ASPECT);
        this.joint = aspects != null && profile == Features.Profile.SHIPPED
                     && intents.algorithm() == CompiledModel.Algorithm.MAXENT
                     && aspects.algorithm() == CompiledModel.Algorithm.MAXENT ? new CompiledModel.Joint(intents, aspects) : null;
        this.temperature = intents.algorithm() == CompiledModel.Algorithm.MAXENT
                ? Double.parseDouble(intents.metadata().getOrDefault(Calibration.TEMPERATURE, "1")) : 1;
        int aspectWidth = aspects == null ? 0 : aspects.outcomeCount();
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(intents.outcomeCount(), aspectWidth));
        // The runner-up is the first other label so that callers can always read two alternatives.
        String other = intents.outcomes().stream().filter(label -> !label.equals(OUT_OF_SCOPE)).findFirst().orElse(OUT_OF_SCOPE);
        this.outOfScopeAlternatives = List.of(new Candidate(OUT_OF_SCOPE, 1.0), new Candidate(other, 0.0));
    }

    /** Per-thread work arrays, so that {@code understand()} allocates little beyond its answer. */
    static final class Scratch {
        final TokenBuffer tokens = new TokenBuffer();
        final Features.HashBuffer features = new Features.HashBuffer();
        final double[] intentScores, intentProbabilities, aspectScores, aspectProbabilities;

        Scratch(int intents, int aspects) {
            intentScores = new double[intents];
            intentProbabilities = new double[intents];
            aspectScores = new double[aspects];
            aspectProbabilities = new double[aspects];
        }
    }

    /** The models packaged in the jar, default settings. */
    public static Nlu shipped() {
        return shipped(NluSettings.defaults());
    }

    public static Nlu shipped(NluSettings settings) {
        return new Nlu(ShippedModels.INTENT, ShippedModels.ASPECT, settings, Clock.system(VIETNAM));
    }

    public Understanding understand(String text, Locale hint) {
        return understand(text, hint, LocalDate.now(clock));
    }

    /** Never throws; time is bounded because the text is cut to a fixed length first. */
    public Understanding understand(String text, Locale hint, LocalDate today) {
        String input = text == null ? "" : text;
        LocalDate day = today == null ? LocalDate.now(clock) : today;
        try {
            String bounded = TextNormalizer.nfc(TextNormalizer.truncate(input, EntityExtractor.MAX_CHARS));
            List<Entity> found = entities.extract(bounded, day);
            Scratch work = scratch.get();
            TextNormalizer.normalize(bounded, expandAbbreviations, work.tokens);
            if (!work.tokens.hasLetters()) {
                return outOfScope(found);
            }
            features(work);
            return answer(work, found);
        } catch (RuntimeException e) {
            // Defensive: a bug must not take the conversation down. Log the kind only, never the text.
            LOGGER.log(System.Logger.Level.WARNING, "understand failed: " + e.getClass().getName());
            return outOfScope(List.of());
        }
    }

    /** Intent and aspect probabilities without entities: what {@code classify} and {@code evaluate} need. */
    Understanding classify(NormalizedText normalized, List<Entity> found) {
        Scratch work = scratch.get();
        work.tokens.set(normalized);
        features(work);
        return answer(work, found);
    }

    /**
     * The features of {@code work.tokens} into {@code work.features}: with the joint table, known words and word pairs as
     * their pre-summed rows ({@link WordMemo}); otherwise every feature hash.
     */
    private void features(Scratch work) {
        if (joint != null) {
            Features.jointHashes(work.tokens, joint.memo(), work.features);
        } else {
            Features.hashes(work.tokens, work.features, profile);
        }
    }

    /** The answer for the features in {@code work.features}. */
    private Understanding answer(Scratch work, List<Entity> found) {
        double[] probabilities = intentProbabilities(work);
        int[] order = topIndices(probabilities, Math.min(ALTERNATIVES, probabilities.length));
        Candidate[] alternatives = new Candidate[order.length];
        for (int i = 0; i < order.length; i++) {
            alternatives[i] = new Candidate(intents.outcome(order[i]), probabilities[order[i]]);
        }
        String intent = alternatives[0].intent();
        double confidence = alternatives[0].probability();
        double runnerUp = alternatives.length > 1 ? alternatives[1].probability() : 0;
        boolean clarify = confidence < settings.confidenceThreshold() || confidence - runnerUp < settings.ambiguityMargin();
        Aspect aspect = aspectOf(intent, work.aspectProbabilities).orElse(null);
        return new Understanding(intent, aspect == null ? Optional.empty() : Optional.of(aspect.name()), confidence,
                aspect == null ? 0 : aspect.probability(), List.of(alternatives), clarify, found);
    }

    /**
     * Calibrated intent probabilities of the features in {@code work.features}, and the aspect probabilities alongside
     * (one table lookup per feature for both). Returns {@code work.intentProbabilities}.
     */
    double[] intentProbabilities(Scratch work) {
        Features.HashBuffer buffer = work.features;
        double[] probabilities = work.intentProbabilities;
        if (joint != null) {
            joint.scores(buffer, work.intentScores, work.aspectScores);
            Calibration.softmax(work.intentScores, temperature, probabilities);
            Calibration.softmax(work.aspectScores, 1, work.aspectProbabilities);
        } else {
            if (intents.algorithm() == CompiledModel.Algorithm.MAXENT) {
                // A model from `train` carries its temperature too; without the joint table it used to be left unused,
                // and the command line's confidences were the raw ones.
                Calibration.softmax(intents.scores(buffer), temperature, probabilities);
            } else {
                System.arraycopy(intents.probabilities(buffer), 0, probabilities, 0, probabilities.length);
            }
            if (aspects != null) {
                System.arraycopy(aspects.probabilities(buffer), 0, work.aspectProbabilities, 0, work.aspectProbabilities.length);
            }
        }
        excludeAspectOnly(buffer, probabilities);
        return probabilities;
    }

    /**
     * An aspect-only question names no procedure by definition; when the lexicon finds one, the aspect-only outcome is
     * out of the race and the rest is renormalised.
     */
    private void excludeAspectOnly(Features.HashBuffer buffer, double[] probabilities) {
        if (!buffer.namesProcedure || aspectOnlyIndex < 0) {
            return;
        }
        double rest = 1 - probabilities[aspectOnlyIndex];
        probabilities[aspectOnlyIndex] = 0;
        if (rest > 0) {
            for (int k = 0; k < probabilities.length; k++) {
                probabilities[k] /= rest;
            }
        }
    }

    /** Raw (uncalibrated) top probability for the same features, for {@code evaluate}'s before/after calibration. */
    double rawTopProbability(Scratch work) {
        double[] raw = joint != null ? softmaxCopy(work.intentScores) : intents.probabilities(work.features);
        excludeAspectOnly(work.features, raw);
        double top = 0;
        for (double p : raw) {
            top = Math.max(top, p);
        }
        return top;
    }

    private static double[] softmaxCopy(double[] scores) {
        double[] out = new double[scores.length];
        Calibration.softmax(scores, 1, out);
        return out;
    }

    CompiledModel.Joint joint() {
        return joint;
    }

    Scratch scratch() {
        return scratch.get();
    }

    double temperature() {
        return temperature;
    }

    /** An aspect and its probability. */
    record Aspect(String name, double probability) {
    }

    /**
     * The aspect model runs on every message. It has one more outcome than the spec's aspects, {@value #NO_ASPECT}, learnt
     * from the dialogue lines ("xin chào", "ok"). A procedure (or an aspect-only question) always gets its best real aspect,
     * renormalised without {@value #NO_ASPECT}, as before; any other intent gets an aspect only when that aspect itself
     * reaches {@link NluSettings#aspectThreshold()} against all outcomes, {@value #NO_ASPECT} included.
     */
    Optional<Aspect> aspectOf(String intent, double[] probabilities) {
        if (aspects == null) {
            return Optional.empty();
        }
        int best = -1;
        double rest = 0;
        for (int k = 0; k < probabilities.length; k++) {
            if (k == noAspect) {
                continue;
            }
            rest += probabilities[k];
            if (best < 0 || probabilities[k] > probabilities[best]) {
                best = k;
            }
        }
        if (best < 0) {
            return Optional.empty();
        }
        if (aspectScope.contains(intent)) {
            return Optional.of(new Aspect(aspects.outcome(best), probabilities[best] / rest));
        }
        if (probabilities[best] >= settings.aspectThreshold()) {
            return Optional.of(new Aspect(aspects.outcome(best), probabilities[best]));
        }
        return Optional.empty();
    }

    private Understanding outOfScope(List<Entity> found) {
        // Nothing to classify (empty, emoji only, digits only...): certain it is out of scope.
        return new Understanding(OUT_OF_SCOPE, Optional.empty(), 1.0, 0, outOfScopeAlternatives, false, found);
    }

    /** The settings in use (thresholds for clarify and handoff). */
    public NluSettings settings() {
        return settings;
    }

    /** Metadata of the shipped intent model (calibration temperature, recommended thresholds). */
    static Map<String, String> shippedIntentMetadata() {
        return ShippedModels.INTENT.metadata();
    }

    CompiledModel intentModel() {
        return intents;
    }

    Optional<CompiledModel> aspectModel() {
        return Optional.ofNullable(aspects);
    }

    /** Indices of the {@code count} largest values, largest first; ties keep the lower index first. */
    static int[] topIndices(double[] values, int count) {
        int[] top = new int[count];
        Arrays.fill(top, -1);
        for (int i = 0; i < values.length; i++) {
            for (int slot = 0; slot < count; slot++) {
                if (top[slot] < 0 || values[i] > values[top[slot]]) {
                    // Shifted by hand: System.arraycopy of one or two ints cost more than the comparisons (4 % of
                    // understand()'s CPU samples).
                    for (int move = count - 1; move > slot; move--) {
                        top[move] = top[move - 1];
                    }
                    top[slot] = i;
                    break;
                }
            }
        }
        return top;
    }

    static CompiledModel load(String name) {
        try (InputStream in = Nlu.class.getResourceAsStream(MODEL_PATH + name)) {
            if (in == null) {
                throw new IllegalStateException("model " + name + " is not on the classpath; build the nlp-models module");
            }
            return CompiledModel.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loaded once, on first use. */
    private static final class ShippedModels {
        static final CompiledModel INTENT = load("intent.bin");
        static final CompiledModel ASPECT = load("aspect.bin");
    }
}
