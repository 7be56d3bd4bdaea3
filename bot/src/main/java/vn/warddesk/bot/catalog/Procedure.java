package vn.warddesk.bot.catalog;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * One procedure as the ward edits it: the schema of config/catalog/procedures/&lt;id&gt;.yaml and of the JSON
 * stored per version. Fields may be null after binding; {@link Validation} says which must not be.
 *
 * <p>{@code portalCode} is the national procedure code (mã TTHC) of the National Public Service Portal.
 * {@code eligibilityUncertain} marks an eligibility text whose rule is not confirmed from a primary text.
 */
record Procedure(String id, LocalDate reviewed, String icon, Text authority, String portalCode,
                 Boolean portalCodeUncertain, Text name, Text summary, Text eligibility, List<Document> documents,
                 Fee fee, ProcessingTime processingTime, Online online, List<LegalBasis> legalBasis,
                 List<Source> sources, String editorNotes, List<Intake> intake, Boolean eligibilityUncertain) {

    /** A citizen text in both languages. */
    record Text(String vi, String en) {
        String in(Lang lang) {
            return lang == Lang.EN ? en : vi;
        }
    }

    /** {@code uncertain}: this paper's requirement is not confirmed from a primary text (answers say "confirm at the desk"). */
    record Document(Text text, String kind, Integer count, Text note, Boolean uncertain) {
    }

    record Fee(Long amountVnd, Boolean uncertain, Text text, Text lateFine) {
    }

    record ProcessingTime(Integer workingDays, Boolean uncertain, Text text) {
    }

    record Online(List<String> channels, Text text) {
    }

    /**
     * A law, decree or circular the procedure rests on, with its validity. {@code inForceUntil} is the first day the
     * text no longer applies (the day its replacement takes effect); {@code uncertain} marks a basis whose number,
     * dates or replacement were seen only in secondary sources.
     */
    record LegalBasis(String title, String number, String issuer, String articles, LocalDate inForceFrom,
                      LocalDate inForceUntil, String replacedBy, String url, Boolean uncertain) {
        /** Versions stored before legal bases had dates held plain strings; they bind, and then fail validation. */
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static LegalBasis fromText(String text) {
            return new LegalBasis(text, null, null, null, null, null, null, null, null);
        }

        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        LegalBasis {
        }

        /** "Luật Hộ tịch 60/2014/QH13, Điều 16 (Quốc hội; hiệu lực 01/01/2016 – 01/03/2027, thay bằng 03/2026/QH16)". */
        String describe() {
            StringBuilder text = new StringBuilder(title);
            if (number != null && !title.contains(number)) {
                text.append(' ').append(number);
            }
            if (articles != null && !articles.isBlank()) {
                text.append(", ").append(articles);
            }
            text.append(" (").append(issuer == null ? "" : issuer + "; ").append("hiệu lực từ ")
                    .append(inForceFrom == null ? "?" : Dates.vi(inForceFrom));
            if (inForceUntil != null) {
                text.append(" đến hết ").append(Dates.vi(inForceUntil.minusDays(1)));
            }
            if (replacedBy != null && !replacedBy.isBlank()) {
                text.append(", thay bằng ").append(replacedBy);
            }
            if (Boolean.TRUE.equals(uncertain)) {
                text.append("; chưa đối chiếu văn bản gốc");
            }
            return text.append(')').toString();
        }
    }

    /**
     * Where a fact comes from. {@code primary}: the legal text itself (official text, or a full-text reproduction of
     * the cited article), not a summary, news item or commentary. {@code accessed}: the day it was last read.
     */
    record Source(String title, @JsonAlias("ref") String number, String issuer, String url, LocalDate accessed,
                  Boolean primary) {
    }

    record Intake(String name, String type, Boolean required, Integer maxLength, Text purpose, Text question,
                  String justification, List<Choice> choices) {
    }

    /**
     * One option of a {@code choice} field. {@code words}: other ways citizens name it, comma-separated per language
     * ("sang tên, mua bán" / "transfer, sell"), so that an option typed in words is understood (optional).
     */
    record Choice(String value, Text label, Text words) {
    }
}
