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
                : t.text("consent.intro")
                  + "\n\n" + notice.shortText() + "\n\n"
                  + t.text("consent.question");
        // The record must prove what the citizen saw when deciding: the hash of this exact text.
        t.record(new ConversationEvent.NoticeShown(notice.version(), ConsentLog.sha256(text)));
        List<Button> buttons = new ArrayList<>(buttons(t));
        if (!full) {
            buttons.add(new Button(t.text("button.read_full_notice"), "consent:full"));
        }
        t.say(Kind.ASK_CONSENT, text, buttons);
        t.state(Dialogue.CONSENT);
    }

    /** After a side question: the same decision is still open; the notice shown (and its hash) stays the one shown. */
    void remind(Turn t) {
        List<Button> buttons = new ArrayList<>(buttons(t));
        buttons.add(new Button(t.text("button.read_full_notice"), "consent:full"));
        t.say(Kind.ASK_CONSENT, t.text("consent.question_again"), buttons);
        t.state(Dialogue.CONSENT);
    }

    private static List<Button> buttons(Turn t) {
        return List.of(new Button(t.text("button.agree"), "consent:agree"),
                       new Button(t.text("button.do_not_agree"), "consent:decline"));
    }

    void agree(Turn t) throws SQLException {
        Context ctx = t.ctx();
        ConsentLog.record(t.c, t.conv.id, ConsentLog.PURPOSE_REQUEST, ctx.noticeVersion(), ctx.noticeSha256(),
                          t.channel, ConsentLog.Decision.AGREE, t.method, t.now);
        t.record(new ConversationEvent.ConsentDecided(ctx.procedure(), "agree")); // the form starts at its first field
        t.say(Kind.CONSENT_GIVEN,
              t.text("consent.agreed"),
              List.of(new Button(t.text("button.consent_receipt"), "receipt")));
        t.state(Dialogue.INTAKE);
    }

    void decline(Turn t) throws SQLException {
        Context ctx = t.ctx();
        ConsentLog.record(t.c, t.conv.id, ConsentLog.PURPOSE_REQUEST, ctx.noticeVersion(), ctx.noticeSha256(),
                          t.channel, ConsentLog.Decision.DECLINE, t.method, t.now);
        t.record(new ConversationEvent.ConsentDecided(ctx.procedure(), "decline")); // keeps only the topic
        t.conv.draft = new LinkedHashMap<>();
        t.say(Kind.CONSENT_DECLINED,
              t.text("consent.declined")
              + "\n" + Answering.render(catalog.officeLocation(t.lang())),
              List.of(new Button(t.text("button.office_hours"), "hours"), Answering.staffButton(t)));
        t.state(Dialogue.ANSWERING);
    }

    boolean inForce(Turn t) throws SQLException {
        Catalog.PrivacyNotice notice = catalog.privacyNotice(t.lang());
        return ConsentLog.inForce(t.c, t.conv.id, ConsentLog.PURPOSE_REQUEST)
                .filter(e -> e.noticeVersion().equals(notice.version())).isPresent();
    }
}
