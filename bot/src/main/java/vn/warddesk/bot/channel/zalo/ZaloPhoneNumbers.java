package vn.warddesk.bot.channel.zalo;

import java.util.Optional;

/**
 * Turns the one-time token of the Mini App's getPhoneNumber() (Zalo's own permission prompt) into the number:
 * GET {graph-base-url}/me/info with headers access_token (the user's), code (the phone token) and secret_key (the App
 * Secret, which therefore never leaves the server) → {"data": {"number": "84…"}, "error": 0}
 * (https://mini.zalo.me/documents/api/getPhoneNumber/). Nothing is stored: the number goes back to the citizen's
 * screen, where they confirm it as their answer to the phone field.
 */
final class ZaloPhoneNumbers {
    private static final int MAX_TOKEN = 4096;

    private final ZaloSettings settings;
    private final ZaloHttp http;

    ZaloPhoneNumbers(ZaloSettings settings, ZaloHttp http) {
        this.settings = settings;
        this.http = http;
    }

    boolean available() {
        return !settings.appSecret().isBlank();
    }

    /** The number in national form (0…), or empty when Zalo refuses the tokens or cannot be reached. */
    Optional<String> number(String accessToken, String phoneToken) {
        if (!available() || !usable(accessToken) || !usable(phoneToken)) {
            return Optional.empty();
        }
        ZaloHttp.Request request = ZaloHttp.Request.get(settings.graphBase() + "/me/info")
                .header("access_token", accessToken)
                .header("code", phoneToken)
                .header("secret_key", settings.appSecret());
        ZaloHttp.Answer answer = http.send(request);
        if (answer.status() != 200 || answer.error() != 0) {
            return Optional.empty();
        }
        String number = answer.body().path("data").path("number").asText("").replaceAll("[^0-9]", "");
        if (number.startsWith("84") && number.length() >= 11) {
            number = "0" + number.substring(2);
        }
        return number.length() >= 9 ? Optional.of(number) : Optional.empty();
    }

    private static boolean usable(String token) {
        return token != null && !token.isBlank() && token.length() <= MAX_TOKEN;
    }
}
