package vn.warddesk.bot.channel.telegram;

import java.time.Duration;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;

/**
 * Calls that do not go through the outbox because losing one costs nothing lasting: answerCallbackQuery (stops the
 * button's spinner; https://core.telegram.org/bots/api#answercallbackquery — must be called after every press) and
 * the once-per-user "only text" notice. Sent on a virtual thread after the webhook answered, with a short retry.
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

    void answerCallbackQuery(String callbackQueryId) {
        call("answerCallbackQuery", api.object().put("callback_query_id", callbackQueryId));
    }

    void sendText(String chatId, String text) {
        call("sendMessage", api.object().put("chat_id", chatId).put("text", text));
    }

    private void call(String method, ObjectNode parameters) {
        Thread.ofVirtual().name("telegram-" + method).start(() -> retry.executeSupplier(() -> api.call(method, parameters)));
    }
}
