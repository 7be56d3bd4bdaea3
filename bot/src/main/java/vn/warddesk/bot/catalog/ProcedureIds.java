package vn.warddesk.bot.catalog;

import java.util.List;

/** The 15 procedure ids fixed by shared/spec/intents.tsv: the NLU labels, the seed file names and the API ids. */
final class ProcedureIds {
    static final List<String> ALL = List.of(
            "birth_registration",
            "death_registration",
            "marriage_registration",
            "marital_status_certificate",
            "permanent_residence",
            "temporary_residence",
            "copy_certification",
            "signature_certification",
            "guardianship_registration",
            "parent_child_recognition",
            "civil_status_correction",
            "civil_status_extract",
            "household_business_registration",
            "social_allowance",
            "land_certificate");

    private ProcedureIds() {
    }
}
