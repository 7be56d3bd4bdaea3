package vn.warddesk.nlu;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Tunables of {@link Nlu}.
 *
 * @param confidenceThreshold below this top-intent probability the answer is marked {@code clarify}
 * @param ambiguityMargin     when the top two intents are closer than this, the answer is marked {@code clarify}
 * @param caseCodePattern     case codes; groups 1..3 (prefix, year, number) when present give the value "PH-2026-1234567"
 */
public record NluSettings(double confidenceThreshold, double ambiguityMargin, Pattern caseCodePattern) {

    /** Case code shape chosen by the cases feature: 2-4 letters, year, 7 digits (6 random + 1 check digit). */
    public static final Pattern DEFAULT_CASE_CODE = Pattern.compile("(?i)\\b([a-z]{2,4})[- ]?(20\\d{2})[- ]?(\\d{7})\\b");

    public NluSettings {
        Objects.requireNonNull(caseCodePattern, "caseCodePattern");
        if (!(confidenceThreshold >= 0 && confidenceThreshold <= 1) || !(ambiguityMargin >= 0 && ambiguityMargin <= 1)) {
            throw new IllegalArgumentException("threshold and margin must be within [0, 1]");
        }
    }

    /** Chosen on the validation split of the training data ({@code tune}, clarify sweep; see README). */
    public static NluSettings defaults() {
        return new NluSettings(0.60, 0.10, DEFAULT_CASE_CODE);
    }
}
