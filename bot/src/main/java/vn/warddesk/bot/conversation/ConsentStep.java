package vn.warddesk.bot.conversation;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import vn.warddesk.bot.catalog.Catalog;
import vn.warddesk.bot.consent.ConsentLog;
import vn.warddesk.bot.message.Button;
import vn.warddesk.bot.message.Reply.Kind;

/** The consent prompt before any personal detail is asked: show the notice, record agree or decline. */
final class ConsentStep {
    private final Catalog catalog;

    ConsentStep(Catalog catalog) {
        this.catalog = catalog;
    }

    void show(Turn t, boolean full) {
        Catalog.PrivacyNotice notice = catalog.privacyNotice(t.lang());
        String text = full ? notice.fullText()
                : t.t("Để mở hồ sơ, mình cần hỏi vài thông tin cá nhân. Trước hết, xin đọc thông báo ngắn:",
                      "To open a request I need to ask for a few personal details. First, please read this short notice:")
                  + "\n\n" + notice.shortText() + "\n\n"
                  + t.t("Bạn có đồng ý cho phường xử lý các thông tin này không?",
                        "Do you agree that the ward processes these details?");
        // The record must prove what the citizen saw when deciding: the hash of this exact text.
        t.record(new ConversationEvent.NoticeShown(notice.version(), ConsentLog.sha256(text)));
        List<Button> buttons = new ArrayList<>(buttons(t));
        if (!full) {
            buttons.add(new Button(t.t("Đọc toàn văn", "Read the full notice"), "consent:full"));
        }
        t.say(Kind.ASK_CONSENT, text, buttons);
        t.state(Dialogue.CONSENT);
    }

    /** After a side question: the same decision is still open; the notice shown (and its hash) stays the one shown. */
    void remind(Turn t) {
        List<Button> buttons = new ArrayList<>(buttons(t));
        buttons.add(new Button(t.t("Đọc toàn văn", "Read the full notice"), "consent:full"));
        t.say(Kind.ASK_CONSENT, t.t("Bạn có đồng ý cho phường xử lý thông tin để mở hồ sơ không?",
                                    "Do you agree that the ward processes your details to open the request?"), buttons);
        t.state(Dialogue.CONSENT);
    }

    private static List<Button> buttons(Turn t) {
        return List.of(new Button(t.t("Đồng ý", "I agree"), "consent:agree"),
                       new Button(t.t("Không đồng ý", "I do not agree"), "consent:decline"));
    }

    void agree(Turn t) throws SQLException {
        Context ctx = t.ctx();
        ConsentLog.record(t.c, t.conv.id, ConsentLog.PURPOSE_REQUEST, ctx.noticeVersion(), ctx.noticeSha256(),
                          t.channel, ConsentLog.Decision.AGREE, t.method, t.now);
        t.record(new ConversationEvent.ConsentDecided(ctx.procedure(), "agree")); // the form starts at its first field
        t.say(Kind.CONSENT_GIVEN,
              t.t("Cảm ơn bạn đã đồng ý. Bạn có thể xem biên nhận đồng ý bất cứ lúc nào, hoặc rút lại bằng cách gõ "
                  + "\"tôi rút lại sự đồng ý\".",
                  "Thank you for agreeing. You can view your consent receipt at any time, or withdraw by typing "
                  + "\"withdraw my consent\"."),
              List.of(new Button(t.t("Biên nhận đồng ý", "Consent receipt"), "receipt")));
        t.state(Dialogue.INTAKE);
    }

    void decline(Turn t) throws SQLException {
        Context ctx = t.ctx();
        ConsentLog.record(t.c, t.conv.id, ConsentLog.PURPOSE_REQUEST, ctx.noticeVersion(), ctx.noticeSha256(),
                          t.channel, ConsentLog.Decision.DECLINE, t.method, t.now);
        t.record(new ConversationEvent.ConsentDecided(ctx.procedure(), "decline")); // keeps only the topic
        t.conv.draft = new LinkedHashMap<>();
        t.say(Kind.CONSENT_DECLINED,
              t.t("Bạn đã không đồng ý, nên mình sẽ không lưu thông tin cá nhân nào. Bạn vẫn có thể hỏi mình bất cứ "
                  + "điều gì, hoặc đến nộp trực tiếp tại:",
                  "You did not agree, so I keep no personal details. You can still ask me anything, or apply in person at:")
              + "\n" + Answering.render(catalog.officeLocation(t.lang())),
              List.of(new Button(t.t("Giờ làm việc", "Office hours"), "hours"), Answering.staffButton(t)));
        t.state(Dialogue.ANSWERING);
    }

    boolean inForce(Turn t) throws SQLException {
        Catalog.PrivacyNotice notice = catalog.privacyNotice(t.lang());
        return ConsentLog.inForce(t.c, t.conv.id, ConsentLog.PURPOSE_REQUEST)
                .filter(e -> e.noticeVersion().equals(notice.version())).isPresent();
    }
}
