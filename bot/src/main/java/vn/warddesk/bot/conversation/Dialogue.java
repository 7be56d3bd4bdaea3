package vn.warddesk.bot.conversation;

import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import vn.warddesk.bot.cases.CaseCode;
import vn.warddesk.bot.cases.Cases;
import vn.warddesk.bot.catalog.Catalog;
import vn.warddesk.bot.catalog.Catalog.IntakeField;
import vn.warddesk.bot.consent.ConsentLog;
import vn.warddesk.nlu.Candidate;
import vn.warddesk.nlu.Entity;
import vn.warddesk.nlu.EntityType;
import vn.warddesk.nlu.Nlu;
import vn.warddesk.nlu.Understanding;

/**
 * The state machine: idle → answering → consent → intake → confirm → handed_off → closed, plus clarifying, talk to
 * staff at any point, start over, data rights and session expiry. It changes only the locked row in the turn and
 * writes through the feature classes in the turn's transaction.
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

    private static final Pattern RESTART = Pattern.compile(
            "(?iu)^\\s*(bắt đầu lại|bat dau lai|làm lại|lam lai|start over|restart|reset|/start)\\s*[.!]*\\s*$");
    private static final Pattern WITHDRAW = Pattern.compile(
            "(?iu)(rút (lại )?(sự )?đồng ý|rut (lai )?(su )?dong y|xóa dữ liệu|xoá dữ liệu|xoa du lieu"
            + "|withdraw (my )?consent|delete my data|erase my data)");
    private static final Pattern AFFIRM = Pattern.compile(
            "(?iu)^\\s*(có|co|đồng ý|dong y|tôi đồng ý|toi dong y|vâng|vang|ừ|uh|ok|okay|được|duoc|đúng|dung|yes|yeah"
            + "|agree|i agree|sure|confirm|xác nhận|xac nhan)\\s*[.!]*\\s*$");
    private static final Pattern DENY = Pattern.compile(
            "(?iu)^\\s*(không|khong|ko|k|không đồng ý|khong dong y|no|nope|decline|i do not agree|i don't agree"
            + "|sai|không phải|khong phai|hủy|huy|cancel)\\s*[.!]*\\s*$");
    private static final double ESCAPE_CONFIDENCE = 0.7;
    private static final Set<String> ESCAPES = Set.of("talk_to_staff", "delete_my_data", "my_data");
    private static final Map<String, String[]> DIALOGUE_LABELS = Map.ofEntries(
            Map.entry("greeting", new String[]{"Chào hỏi", "Greeting"}),
            Map.entry("thanks", new String[]{"Cảm ơn", "Thanks"}),
            Map.entry("goodbye", new String[]{"Tạm biệt", "Goodbye"}),
            Map.entry("affirm", new String[]{"Đồng ý", "Yes"}),
            Map.entry("deny", new String[]{"Không", "No"}),
            Map.entry("talk_to_staff", new String[]{"Gặp cán bộ", "Talk to staff"}),
            Map.entry("office_hours", new String[]{"Giờ làm việc", "Office hours"}),
            Map.entry("office_location", new String[]{"Địa chỉ, nơi nộp hồ sơ", "Office location"}),
            Map.entry("case_status", new String[]{"Tra cứu hồ sơ", "Case status"}),
            Map.entry("privacy_info", new String[]{"Bảo vệ dữ liệu cá nhân", "Privacy information"}),
            Map.entry("my_data", new String[]{"Xem dữ liệu của tôi", "My data"}),
            Map.entry("delete_my_data", new String[]{"Rút đồng ý, xoá dữ liệu", "Withdraw consent / delete"}));
    private static final Map<String, String[]> FIELD_LABELS = Map.of(
            "contact_name", new String[]{"Họ tên", "Name"},
            "phone", new String[]{"Số điện thoại", "Phone"},
            "preferred_day", new String[]{"Ngày muốn đến", "Preferred day"},
            "details", new String[]{"Ghi chú", "Notes"});

    private final Catalog catalog;
    private final Nlu nlu;
    private final Cases cases;
    private final FieldCheck check;
    private final Duration idleTimeout;
    private final int maxAttempts;
    private final String publicBaseUrl;
    private final ConversationStore store;

    Dialogue(Catalog catalog, Nlu nlu, Cases cases, FieldCheck check, Duration idleTimeout, int maxAttempts,
             String publicBaseUrl, ConversationStore store) {
        this.catalog = catalog;
        this.nlu = nlu;
        this.cases = cases;
        this.check = check;
        this.idleTimeout = idleTimeout;
        this.maxAttempts = maxAttempts;
        this.publicBaseUrl = publicBaseUrl;
        this.store = store;
    }

    void run(Turn t, Input input) throws SQLException {
        ConversationStore.Row conv = t.conv;
        if (input instanceof Input.Left) {
            conv.state = CLOSED;
            conv.address = null; // nothing may be sent any more: keep no address
            return;
        }
        boolean newSession = conv.sessionStartedAt == null || conv.updatedAt.plus(idleTimeout).isBefore(t.now);
        if (newSession) {
            conv.sessionStartedAt = t.now;
            if (Set.of(CONSENT, INTAKE, CONFIRM).contains(conv.state)) {
                conv.draft = new LinkedHashMap<>(); // an unsubmitted request of an old session is not kept
            }
            conv.context = Context.empty();
            conv.state = claimed(t).isPresent() ? HANDED_OFF : IDLE;
            greet(t); // a new session greets again; the case link (conv.caseCode) stays
            if (input instanceof Input.Started) {
                return;
            }
        }
        switch (input) {
            case Input.Started ignored -> greet(t);
            case Input.Text text -> onText(t, text.text());
            case Input.Action action -> onAction(t, action.action());
            case Input.Left ignored -> { }
        }
    }

    // ---- text ----

    private void onText(Turn t, String raw) throws SQLException {
        t.method = ConsentLog.Method.TYPED;
        String text = raw.strip();
        Context ctx = t.conv.context;
        if (RESTART.matcher(text).matches()) {
            restart(t);
            return;
        }
        if (ctx.pendingErase()) {
            if (AFFIRM.matcher(text).matches()) {
                erase(t);
                return;
            }
            if (DENY.matcher(text).matches()) {
                cancelErase(t);
                return;
            }
            t.conv.context = ctx.withPendingErase(false); // anything else: the question lapses
        }
        if (WITHDRAW.matcher(text).find()) {
            askErase(t);
            return;
        }
        if (claimed(t).isPresent()) {
            Understanding u = understand(t, text);
            if (Set.of("my_data", "delete_my_data").contains(u.intent()) && !u.clarify()
                && u.confidence() >= ESCAPE_CONFIDENCE) {
                routeIntent(t, u.intent(), u.aspect(), u.entities());
            } else {
                forward(t);
            }
            return;
        }
        if (t.conv.context.forwardAcked()) {
            t.conv.context = t.conv.context.withForwardAcked(false);
        }
        switch (t.conv.state) {
            case INTAKE -> {
                Optional<IntakeField> field = currentField(t);
                if (field.isPresent()) {
                    if (field.get().type() != Catalog.FieldType.TEXT) {
                        Understanding u = understand(t, text);
                        if (ESCAPES.contains(u.intent()) && !u.clarify() && u.confidence() >= ESCAPE_CONFIDENCE) {
                            routeIntent(t, u.intent(), u.aspect(), u.entities());
                            return;
                        }
                    }
                    onFieldAnswer(t, text);
                    return;
                }
                route(t, understand(t, text));
            }
            case CONFIRM -> {
                if (isAffirm(t, text)) {
                    submit(t);
                } else if (isDeny(t, text)) {
                    t.say(t.t("Bạn muốn sửa mục nào?", "Which detail would you like to change?"), editButtons(t));
                } else {
                    route(t, understand(t, text));
                }
            }
            case CONSENT -> {
                if (isAffirm(t, text)) {
                    agree(t);
                } else if (isDeny(t, text)) {
                    decline(t);
                } else {
                    route(t, understand(t, text));
                }
            }
            case CLARIFYING -> {
                Understanding u = understand(t, text);
                if (u.clarify() || DENY.matcher(text).matches() || "deny".equals(u.intent())) {
                    handoff(t, true);
                } else {
                    route(t, u);
                }
            }
            default -> route(t, understand(t, text));
        }
    }

    private boolean isAffirm(Turn t, String text) {
        return AFFIRM.matcher(text).matches() || intentIs(t, text, "affirm");
    }

    private boolean isDeny(Turn t, String text) {
        return DENY.matcher(text).matches() || intentIs(t, text, "deny");
    }

    private boolean intentIs(Turn t, String text, String intent) {
        Understanding u = understand(t, text);
        return intent.equals(u.intent()) && !u.clarify();
    }

    private Understanding understand(Turn t, String text) {
        return nlu.understand(text, t.lang().locale(), t.today);
    }

    private void route(Turn t, Understanding u) throws SQLException {
        if (u.entities().stream().anyMatch(e -> e.type() == EntityType.CASE_CODE)) {
            caseStatus(t, u.entities());
            return;
        }
        if (u.clarify()) {
            clarify(t, u);
            return;
        }
        routeIntent(t, u.intent(), u.aspect(), u.entities());
    }

    private void routeIntent(Turn t, String intent, Optional<String> aspect, List<Entity> entities)
            throws SQLException {
        if (catalog.knows(intent)) {
            String a = aspect.filter(Catalog.ASPECTS::contains).orElse("general");
            if ("apply".equals(a)) {
                startRequest(t, intent);
            } else {
                answer(t, intent, a);
            }
            return;
        }
        switch (intent) {
            case "greeting" -> greet(t);
            case "thanks" -> t.say(t.t("Không có gì! Bạn cần hỏi gì thêm cứ nhắn nhé.",
                                       "You are welcome! Ask me anything else."));
            case "goodbye" -> t.say(t.t("Tạm biệt! Chúc bạn một ngày tốt lành.", "Goodbye! Have a good day."));
            case "office_hours" -> say(t, catalog.officeHours(t.lang(), t.now.atZone(zone())));
            case "office_location" -> say(t, catalog.officeLocation(t.lang()));
            case "case_status" -> caseStatus(t, entities);
            case "privacy_info" -> privacyInfo(t);
            case "my_data" -> myData(t);
            case "delete_my_data" -> askErase(t);
            case "talk_to_staff" -> handoff(t, false);
            case "affirm", "deny" -> t.say(t.t("Bạn cần mình giúp gì thêm?", "What else can I help you with?"),
                                           menuButtons(t));
            default -> outOfScope(t);
        }
        if (Set.of(IDLE, CLARIFYING, CLOSED).contains(t.conv.state)) {
            t.state(ANSWERING);
        }
    }

    // ---- buttons ----

    private void onAction(Turn t, String action) throws SQLException {
        t.method = ConsentLog.Method.BUTTON;
        Context ctx = t.conv.context;
        if (ctx.pendingErase() && !action.startsWith("erase:")) {
            t.conv.context = ctx.withPendingErase(false);
        }
        String[] parts = action.split(":", 3);
        String head = parts[0];
        String arg = parts.length > 1 ? parts[1] : "";
        switch (head) {
            case "ask" -> {
                if (parts.length == 3 && catalog.knows(arg) && Catalog.ASPECTS.contains(parts[2])) {
                    routeIntent(t, arg, Optional.of(parts[2]), List.of());
                } else {
                    unknownAction(t);
                }
            }
            case "start" -> {
                if (catalog.knows(arg)) {
                    startRequest(t, arg);
                } else {
                    unknownAction(t);
                }
            }
            case "consent" -> {
                boolean pending = CONSENT.equals(t.conv.state) && t.conv.context.procedure() != null;
                switch (arg) {
                    case "agree" -> {
                        if (pending) {
                            agree(t);
                        } else {
                            t.say(t.t("Hiện không có yêu cầu nào cần bạn đồng ý.", "Nothing is waiting for your consent."),
                                  menuButtons(t));
                        }
                    }
                    case "decline" -> {
                        if (pending) {
                            decline(t);
                        } else {
                            t.say(t.t("Hiện không có yêu cầu nào cần bạn đồng ý.", "Nothing is waiting for your consent."),
                                  menuButtons(t));
                        }
                    }
                    case "full" -> {
                        if (pending) {
                            showConsent(t, true);
                        } else {
                            t.say(catalog.privacyNotice(t.lang()).fullText(), dataRightsButtons(t));
                        }
                    }
                    default -> unknownAction(t);
                }
            }
            case "confirm" -> {
                if (CONFIRM.equals(t.conv.state)) {
                    submit(t);
                } else {
                    unknownAction(t);
                }
            }
            case "edit" -> edit(t, arg);
            case "choice" -> {
                if (INTAKE.equals(t.conv.state) && currentField(t).isPresent()) {
                    onFieldAnswer(t, arg);
                } else {
                    unknownAction(t);
                }
            }
            case "skip" -> skip(t);
            case "staff" -> handoff(t, false);
            case "restart" -> restart(t);
            case "receipt" -> receipt(t);
            case "hours" -> say(t, catalog.officeHours(t.lang(), t.now.atZone(zone())));
            case "location" -> say(t, catalog.officeLocation(t.lang()));
            case "status" -> caseStatus(t, List.of());
            case "mydata" -> myData(t);
            case "erase" -> {
                if ("confirm".equals(arg) && ctx.pendingErase()) {
                    erase(t);
                } else if ("cancel".equals(arg) && ctx.pendingErase()) {
                    cancelErase(t);
                } else if (arg.isEmpty()) {
                    askErase(t);
                } else {
                    unknownAction(t);
                }
            }
            case "intent" -> routeIntent(t, arg, Optional.empty(), List.of());
            default -> unknownAction(t);
        }
    }

    private void unknownAction(Turn t) {
        t.say(t.t("Lựa chọn này không còn dùng được. Bạn cần giúp gì?", "That option is no longer available. How can I help?"),
              menuButtons(t));
    }

    // ---- answers ----

    private void greet(Turn t) throws SQLException {
        Catalog.OfficeInfo office = catalog.office();
        t.say(t.t("Xin chào! Mình là trợ lý tự động của " + office.name() + ". Bạn có thể hỏi về thủ tục hành chính, "
                  + "giấy tờ cần mang, lệ phí, giờ làm việc, hoặc đặt lịch nộp hồ sơ.",
                  "Hello! I am the automated assistant of " + office.name() + ". Ask me about ward procedures, "
                  + "documents to bring, fees, office hours, or book an appointment."), menuButtons(t));
    }

    private List<Button> menuButtons(Turn t) {
        List<Button> buttons = new ArrayList<>();
        catalog.procedures(t.lang()).stream().limit(3)
                .forEach(p -> buttons.add(new Button(p.name(), "ask:" + p.id() + ":general")));
        buttons.add(new Button(t.t("Giờ làm việc", "Office hours"), "hours"));
        buttons.add(new Button(t.t("Địa chỉ", "Location"), "location"));
        if (t.conv.caseCode != null) {
            buttons.add(new Button(t.t("Hồ sơ của tôi", "My case"), "status"));
        }
        buttons.add(new Button(t.t("Gặp cán bộ", "Talk to staff"), "staff"));
        return buttons;
    }

    private void answer(Turn t, String procedure, String aspect) {
        Optional<Catalog.Answer> answer = catalog.answer(procedure, aspect, t.lang())
                .or(() -> catalog.answer(procedure, "general", t.lang()));
        if (answer.isEmpty()) {
            outOfScope(t);
            return;
        }
        say(t, answer.get());
        t.conv.context = t.conv.context.withTopic(procedure);
        t.state(ANSWERING);
    }

    private static void say(Turn t, Catalog.Answer answer) {
        List<Button> buttons = new ArrayList<>();
        for (Catalog.FollowUp f : answer.followUps()) {
            if (buttons.size() < 6) {
                buttons.add(new Button(f.label(), f.action()));
            }
        }
        t.say(render(answer), buttons);
    }

    private static String render(Catalog.Answer answer) {
        StringBuilder text = new StringBuilder(answer.text());
        for (String item : answer.items()) {
            text.append("\n• ").append(item);
        }
        return text.toString();
    }

    private void outOfScope(Turn t) {
        t.say(t.t("Xin lỗi, mình chỉ hỗ trợ các thủ tục hành chính của phường. Bạn có thể liên hệ trực tiếp:",
                  "Sorry, I can only help with ward procedures. You can contact the office directly:")
              + "\n" + render(catalog.officeLocation(t.lang())),
              List.of(new Button(t.t("Gặp cán bộ", "Talk to staff"), "staff"),
                      new Button(t.t("Giờ làm việc", "Office hours"), "hours")));
        t.state(ANSWERING);
    }

    private void clarify(Turn t, Understanding u) throws SQLException {
        List<String> options = u.alternatives().stream().map(Candidate::intent)
                .filter(i -> !"out_of_scope".equals(i)).distinct().limit(2).toList();
        if (options.isEmpty()) {
            outOfScope(t);
            return;
        }
        if (CLARIFYING.equals(t.conv.state)) {
            handoff(t, true); // the second unclear message in a row: a person will do better
            return;
        }
        List<Button> buttons = new ArrayList<>();
        List<String> actions = new ArrayList<>();
        for (String option : options) {
            String action = catalog.knows(option)
                    ? ("apply".equals(u.aspect().orElse("")) ? "start:" + option
                    : "ask:" + option + ":" + u.aspect().filter(Catalog.ASPECTS::contains).orElse("general"))
                    : "intent:" + option;
            actions.add(action);
            buttons.add(new Button(label(t, option), action));
        }
        buttons.add(new Button(t.t("Gặp cán bộ", "Talk to staff"), "staff"));
        String text = options.size() == 2
                ? t.t("Bạn muốn hỏi về \"" + label(t, options.get(0)) + "\" hay \"" + label(t, options.get(1)) + "\"?",
                      "Did you mean \"" + label(t, options.get(0)) + "\" or \"" + label(t, options.get(1)) + "\"?")
                : t.t("Có phải bạn muốn hỏi về \"" + label(t, options.get(0)) + "\"?",
                      "Did you mean \"" + label(t, options.get(0)) + "\"?");
        t.say(text, buttons);
        t.conv.context = t.conv.context.withClarify(actions);
        t.state(CLARIFYING);
    }

    private String label(Turn t, String intent) {
        return catalog.procedures(t.lang()).stream().filter(p -> p.id().equals(intent)).map(Catalog.ProcedureSummary::name)
                .findFirst()
                .orElseGet(() -> {
                    String[] l = DIALOGUE_LABELS.get(intent);
                    return l == null ? intent : l[t.vi() ? 0 : 1];
                });
    }

    private void privacyInfo(Turn t) {
        t.say(catalog.privacyNotice(t.lang()).shortText(), dataRightsButtons(t));
    }

    private List<Button> dataRightsButtons(Turn t) {
        return List.of(new Button(t.t("Đọc toàn văn", "Read the full notice"), "consent:full"),
                       new Button(t.t("Dữ liệu của tôi", "My data"), "mydata"),
                       new Button(t.t("Xóa dữ liệu của tôi", "Delete my data"), "erase"));
    }

    // ---- consent and intake ----

    private void startRequest(Turn t, String procedure) throws SQLException {
        List<IntakeField> fields = catalog.intakeFields(procedure, t.lang());
        if (fields.isEmpty()) {
            answer(t, procedure, "apply");
            return;
        }
        t.conv.context = t.conv.context.withProcedure(procedure).withTopic(procedure);
        t.conv.draft = new LinkedHashMap<>();
        Catalog.PrivacyNotice notice = catalog.privacyNotice(t.lang());
        Optional<ConsentLog.Event> inForce = ConsentLog.inForce(t.c, t.conv.id, ConsentLog.PURPOSE_REQUEST);
        if (inForce.isPresent() && inForce.get().noticeVersion().equals(notice.version())) {
            t.say(t.t("Bạn đã đồng ý với thông báo bảo vệ dữ liệu trong cuộc trò chuyện này (phiên bản "
                      + notice.version() + "). Mình hỏi vài thông tin để mở hồ sơ nhé.",
                      "You already agreed to the privacy notice in this conversation (version " + notice.version()
                      + "). A few questions to open your request."));
            t.state(INTAKE);
            askField(t);
            return;
        }
        showConsent(t, false);
    }

    private void showConsent(Turn t, boolean full) {
        Catalog.PrivacyNotice notice = catalog.privacyNotice(t.lang());
        String text = full ? notice.fullText()
                : t.t("Để mở hồ sơ, mình cần hỏi vài thông tin cá nhân. Trước hết, xin đọc thông báo ngắn:",
                      "To open a request I need to ask for a few personal details. First, please read this short notice:")
                  + "\n\n" + notice.shortText() + "\n\n"
                  + t.t("Bạn có đồng ý cho phường xử lý các thông tin này không?",
                        "Do you agree that the ward processes these details?");
        // The record must prove what the citizen saw when deciding: the hash of this exact text.
        t.conv.context = t.conv.context.withNotice(notice.version(), ConsentLog.sha256(text));
        List<Button> buttons = new ArrayList<>(List.of(
                new Button(t.t("Đồng ý", "I agree"), "consent:agree"),
                new Button(t.t("Không đồng ý", "I do not agree"), "consent:decline")));
        if (!full) {
            buttons.add(new Button(t.t("Đọc toàn văn", "Read the full notice"), "consent:full"));
        }
        t.say(text, buttons);
        t.state(CONSENT);
    }

    private void agree(Turn t) throws SQLException {
        Context ctx = t.conv.context;
        ConsentLog.record(t.c, t.conv.id, ConsentLog.PURPOSE_REQUEST, ctx.noticeVersion(), ctx.noticeSha256(),
                          t.channel, ConsentLog.Decision.AGREE, t.method, t.now);
        t.say(t.t("Cảm ơn bạn đã đồng ý. Bạn có thể xem biên nhận đồng ý bất cứ lúc nào, hoặc rút lại bằng cách gõ "
                  + "\"tôi rút lại sự đồng ý\".",
                  "Thank you for agreeing. You can view your consent receipt at any time, or withdraw by typing "
                  + "\"withdraw my consent\"."),
              List.of(new Button(t.t("Biên nhận đồng ý", "Consent receipt"), "receipt")));
        t.conv.context = ctx.withField(0, null);
        t.state(INTAKE);
        askField(t);
    }

    private void decline(Turn t) throws SQLException {
        Context ctx = t.conv.context;
        ConsentLog.record(t.c, t.conv.id, ConsentLog.PURPOSE_REQUEST, ctx.noticeVersion(), ctx.noticeSha256(),
                          t.channel, ConsentLog.Decision.DECLINE, t.method, t.now);
        t.conv.draft = new LinkedHashMap<>();
        t.conv.context = Context.empty();
        t.say(t.t("Bạn đã không đồng ý, nên mình sẽ không lưu thông tin cá nhân nào. Bạn vẫn có thể hỏi mình bất cứ "
                  + "điều gì, hoặc đến nộp trực tiếp tại:",
                  "You did not agree, so I keep no personal details. You can still ask me anything, or apply in person at:")
              + "\n" + render(catalog.officeLocation(t.lang())),
              List.of(new Button(t.t("Giờ làm việc", "Office hours"), "hours"),
                      new Button(t.t("Gặp cán bộ", "Talk to staff"), "staff")));
        t.state(ANSWERING);
    }

    Optional<IntakeField> currentField(Turn t) {
        return currentField(t.conv, t.lang());
    }

    Optional<IntakeField> currentField(ConversationStore.Row conv, vn.warddesk.bot.catalog.Lang lang) {
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

    private void askField(Turn t) {
        Optional<IntakeField> field = currentField(t);
        if (field.isEmpty()) {
            summary(t);
            return;
        }
        IntakeField f = field.get();
        Context ctx = t.conv.context;
        StringBuilder text = new StringBuilder();
        if (ctx.lastError() != null) {
            text.append(ctx.lastError()).append('\n');
        }
        text.append(f.question()).append('\n').append(t.t("(Vì sao hỏi: ", "(Why we ask: ")).append(f.purpose())
                .append(')');
        List<Button> buttons = new ArrayList<>();
        for (Catalog.Choice choice : f.choices()) {
            buttons.add(new Button(choice.label(), "choice:" + choice.value()));
        }
        if (!f.required()) {
            buttons.add(new Button(t.t("Bỏ qua", "Skip"), "skip"));
        }
        if (ctx.attempts() >= maxAttempts) {
            text.append('\n').append(t.t("Nếu khó nhập, bạn có thể gặp cán bộ.", "If this is hard to enter, a member of staff can help."));
            buttons.add(new Button(t.t("Gặp cán bộ", "Talk to staff"), "staff"));
            buttons.add(new Button(t.t("Bắt đầu lại", "Start over"), "restart"));
        }
        t.say(text.toString(), buttons);
        t.state(INTAKE);
    }

    private void onFieldAnswer(Turn t, String text) {
        Optional<IntakeField> field = currentField(t);
        if (field.isEmpty()) {
            summary(t);
            return;
        }
        FieldCheck.Result result = check.check(field.get(), text, t.today, t.lang());
        if (result.value().isPresent()) {
            t.conv.draft.put(field.get().name(), result.value().get());
            t.conv.draftUpdatedAt = t.now;
            advance(t);
        } else {
            t.conv.context = t.conv.context.withAttempt(result.error().orElse(""));
            askField(t);
        }
    }

    private void skip(Turn t) {
        Optional<IntakeField> field = INTAKE.equals(t.conv.state) ? currentField(t) : Optional.empty();
        if (field.isEmpty() || field.get().required()) {
            unknownAction(t);
            return;
        }
        t.conv.draft.remove(field.get().name());
        advance(t);
    }

    private void advance(Turn t) {
        Context ctx = t.conv.context;
        if (ctx.editing() != null) {
            t.conv.context = ctx.withField(ctx.fieldIndex(), null);
            summary(t);
            return;
        }
        t.conv.context = ctx.withField(ctx.fieldIndex() + 1, null);
        askField(t);
    }

    private void edit(Turn t, String name) {
        Context ctx = t.conv.context;
        if (ctx.procedure() == null || !Set.of(CONFIRM, INTAKE).contains(t.conv.state)) {
            unknownAction(t);
            return;
        }
        List<IntakeField> fields = catalog.intakeFields(ctx.procedure(), t.lang());
        if (fields.stream().noneMatch(f -> f.name().equals(name))) {
            unknownAction(t);
            return;
        }
        // While still filling the form, an edit jumps back and then continues where it was.
        boolean done = CONFIRM.equals(t.conv.state);
        t.conv.context = ctx.withField(done ? fields.size() : ctx.fieldIndex(), name);
        askField(t);
    }

    private void summary(Turn t) {
        Context ctx = t.conv.context;
        List<IntakeField> fields = catalog.intakeFields(ctx.procedure(), t.lang());
        StringBuilder text = new StringBuilder(t.t("Mời bạn kiểm tra lại trước khi gửi:", "Please check before sending:"));
        text.append('\n').append(t.t("Thủ tục: ", "Procedure: ")).append(label(t, ctx.procedure()));
        for (IntakeField f : fields) {
            String value = t.conv.draft.get(f.name());
            text.append("\n• ").append(fieldLabel(t, f)).append(": ").append(value == null ? "—" : display(t, f, value));
        }
        List<Button> buttons = new ArrayList<>();
        buttons.add(new Button(t.t("Xác nhận gửi", "Confirm and send"), "confirm"));
        buttons.addAll(editButtons(t));
        buttons.add(new Button(t.t("Hủy, bắt đầu lại", "Cancel, start over"), "restart"));
        t.say(text.toString(), buttons);
        t.conv.context = ctx.withField(fields.size(), null);
        t.state(CONFIRM);
    }

    private List<Button> editButtons(Turn t) {
        Context ctx = t.conv.context;
        if (ctx.procedure() == null) {
            return List.of();
        }
        return catalog.intakeFields(ctx.procedure(), t.lang()).stream()
                .map(f -> new Button(t.t("Sửa: ", "Edit: ") + fieldLabel(t, f), "edit:" + f.name())).toList();
    }

    private static String fieldLabel(Turn t, IntakeField f) {
        String[] l = FIELD_LABELS.get(f.name());
        return l == null ? f.name() : l[t.vi() ? 0 : 1];
    }

    private static String display(Turn t, IntakeField f, String value) {
        if (f.type() == Catalog.FieldType.DATE) {
            try {
                return LocalDate.parse(value).format(DateTimeFormatter.ofPattern(t.vi() ? "dd/MM/yyyy" : "d MMM yyyy",
                                                                                 t.lang().locale()));
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

    private void submit(Turn t) throws SQLException {
        Context ctx = t.conv.context;
        Optional<ConsentLog.Event> consent = ConsentLog.inForce(t.c, t.conv.id, ConsentLog.PURPOSE_REQUEST);
        if (consent.isEmpty() || ctx.procedure() == null) {
            // Defensive: no case with personal data without consent in force.
            t.conv.draft = new LinkedHashMap<>();
            if (ctx.procedure() != null) {
                startRequest(t, ctx.procedure());
            } else {
                unknownAction(t);
            }
            return;
        }
        List<IntakeField> fields = catalog.intakeFields(ctx.procedure(), t.lang());
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).required() && !t.conv.draft.containsKey(fields.get(i).name())) {
                t.conv.context = ctx.withField(i, null);
                askField(t);
                return;
            }
        }
        String procedure = ctx.procedure();
        String code = cases.createRequest(t.c, t.conv.wardId, t.conv.id, t.channel, procedure,
                                          new LinkedHashMap<>(t.conv.draft), consent.get().id(), t.now);
        t.conv.caseCode = code;
        t.conv.draft = new LinkedHashMap<>();
        t.conv.context = Context.empty();
        StringBuilder text = new StringBuilder(t.t(
                "Đã gửi yêu cầu. Mã hồ sơ của bạn: " + code + "\nTiếp theo: cán bộ phường sẽ liên hệ để xác nhận lịch hẹn."
                + " Bạn có thể hỏi tình trạng hồ sơ bằng mã này.",
                "Your request is sent. Your case code: " + code + "\nNext: a ward officer will contact you to confirm"
                + " the appointment. You can ask about its status with this code."));
        catalog.answer(procedure, "documents", t.lang()).ifPresent(docs -> text
                .append("\n\n").append(t.t("Khi đến, hãy mang theo:", "When you come, please bring:"))
                .append('\n').append(render(docs)));
        t.say(text.toString(), List.of(new Button(t.t("Tình trạng hồ sơ", "Case status"), "status"),
                                       new Button(t.t("Biên nhận đồng ý", "Consent receipt"), "receipt"),
                                       new Button(t.t("Địa chỉ", "Location"), "location")));
        t.state(HANDED_OFF);
    }

    private void restart(Turn t) throws SQLException {
        t.conv.draft = new LinkedHashMap<>();
        t.conv.context = Context.empty();
        t.state(IDLE);
        t.say(t.t("Mình bắt đầu lại nhé.", "Let's start over."));
        greet(t);
    }

    // ---- staff ----

    private Optional<Cases.Case> claimed(Turn t) throws SQLException {
        return cases.openFor(t.c, t.conv.id).filter(k -> "claimed".equals(k.status()));
    }

    private void handoff(Turn t, boolean unclear) throws SQLException {
        Optional<Cases.Case> open = cases.openFor(t.c, t.conv.id);
        String code;
        if (open.isPresent()) {
            code = open.get().code();
        } else {
            code = cases.createHandoff(t.c, t.conv.wardId, t.conv.id, t.channel,
                                       Optional.ofNullable(t.conv.context.procedure())
                                               .or(() -> Optional.ofNullable(t.conv.context.topic())), t.now);
            t.conv.caseCode = code;
        }
        t.conv.draft = new LinkedHashMap<>(); // an unsubmitted form is not handed over
        t.conv.context = Context.empty();
        String intro = unclear
                ? t.t("Mình chưa hiểu rõ câu hỏi, nên đã chuyển cho cán bộ phường. ",
                      "I could not quite understand, so I have passed this to a ward officer. ")
                : t.t("Mình đã chuyển cuộc trò chuyện cho cán bộ phường. ",
                      "I have passed this conversation to a ward officer. ");
        t.say(intro + t.t("Mã tra cứu: " + code + ". Cán bộ sẽ trả lời ngay tại đây trong giờ làm việc.",
                          "Reference: " + code + ". An officer will answer here during office hours.")
              + "\n" + render(catalog.officeHours(t.lang(), t.now.atZone(zone()))),
              List.of(new Button(t.t("Địa chỉ", "Location"), "location")));
        t.state(HANDED_OFF);
    }

    private void forward(Turn t) {
        // The message is already stored: the officer reads it in the transcript. One acknowledgement per claim.
        if (!t.conv.context.forwardAcked()) {
            t.say(t.t("Cán bộ đang xử lý yêu cầu của bạn; tin nhắn đã được chuyển cho cán bộ.",
                      "An officer is handling your request; your message has been passed on."));
            t.conv.context = t.conv.context.withForwardAcked(true);
        }
        t.state(HANDED_OFF);
    }

    private void caseStatus(Turn t, List<Entity> entities) throws SQLException {
        Optional<String> typed = entities.stream().filter(e -> e.type() == EntityType.CASE_CODE).map(Entity::value)
                .findFirst();
        Optional<String> code = typed.isPresent() ? typed.flatMap(CaseCode::normalize)
                : Optional.ofNullable(t.conv.caseCode);
        if (code.isEmpty()) {
            t.say(typed.isPresent()
                          ? t.t("Mã hồ sơ này không đúng. Mã có dạng PH-2026-1234567.",
                                "That case code is not valid. Codes look like PH-2026-1234567.")
                          : t.t("Bạn cho mình mã hồ sơ nhé (dạng PH-2026-1234567).",
                                "Please tell me your case code (like PH-2026-1234567)."));
            return;
        }
        Optional<Cases.Case> found = cases.byCode(t.c, code.get())
                .filter(k -> k.conversationId().equals(t.conv.id));
        if (found.isEmpty()) {
            // Same answer whether the code exists or not: other citizens' cases are not disclosed here.
            t.say(t.t("Vì lý do bảo mật, mình chỉ báo được hồ sơ được mở trong chính cuộc trò chuyện này. Bạn vui lòng"
                      + " hỏi tại Bộ phận Một cửa hoặc dùng trang tra cứu trên phiếu hẹn.",
                      "For privacy I can only report on cases opened in this conversation. Please ask at the one-stop"
                      + " desk or use the status page on your appointment slip."),
                  List.of(new Button(t.t("Địa chỉ", "Location"), "location")));
            return;
        }
        Cases.Case k = found.get();
        String when = k.updatedAt().atZone(zone()).format(DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy"));
        t.say(t.t("Hồ sơ " + k.code() + k.procedure().map(p -> " (" + label(t, p) + ")").orElse("") + ": "
                  + statusLabel(t, k.status()) + ". Cập nhật lúc " + when + ".",
                  "Case " + k.code() + k.procedure().map(p -> " (" + label(t, p) + ")").orElse("") + ": "
                  + statusLabel(t, k.status()) + ". Updated " + when + "."));
    }

    static String statusLabel(Turn t, String status) {
        return switch (status) {
            case "new" -> t.t("đã tiếp nhận, đang chờ cán bộ", "received, waiting for an officer");
            case "claimed" -> t.t("cán bộ đang xử lý", "an officer is working on it");
            case "waiting" -> t.t("đang chờ xử lý tiếp", "waiting for further handling");
            case "resolved" -> t.t("đã giải quyết", "resolved");
            case "withdrawn" -> t.t("đã rút theo yêu cầu của bạn", "withdrawn at your request");
            default -> status;
        };
    }

    // ---- data rights ----

    private void receipt(Turn t) throws SQLException {
        Optional<ConsentLog.Event> agreed = ConsentLog.history(t.c, t.conv.id).stream().filter(ConsentLog.Event::agreed)
                .reduce((a, b) -> b);
        if (agreed.isEmpty()) {
            t.say(t.t("Chưa có bản ghi đồng ý nào trong cuộc trò chuyện này.", "There is no consent record in this conversation yet."));
            return;
        }
        ConsentLog.Event e = agreed.get();
        String when = e.at().atZone(zone()).format(DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy"));
        StringBuilder text = new StringBuilder(t.t("Biên nhận đồng ý", "Consent receipt"));
        text.append("\n").append(t.t("Mã biên nhận: ", "Receipt ID: ")).append("WD-CR-").append(e.id())
                .append("\n").append(t.t("Thời điểm: ", "Time: ")).append(when)
                .append("\n").append(t.t("Bên kiểm soát dữ liệu: ", "Data controller: ")).append(catalog.office().name())
                .append("\n").append(t.t("Mục đích: xử lý yêu cầu của bạn tại phường", "Purpose: handling your request at the ward"))
                .append("\n").append(t.t("Phiên bản thông báo: ", "Notice version: ")).append(e.noticeVersion())
                .append("\nSHA-256: ").append(e.noticeSha256())
                .append("\n").append(t.t("Rút lại: gõ \"tôi rút lại sự đồng ý\".", "Withdraw: type \"withdraw my consent\"."));
        if (!vn.warddesk.bot.outbox.Outbox.PUSH_CHANNELS.contains(t.channel)) {
            text.append("\n").append(t.t("Bản in: ", "Printable: ")).append(publicBaseUrl)
                    .append("/api/v1/conversations/").append(t.conv.id).append("/consent-receipt");
        }
        t.say(text.toString());
    }

    private void myData(Turn t) throws SQLException {
        StringBuilder text = new StringBuilder(t.t("Dữ liệu đang lưu về bạn trong cuộc trò chuyện này:",
                                                   "What is stored about you in this conversation:"));
        Context ctx = t.conv.context;
        if (!t.conv.draft.isEmpty() && ctx.procedure() != null) {
            text.append("\n").append(t.t("Thông tin đang nhập (chưa gửi):", "Details being entered (not sent):"));
            appendFields(t, text, ctx.procedure(), t.conv.draft);
        }
        for (Cases.Case k : cases.ofConversation(t.c, t.conv.id)) {
            text.append("\n").append(t.t("Hồ sơ ", "Case ")).append(k.code()).append(" — ")
                    .append(statusLabel(t, k.status()));
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
            text.append("\n").append(t.t("Bản ghi đồng ý: ", "Consent record: ")).append(decisionLabel(t, e.decision()))
                    .append(", ").append(e.at().atZone(zone()).format(DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy")))
                    .append(t.t(", phiên bản ", ", notice version ")).append(e.noticeVersion());
        }
        text.append("\n").append(t.t("Số tin nhắn đã lưu: ", "Messages stored: ")).append(store.messageCount(t.c, t.conv.id))
                .append(t.t(" (nội dung tin nhắn tự xóa sau 90 ngày).", " (message texts are erased after 90 days)."));
        t.say(text.toString(), List.of(new Button(t.t("Xóa dữ liệu của tôi", "Delete my data"), "erase")));
    }

    private void appendFields(Turn t, StringBuilder text, String procedure, Map<String, String> values) {
        List<IntakeField> fields = procedure.isEmpty() ? List.of() : catalog.intakeFields(procedure, t.lang());
        for (Map.Entry<String, String> v : values.entrySet()) {
            Optional<IntakeField> f = fields.stream().filter(x -> x.name().equals(v.getKey())).findFirst();
            text.append("\n  • ").append(f.map(x -> fieldLabel(t, x)).orElse(v.getKey())).append(": ")
                    .append(f.map(x -> display(t, x, v.getValue())).orElse(v.getValue()));
        }
    }

    private static String decisionLabel(Turn t, String decision) {
        return switch (decision) {
            case "agree" -> t.t("đồng ý", "agreed");
            case "decline" -> t.t("không đồng ý", "declined");
            default -> t.t("rút lại đồng ý", "withdrawn");
        };
    }

    private void askErase(Turn t) {
        t.conv.context = t.conv.context.withPendingErase(true);
        t.say(t.t("Bạn muốn rút lại sự đồng ý và xóa dữ liệu? Mình sẽ xóa thông tin bạn đã nhập và nội dung tin nhắn của"
                  + " cuộc trò chuyện này. Yêu cầu chưa gửi sẽ bị hủy; hồ sơ đã chuyển cán bộ sẽ được đánh dấu đã rút"
                  + " (bạn vẫn có thể đến quầy làm thủ tục). Bản ghi đồng ý được giữ lại làm bằng chứng.",
                  "Do you want to withdraw consent and erase your data? I will erase the details you entered and the"
                  + " message texts of this conversation. An unsent request is cancelled; a case already with an officer"
                  + " is marked withdrawn (you can still apply at the desk). Consent records are kept as proof."),
              List.of(new Button(t.t("Xác nhận xóa", "Yes, erase"), "erase:confirm"),
                      new Button(t.t("Không, giữ lại", "No, keep it"), "erase:cancel")));
    }

    private void cancelErase(Turn t) {
        t.conv.context = t.conv.context.withPendingErase(false);
        t.say(t.t("Đã hủy, dữ liệu vẫn được giữ.", "Cancelled; nothing was erased."));
    }

    private void erase(Turn t) throws SQLException {
        int messages = ConversationLog.eraseTexts(t.c, t.conv.id, t.now);
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
        t.conv.context = Context.empty();
        t.erased = true;
        t.state(IDLE);
        t.say(t.t("Đã xóa: " + messages + " nội dung tin nhắn, " + (draftFields + erased.fields()) + " thông tin cá nhân"
                  + (erased.casesWithdrawn() > 0 ? "; " + erased.casesWithdrawn() + " hồ sơ đã được đánh dấu rút" : "")
                  + ". Bạn vẫn có thể hỏi mình bất cứ lúc nào.",
                  "Erased: " + messages + " message texts, " + (draftFields + erased.fields()) + " personal details"
                  + (erased.casesWithdrawn() > 0 ? "; " + erased.casesWithdrawn() + " case(s) marked withdrawn" : "")
                  + ". You can still ask me anything."));
    }

    private ZoneId zone() {
        return catalog.office().zone();
    }
}
