package vn.warddesk.bot.conversation;

import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import vn.warddesk.bot.cases.Cases;
import vn.warddesk.bot.catalog.Catalog;
import vn.warddesk.bot.consent.ConsentLog;
import vn.warddesk.bot.message.Reply;
import vn.warddesk.bot.message.Reply.Kind;
import vn.warddesk.nlu.Nlu;

/**
 * Runs one citizen event: session expiry, then typed text through the policies in order (escapes → active form →
 * a sent request's status → a bare fact → another agency's matter → follow-up → procedure answer → dialogue intents
 * → fallback), or a pressed button straight to its action. States:
 * idle → answering → consent → intake → confirm → handed_off → closed, plus clarifying. It changes only the locked
 * row of the turn and writes through the feature classes in the turn's transaction.
 */
final class Dialogue {
    static final String IDLE = "idle";
    static final String ANSWERING = "answering";
    static final String CLARIFYING = "clarifying";
    static final String CONSENT = "consent";
    static final String INTAKE = "intake";
    static final String CONFIRM = "confirm";
    static final String HANDED_OFF = "handed_off";
    static final String CLOSED = "closed";
    private static final Set<Kind> UNCLEAR = Set.of(Kind.NOT_UNDERSTOOD, Kind.CLARIFY);
    /** What the words after a greeting may read as and still be no question of their own (see greetedThenAsked). */
    /** How much of the line's reading a greeting must take to be the one that swallows the question after it. */
    private static final double GREETING_SHARE = 0.2;
    private static final Set<String> NOT_A_QUESTION_AFTER_GREETING = Set.of("greeting", "out_of_scope", "thanks",
            "goodbye", "affirm", "deny");

    private final Catalog catalog;
    private final Nlu nlu;
    private final Duration idleTimeout;
    private final Policy.Actions actions;
    private final DialogueIntentPolicy dialogueIntents;
    private final List<Policy> policies;

    Dialogue(Catalog catalog, Nlu nlu, Cases cases, FieldCheck check, Duration idleTimeout, int maxAttempts,
             String publicBaseUrl, ConversationStore store) {
        this.catalog = catalog;
        this.nlu = nlu;
        this.idleTimeout = idleTimeout;
        Answering answering = new Answering(catalog, new OfficeFacts(catalog));
        ConsentStep consent = new ConsentStep(catalog);
        this.actions = new Policy.Actions(catalog, answering,
                                          new IntakeForm(catalog, cases, check, consent, answering, maxAttempts), consent,
                                          new DataRights(catalog, cases, store, publicBaseUrl),
                                          new StaffDesk(catalog, cases));
        // One reader of long lines and one of comparisons for both policies, so a follow-up and a question naming the
        // procedure are read the same way and cannot drift apart.
        ClauseAspects clauses = new ClauseAspects(catalog);
        Comparison comparison = new Comparison(catalog);
        ProcedurePolicy procedure = new ProcedurePolicy(actions, clauses, comparison);
        this.dialogueIntents = new DialogueIntentPolicy(actions);
        FollowUpPolicy followUp = new FollowUpPolicy(actions, new DialogueTopic(actions, dialogueIntents), clauses,
                                                     comparison);
        OfficeContactPolicy officeContact = new OfficeContactPolicy(dialogueIntents);
        this.policies = List.of(new EscapePolicy(actions, this),
                                new FormPolicy(actions, followUp, List.of(officeContact, followUp, procedure,
                                                                          dialogueIntents),
                                               new FieldValues(check)),
                                officeContact, new SentRequestPolicy(actions), new BareFactPolicy(actions),
                                new OtherMatterPolicy(actions, dialogueIntents), followUp, procedure,
                                dialogueIntents,
                                new FileAgainPolicy(actions), new FallbackPolicy(actions));
    }

    void run(Turn t, Input input) throws SQLException {
        ConversationStore.Row conv = t.conv;
        if (input instanceof Input.Left) {
            t.state(CLOSED);
            conv.address = null; // nothing may be sent any more: keep no address
            return;
        }
        boolean newSession = conv.sessionStartedAt == null || conv.updatedAt.plus(idleTimeout).isBefore(t.now);
        if (newSession) {
            conv.sessionStartedAt = t.now;
            if (Set.of(CONSENT, INTAKE, CONFIRM).contains(conv.state)) {
                conv.draft = new LinkedHashMap<>(); // an unsubmitted request of an old session is not kept
            }
            t.record(new ConversationEvent.SessionStarted()); // idle, empty context
            t.state(actions.staff().claimed(t).isPresent() ? HANDED_OFF : IDLE);
            actions.answering().greet(t); // a new session greets again; the case link (conv.caseCode) stays
            if (input instanceof Input.Started) {
                return;
            }
        }
        switch (input) {
            case Input.Started ignored -> actions.answering().greet(t);
            case Input.Text text -> onText(t, text.text());
            case Input.Action action -> {
                t.method = ConsentLog.Method.BUTTON;
                onAction(t, action.action());
            }
            case Input.Left ignored -> { }
        }
        if (t.replies.stream().map(Reply::kind).noneMatch(UNCLEAR::contains) && t.ctx().unclear() > 0) {
            t.record(new ConversationEvent.UnclearCleared()); // "two unclear messages" means two in a row
        }
    }

    /**
     * "hi, do you guys do birth certificates here?": when a greeting swallows the question after it (the NLU reads
     * the line as a greeting, or is torn between the greeting and the question: "Hi. I am from China. I want marry
     * Vietnam man. What I must bring?" 0.59 marriage, 0.38 greeting), the question is heard without it — if, alone, it is a ward matter. "hi, what can you
     * help me with" stays a greeting: read alone it still is one.
     */
    private Heard greetedThenAsked(Heard heard, Turn t) {
        Optional<String> asked = CitizenAsks.afterGreeting(heard.text);
        if (asked.isEmpty() || heard.u().alternatives().stream()
                .noneMatch(c -> "greeting".equals(c.intent()) && c.probability() >= GREETING_SHARE)) {
            return heard;
        }
        return asked.map(rest -> new Heard(rest, nlu, t))
                .filter(rest -> !NOT_A_QUESTION_AFTER_GREETING.contains(rest.u().intent()))
                .orElse(heard);
    }

    private void onText(Turn t, String raw) throws SQLException {
        t.method = ConsentLog.Method.TYPED;
        // "cam on, the con ket hon thi sao": the thanks close the last answer, the question after them is what is asked
        Heard heard = greetedThenAsked(new Heard(CitizenAsks.afterThanks(raw).orElse(raw), nlu, t), t);
        t.heard = heard;
        for (Policy policy : policies) {
            if (policy.handle(t, heard)) {
                return;
            }
        }
    }

    /** A pressed button (or an option picked by typing "1"/"2"): its action runs directly. */
    void onAction(Turn t, String action) throws SQLException {
        if (t.ctx().pendingErase() && !action.startsWith("erase:")) {
            t.record(new ConversationEvent.ErasePending(false));
        }
        if (t.ctx().pendingCancel() && !action.startsWith("cancel")) {
            t.record(new ConversationEvent.CancelPending(false));
        }
        String[] parts = action.split(":", 3);
        String head = parts[0];
        String arg = parts.length > 1 ? parts[1] : "";
        Answering answering = actions.answering();
        IntakeForm form = actions.form();
        switch (head) {
            case "ask" -> {
                if (parts.length == 3 && catalog.knows(arg) && Catalog.ASPECTS.contains(parts[2])) {
                    if ("apply".equals(parts[2]) && !Policy.inForm(t)) {
                        form.start(t, arg);
                    } else {
                        answering.answer(t, arg, parts[2]);
                    }
                } else {
                    unknownAction(t);
                }
            }
            case "start" -> {
                if (catalog.knows(arg)) {
                    form.start(t, arg);
                } else {
                    unknownAction(t);
                }
            }
            case "consent" -> consentButton(t, arg);
            case "confirm" -> {
                if (CONFIRM.equals(t.conv.state)) {
                    form.submit(t);
                } else {
                    unknownAction(t);
                }
            }
            case "edit" -> {
                if (!Policy.inForm(t) || CONSENT.equals(t.conv.state)) {
                    unknownAction(t);
                } else if (arg.isEmpty()) {
                    form.askWhichField(t);
                } else if (!form.edit(t, arg)) {
                    unknownAction(t);
                }
            }
            case "choice" -> {
                if (INTAKE.equals(t.conv.state) && form.currentField(t).isPresent()) {
                    form.fill(t, arg);
                } else {
                    unknownAction(t);
                }
            }
            case "skip" -> form.skip(t);
            case "cancel" -> cancelButton(t, arg);
            case "staff" -> actions.staff().handoff(t);
            case "restart" -> restart(t);
            case "receipt" -> actions.rights().receipt(t);
            case "hours" -> answering.officeHours(t, "", List.of());
            case "location" -> answering.officeLocation(t);
            case "status" -> actions.staff().caseStatus(t, List.of());
            case "mydata" -> actions.rights().myData(t);
            case "erase" -> eraseButton(t, arg);
            case "intent" -> dialogueIntents.run(t, arg, "", null);
            default -> unknownAction(t);
        }
    }

    private void consentButton(Turn t, String arg) throws SQLException {
        boolean pending = CONSENT.equals(t.conv.state) && t.ctx().procedure() != null;
        switch (arg) {
            case "agree", "decline" -> {
                if (!pending) {
                    t.say(Kind.MENU, t.text("dialogue.nothing_to_consent"),
                          actions.answering().menuButtons(t));
                } else if ("agree".equals(arg)) {
                    actions.consent().agree(t);
                    actions.form().askField(t);
                } else {
                    actions.consent().decline(t);
                }
            }
            case "full" -> {
                if (pending) {
                    actions.consent().show(t, true);
                } else {
                    t.say(Kind.PRIVACY_INFO, catalog.privacyNotice(t.lang()).fullText(), Answering.dataRightsButtons(t));
                }
            }
            default -> unknownAction(t);
        }
    }

    private void cancelButton(Turn t, String arg) {
        IntakeForm form = actions.form();
        if (!Policy.inForm(t)) {
            unknownAction(t);
            return;
        }
        switch (arg) {
            case "" -> form.askCancel(t);
            case "confirm" -> form.cancel(t);
            case "keep" -> form.resume(t);
            default -> unknownAction(t);
        }
    }

    private void eraseButton(Turn t, String arg) throws SQLException {
        boolean pending = t.ctx().pendingErase();
        if ("confirm".equals(arg) && pending) {
            actions.rights().erase(t);
        } else if ("cancel".equals(arg) && pending) {
            actions.rights().keep(t);
        } else if (arg.isEmpty()) {
            actions.rights().askErase(t);
        } else {
            unknownAction(t);
        }
    }

    void restart(Turn t) {
        t.conv.draft = new LinkedHashMap<>();
        t.record(new ConversationEvent.Restarted()); // idle, empty context
        t.say(Kind.RESTART, t.text("dialogue.restart"));
        actions.answering().greet(t);
    }

    private void unknownAction(Turn t) {
        t.say(Kind.MENU, t.text("dialogue.stale_button"),
              actions.answering().menuButtons(t));
    }

    Optional<Catalog.IntakeField> currentField(ConversationStore.Row conv, vn.warddesk.bot.catalog.Lang lang) {
        return actions.form().currentField(conv, lang);
    }
}
