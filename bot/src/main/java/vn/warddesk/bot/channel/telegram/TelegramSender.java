package vn.warddesk.bot.channel.telegram;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.warddesk.bot.channel.ChannelAddress;
import vn.warddesk.bot.channel.TextSplit;
import vn.warddesk.bot.message.Button;
import vn.warddesk.bot.outbox.ChannelSender;
import vn.warddesk.bot.outbox.Delivery;
import vn.warddesk.bot.outbox.SendResult;

/**
 * Sends replies with sendMessage (https://core.telegram.org/bots/api#sendmessage): text 1–4096 characters (longer
 * replies are split on line/word boundaries, buttons under the last part), buttons as an inline keyboard
 * (https://core.telegram.org/bots/api#inlinekeyboardbutton) whose callback_data must be 1–64 bytes.
 * Limits from the bot FAQ (https://core.telegram.org/bots/faq#my-bot-is-hitting-limits-how-do-i-avoid-this):
 * about 1 message per second per chat and 30 per second per bot.
 */
final class TelegramSender implements ChannelSender {
    static final int MAX_TEXT = 4096;
    static final int MAX_CALLBACK_BYTES = 64;
    private static final System.Logger LOGGER = System.getLogger(TelegramSender.class.getName());

    private final TelegramApi api;
    private final TelegramSettings settings;
    private final TelegramBots bots;

    TelegramSender(TelegramApi api, TelegramSettings settings, TelegramBots bots) {
        this.api = api;
        this.settings = settings;
        this.bots = bots;
    }

    @Override
    public String channel() {
        return "telegram";
    }

    @Override
    public RateLimits limits() {
        return new RateLimits(settings.perBotPerSecond(), settings.perChatPerSecond());
    }

    @Override
    public String bot(String address) {
        // "recipient@ward" goes out through that ward's own bot; a plain recipient through the configuration's.
        return ChannelAddress.parse(address).wardBot().orElse("");
    }

    @Override
    public SendResult send(Delivery delivery) {
        String text = delivery.reply().text();
        if (text == null || text.isBlank()) {
            return new SendResult.Failed("empty message text");
        }
        // A split message is re-sent from its first part if a later part fails: rare (only > 4096 characters) and
        // preferable to losing the rest.
        // The bot the citizen wrote to: a ward's own bot when the address names the ward, else the configuration's.
        ChannelAddress address = ChannelAddress.parse(delivery.address());
        java.util.Optional<TelegramBots.Bot> bot = bots.sending(address);
        if (bot.isEmpty()) {
            // Kept for retries: the ward's admin may be re-entering the bot's credentials.
            return new SendResult.Retry("no Telegram bot configured for this conversation's ward");
        }
        List<String> parts = TextSplit.split(text, MAX_TEXT);
        SendResult last = SendResult.sent();
        for (int i = 0; i < parts.size(); i++) {
            ObjectNode message = api.object().put("chat_id", address.recipient()).put("text", parts.get(i));
            if (i == parts.size() - 1) {
                keyboard(delivery.reply().buttons(), delivery.id()).ifPresent(k -> message.set("reply_markup", k));
            }
            SendResult result = interpret(api.call(bot.get().token(), "sendMessage", message));
            if (!(result instanceof SendResult.Sent)) {
                return result;
            }
            last = result;
        }
        return last; // a split message is known by the id of its last part (the one with the buttons)
    }

    static SendResult interpret(TelegramApi.Answer answer) {
        if (answer.ok()) {
            // sendMessage answers {"ok": true, "result": Message}; Message.message_id is unique within the chat.
            var id = answer.body().path("result").path("message_id");
            return SendResult.sent(id.isNumber() ? id.asText() : null);
        }
        if (answer.httpStatus() == 0) {
            return new SendResult.Retry(answer.problem());
        }
        int code = answer.errorCode();
        String reason = "telegram " + code + ": " + answer.description();
        if (code == 429) {
            return answer.retryAfter().<SendResult>map(wait -> new SendResult.RetryAfter(wait, reason))
                    .orElseGet(() -> new SendResult.Retry(reason));
        }
        if (code >= 500 || code == 401 || code == 409) {
            // 401: the bot token is wrong (configuration): keep the messages while someone fixes it.
            return new SendResult.Retry(reason);
        }
        // 400 (chat not found, bad request), 403 (bot blocked by the user): sending again will not help.
        return new SendResult.Failed(reason);
    }

    /** One button per row; a button whose action does not fit callback_data is left out rather than cut. */
    private java.util.Optional<ObjectNode> keyboard(List<Button> buttons, long outboxId) {
        ArrayNode rows = TelegramApi.JSON.createArrayNode();
        for (Button button : buttons) {
            if (button.action().isEmpty() || button.action().getBytes(StandardCharsets.UTF_8).length > MAX_CALLBACK_BYTES) {
                LOGGER.log(System.Logger.Level.WARNING, "outbox " + outboxId + ": a button action longer than "
                                                        + MAX_CALLBACK_BYTES + " bytes was left out");
                continue;
            }
            ObjectNode b = api.object().put("text", button.label().isBlank() ? button.action() : button.label())
                    .put("callback_data", button.action());
            rows.addArray().add(b);
        }
        if (rows.isEmpty()) {
            return java.util.Optional.empty();
        }
        ObjectNode markup = api.object();
        markup.set("inline_keyboard", rows);
        return java.util.Optional.of(markup);
    }
}
