package vn.warddesk.bot.catalog;

import java.time.LocalDate;
import java.util.List;

/**
 * One procedure as the ward edits it: the schema of config/catalog/procedures/&lt;id&gt;.yaml and of the JSON
 * stored per version. Fields may be null after binding; {@link Validation} says which must not be.
 */
record Procedure(String id, LocalDate reviewed, String icon, Text authority, String portalCode,
                 Boolean portalCodeUncertain, Text name, Text summary, Text eligibility, List<Document> documents,
                 Fee fee, ProcessingTime processingTime, Online online, List<String> legalBasis,
                 List<Source> sources, String editorNotes, List<Intake> intake) {

    /** A citizen text in both languages. */
    record Text(String vi, String en) {
        String in(Lang lang) {
            return lang == Lang.EN ? en : vi;
        }
    }

    record Document(Text text, String kind, Integer count, Text note) {
    }

    record Fee(Long amountVnd, Boolean uncertain, Text text, Text lateFine) {
    }

    record ProcessingTime(Integer workingDays, Boolean uncertain, Text text) {
    }

    record Online(List<String> channels, Text text) {
    }

    record Source(String title, String ref, String url) {
    }

    record Intake(String name, String type, Boolean required, Integer maxLength, Text purpose, Text question,
                  String justification, List<Choice> choices) {
    }

    record Choice(String value, Text label) {
    }
}
