package vn.warddesk.bot.conversation;

import vn.warddesk.bot.catalog.Catalog;
import vn.warddesk.bot.catalog.Catalog.IntakeField;

/** Display names of intents, aspects, intake fields, case statuses and consent decisions, in the turn's language. */
final class Labels {
    // Display names live in the texts as label.intent.<id>, label.aspect.<id>, label.field.<name>.

    private Labels() {
    }

    static String intent(Catalog catalog, Turn t, String intent) {
        return catalog.procedures(t.lang()).stream().filter(p -> p.id().equals(intent))
                .map(Catalog.ProcedureSummary::name).findFirst()
                .orElseGet(() -> pick("label.intent.", intent, t));
    }

    static String aspect(Turn t, String aspect) {
        return pick("label.aspect.", aspect, t);
    }

    static String field(Turn t, IntakeField f) {
        return pick("label.field.", f.name(), t);
    }

    static String status(Turn t, String status) {
        return switch (status) {
            case "new" -> t.text("label.status.new");
            case "claimed" -> t.text("label.status.claimed");
            case "waiting" -> t.text("label.status.waiting");
            case "resolved" -> t.text("label.status.resolved");
            case "withdrawn" -> t.text("label.status.withdrawn");
            default -> status;
        };
    }

    static String decision(Turn t, String decision) {
        return switch (decision) {
            case "agree" -> t.text("label.consent.agree");
            case "decline" -> t.text("label.consent.decline");
            default -> t.text("label.consent.withdraw");
        };
    }

    private static String pick(String prefix, String key, Turn t) {
        return t.texts().has(prefix + key) ? t.text(prefix + key) : key;
    }
}
