package vn.warddesk.bot.staff;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import vn.warddesk.bot.http.ApiProblem;
import vn.warddesk.bot.http.HttpJson;
import vn.warddesk.bot.secret.SecretKeys;
import vn.warddesk.bot.ward.ChannelField;
import vn.warddesk.bot.ward.WardChannelSecrets;
import vn.warddesk.bot.ward.WardStore;

/**
 * GET/PUT /api/v1/staff/channels: a ward admin sets the ward's own Telegram bot and Zalo OA. Values go in, never
 * out: the answer says per field whether it is set and, for long values, their last 4 characters (enough to tell two
 * tokens apart); the audit log names the fields changed, never a value.
 */
final class WardChannelsApi {
    private static final int MAX_VALUE = 2000;
    private static final int SHOW_LAST4_FROM = 12;
    /** Ids and tokens that tell which bot/OA is set; secrets (webhook secret, keys, refresh token) show nothing. */
    private static final java.util.Set<ChannelField> SHOW_LAST4 = java.util.EnumSet.of(
            ChannelField.TELEGRAM_BOT_TOKEN, ChannelField.ZALO_OA_ID, ChannelField.ZALO_APP_ID, ChannelField.ZALO_ACCESS_TOKEN);
    // https://core.telegram.org/bots/api#setwebhook: secret_token is 1-256 of A-Z a-z 0-9 _ -
    private static final Pattern WEBHOOK_SECRET = Pattern.compile("[A-Za-z0-9_-]{1,256}");
    private static final Pattern BOT_TOKEN = Pattern.compile("\\d{1,20}:[A-Za-z0-9_-]{10,200}");

    private final WardChannelSecrets secrets;
    private final WardStore wards;
    private final Audit audit;
    private final Clock clock;

    WardChannelsApi(WardChannelSecrets secrets, WardStore wards, Audit audit, Clock clock) {
        this.secrets = secrets;
        this.wards = wards;
        this.audit = audit;
        this.clock = clock;
    }

    Object status(StaffService.Call call) {
        String ward = knownWard(call);
        Map<ChannelField, String> values = secrets.read(ward);
        List<Map<String, Object>> fields = new ArrayList<>();
        for (ChannelField field : ChannelField.values()) {
            Map<String, Object> row = new LinkedHashMap<>();
            String value = values.get(field);
            row.put("field", field.key());
            row.put("set", value != null);
            boolean showLast4 = value != null && SHOW_LAST4.contains(field) && value.length() >= SHOW_LAST4_FROM;
            row.put("last4", showLast4 ? value.substring(value.length() - 4) : null);
            fields.add(row);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("wardId", ward);
        body.put("canSave", secrets.canSave());
        body.put("telegramWebhookPath", "/webhooks/telegram/" + ward);
        body.put("zaloWebhookPath", "/webhooks/zalo/" + ward);
        body.put("fields", fields);
        return body;
    }

    /** Body: {"telegram.bot-token": "…", "zalo.oa-id": ""}; a blank value (or null) clears the field. */
    Object update(StaffService.Call call) {
        String ward = knownWard(call);
        JsonNode body = call.body();
        Map<ChannelField, String> changes = new EnumMap<>(ChannelField.class);
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            ChannelField field = ChannelField.byKey(entry.getKey()).orElseThrow(() -> ApiProblem.badRequest(
                    "Unknown field '" + cut(entry.getKey()) + "'; known: " + known() + "."));
            JsonNode value = entry.getValue();
            if (!value.isNull() && !value.isTextual()) {
                throw ApiProblem.badRequest("'" + field.key() + "' must be a string (empty to clear).");
            }
            String text = value.isNull() ? "" : value.asText().strip();
            check(field, text);
            changes.put(field, text);
        }
        if (changes.isEmpty()) {
            throw ApiProblem.badRequest("Nothing to change: send one or more of " + known() + ".");
        }
        try {
            secrets.update(ward, changes, clock.instant());
        } catch (SecretKeys.NoKeyException e) {
            throw new ApiProblem(409, "no_encryption_key", "Channel credentials cannot be saved on this server: no"
                                                           + " encryption key is configured (WARDDESK_SECRET_KEYS).");
        }
        List<String> set = changes.entrySet().stream().filter(e -> !e.getValue().isEmpty()).map(e -> e.getKey().key()).toList();
        List<String> cleared = changes.entrySet().stream().filter(e -> e.getValue().isEmpty()).map(e -> e.getKey().key()).toList();
        audit.record(call.account(), "ward_channels.update", "ward:" + ward,
                     "set: " + String.join(",", set) + "; cleared: " + String.join(",", cleared), call.ip());
        return status(call);
    }

    private String knownWard(StaffService.Call call) {
        String ward = call.ward();
        if (wards.find(ward).isEmpty()) {
            throw ApiProblem.notFound("Your ward is not in the ward registry; channels cannot be set for it.");
        }
        return ward;
    }

    private static void check(ChannelField field, String text) {
        if (text.length() > MAX_VALUE || !HttpJson.clean(text) || text.chars().anyMatch(Character::isWhitespace)) {
            throw ApiProblem.badRequest("'" + field.key() + "' must be at most " + MAX_VALUE
                                        + " characters without spaces or control characters.");
        }
        if (text.isEmpty()) {
            return;
        }
        if (field == ChannelField.TELEGRAM_BOT_TOKEN && !BOT_TOKEN.matcher(text).matches()) {
            throw ApiProblem.badRequest("'telegram.bot-token' is not a bot token as BotFather gives it (123456:ABC…).");
        }
        if (field == ChannelField.TELEGRAM_WEBHOOK_SECRET && !WEBHOOK_SECRET.matcher(text).matches()) {
            throw ApiProblem.badRequest("'telegram.webhook-secret' must be 1-256 of A-Z, a-z, 0-9, _ and - (Telegram's rule).");
        }
    }

    private static String known() {
        return String.join(", ", java.util.Arrays.stream(ChannelField.values()).map(ChannelField::key).toList());
    }

    private static String cut(String key) {
        return key.length() > 40 ? key.substring(0, 40) + "…" : key;
    }
}
