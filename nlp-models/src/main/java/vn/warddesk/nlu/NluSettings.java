package vn.warddesk.nlu;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Tunables of {@link Nlu}.
 *
 * @param confidenceThreshold below this top-intent probability the answer is marked {@code clarify}
 * @param ambiguityMargin     when the top two intents are closer than this, the answer is marked {@code clarify}
 * @param caseCodePattern     case codes; groups 1..3 (prefix, year, number) when present give the value "PH-2026-1234567"
 * @param aspectThreshold     for a message whose intent is not a procedure (nor {@link Understanding#ASPECT_ONLY}), the
 *                            aspect is reported only at or above this probability
 */
public record NluSettings(double confidenceThreshold, double ambiguityMargin, Pattern caseCodePattern,
                          double aspectThreshold) {

    /** Case code shape chosen by the cases feature: 2-4 letters, year, 7 digits (6 random + 1 check digit). */
    public static final Pattern DEFAULT_CASE_CODE = Pattern.compile("(?i)\\b([a-z]{2,4})[- ]?(20\\d{2})[- ]?(\\d{7})\\b");

    /** Default aspect threshold: a dialogue act needs a clear majority of the aspect model to carry an aspect. */
    public static final double DEFAULT_ASPECT_THRESHOLD = 0.5;

    public NluSettings {
        Objects.requireNonNull(caseCodePattern, "caseCodePattern");
        if (!(confidenceThreshold >= 0 && confidenceThreshold <= 1) || !(ambiguityMargin >= 0 && ambiguityMargin <= 1)
            || !(aspectThreshold >= 0 && aspectThreshold <= 1)) {
            throw new IllegalArgumentException("thresholds and margin must be within [0, 1]");
        }
    }

    /** The settings before the aspect threshold existed; it takes its default. */
    public NluSettings(double confidenceThreshold, double ambiguityMargin, Pattern caseCodePattern) {
        this(confidenceThreshold, ambiguityMargin, caseCodePattern, DEFAULT_ASPECT_THRESHOLD);
    }

    /** Chosen on the validation split of the training data ({@code tune}, clarify sweep; see README). */
    public static NluSettings defaults() {
        return new NluSettings(0.60, 0.10, DEFAULT_CASE_CODE, DEFAULT_ASPECT_THRESHOLD);
    }
}
