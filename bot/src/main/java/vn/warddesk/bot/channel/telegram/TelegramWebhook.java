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

import vn.warddesk.bot.channel.ChannelNotices;
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
 */
final class TelegramWebhook {
    static final HeaderName SECRET_HEADER = HeaderNames.create("X-Telegram-Bot-Api-Secret-Token");
    private static final System.Logger LOGGER = System.getLogger(TelegramWebhook.class.getName());

    private final TelegramSettings settings;
    private final TelegramUpdates updates;
    private final Inbox inbox;
    private final TelegramDirect direct;
    private final ChannelNotices notices;
    private final Runnable accepted;
    private final Clock clock;
    private final byte[] secret;
    private final DeadLetters deadLetters;
    /** The ward's "only text is understood" notice by the user's Telegram language. */
    private final java.util.function.UnaryOperator<String> onlyText;

    TelegramWebhook(TelegramSettings settings, TelegramUpdates updates, Inbox inbox, TelegramDirect direct,
                    ChannelNotices notices, Runnable accepted, Clock clock, DeadLetters deadLetters,
                    java.util.function.UnaryOperator<String> onlyText) {
        this.onlyText = onlyText;
        this.deadLetters = deadLetters;
        this.settings = settings;
        this.updates = updates;
        this.inbox = inbox;
        this.direct = direct;
        this.notices = notices;
        this.accepted = accepted;
        this.clock = clock;
        this.secret = settings.webhookSecret().getBytes(StandardCharsets.UTF_8);
    }

    void handle(ServerRequest request, ServerResponse response) {
        if (!settings.enabled()) {
            throw new ApiProblem(Status.NOT_FOUND_404, "channel_disabled", "the Telegram channel is not configured (telegram.bot-token, telegram.webhook-secret)");
        }
        byte[] presented = request.headers().first(SECRET_HEADER).orElse("").getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(presented, secret)) {
            throw new ApiProblem(Status.UNAUTHORIZED_401, "bad_secret", "missing or wrong X-Telegram-Bot-Api-Secret-Token");
        }
        byte[] body = HttpJson.bytes(request, settings.maxUpdateBytes());
        JsonNode json;
        try {
            json = TelegramApi.JSON.readTree(body);
        } catch (IOException e) {
            throw new ApiProblem(Status.BAD_REQUEST_400, "malformed_json", "the body is not JSON");
        }
        Optional<TelegramUpdates.Parsed> parsed = json == null ? Optional.empty() : updates.parse(json, clock.instant());
        if (parsed.isEmpty()) {
            throw new ApiProblem(Status.BAD_REQUEST_400, "not_an_update", "a Telegram update needs update_id");
        }
        try {
            switch (parsed.get()) {
                case TelegramUpdates.Parsed.ToEngine toEngine -> {
                    // The callback query is answered by the inbox worker once the press is handled (followUp).
                    inbox.accept(new Accepted(toEngine.event(), toEngine.callbackQueryId()));
                    accepted.run();
                }
                case TelegramUpdates.Parsed.NonText nonText -> {
                    if (notices.firstTime("telegram", nonText.userHash(), "only_text")) {
                        direct.sendText(nonText.chatId(), onlyText.apply(nonText.locale()));
                    }
                }
                case TelegramUpdates.Parsed.CallbackOnly callback -> direct.answerCallbackQuery(callback.callbackQueryId());
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
}
