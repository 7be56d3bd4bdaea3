package vn.warddesk.bot.channel;

import java.util.Optional;

import vn.warddesk.bot.ward.Ward;

/**
 * What the outbox needs to reach a chat user: the platform recipient (Telegram chat id, Zalo user id) and, when the
 * citizen wrote to a ward's own bot/OA, that ward ("recipient@ward"). The conversation keeps the address of the bot
 * the citizen last wrote to, so replies (the engine's and staff's) go out through the same bot; a plain recipient
 * means the bot/OA of the configuration. Platform ids are digits (and '-'), ward ids never contain '@'.
 */
public record ChannelAddress(String recipient, Optional<String> wardBot) {
    public static ChannelAddress global(String recipient) {
        return new ChannelAddress(recipient, Optional.empty());
    }

    public static ChannelAddress ofWard(String recipient, String wardId) {
        return new ChannelAddress(recipient, Optional.of(wardId));
    }

    public static ChannelAddress parse(String address) {
        int at = address.lastIndexOf('@');
        if (at > 0 && Ward.isId(address.substring(at + 1))) {
            return ofWard(address.substring(0, at), address.substring(at + 1));
        }
        return global(address);
    }

    public String encode() {
        return wardBot.map(ward -> recipient + "@" + ward).orElse(recipient);
    }
}
