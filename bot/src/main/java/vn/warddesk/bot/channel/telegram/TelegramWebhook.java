package vn.warddesk.bot.channel.telegram;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import vn.warddesk.bot.channel.ChannelAddress;
import vn.warddesk.bot.channel.ChannelNotices;
import vn.warddesk.bot.channel.WardChoice;
import vn.warddesk.bot.conversation.ConversationRef;
import vn.warddesk.bot.conversation.InboundEvent;
import vn.warddesk.bot.conversation.Input;
import vn.warddesk.bot.channel.WebhookSupport;
import vn.warddesk.bot.http.ApiProblem;
import vn.warddesk.bot.http.ErrorEdge;
import vn.warddesk.bot.http.HttpJson;
import vn.warddesk.bot.inbox.Accepted;
import vn.warddesk.bot.inbox.DeadLetters;
import vn.warddesk.bot.inbox.Inbox;

/**
 * POST /webhooks/telegram. Telegram does not sign the body; setWebhook's secret_token comes back in the
 * X-Telegram-Bot-Api-Secret-Token header of every request (https://core.telegram.org/bots/api#setwebhook), compared
 * in constant time. The answer is 200 only after the update was committed to the inbox (together with the updates
 * arriving at the same moment: one INSERT, one commit; the inbox workers feed it to the engine); a failure to store it answers 503 so Telegram delivers the update again ("In
 * case of an unsuccessful request, we will give up after a reasonable amount of attempts"). A redelivery of an update
 * still in the inbox is recognised by its update_id here, one already handled by the engine's event ledger.
 *
 * <p>POST /webhooks/telegram/{ward} is a ward's own bot, checked with that ward's secret; an unknown or disabled
 * ward, or one without its own bot, is 404 before anything is read. With {@code telegram.province-wide} the
 * configuration's bot serves every ward and asks "which ward?" first ({@link WardChoice}); its questions are sent
 * directly, not through the outbox (a lost question is asked again at the next message).
 */
final class TelegramWebhook {
    static final HeaderName SECRET_HEADER = HeaderNames.create("X-Telegram-Bot-Api-Secret-Token");
    private static final System.Logger LOGGER = System.getLogger(TelegramWebhook.class.getName());

    private final TelegramSettings settings;
    private final TelegramBots bots;
    private final TelegramUpdates updates;
    private final Inbox inbox;
    private final TelegramDirect direct;
    private final ChannelNotices notices;
    private final Runnable accepted;
    private final Clock clock;
    private final DeadLetters deadLetters;
    private final String defaultWard;
    private final WardChoice wardChoice;

    TelegramWebhook(TelegramSettings settings, TelegramBots bots, TelegramUpdates updates, Inbox inbox,
                    TelegramDirect direct, ChannelNotices notices, Runnable accepted, Clock clock,
                    DeadLetters deadLetters, String defaultWard, WardChoice wardChoice) {
        this.settings = settings;
        this.bots = bots;
        this.updates = updates;
        this.inbox = inbox;
        this.direct = direct;
        this.notices = notices;
        this.accepted = accepted;
        this.clock = clock;
        this.deadLetters = deadLetters;
        this.defaultWard = defaultWard;
        this.wardChoice = wardChoice;
    }

    /** The configuration's bot: the default ward's, or (province-wide) every ward's. */
    void handle(ServerRequest request, ServerResponse response) {
        TelegramBots.Bot bot = bots.configured().orElseThrow(() -> new ApiProblem(
                Status.NOT_FOUND_404, "channel_disabled",
                "the Telegram channel is not configured (telegram.bot-token, telegram.webhook-secret)"));
        receive(bot, new TelegramUpdates.Destination(defaultWard, Optional.empty()), request, response);
    }

    /** A ward's own bot. */
    void handleWard(ServerRequest request, ServerResponse response) {
        String ward = request.path().pathParameters().get("ward");
        TelegramBots.Bot bot = bots.ofWard(ward).orElseThrow(() -> new ApiProblem(
                Status.NOT_FOUND_404, "unknown_ward", "no enabled ward with its own Telegram bot at this address"));
        receive(bot, new TelegramUpdates.Destination(ward, Optional.of(ward)), request, response);
    }

    private void receive(TelegramBots.Bot bot, TelegramUpdates.Destination to, ServerRequest request,
                         ServerResponse response) {
        byte[] presented = request.headers().first(SECRET_HEADER).orElse("").getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(presented, bot.webhookSecret().getBytes(StandardCharsets.UTF_8))) {
            throw new ApiProblem(Status.UNAUTHORIZED_401, "bad_secret", "missing or wrong X-Telegram-Bot-Api-Secret-Token");
        }
        byte[] body = HttpJson.bytes(request, settings.maxUpdateBytes());
        JsonNode json;
        try {
            json = TelegramApi.JSON.readTree(body);
        } catch (IOException e) {
            throw new ApiProblem(Status.BAD_REQUEST_400, "malformed_json", "the body is not JSON");
        }
        Optional<TelegramUpdates.Parsed> parsed = json == null ? Optional.empty() : updates.parse(json, clock.instant(), to);
        if (parsed.isEmpty()) {
            throw new ApiProblem(Status.BAD_REQUEST_400, "not_an_update", "a Telegram update needs update_id");
        }
        try {
            switch (parsed.get()) {
                case TelegramUpdates.Parsed.ToEngine toEngine -> {
                    // The callback query is answered by the inbox worker once the press is handled (followUp).
                    Optional<Accepted> routed = route(bot, toEngine);
                    if (routed.isPresent()) {
                        inbox.accept(routed.get());
                        accepted.run();
                    }
                }
                case TelegramUpdates.Parsed.NonText nonText -> {
                    if (notices.firstTime("telegram", nonText.userHash(), "only_text")) {
                        direct.sendText(bot.token(), nonText.chatId(),
                                        notices.onlyText(bot.ward().orElse(defaultWard), nonText.locale()));
                    }
                }
                case TelegramUpdates.Parsed.CallbackOnly callback ->
                        direct.answerCallbackQuery(bot.token(), callback.callbackQueryId());
                case TelegramUpdates.Parsed.Ignored ignored -> {
                    // 200: Telegram must not deliver it again.
                }
                case TelegramUpdates.Parsed.Poison poison -> deadLetters.store("telegram", poison.eventId(), poison.reason());
            }
        } catch (RuntimeException e) {
            LOGGER.log(System.Logger.Level.WARNING, "telegram update " + json.path("update_id").asLong()
                                                    + " not accepted, Telegram will retry: " + e.getClass().getSimpleName());
            throw e instanceof vn.warddesk.bot.store.StoreException store ? store
                    : ApiProblem.unavailable(ErrorEdge.STORE_RETRY_AFTER_SECONDS);
        }
        WebhookSupport.ok(response);
    }

    /**
     * The event for the engine; for a province-wide bot, in the conversation of the ward the citizen named, or
     * nothing while the bot still asks which ward (the message that names it starts that ward's conversation).
     */
    private Optional<Accepted> route(TelegramBots.Bot bot, TelegramUpdates.Parsed.ToEngine toEngine) {
        InboundEvent event = toEngine.event();
        if (!settings.provinceWide() || bot.ward().isPresent()
            || !(event.conversation() instanceof ConversationRef.ByChannelUser user)) {
            return Optional.of(new Accepted(event, toEngine.callbackQueryId()));
        }
        return switch (wardChoice.route("telegram", user.userHash(), event.input(), event.locale())) {
            case WardChoice.Outcome.Routed routed -> {
                Input input = routed.justChosen() ? new Input.Started() : event.input();
                var ref = new ConversationRef.ByChannelUser(user.channel(), user.userHash(), user.address(), routed.wardId());
                yield Optional.of(new Accepted(new InboundEvent(ref, event.channel(), event.eventId(), input,
                                                                event.locale(), event.at()), toEngine.callbackQueryId()));
            }
            case WardChoice.Outcome.Ask ask -> {
                toEngine.callbackQueryId().ifPresent(id -> direct.answerCallbackQuery(bot.token(), id));
                direct.sendReply(bot.token(), ChannelAddress.parse(user.address()).recipient(), ask.reply());
                yield Optional.empty();
            }
        };
    }
}
