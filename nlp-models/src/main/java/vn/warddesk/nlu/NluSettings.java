package vn.warddesk.nlu;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Tunables of {@link Nlu}. Probabilities are calibrated (see {@link Calibration}): a confidence of 0.9 means the answer
 * is right about 9 times in 10, so thresholds read as "how often right".
 *
 * @param confidenceThreshold below this top-intent probability the answer is marked {@code clarify} ("did you mean…")
 * @param ambiguityMargin     when the top two intents are closer than this, the answer is marked {@code clarify}
 * @param caseCodePattern     case codes; groups 1..3 (prefix, year, number) when present give the value "PH-2026-1234567"
 * @param aspectThreshold     for a message whose intent is not a procedure (nor {@link Understanding#ASPECT_ONLY}), the
 *                            aspect is reported only at or above this probability
 * @param handoffThreshold    below this top-intent probability the top answer is wrong at least as often as right: the
 *                            engine should say it did not understand and offer staff rather than ask "did you mean"
 */
public record NluSettings(double confidenceThreshold, double ambiguityMargin, Pattern caseCodePattern,
                          double aspectThreshold, double handoffThreshold) {

    /** Case code shape chosen by the cases feature: 2-4 letters, year, 7 digits (6 random + 1 check digit). */
    public static final Pattern DEFAULT_CASE_CODE = Pattern.compile("(?i)\\b([a-z]{2,4})[- ]?(20\\d{2})[- ]?(\\d{7})\\b");

    /** Default aspect threshold: a dialogue act needs a clear majority of the aspect model to carry an aspect. */
    public static final double DEFAULT_ASPECT_THRESHOLD = 0.5;
    /** Used when a model carries no calibration (models from before it, or perceptron models). */
    static final double FALLBACK_CLARIFY = 0.60, FALLBACK_HANDOFF = 0.30, DEFAULT_MARGIN = 0.10;

    public NluSettings {
        Objects.requireNonNull(caseCodePattern, "caseCodePattern");
        for (double value : new double[] {confidenceThreshold, ambiguityMargin, aspectThreshold, handoffThreshold}) {
            if (!(value >= 0 && value <= 1)) {
                throw new IllegalArgumentException("thresholds and margin must be within [0, 1]");
            }
        }
    }

    /** The settings before the aspect and handoff thresholds existed; they take their defaults. */
    public NluSettings(double confidenceThreshold, double ambiguityMargin, Pattern caseCodePattern) {
        this(confidenceThreshold, ambiguityMargin, caseCodePattern, DEFAULT_ASPECT_THRESHOLD,
             Math.min(confidenceThreshold, FALLBACK_HANDOFF));
    }

    public NluSettings(double confidenceThreshold, double ambiguityMargin, Pattern caseCodePattern, double aspectThreshold) {
        this(confidenceThreshold, ambiguityMargin, caseCodePattern, aspectThreshold,
             Math.min(confidenceThreshold, FALLBACK_HANDOFF));
    }

    /**
     * The thresholds the shipped model recommends, read at build time off the accuracy curve of its calibrated validation
     * answers (metadata {@code clarifyThreshold}, {@code handoffThreshold}; {@link Calibration#thresholds}, README,
     * "Pipeline" 4): at or above {@code confidenceThreshold} an answer is right at least 9 times in 10 (95 % lower bound),
     * below {@code handoffThreshold} at most half the time (95 % upper bound). The bot's engine reads its clarify
     * threshold from {@code conversation.confidence-threshold} in its config instead, when that key is set.
     */
    public static NluSettings defaults() {
        return recommended(Nlu.shippedIntentMetadata());
    }

    static NluSettings recommended(Map<String, String> metadata) {
        double clarify = Double.parseDouble(metadata.getOrDefault(Calibration.CLARIFY, Double.toString(FALLBACK_CLARIFY)));
        double handoff = Double.parseDouble(metadata.getOrDefault(Calibration.HANDOFF, Double.toString(FALLBACK_HANDOFF)));
        return new NluSettings(clarify, DEFAULT_MARGIN, DEFAULT_CASE_CODE, DEFAULT_ASPECT_THRESHOLD, Math.min(handoff, clarify));
    }
}
