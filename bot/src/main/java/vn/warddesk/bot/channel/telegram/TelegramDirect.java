package vn.warddesk.bot.channel.telegram;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;

import vn.warddesk.bot.message.Button;
import vn.warddesk.bot.message.Reply;

/**
 * Calls that do not go through the outbox because losing one costs nothing lasting: answerCallbackQuery (stops the
 * button's spinner; https://core.telegram.org/bots/api#answercallbackquery — must be called after every press), the
 * once-per-user "only text" notice and a province-wide bot's "which ward?" (asked again at the next message). Sent on
 * a virtual thread after the webhook answered, with a short retry, through the bot of {@code token}.
 */
final class TelegramDirect {
    private final TelegramApi api;
    private final Retry retry;

    TelegramDirect(TelegramApi api) {
        this.api = api;
        this.retry = Retry.of("telegram-direct", RetryConfig.<TelegramApi.Answer>custom()
                .maxAttempts(3)
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(Duration.ofMillis(200), 2.0, 0.3))
                .retryOnResult(answer -> !answer.ok() && (answer.httpStatus() == 0 || answer.errorCode() >= 500))
                .build());
    }

    void answerCallbackQuery(String token, String callbackQueryId) {
        call(token, "answerCallbackQuery", api.object().put("callback_query_id", callbackQueryId));
    }

    void sendText(String token, String chatId, String text) {
        call(token, "sendMessage", api.object().put("chat_id", chatId).put("text", text));
    }

    /** Text with one inline button per row (actions over Telegram's 64-byte callback_data are left out). */
    void sendReply(String token, String chatId, Reply reply) {
        ObjectNode message = api.object().put("chat_id", chatId).put("text", reply.text());
        ArrayNode rows = TelegramApi.JSON.createArrayNode();
        for (Button button : reply.buttons()) {
            if (button.action().getBytes(StandardCharsets.UTF_8).length <= TelegramSender.MAX_CALLBACK_BYTES) {
                rows.addArray().add(api.object().put("text", button.label()).put("callback_data", button.action()));
            }
        }
        if (!rows.isEmpty()) {
            message.putObject("reply_markup").set("inline_keyboard", rows);
        }
        call(token, "sendMessage", message);
    }

    private void call(String token, String method, ObjectNode parameters) {
        Thread.ofVirtual().name("telegram-" + method).start(() -> retry.executeSupplier(() -> api.call(token, method, parameters)));
    }
}
