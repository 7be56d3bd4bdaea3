package vn.warddesk.bot;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.helidon.config.Config;
import io.helidon.config.ConfigException;

import vn.warddesk.bot.channel.telegram.TelegramAdmin;
import vn.warddesk.bot.channel.zalo.ZaloTokens;
import vn.warddesk.bot.staff.Staff;
import vn.warddesk.bot.store.Database;
import vn.warddesk.bot.store.StoreException;

/**
 * {@code ./warddesk admin <command> [--option value]…}: one-off operator commands over the same configuration as
 * the service (config/application.yaml + WARDDESK_* overrides). Add a command as one more case in {@link #run}.
 */
public final class Admin {
    private Admin() {
    }

    public static void main(String[] args) {
        int status;
        try {
            status = run(List.of(args), ConfigLoader.load(System.getenv()).config(), System.out);
        } catch (IllegalArgumentException | IllegalStateException | ConfigException | StoreException | StartupFailure e) {
            System.err.println("warddesk admin: " + e.getMessage());
            status = 2;
        }
        System.exit(status);
    }

    static int run(List<String> args, Config config, PrintStream out) {
        String command = args.isEmpty() ? "help" : args.get(0);
        WardDeskSettings settings = WardDeskSettings.read(config);
        if (command.equals("ward")) {
            // Sub-commands (ward add --id …) come before the options.
            return WardCommand.run(args.subList(1, args.size()), settings, out);
        }
        Map<String, String> options = options(args.subList(Math.min(1, args.size()), args.size()));
        switch (command) {
            case "telegram-set-webhook" -> out.println(TelegramAdmin.of(settings.channels().telegram()).setWebhook(required(options, "url")));
            case "telegram-webhook-info" -> out.println(TelegramAdmin.of(settings.channels().telegram()).webhookInfo());
            case "zalo-set-token" -> {
                String refresh = secret(required(options, "refresh-token"));
                Optional<String> access = Optional.ofNullable(options.get("access-token")).map(Admin::secret);
                Duration expiresIn = Duration.ofSeconds(Long.parseLong(options.getOrDefault("expires-in", "90000")));
                // Uses the service's database: with the embedded MariaDB, stop the service first (one server per data dir).
                try (Database database = Database.open(settings.db())) {
                    ZaloTokens.create(settings.channels().zalo(), database.dataSource(), Clock.systemUTC())
                            .bootstrap(refresh, access, expiresIn);
                }
                out.println("Zalo OA token stored" + (access.isPresent() ? "" : "; the first send refreshes it")
                            + ". The refresh token is single-use: do not use it anywhere else.");
            }
            case "secrets", "secrets-rotate" -> {
                if (command.equals("secrets") && !(args.size() > 1 && args.get(1).equals("rotate"))) {
                    throw new IllegalArgumentException("usage: ./warddesk admin secrets rotate");
                }
                // Re-encrypts every per-ward channel credential with the newest key of WARDDESK_SECRET_KEYS; after it,
                // older keys can be removed from the list. One transaction; with the embedded MariaDB, stop the service
                // first (as for every command here that opens the database).
                try (Database database = Database.open(settings.db())) {
                    vn.warddesk.bot.secret.SecretKeys keys = settings.secretKeys();
                    int resealed = new vn.warddesk.bot.ward.WardChannelSecrets(database.dataSource(), keys).rotate()
                                   + Staff.resealSecondFactorSecrets(keys, database.dataSource());
                    out.println(resealed + " secret value(s) re-encrypted with key '" + keys.newestKeyId().orElse("?")
                                + "'. Keys no value uses any more can now be removed from WARDDESK_SECRET_KEYS.");
                }
            }
            case "content-check" -> {
                // Reads the seed files only (no database): safe while the service runs. 0 ok, 1 needs action, 2 unreadable.
                return vn.warddesk.bot.catalog.ContentCheck.run(settings.catalog(), Clock.systemUTC(),
                                                                 args.subList(1, args.size()), out);
            }
            case "create-admin" -> {
                String role = options.getOrDefault("role", "admin");
                if (!role.equals("admin") && !role.equals("province-admin")) {
                    throw new IllegalArgumentException("--role must be admin or province-admin");
                }
                String ward = required(options, "ward");
                String username = required(options, "username");
                try (Database database = Database.open(settings.db())) {
                    Staff.FirstAdmin admin = Staff.forCommandLine(settings.staff(), database.dataSource(), Clock.systemUTC())
                            .createAdmin(ward, username, role.equals("province-admin"));
                    out.println("Created " + role + " '" + admin.username()
                                + "' for ward " + admin.wardId() + ".");
                    out.println("One-time password (shown only now; it must be changed at the first sign-in):");
                    out.println("  " + admin.oneTimePassword());
                }
            }
            case "help", "--help", "-h" -> {
                out.println(String.join(System.lineSeparator(),
                        "Usage: ./warddesk admin <command> [options]",
                        WardCommand.USAGE,
                        "  create-admin --ward WARD_ID --username NAME [--role province-admin]",
                        "                         create a ward's first admin (or the admin of the ward's province);",
                        "                         prints a one-time password",
                        "  telegram-set-webhook --url https://<public host>/webhooks/telegram",
                        "                         register the webhook with telegram.webhook-secret and allowed updates",
                        "  telegram-webhook-info  show Telegram's view of the webhook (pending updates, last error)",
                        "  secrets rotate         re-encrypt every per-ward channel credential and second-factor secret with the newest key",
                        "                         of WARDDESK_SECRET_KEYS (then older keys can be removed)",
                        "  zalo-set-token --refresh-token <token|-> [--access-token <token|->] [--expires-in <seconds>]",
                        "                         store the OA's first token pair (\"-\" reads the value from stdin)"));
                return 0;
            }
            default -> {
                System.err.println("warddesk admin: unknown command '" + command + "' (try ./warddesk admin help)");
                return 2;
            }
        }
        return 0;
    }

    static Map<String, String> options(List<String> args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "' (options are --name value)");
            }
            String name = arg.substring(2);
            int eq = name.indexOf('=');
            if (eq >= 0) {
                options.put(name.substring(0, eq), name.substring(eq + 1));
            } else if (i + 1 < args.size()) {
                options.put(name, args.get(++i));
            } else {
                throw new IllegalArgumentException("option --" + name + " needs a value");
            }
        }
        return options;
    }

    static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing --" + name);
        }
        return value;
    }

    /** "-" reads the value from stdin, so tokens stay out of the shell history. */
    private static String secret(String value) {
        if (!value.equals("-")) {
            return value;
        }
        try {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isBlank()) {
                throw new IllegalArgumentException("no value on stdin");
            }
            return line.strip();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read stdin: " + e.getMessage(), e);
        }
    }
}
