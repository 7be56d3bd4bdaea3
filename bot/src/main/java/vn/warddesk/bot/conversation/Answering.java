package vn.warddesk.bot.conversation;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import vn.warddesk.bot.catalog.Catalog;
import vn.warddesk.bot.message.Button;
import vn.warddesk.bot.message.Reply;
import vn.warddesk.bot.message.Reply.Kind;
import vn.warddesk.nlu.Candidate;
import vn.warddesk.nlu.Understanding;

/** Actions that answer from the catalog: greetings, procedure answers, office facts, clarifying and not understood. */
final class Answering {
    /** Below this the runner-up of "did you mean A or B?" is not a real candidate: say "not understood" instead. */
    static final double SECOND_CANDIDATE = 0.2;
    private static final Set<String> FORM_STATES = Set.of(Dialogue.CONSENT, Dialogue.INTAKE, Dialogue.CONFIRM);

    private final Catalog catalog;
    private final OfficeFacts office;

    Answering(Catalog catalog, OfficeFacts office) {
        this.catalog = catalog;
        this.office = office;
    }

    void greet(Turn t) {
        Catalog.OfficeInfo info = catalog.office();
        t.say(Kind.GREET, t.text("answer.greeting", "office", info.name()), menuButtons(t));
    }

    void menu(Turn t) {
        t.say(Kind.MENU, t.text("answer.menu"), menuButtons(t));
        leaveIdle(t);
    }

    List<Button> menuButtons(Turn t) {
        List<Button> buttons = new ArrayList<>();
        catalog.procedures(t.lang()).stream().limit(3)
                .forEach(p -> buttons.add(new Button(p.name(), "ask:" + p.id() + ":general")));
        buttons.add(new Button(t.text("button.office_hours"), "hours"));
        buttons.add(new Button(t.text("button.location"), "location"));
        if (t.conv.caseCode != null) {
            buttons.add(new Button(t.text("button.my_case"), "status"));
        }
        buttons.add(staffButton(t));
        return buttons;
    }

    /** "Are you a real person?": the ward's automatic assistant, and an officer a button away. */
    void notAPerson(Turn t) {
        t.say(Kind.GREET, t.text("answer.not_a_person", "office", catalog.office().name()), menuButtons(t));
        leaveIdle(t);
    }

    static Button staffButton(Turn t) {
        return new Button(t.text("button.talk_to_staff"), "staff");
    }

    /** Answers one aspect of a procedure and makes it the topic of the conversation. */
    void answer(Turn t, String procedure, String aspect) {
        Optional<Catalog.Answer> exact = catalog.answer(procedure, aspect, t.lang());
        String answered = exact.isPresent() ? aspect : "general";
        Optional<Catalog.Answer> answer = exact.or(() -> catalog.answer(procedure, "general", t.lang()));
        if (answer.isEmpty()) {
            outOfScope(t);
            return;
        }
        t.say(reply(Kind.ANSWER, answer.get()).about(procedure, answered));
        t.record(new ConversationEvent.TopicSet(procedure, answered));
        leaveIdle(t);
    }

    /**
     * The answer with a "talk to staff" button added: the citizen said the general answer may not fit their case, so
     * the way to an officer is offered — not taken: a case opens only when they press it or ask.
     */
    void answerOfferingStaff(Turn t, String procedure, String aspect) {
        answer(t, procedure, aspect);
        int last = t.replies.size() - 1;
        Reply said = t.replies.get(last);
        if (said.kind() == Kind.ANSWER && said.buttons().stream().noneMatch(b -> "staff".equals(b.action()))) {
            List<Button> buttons = new ArrayList<>(said.buttons());
            buttons.add(staffButton(t));
            t.replies.set(last, new Reply(said.text(), buttons, said.kind(), said.procedure(), said.aspect(),
                                          said.field()));
        }
    }

    void officeHours(Turn t, String folded, List<vn.warddesk.nlu.Entity> entities) {
        t.say(reply(Kind.OFFICE_HOURS, office.hours(t, folded, entities)));
        leaveIdle(t);
    }

    void officeLocation(Turn t) {
        t.say(reply(Kind.OFFICE_LOCATION, catalog.officeLocation(t.lang())));
        leaveIdle(t);
    }

    boolean asksPrivacyFact(String folded) {
        return office.asksPrivacyFact(folded);
    }

    /**
     * The section of the notice the question asks, or the short notice. Right after a privacy answer, "and my chat
     * messages?" / "còn tin nhắn thì sao?" names no fact of its own: it asks the same fact about other data.
     */
    void privacyInfo(Turn t, String folded) {
        Optional<String> fact = office.privacyFact(t, folded);
        if (fact.isEmpty() && "privacy_info".equals(t.ctx().lastIntent()) && QuestionShapes.whatAbout(folded)) {
            fact = Optional.ofNullable(t.ctx().lastFact());
        }
        t.record(new ConversationEvent.IntentAnswered("privacy_info", fact.orElse(null)));
        t.say(Kind.PRIVACY_INFO, office.privacy(t, fact), dataRightsButtons(t));
        leaveIdle(t);
    }

    static List<Button> dataRightsButtons(Turn t) {
        return List.of(new Button(t.text("button.read_full_notice"), "consent:full"),
                       new Button(t.text("button.my_data"), "mydata"),
                       new Button(t.text("button.delete_my_data"), "erase"));
    }

    void thanks(Turn t) {
        t.say(Kind.THANKS, t.text("answer.thanks"));
        leaveIdle(t);
    }

    void goodbye(Turn t) {
        t.say(Kind.GOODBYE, t.text("answer.goodbye"));
        leaveIdle(t);
    }

    void outOfScope(Turn t) {
        t.say(Kind.OUT_OF_SCOPE, t.text("answer.out_of_scope")
                                 + "\n" + render(catalog.officeLocation(t.lang())),
              List.of(staffButton(t), new Button(t.text("button.office_hours"), "hours")));
        leaveIdle(t);
    }

    /**
     * "Did you mean A or B?" when both candidates are plausible; otherwise "I did not understand" with the topic's
     * aspects (or the menu) and a staff button. Never a case: only the citizen decides to talk to staff.
     */
    void unclear(Turn t, Understanding u) {
        List<String> options = clarifyOptions(t, u);
        if (!options.isEmpty()) {
            clarify(t, options, u.aspect().filter(Catalog.ASPECTS::contains).orElse("general"));
            return;
        }
        notUnderstood(t);
    }

    /** The two candidates {@link #unclear} would offer as "did you mean A or B?", or none when it would not ask. */
    List<String> clarifyOptions(Turn t, Understanding u) {
        List<String> options = u.alternatives().stream()
                .filter(c -> !"out_of_scope".equals(c.intent()) && !"affirm".equals(c.intent())
                             && !"deny".equals(c.intent()) && !Understanding.ASPECT_ONLY.equals(c.intent()))
                .filter(c -> c.probability() >= SECOND_CANDIDATE).map(Candidate::intent).distinct().limit(2).toList();
        boolean firstTime = t.ctx().unclear() == 0 && !Dialogue.CLARIFYING.equals(t.conv.state);
        return options.size() == 2 && firstTime ? options : List.of();
    }

    private void clarify(Turn t, List<String> options, String aspect) {
        List<Button> buttons = new ArrayList<>();
        List<String> actions = new ArrayList<>();
        for (String option : options) {
            String action = catalog.knows(option)
                    ? ("apply".equals(aspect) ? "start:" + option : "ask:" + option + ":" + aspect)
                    : "intent:" + option;
            actions.add(action);
            buttons.add(new Button(Labels.intent(catalog, t, option), action));
        }
        buttons.add(staffButton(t));
        String a = Labels.intent(catalog, t, options.get(0));
        String b = Labels.intent(catalog, t, options.get(1));
        t.say(Kind.CLARIFY, t.text("answer.clarify_two", "a", a, "b", b),
              buttons);
        t.record(new ConversationEvent.ClarifyAsked(actions));
        if (!FORM_STATES.contains(t.conv.state)) {
            t.state(Dialogue.CLARIFYING);
        }
    }

    /** Asks which procedure an aspect-only question is about ("phí bao nhiêu?" with no topic yet). */
    void whichProcedure(Turn t, String aspect) {
        List<Button> buttons = new ArrayList<>();
        catalog.procedures(t.lang()).stream().limit(6)
                .forEach(p -> buttons.add(new Button(p.name(), "apply".equals(aspect) ? "start:" + p.id()
                        : "ask:" + p.id() + ":" + aspect)));
        buttons.add(staffButton(t));
        t.say(Kind.CLARIFY, t.text("answer.which_procedure", "aspect", Labels.aspect(t, aspect).toLowerCase(t.lang().locale())), buttons);
        leaveIdle(t);
    }

    void notUnderstood(Turn t) {
        List<Button> buttons = new ArrayList<>();
        String topic = t.ctx().topic();
        if (topic != null && catalog.knows(topic)) {
            for (String aspect : Catalog.ASPECTS) {
                buttons.add(new Button(Labels.aspect(t, aspect), "apply".equals(aspect) ? "start:" + topic
                        : "ask:" + topic + ":" + aspect));
            }
        } else {
            catalog.procedures(t.lang()).stream().limit(3)
                    .forEach(p -> buttons.add(new Button(p.name(), "ask:" + p.id() + ":general")));
            buttons.add(new Button(t.text("button.office_hours"), "hours"));
        }
        buttons.add(staffButton(t));
        String text = topic != null && catalog.knows(topic)
                ? t.text("answer.unclear_topic", "topic", Labels.intent(catalog, t, topic))
                : t.text("answer.unclear");
        t.say(Kind.NOT_UNDERSTOOD, text, buttons);
        t.record(new ConversationEvent.NotUnderstood());
        leaveIdle(t);
    }

    Reply reply(Kind kind, Catalog.Answer answer) {
        List<Button> buttons = new ArrayList<>();
        for (Catalog.FollowUp f : answer.followUps()) {
            if (buttons.size() < 6) {
                buttons.add(new Button(f.label(), f.action()));
            }
        }
        return new Reply(kind, render(answer), buttons);
    }

    static String render(Catalog.Answer answer) {
        StringBuilder text = new StringBuilder(answer.text());
        for (String item : answer.items()) {
            text.append("\n• ").append(item);
        }
        return text.toString();
    }

    ZoneId zone() {
        return catalog.office().zone();
    }

    /** Answering moves an idle or clarifying conversation on; a form being filled stays where it is. */
    private static void leaveIdle(Turn t) {
        if (Set.of(Dialogue.IDLE, Dialogue.CLARIFYING, Dialogue.CLOSED).contains(t.conv.state)) {
            t.state(Dialogue.ANSWERING);
        }
    }
}
