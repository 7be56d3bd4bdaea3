package vn.warddesk.bot.channel;

/**
 * What a province-wide bot/OA says while it finds out the citizen's ward. Kept here, in one small class, until the
 * message bundles of the conversation engine exist; Vietnamese first, English when the client's language is not
 * Vietnamese.
 */
final class WardChoiceTexts {
    private WardChoiceTexts() {
    }

    static String which(String locale) {
        return english(locale)
                ? "Which ward or commune are you in? Type its name (for example \"Hoa An\") or your address."
                : "Bạn ở phường/xã nào? Hãy gõ tên phường/xã (ví dụ \"Hòa An\") hoặc địa chỉ của bạn.";
    }

    static String notFound(String locale) {
        return english(locale)
                ? "I could not find that ward or commune. Please type its name, for example \"Hoa An\"."
                : "Tôi chưa tìm thấy phường/xã này. Hãy gõ tên phường/xã, ví dụ \"Hòa An\".";
    }

    static String pick(String locale) {
        return english(locale) ? "Several wards or communes match. Which one is yours?"
                : "Có nhiều phường/xã trùng tên. Bạn ở phường/xã nào?";
    }

    private static boolean english(String locale) {
        return locale != null && locale.startsWith("en");
    }
}
