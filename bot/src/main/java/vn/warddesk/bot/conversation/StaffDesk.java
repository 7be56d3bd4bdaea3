package vn.warddesk.bot.conversation;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

import vn.warddesk.bot.cases.CaseCode;
import vn.warddesk.bot.cases.Cases;
import vn.warddesk.bot.catalog.Catalog;
import vn.warddesk.bot.message.Button;
import vn.warddesk.bot.message.Reply.Kind;
import vn.warddesk.nlu.Entity;
import vn.warddesk.nlu.EntityType;

/** Actions that involve ward staff: a handoff the citizen asked for, forwarding to the officer, case status. */
final class StaffDesk {
    private final Catalog catalog;
    private final Cases cases;

    StaffDesk(Catalog catalog, Cases cases) {
        this.catalog = catalog;
        this.cases = cases;
    }

    /**
     * The conversation's case an officer holds. A conversation without a case link never opened a case (the engine
     * opens every case and sets the link in the same transaction, and nothing clears it), so there is none to claim
     * and case_file is not read: most turns of most conversations. A claim made meanwhile by staff is seen either way,
     * since it needs a case and waits for this turn's row lock.
     */
    Optional<Cases.Case> claimed(Turn t) throws SQLException {
        if (t.conv.caseCode == null) {
            return Optional.empty();
        }
        return cases.openFor(t.c, t.conv.id).filter(k -> "claimed".equals(k.status()));
    }

    /** Opens (or reuses) a case for an officer. Only ever called because the citizen asked for staff. */
    void handoff(Turn t) throws SQLException {
        Optional<Cases.Case> open = cases.openFor(t.c, t.conv.id);
        String code;
        if (open.isPresent()) {
            code = open.get().code();
        } else {
            code = cases.createHandoff(t.c, t.conv.wardId, t.conv.id, t.channel,
                                       Optional.ofNullable(t.ctx().procedure())
                                               .or(() -> Optional.ofNullable(t.ctx().topic())), t.now);
            t.conv.caseCode = code;
        }
        t.record(new ConversationEvent.HandedOff(code));
        t.conv.draft = new LinkedHashMap<>(); // an unsubmitted form is not handed over; HandedOff kept only the topic
        t.say(Kind.HANDOFF, t.text("staff.handoff", "code", code)
                            + "\n" + Answering.render(catalog.officeHours(t.lang(), t.now.atZone(catalog.office().zone()))),
              List.of(new Button(t.text("button.location"), "location")));
        t.state(Dialogue.HANDED_OFF);
    }

    void forward(Turn t) {
        // The message is already stored: the officer reads it in the transcript. One acknowledgement per claim.
        if (!t.ctx().forwardAcked()) {
            t.say(Kind.FORWARDED, t.text("staff.forwarded"));
            t.record(new ConversationEvent.ForwardAcked(true));
        }
        t.state(Dialogue.HANDED_OFF);
    }

    void caseStatus(Turn t, List<Entity> entities) throws SQLException {
        Optional<String> typed = entities.stream().filter(e -> e.type() == EntityType.CASE_CODE).map(Entity::value)
                .findFirst();
        Optional<String> code = typed.isPresent() ? typed.flatMap(CaseCode::normalize)
                : Optional.ofNullable(t.conv.caseCode);
        if (Dialogue.IDLE.equals(t.conv.state) || Dialogue.CLARIFYING.equals(t.conv.state)) {
            t.state(Dialogue.ANSWERING);
        }
        if (code.isEmpty()) {
            t.say(Kind.CASE_STATUS, typed.isPresent()
                    ? t.text("case.code_invalid")
                    : t.text("case.code_ask"));
            return;
        }
        Optional<Cases.Case> found = cases.byCode(t.c, code.get())
                .filter(k -> k.conversationId().equals(t.conv.id));
        if (found.isEmpty()) {
            // Same answer whether the code exists or not: other citizens' cases are not disclosed here.
            t.say(Kind.CASE_STATUS,
                  t.text("case.not_this_conversation"),
                  List.of(new Button(t.text("button.location"), "location")));
            return;
        }
        Cases.Case k = found.get();
        String when = TimeFormat.moment(t, k.updatedAt(), catalog.office().zone());
        String procedure = k.procedure().map(p -> " (" + Labels.intent(catalog, t, p) + ")").orElse("");
        t.say(Kind.CASE_STATUS, t.text("case.status", "code", k.code(), "procedure", procedure,
                                       "status", Labels.status(t, k.status()), "when", when) + pageLink(t, k.code()));
    }

    /** The line with the citizen's case page (status, day, staff replies), when links are configured. */
    static String pageLink(Turn t, String code, Cases cases) {
        return cases.links().map(l -> "\n" + t.text("case.page_link", "link", l.url(code))).orElse("");
    }

    private String pageLink(Turn t, String code) {
        return pageLink(t, code, cases);
    }
}
