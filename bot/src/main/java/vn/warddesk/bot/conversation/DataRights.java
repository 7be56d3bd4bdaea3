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
            t.say(Kind.RECEIPT, t.t("Chưa có bản ghi đồng ý nào trong cuộc trò chuyện này.",
                                    "There is no consent record in this conversation yet."));
            return;
        }
        ConsentLog.Event e = agreed.get();
        StringBuilder text = new StringBuilder(t.t("Biên nhận đồng ý", "Consent receipt"));
        text.append("\n").append(t.t("Mã biên nhận: ", "Receipt ID: ")).append("WD-CR-").append(e.id())
                .append("\n").append(t.t("Thời điểm: ", "Time: ")).append(TimeFormat.moment(t, e.at(), zone()))
                .append("\n").append(t.t("Bên kiểm soát dữ liệu: ", "Data controller: ")).append(catalog.office().name())
                .append("\n").append(t.t("Mục đích: xử lý yêu cầu của bạn tại phường",
                                         "Purpose: handling your request at the ward"))
                .append("\n").append(t.t("Phiên bản thông báo: ", "Notice version: ")).append(e.noticeVersion())
                .append("\nSHA-256: ").append(e.noticeSha256())
                .append("\n").append(t.t("Rút lại: gõ \"tôi rút lại sự đồng ý\".",
                                         "Withdraw: type \"withdraw my consent\"."));
        if (BROWSER_CHANNELS.contains(t.channel)) {
            text.append("\n").append(t.t("Bản in: ", "Printable: ")).append(publicBaseUrl)
                    .append("/api/v1/conversations/").append(t.conv.id).append("/consent-receipt");
        }
        t.say(Kind.RECEIPT, text.toString());
    }

    void myData(Turn t) throws SQLException {
        StringBuilder text = new StringBuilder(t.t("Dữ liệu đang lưu về bạn trong cuộc trò chuyện này:",
                                                   "What is stored about you in this conversation:"));
        Context ctx = t.ctx();
        if (!t.conv.draft.isEmpty() && ctx.procedure() != null) {
            text.append("\n").append(t.t("Thông tin đang nhập (chưa gửi):", "Details being entered (not sent):"));
            appendFields(t, text, ctx.procedure(), t.conv.draft);
        }
        for (Cases.Case k : cases.ofConversation(t.c, t.conv.id)) {
            text.append("\n").append(t.t("Hồ sơ ", "Case ")).append(k.code()).append(" — ")
                    .append(Labels.status(t, k.status()));
            if (k.fields().isEmpty()) {
                text.append(t.t(" (không có thông tin cá nhân)", " (no personal details)"));
            } else {
                appendFields(t, text, k.procedure().orElse(""), k.fields());
            }
        }
        List<ConsentLog.Event> consents = ConsentLog.history(t.c, t.conv.id);
        if (consents.isEmpty()) {
            text.append("\n").append(t.t("Bản ghi đồng ý: chưa có.", "Consent records: none."));
        }
        for (ConsentLog.Event e : consents) {
            text.append("\n").append(t.t("Bản ghi đồng ý: ", "Consent record: ")).append(Labels.decision(t, e.decision()))
                    .append(", ").append(TimeFormat.moment(t, e.at(), zone()))
                    .append(t.t(", phiên bản ", ", notice version ")).append(e.noticeVersion());
        }
        text.append("\n").append(t.t("Số tin nhắn đã lưu: ", "Messages stored: ")).append(store.messageCount(t.c, t.conv.id))
                .append(t.t(" (nội dung tin nhắn tự xóa sau 90 ngày).", " (message texts are erased after 90 days)."));
        t.say(Kind.MY_DATA, text.toString(), List.of(new Button(t.t("Xóa dữ liệu của tôi", "Delete my data"), "erase")));
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
              t.t("Bạn muốn rút lại sự đồng ý và xóa dữ liệu? Mình sẽ xóa thông tin bạn đã nhập và nội dung tin nhắn của"
                  + " cuộc trò chuyện này. Yêu cầu chưa gửi sẽ bị hủy; hồ sơ đã chuyển cán bộ sẽ được đánh dấu đã rút"
                  + " (bạn vẫn có thể đến quầy làm thủ tục). Bản ghi đồng ý được giữ lại làm bằng chứng.",
                  "Do you want to withdraw consent and erase your data? I will erase the details you entered and the"
                  + " message texts of this conversation. An unsent request is cancelled; a case already with an officer"
                  + " is marked withdrawn (you can still apply at the desk). Consent records are kept as proof."),
              List.of(new Button(t.t("Xác nhận xóa", "Yes, erase"), "erase:confirm"),
                      new Button(t.t("Không, giữ lại", "No, keep it"), "erase:cancel")));
    }

    void keep(Turn t) {
        t.record(new ConversationEvent.ErasePending(false));
        t.say(Kind.ERASE_KEPT, t.t("Đã hủy, dữ liệu vẫn được giữ.", "Cancelled; nothing was erased."));
    }

    void erase(Turn t) throws SQLException {
        int messages = ConversationLog.eraseTexts(t.c, t.conv.id, t.now);
        EventLog.erase(t.c, t.conv.id);
        int draftFields = t.conv.draft.size();
        t.conv.draft = new LinkedHashMap<>();
        Cases.Erased erased = cases.eraseForConversation(t.c, t.conv.id, t.now);
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
        t.say(Kind.ERASED, t.t("Đã xóa: " + messages + " nội dung tin nhắn, " + fields + " thông tin cá nhân"
                               + (erased.casesWithdrawn() > 0 ? "; " + erased.casesWithdrawn() + " hồ sơ đã được đánh dấu rút" : "")
                               + ". Bạn vẫn có thể hỏi mình bất cứ lúc nào.",
                               "Erased: " + messages + " message texts, " + fields + " personal details"
                               + (erased.casesWithdrawn() > 0 ? "; " + erased.casesWithdrawn() + " case(s) marked withdrawn" : "")
                               + ". You can still ask me anything."));
    }

    private java.time.ZoneId zone() {
        return catalog.office().zone();
    }
}
