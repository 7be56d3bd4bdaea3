package vn.warddesk.bot.channel.telegram;

import java.time.Instant;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import vn.warddesk.bot.conversation.ConversationRef;
import vn.warddesk.bot.conversation.InboundEvent;
import vn.warddesk.bot.conversation.Input;
import vn.warddesk.bot.privacy.KeyedHash;

/**
 * Turns an Update (https://core.telegram.org/bots/api#update) into what WardDesk does with it. Only private chats
 * are served; an update carries at most one of message, edited_message, callback_query, my_chat_member, ….
 */
final class TelegramUpdates {
    private final KeyedHash hash;

    TelegramUpdates(KeyedHash hash) {
        this.hash = hash;
    }

    /**
     * Which ward the update's conversation belongs to, and the ward whose own bot received it (put in the address so
     * that replies go out through that bot; empty for the configuration's bot).
     */
    record Destination(String wardId, java.util.Optional<String> ownBot) {
        String address(String chatId) {
            return ownBot.map(ward -> vn.warddesk.bot.channel.ChannelAddress.ofWard(chatId, ward))
                    .orElseGet(() -> vn.warddesk.bot.channel.ChannelAddress.global(chatId)).encode();
        }
    }

    sealed interface Parsed {
        /** For the engine; {@code callbackQueryId} must be answered (answerCallbackQuery) once it is handled. */
        record ToEngine(InboundEvent event, Optional<String> callbackQueryId) implements Parsed {
        }

        /** A private chat sent something that is not text (sticker, photo, voice…). */
        record NonText(String chatId, String userHash, String locale) implements Parsed {
        }

        /** A button press outside a private chat: stop the spinner, nothing else. */
        record CallbackOnly(String callbackQueryId) implements Parsed {
        }

        record Ignored(String kind) implements Parsed {
        }

        /** An update that breaks Telegram's own rules (ids, lengths): it can never be handled; kept as a dead letter. */
        record Poison(String eventId, String reason) implements Parsed {
        }
    }

    /** Telegram ids are integers (at most 52 significant bits); a callback query id and data are short strings. */
    private static final java.util.regex.Pattern NUMERIC_ID = java.util.regex.Pattern.compile("-?\\d{1,20}");
    private static final int MAX_TEXT = 4096;
    private static final int MAX_CALLBACK = 256;

    private static Optional<String> badId(JsonNode id) {
        if (id == null || id.isNull() || id.isMissingNode()) {
            return Optional.empty();
        }
        return (id.isIntegralNumber() || id.isTextual()) && NUMERIC_ID.matcher(id.asText()).matches()
                ? Optional.empty() : Optional.of("id is not a Telegram integer id");
    }

    private static Optional<String> badText(JsonNode text, int max, String what) {
        if (!text.isTextual()) {
            return Optional.empty();
        }
        String value = text.asText();
        if (value.length() > max) {
            return Optional.of(what + " longer than " + max + " characters");
        }
        return vn.warddesk.bot.http.HttpJson.clean(value) ? Optional.empty()
                : Optional.of(what + " with control or broken characters");
    }

    /** Why the update can never be handled, if it cannot. */
    private static Optional<String> poison(JsonNode update) {
        JsonNode message = update.path("message");
        JsonNode query = update.path("callback_query");
        return badId(message.path("chat").get("id"))
                .or(() -> badId(message.path("from").get("id")))
                .or(() -> badText(message.path("text"), MAX_TEXT, "message text"))
                .or(() -> badId(query.path("from").get("id")))
                .or(() -> badId(query.path("message").path("chat").get("id")))
                .or(() -> badText(query.path("id"), MAX_CALLBACK, "callback query id"))
                .or(() -> badText(query.path("data"), MAX_CALLBACK, "callback data"));
    }

    /** Empty when the JSON is not an update at all (no numeric update_id). */
    Optional<Parsed> parse(JsonNode update, Instant at, Destination to) {
        if (!update.isObject() || !update.path("update_id").canConvertToLong()) {
            return Optional.empty();
        }
        String eventId = "tg:" + update.path("update_id").asLong();
        Optional<String> poison = poison(update);
        if (poison.isPresent()) {
            return Optional.of(new Parsed.Poison(eventId, poison.get()));
        }
        if (update.hasNonNull("message")) {
            JsonNode message = update.get("message");
            JsonNode chat = message.path("chat");
            if (!"private".equals(chat.path("type").asText()) || !chat.hasNonNull("id")) {
                return Optional.of(new Parsed.Ignored("message outside a private chat"));
            }
            String chatId = chat.get("id").asText();
            JsonNode from = message.path("from");
            String userId = from.hasNonNull("id") ? from.get("id").asText() : chatId;
            String locale = locale(from.path("language_code").asText(""));
            String userHash = hash.hash(userId);
            if (!message.path("text").isTextual()) {
                return Optional.of(new Parsed.NonText(chatId, userHash, locale));
            }
            String text = message.get("text").asText();
            // /start (optionally with a deep-link parameter, https://core.telegram.org/bots/features#deep-linking)
            Input input = text.equals("/start") || text.startsWith("/start ") || text.startsWith("/start@")
                    ? new Input.Started() : new Input.Text(text);
            return Optional.of(new Parsed.ToEngine(event(to, userHash, chatId, eventId, input, locale, at), Optional.empty()));
        }
        if (update.hasNonNull("callback_query")) {
            // https://core.telegram.org/bots/api#callbackquery: message may be missing (inline mode); data may be too.
            JsonNode query = update.get("callback_query");
            String queryId = query.path("id").asText("");
            JsonNode from = query.path("from");
            JsonNode chat = query.path("message").path("chat");
            boolean privateChat = chat.isMissingNode() || "private".equals(chat.path("type").asText());
            if (!privateChat || !from.hasNonNull("id") || !query.path("data").isTextual()) {
                return Optional.of(queryId.isEmpty() ? new Parsed.Ignored("callback without data")
                                           : new Parsed.CallbackOnly(queryId));
            }
            String userId = from.get("id").asText();
            // In a private chat the chat id equals the user id.
            String chatId = chat.hasNonNull("id") ? chat.get("id").asText() : userId;
            String locale = locale(from.path("language_code").asText(""));
            Input input = new Input.Action(query.get("data").asText());
            return Optional.of(new Parsed.ToEngine(event(to, hash.hash(userId), chatId, eventId, input, locale, at),
                                                   queryId.isEmpty() ? Optional.empty() : Optional.of(queryId)));
        }
        return Optional.of(new Parsed.Ignored(update.fieldNames().hasNext() ? "other update" : "empty update"));
    }

    private static InboundEvent event(Destination to, String userHash, String chatId, String eventId, Input input,
                                      String locale, Instant at) {
        return new InboundEvent(new ConversationRef.ByChannelUser("telegram", userHash, to.address(chatId), to.wardId()),
                                "telegram",
                                eventId, input, locale, at);
    }

    /** IETF tag from the client (https://core.telegram.org/bots/api#user language_code): Vietnamese first. */
    static String locale(String languageCode) {
        if (languageCode.isBlank() || languageCode.toLowerCase().startsWith("vi")) {
            return "vi";
        }
        return "en";
    }
}
