package vn.warddesk.bot.conversation;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

import vn.warddesk.bot.cases.Cases;
import vn.warddesk.bot.catalog.Catalog;
import vn.warddesk.bot.catalog.Catalog.IntakeField;
import vn.warddesk.bot.catalog.Lang;
import vn.warddesk.bot.consent.ConsentLog;
import vn.warddesk.bot.message.Button;
import vn.warddesk.bot.message.Reply;
import vn.warddesk.bot.message.Reply.Kind;

/**
 * The request form: consent first, then one field at a time, a summary to confirm or edit, cancel (asked once), and
 * the case when the citizen confirms. Personal data lives only in the draft until then.
 */
final class IntakeForm {
    private final Catalog catalog;
    private final Cases cases;
    private final FieldCheck check;
    private final ConsentStep consent;
    private final Answering answering;
    private final int maxAttempts;

    IntakeForm(Catalog catalog, Cases cases, FieldCheck check, ConsentStep consent, Answering answering,
               int maxAttempts) {
        this.catalog = catalog;
        this.cases = cases;
        this.check = check;
        this.consent = consent;
        this.answering = answering;
        this.maxAttempts = maxAttempts;
    }

    void start(Turn t, String procedure) throws SQLException {
        List<IntakeField> fields = catalog.intakeFields(procedure, t.lang());
        if (fields.isEmpty()) {
            answering.answer(t, procedure, "apply");
            return;
        }
        t.conv.draft = new LinkedHashMap<>();
        t.record(new ConversationEvent.FormStarted(procedure));
        if (consent.inForce(t)) {
            t.say(Kind.CONSENT_GIVEN, t.text("form.already_agreed_privacy_notice", "version", catalog.privacyNotice(t.lang()).version()));
            t.state(Dialogue.INTAKE);
            askField(t);
            return;
        }
        consent.show(t, false);
    }

    List<IntakeField> fields(Turn t) {
        return t.ctx().procedure() == null ? List.of() : catalog.intakeFields(t.ctx().procedure(), t.lang());
    }

    Optional<IntakeField> currentField(ConversationStore.Row conv, Lang lang) {
        Context ctx = conv.context;
        if (ctx.procedure() == null) {
            return Optional.empty();
        }
        List<IntakeField> fields = catalog.intakeFields(ctx.procedure(), lang);
        if (ctx.editing() != null) {
            return fields.stream().filter(f -> f.name().equals(ctx.editing())).findFirst();
        }
        return ctx.fieldIndex() < fields.size() ? Optional.of(fields.get(ctx.fieldIndex())) : Optional.empty();
    }

    Optional<IntakeField> currentField(Turn t) {
        return currentField(t.conv, t.lang());
    }

    void askField(Turn t) {
        Optional<IntakeField> field = currentField(t);
        if (field.isEmpty()) {
            summary(t);
            return;
        }
        IntakeField f = field.get();
        Context ctx = t.ctx();
        StringBuilder text = new StringBuilder();
        if (ctx.lastError() != null) {
            text.append(ctx.lastError()).append('\n');
        }
        text.append(f.question()).append('\n').append(t.text("form.why_we_ask", "purpose", f.purpose()));
        List<Button> buttons = new ArrayList<>();
        for (Catalog.Choice choice : f.choices()) {
            buttons.add(new Button(choice.label(), "choice:" + choice.value()));
        }
        if (!f.required()) {
            buttons.add(new Button(t.text("button.skip"), "skip"));
        }
        if (ctx.attempts() >= maxAttempts) {
            text.append('\n').append(t.text("form.if_hard_enter_member"));
            buttons.add(Answering.staffButton(t));
            buttons.add(new Button(t.text("button.start_over"), "restart"));
        }
        Kind kind = ctx.lastError() != null ? Kind.FIELD_INVALID : Kind.ASK_FIELD;
        t.say(new Reply(kind, text.toString(), buttons).forField(ctx.procedure(), f.name()));
        t.state(Dialogue.INTAKE);
    }

    /** The value typed for the field being asked: stored when valid, else the same field is asked again. */
    void fill(Turn t, String text) {
        Optional<IntakeField> field = currentField(t);
        if (field.isEmpty()) {
            summary(t);
            return;
        }
        FieldCheck.Result result = checked(t, field.get(), text);
        if (result.value().isPresent()) {
            t.conv.draft.put(field.get().name(), result.value().get());
            t.conv.draftUpdatedAt = t.now;
            advance(t, t.ctx().editing() != null
                       ? new ConversationEvent.FieldCorrected(t.ctx().procedure(), field.get().name())
                       : new ConversationEvent.FieldFilled(t.ctx().procedure(), field.get().name()));
        } else {
            rejected(t, field.get(), result.error().orElse(""));
            askField(t);
        }
    }

    /** Where the form is, for reading values of other fields out of a line; empty while a field is being corrected. */
    Optional<FieldValues.Form> where(Turn t) {
        if (t.ctx().editing() != null || t.ctx().procedure() == null) {
            return Optional.empty();
        }
        List<IntakeField> fields = fields(t);
        return Optional.of(new FieldValues.Form(fields, position(t, fields), t.conv.draft, t.today, t.lang(), t.texts()));
    }

    /**
     * The answer to the field asked and the values of later fields typed in the same line ("Lê Thị Mai, sđt 0935…"):
     * each is stored as filled, then the next empty field is asked.
     */
    void fill(Turn t, FieldValues.Split split) {
        String procedure = t.ctx().procedure();
        IntakeField asked = currentField(t).orElseThrow();
        t.conv.draft.put(asked.name(), split.asked());
        t.record(new ConversationEvent.FieldFilled(procedure, asked.name()));
        for (FieldValues.Value later : split.later()) {
            boolean next = currentField(t).filter(f -> f.name().equals(later.field().name())).isPresent();
            if (!next) { // a field further on: filled in place, the form stays where it was
                t.record(new ConversationEvent.FormMoved(procedure, t.ctx().fieldIndex(), later.field().name()));
            }
            t.conv.draft.put(later.field().name(), later.value());
            t.record(new ConversationEvent.FieldFilled(procedure, later.field().name()));
        }
        t.conv.draftUpdatedAt = t.now;
        askNext(t);
    }

    /** Whether the value would be accepted for the field being asked (nothing is stored). */
    boolean valid(Turn t, String text) {
        return currentField(t).map(f -> checked(t, f, text).value().isPresent()).orElse(false);
    }

    /** Whether the value would be accepted for the named field of the form (nothing is stored). */
    boolean valid(Turn t, String fieldName, String text) {
        return fields(t).stream().filter(f -> f.name().equals(fieldName)).findFirst()
                .map(f -> checked(t, f, text).value().isPresent()).orElse(false);
    }

    /** What the check makes of a value for a field, on the turn's day and in its language. */
    private FieldCheck.Result checked(Turn t, IntakeField field, String text) {
        return check.check(field, text, t.today, t.lang(), t.texts());
    }

    /** The index of the field the form has reached: at the summary, past the last field. */
    private static int position(Turn t, List<IntakeField> fields) {
        return Dialogue.CONFIRM.equals(t.conv.state) ? fields.size() : t.ctx().fieldIndex();
    }

    void skip(Turn t) {
        Optional<IntakeField> field = Dialogue.INTAKE.equals(t.conv.state) ? currentField(t) : Optional.empty();
        if (field.isEmpty() || field.get().required()) {
            answering.menu(t);
            return;
        }
        t.conv.draft.remove(field.get().name());
        advance(t, new ConversationEvent.FieldSkipped(t.ctx().procedure(), field.get().name()));
    }

    /** The field is done: the event moves the form on (after a correction, back to where it was), then ask. */
    private void advance(Turn t, ConversationEvent done) {
        t.record(done);
        askNext(t);
    }

    /** Asks the field the form is at, or the next one not filled yet from an earlier line. */
    private void askNext(Turn t) {
        List<IntakeField> fields = fields(t);
        int next = t.ctx().fieldIndex();
        while (t.ctx().editing() == null && next < fields.size() && t.conv.draft.containsKey(fields.get(next).name())) {
            next++;
        }
        if (next != t.ctx().fieldIndex()) {
            t.record(new ConversationEvent.FormMoved(t.ctx().procedure(), next, null));
        }
        askField(t);
    }

    /** The answer to the field being asked was refused: the error is shown with the question again. */
    static void rejected(Turn t, IntakeField field, String error) {
        t.record(new ConversationEvent.FieldRejected(t.ctx().procedure(), field.name(), error));
    }

    /** Corrects one field, then returns to where the form was. False when the form has no such field. */
    boolean edit(Turn t, String name) {
        return edit(t, name, List.of());
    }

    /**
     * Corrects one field. When the correction already carries the new value ("à nhầm, sđt là 0905…", "change my phone
     * to 0987…") and the value is valid, it is taken at once, as a person at the desk would; else the field is asked.
     */
    boolean edit(Turn t, String name, List<String> newValues) {
        List<IntakeField> fields = fields(t);
        if (fields.stream().noneMatch(f -> f.name().equals(name))) {
            return false;
        }
        t.record(new ConversationEvent.FormMoved(t.ctx().procedure(), position(t, fields), name));
        Optional<String> value = newValues.stream().filter(v -> valid(t, v)).findFirst();
        if (value.isPresent()) {
            fill(t, value.get());
        } else {
            askField(t);
        }
        return true;
    }

    void askWhichField(Turn t) {
        t.say(new Reply(Kind.ASK_WHICH_FIELD, t.text("form.which_detail_would_like"),
                        editButtons(t)).about(t.ctx().procedure(), null));
    }

    void summary(Turn t) {
        Context ctx = t.ctx();
        List<IntakeField> fields = fields(t);
        StringBuilder text = new StringBuilder(t.text("form.summary"));
        text.append('\n').append(t.text("form.summary.procedure", "procedure", Labels.intent(catalog, t, ctx.procedure())));
        for (IntakeField f : fields) {
            String value = t.conv.draft.get(f.name());
            text.append("\n• ").append(Labels.field(t, f)).append(": ")
                    .append(value == null ? "—" : display(t, f, value));
        }
        List<Button> buttons = new ArrayList<>();
        buttons.add(new Button(t.text("button.confirm_send"), "confirm"));
        buttons.addAll(editButtons(t));
        buttons.add(new Button(t.text("button.cancel_request"), "cancel"));
        t.say(new Reply(Kind.SUMMARY, text.toString(), buttons).about(ctx.procedure(), null));
        t.record(new ConversationEvent.FormMoved(ctx.procedure(), fields.size(), null));
        t.state(Dialogue.CONFIRM);
    }

    private List<Button> editButtons(Turn t) {
        return fields(t).stream()
                .map(f -> new Button(t.text("button.edit_field", "field", Labels.field(t, f)), "edit:" + f.name())).toList();
    }

    void askCancel(Turn t) {
        t.record(new ConversationEvent.CancelPending(true));
        t.say(Kind.ASK_CANCEL, t.text("form.do_want_cancel_request"),
              List.of(new Button(t.text("button.yes_cancel"), "cancel:confirm"),
                      new Button(t.text("button.no_continue"), "cancel:keep")));
    }

    void cancel(Turn t) {
        t.record(new ConversationEvent.FormCancelled(t.ctx().procedure())); // keeps only the topic
        t.conv.draft = new LinkedHashMap<>();
        t.say(Kind.FORM_CANCELLED, t.text("form.request_cancelled_nothing_entered"),
              answering.menuButtons(t));
        t.state(Dialogue.ANSWERING);
    }

    void resume(Turn t) {
        t.record(new ConversationEvent.CancelPending(false));
        t.say(Kind.FORM_RESUMED, t.text("form.ok_let_s_continue"));
        reprompt(t);
    }

    /** Asks again what the form is waiting for: the consent decision, the current field or the confirmation. */
    void reprompt(Turn t) {
        switch (t.conv.state) {
            case Dialogue.CONSENT -> consent.remind(t);
            case Dialogue.CONFIRM -> summary(t);
            default -> askField(t);
        }
    }

    void submit(Turn t) throws SQLException {
        Context ctx = t.ctx();
        Optional<ConsentLog.Event> agreed = ConsentLog.inForce(t.c, t.conv.id, ConsentLog.PURPOSE_REQUEST);
        if (agreed.isEmpty() || ctx.procedure() == null) {
            // Defensive: no case with personal data without consent in force.
            t.conv.draft = new LinkedHashMap<>();
            if (ctx.procedure() != null) {
                start(t, ctx.procedure());
            } else {
                answering.menu(t);
            }
            return;
        }
        List<IntakeField> fields = fields(t);
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).required() && !t.conv.draft.containsKey(fields.get(i).name())) {
                t.record(new ConversationEvent.FormMoved(ctx.procedure(), i, null));
                askField(t);
                return;
            }
        }
        String procedure = ctx.procedure();
        String code = cases.createRequest(t.c, t.conv.wardId, t.conv.id, t.channel, procedure,
                                          new LinkedHashMap<>(t.conv.draft), agreed.get().id(), t.now);
        t.conv.caseCode = code;
        t.conv.draft = new LinkedHashMap<>();
        t.record(new ConversationEvent.FormSubmitted(procedure, code)); // keeps only the topic
        StringBuilder text = new StringBuilder(t.text("form.sent", "code", code))
                .append(StaffDesk.pageLink(t, code, cases));
        catalog.answer(procedure, "documents", t.lang()).ifPresent(docs -> text
                .append("\n\n").append(t.text("form.when_come_please_bring"))
                .append('\n').append(Answering.render(docs)));
        t.say(new Reply(Kind.SUBMITTED, text.toString(),
                        List.of(new Button(t.text("button.case_status"), "status"),
                                new Button(t.text("button.consent_receipt"), "receipt"),
                                new Button(t.text("button.location"), "location"))).about(procedure, null));
        t.state(Dialogue.HANDED_OFF);
    }

    static String display(Turn t, IntakeField f, String value) {
        if (f.type() == Catalog.FieldType.DATE) {
            try {
                return TimeFormat.day(t, LocalDate.parse(value));
            } catch (RuntimeException e) {
                return value;
            }
        }
        if (f.type() == Catalog.FieldType.CHOICE) {
            return f.choices().stream().filter(c -> c.value().equals(value)).map(Catalog.Choice::label).findFirst()
                    .orElse(value);
        }
        return value;
    }
}
