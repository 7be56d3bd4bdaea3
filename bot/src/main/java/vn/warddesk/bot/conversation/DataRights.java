package vn.warddesk.bot.conversation;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import vn.warddesk.bot.cases.Cases;
import vn.warddesk.bot.catalog.Catalog;
import vn.warddesk.bot.catalog.Catalog.IntakeField;
import vn.warddesk.bot.consent.ConsentLog;
import vn.warddesk.bot.message.Button;
import vn.warddesk.bot.message.Reply.Kind;

/** The citizen's data rights in chat: the consent receipt, "my data", withdrawal with erasure. */
final class DataRights {
    /** Channels shown in a browser, where a printable receipt link can be opened. */
    private static final Set<String> BROWSER_CHANNELS = Set.of("web", "kiosk", "zalo_mini_app");

    private final Catalog catalog;
    private final Cases cases;
    private final ConversationStore store;
    private final String publicBaseUrl;

    DataRights(Catalog catalog, Cases cases, ConversationStore store, String publicBaseUrl) {
        this.catalog = catalog;
        this.cases = cases;
        this.store = store;
        this.publicBaseUrl = publicBaseUrl;
    }

    void receipt(Turn t) throws SQLException {
        Optional<ConsentLog.Event> agreed = ConsentLog.history(t.c, t.conv.id).stream().filter(ConsentLog.Event::agreed)
                .reduce((a, b) -> b);
        if (agreed.isEmpty()) {
            t.say(Kind.RECEIPT, t.text("data.receipt.none"));
            return;
        }
        ConsentLog.Event e = agreed.get();
        StringBuilder text = new StringBuilder(t.text("data.receipt", "id", e.id(),
                "time", TimeFormat.moment(t, e.at(), zone()), "controller", catalog.office().name(),
                "version", e.noticeVersion(), "sha256", e.noticeSha256()));
        if (BROWSER_CHANNELS.contains(t.channel)) {
            text.append("\n").append(t.text("data.receipt.printable", "link", publicBaseUrl
                    + "/api/v1/conversations/" + t.conv.id + "/consent-receipt"));
        }
        t.say(Kind.RECEIPT, text.toString());
    }

    void myData(Turn t) throws SQLException {
        StringBuilder text = new StringBuilder(t.text("data.mine"));
        Context ctx = t.ctx();
        if (!t.conv.draft.isEmpty() && ctx.procedure() != null) {
            text.append("\n").append(t.text("data.mine.draft"));
            appendFields(t, text, ctx.procedure(), t.conv.draft);
        }
        for (Cases.Case k : cases.ofConversation(t.c, t.conv.id)) {
            text.append("\n").append(t.text("data.mine.case", "code", k.code(), "status", Labels.status(t, k.status())));
            if (k.fields().isEmpty()) {
                text.append(t.text("data.mine.case_no_fields"));
            } else {
                appendFields(t, text, k.procedure().orElse(""), k.fields());
            }
        }
        List<ConsentLog.Event> consents = ConsentLog.history(t.c, t.conv.id);
        if (consents.isEmpty()) {
            text.append("\n").append(t.text("data.mine.consents_none"));
        }
        for (ConsentLog.Event e : consents) {
            text.append("\n").append(t.text("data.mine.consent", "decision", Labels.decision(t, e.decision()),
                    "time", TimeFormat.moment(t, e.at(), zone()), "version", e.noticeVersion()));
        }
        text.append("\n").append(t.text("data.mine.messages", "count", store.messageCount(t.c, t.conv.id)));
        t.say(Kind.MY_DATA, text.toString(), List.of(new Button(t.text("button.delete_my_data"), "erase")));
        // what is kept about me is the privacy topic: "and what do you use it for?" right after asks about that data
        t.record(new ConversationEvent.IntentAnswered("privacy_info"));
    }

    private void appendFields(Turn t, StringBuilder text, String procedure, Map<String, String> values) {
        List<IntakeField> fields = procedure.isEmpty() ? List.of() : catalog.intakeFields(procedure, t.lang());
        for (Map.Entry<String, String> v : values.entrySet()) {
            Optional<IntakeField> f = fields.stream().filter(x -> x.name().equals(v.getKey())).findFirst();
            text.append("\n  • ").append(f.map(x -> Labels.field(t, x)).orElse(v.getKey())).append(": ")
                    .append(f.map(x -> IntakeForm.display(t, x, v.getValue())).orElse(v.getValue()));
        }
    }

    void askErase(Turn t) {
        t.record(new ConversationEvent.ErasePending(true));
        t.say(Kind.ASK_ERASE,
              t.text("data.erase.ask"),
              List.of(new Button(t.text("button.yes_erase"), "erase:confirm"),
                      new Button(t.text("button.no_keep"), "erase:cancel")));
    }

    void keep(Turn t) {
        t.record(new ConversationEvent.ErasePending(false));
        t.say(Kind.ERASE_KEPT, t.text("data.erase.kept"));
    }

    void erase(Turn t) throws SQLException {
        int messages = ConversationLog.eraseTexts(t.c, t.conv.id, t.now);
        EventLog.erase(t.c, t.conv.id);
        int draftFields = t.conv.draft.size();
        t.conv.draft = new LinkedHashMap<>();
        Cases.Erased erased = cases.eraseForConversation(t.c, t.conv.id, t.now);
        store.forgetWardChoice(t.c, t.conv.id);
        Optional<ConsentLog.Event> inForce = ConsentLog.inForce(t.c, t.conv.id, ConsentLog.PURPOSE_REQUEST);
        if (inForce.isPresent()) {
            ConsentLog.record(t.c, t.conv.id, ConsentLog.PURPOSE_REQUEST, inForce.get().noticeVersion(),
                              inForce.get().noticeSha256(), t.channel, ConsentLog.Decision.WITHDRAW, t.method, t.now);
        }
        store.tombstone(t.c, t.conv.id, "withdrawal", messages, draftFields + erased.fields(), erased.casesWithdrawn(),
                        t.now);
        t.record(new ConversationEvent.DataErased()); // idle, empty context; the log starts again with this event
        t.erased = true;
        int fields = draftFields + erased.fields();
        t.say(Kind.ERASED, erased.casesWithdrawn() > 0
                ? t.text("data.erased_with_cases", "messages", messages, "fields", fields, "cases", erased.casesWithdrawn())
                : t.text("data.erased", "messages", messages, "fields", fields));
    }

    private java.time.ZoneId zone() {
        return catalog.office().zone();
    }
}
