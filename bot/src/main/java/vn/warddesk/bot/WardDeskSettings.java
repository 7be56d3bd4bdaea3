package vn.warddesk.bot;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import io.helidon.config.Config;
import io.helidon.config.ConfigException;

import vn.warddesk.bot.catalog.CatalogSettings;
import vn.warddesk.bot.channel.ChannelSettings;
import vn.warddesk.bot.conversation.ConversationEngine;
import vn.warddesk.bot.http.EdgeSettings;
import vn.warddesk.bot.retention.RetentionJob;
import vn.warddesk.bot.secret.SecretKeys;
import vn.warddesk.bot.staff.StaffSettings;
import vn.warddesk.bot.store.DbSettings;
import vn.warddesk.bot.ward.KioskPairingSettings;

/**
 * Every setting of WardDesk as one typed tree, read once from the configuration (config/application.yaml with its
 * WARDDESK_* overrides, see {@link ConfigLoader}) by Main and by each {@code ./warddesk admin} command. All defaults
 * and all validation live in {@link #read} and in the per-feature records' {@code from} methods it calls, so a wrong
 * value stops start-up naming its key; below this, features receive their own record and never see the Config.
 * The keys are documented one by one in config/application.yaml; docs/configuration.md describes the tree.
 *
 * @param serverPort     {@code server.port} (the rest of {@code server} goes to Helidon's WebServer as it is)
 * @param database       the {@code db} section; absent only where features run over a test's own pool
 * @param privacyHashKey {@code privacy.hash-key}: the HMAC key for user ids and audit addresses
 * @param secretKeys     {@code secret.keys}: the keys that seal the wards' channel credentials and TOTP secrets
 */
public record WardDeskSettings(int serverPort, Optional<DbSettings> database, EdgeSettings edge, String privacyHashKey,
                               SecretKeys secretKeys, CatalogSettings catalog, Conversation conversation,
                               RetentionJob.Periods retention, StaffSettings staff, ChannelSettings channels,
                               KioskPairingSettings kiosk) {
    /** The public demo value of {@code privacy.hash-key}: Main warns when a real deployment keeps it. */
    static final String DEMO_HASH_KEY = "demo-only-change-me-in-production";

    /**
     * The {@code conversation} section.
     *
     * @param engine              session idle timeout, field attempts and the public base URL (no trailing slash)
     * @param confidenceThreshold below it the NLU answers "not sure" ({@code conversation.confidence-threshold})
     */
    public record Conversation(ConversationEngine.Settings engine, double confidenceThreshold) {
    }

    /** Reads the whole tree; a missing key takes its default, a malformed one throws a ConfigException naming it. */
    public static WardDeskSettings read(Config root) {
        EdgeSettings edge = EdgeSettings.from(root);
        String hashKey = root.get("privacy.hash-key").asString().orElse(DEMO_HASH_KEY);
        SecretKeys keys;
        try {
            keys = SecretKeys.parse(root.get("secret.keys").asString().orElse(""));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
        KioskPairingSettings kiosk = KioskPairingSettings.from(root);
        Optional<DbSettings> db = root.get("db").exists() ? Optional.of(DbSettings.from(root.get("db"))) : Optional.empty();
        return new WardDeskSettings(root.get("server.port").asInt().orElse(8080), db, edge,
                                    hashKey, keys, CatalogSettings.from(root.get("catalog")),
                                    conversation(root.get("conversation")), retention(root.get("retention")),
                                    StaffSettings.from(root.get("staff"), edge, hashKey, kiosk.pairingCodeTtl(), keys),
                                    ChannelSettings.from(root, edge.defaultWard(), hashKey, keys), kiosk);
    }

    /** The ward of the old single-ward channels and of staff editors ({@code ward.default-id}; read in EdgeSettings). */
    String defaultWard() {
        return edge.defaultWard();
    }

    /** The {@code db} section, for those that open the database. */
    DbSettings db() {
        return database.orElseThrow(() -> new ConfigException("the configuration has no db section (db.url,"
                                                              + " db.embedded.*, db.pool.*; see config/application.yaml)"));
    }

    /** Whether the database is an external server (a real deployment) rather than the embedded demo one. */
    boolean externalDatabase() {
        return database.flatMap(DbSettings::url).isPresent();
    }

    private static Conversation conversation(Config section) {
        String baseUrl = section.get("public-base-url").asString().orElse("http://localhost:8080").replaceAll("/+$", "");
        return new Conversation(new ConversationEngine.Settings(duration(section, "session-idle-timeout", "PT30M"),
                                                                section.get("max-field-attempts").asInt().orElse(3),
                                                                baseUrl),
                                section.get("confidence-threshold").asDouble()
                                        .orElse(vn.warddesk.nlu.NluSettings.defaults().confidenceThreshold()));
    }

    private static RetentionJob.Periods retention(Config r) {
        return new RetentionJob.Periods(duration(r, "interval", "PT1H"), duration(r, "unsubmitted-intake", "PT24H"),
                                        duration(r, "message-texts", "P90D"),
                                        duration(r, "closed-case-personal-fields", "P180D"),
                                        duration(r, "consent-events", "P1825D"));
    }

    private static Duration duration(Config section, String key, String fallback) {
        String value = section.get(key).asString().orElse(fallback);
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new ConfigException(section.key() + "." + key + " must be an ISO-8601 duration like PT30M or P90D,"
                                      + " got '" + value + "'");
        }
    }
}
