package vn.warddesk.bot;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import io.helidon.config.ConfigException;

import vn.warddesk.bot.staff.Staff;
import vn.warddesk.bot.store.Database;
import vn.warddesk.bot.store.DbSettings;
import vn.warddesk.bot.store.StoreException;

/**
 * Administration commands: {@code ./warddesk admin <command> [--option value ...]}.
 * Each command is one case of the switch in {@link #run}; add new ones there and to {@link #usage()}.
 */
public final class Admin {
    private Admin() {
    }

    public static void main(String[] args) {
        try {
            System.exit(run(args));
        } catch (IllegalArgumentException e) {
            System.err.println("warddesk admin: " + e.getMessage());
            System.exit(64);
        } catch (ConfigException | StartupFailure | StoreException e) {
            System.err.println("warddesk admin: " + e.getMessage().lines().findFirst().orElse(""));
            System.exit(2);
        }
    }

    static int run(String[] args) {
        if (args.length == 0) {
            System.out.println(usage());
            return 64;
        }
        Map<String, String> options = options(args);
        switch (args[0]) {
            case "create-admin" -> {
                return createAdmin(options);
            }
            // More commands (e.g. telegram-webhook) go here.
            case "help", "--help", "-h" -> {
                System.out.println(usage());
                return 0;
            }
            default -> throw new IllegalArgumentException("unknown command '" + args[0] + "'\n" + usage());
        }
    }

    private static int createAdmin(Map<String, String> options) {
        String ward = require(options, "ward");
        String username = require(options, "username");
        ConfigLoader.Loaded loaded = ConfigLoader.load(System.getenv());
        try (Database database = Database.open(DbSettings.from(loaded.config().get("db")))) {
            Staff.FirstAdmin admin = Staff.forCommandLine(loaded.config(), database.dataSource(), Clock.systemUTC())
                    .createAdmin(ward, username);
            System.out.println("Created admin '" + admin.username() + "' for ward " + admin.wardId() + ".");
            System.out.println("One-time password (shown only now; it must be changed at the first sign-in):");
            System.out.println("  " + admin.oneTimePassword());
            return 0;
        }
    }

    private static String require(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing --" + name + "\n" + usage());
        }
        return value;
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + args[i] + "'");
            }
            String name = args[i].substring(2);
            int eq = name.indexOf('=');
            if (eq >= 0) {
                options.put(name.substring(0, eq), name.substring(eq + 1));
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                options.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
        }
        return options;
    }

    static String usage() {
        return String.join(System.lineSeparator(),
                "usage: ./warddesk admin <command> [options]",
                "commands:",
                "  create-admin --ward WARD_ID --username NAME   create a ward's first admin; prints a one-time password");
    }
}
