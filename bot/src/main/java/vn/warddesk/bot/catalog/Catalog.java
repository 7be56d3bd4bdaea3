package vn.warddesk.bot.catalog;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/**
 * What citizens are told: procedures, answers by aspect, intake fields, the privacy notice and office information,
 * always the version the ward has made live. Thread-safe; reads see a consistent version.
 *
 * <p>Follow-up actions use the conversation engine's action grammar: {@code ask:<procedure>:<aspect>},
 * {@code start:<procedure>}, {@code staff}, {@code hours}, {@code location}.
 */
public interface Catalog {
    /** The aspects a procedure question can be about, in display order. */
    List<String> ASPECTS = List.of("general", "documents", "fee", "processing_time", "eligibility", "online", "apply");

    List<ProcedureSummary> procedures(Lang lang);

    boolean knows(String procedureId);

    /** A short answer (≤ 700 characters) for a procedure and aspect; "general" is the overview. */
    Optional<Answer> answer(String procedureId, String aspect, Lang lang);

    /**
     * Whether the ward's People's Committee (the office whose address and hours the bot gives) handles the procedure;
     * false for residence registration, which the commune/ward police handle ({@code authority} in the procedure file).
     */
    default boolean handledByWardOffice(String procedureId) {
        return true;
    }

    /** The minimal details needed to open a case for this procedure, in the order they are asked. */
    List<IntakeField> intakeFields(String procedureId, Lang lang);

    /** The current privacy notice in that language. */
    PrivacyNotice privacyNotice(Lang lang);

    /** "Open now, closes 17:00" / "closed today, opens Monday 7:30", computed for that moment in the office's zone. */
    Answer officeHours(Lang lang, ZonedDateTime now);

    Answer officeLocation(Lang lang);

    /** Whether the office receives citizens on that date (its weekly hours, minus holidays); Mon–Fri by default. */
    default boolean openOn(java.time.LocalDate date) {
        return date.getDayOfWeek().getValue() <= 5;
    }

    OfficeInfo office();

    /** The office's name in that language (the slip, the case page); Vietnamese unless a catalog knows better. */
    default String officeName(Lang lang) {
        return office().name();
    }

    /** The days the desk is closed for a holiday, in date order, names in that language. */
    default List<Holiday> holidays(Lang lang) {
        return List.of();
    }

    /** The catalog of each ward served here, for features that answer in a ward's name (the conversation engine). */
    @FunctionalInterface
    interface ByWard {
        /** Empty for a ward that is not served here: unknown, or disabled in the ward registry. */
        Optional<Catalog> forWard(String wardId);
    }

    /** One closed day of the office calendar (office.yaml {@code holidays}). */
    record Holiday(java.time.LocalDate date, String name) {
    }

    /** One procedure as a short summary (name, icon). */
    record ProcedureSummary(String id, String name, String summary, String icon) {
    }

    /** A citizen-facing answer: plain text, an optional structured list, and follow-up buttons. */
    record Answer(String text, List<String> items, List<FollowUp> followUps) {
    }

    record FollowUp(String label, String action) {
    }

    /** One detail asked at intake, already in the citizen's language. */
    record IntakeField(String name, FieldType type, boolean required, int maxLength, String question, String purpose,
                       List<Choice> choices) {
    }

    enum FieldType { NAME, PHONE, DATE, TEXT, CHOICE }

    /**
     * One option of a choice field: its label in the citizen's language, and every word it may be typed as: both
     * languages' labels and the catalog's {@code words} (a citizen may answer in either language).
     */
    record Choice(String value, String label, List<String> words) {
        public Choice(String value, String label) {
            this(value, label, List.of(label));
        }
    }

    /** The privacy notice as shown: the engine records its version and the SHA-256 of the exact text shown. */
    record PrivacyNotice(String version, String shortText, String fullText) {
    }

    /** Facts about the ward office that other features need (ids, prefixes, zone). */
    record OfficeInfo(String wardId, String caseCodePrefix, java.time.ZoneId zone, boolean demo, String name) {
    }
}
