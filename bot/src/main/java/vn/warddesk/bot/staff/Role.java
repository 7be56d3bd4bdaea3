package vn.warddesk.bot.staff;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a member of staff may do. A supervisor can also do everything an officer can. A province admin works across
 * the wards of its province (the province of its account's ward): creates wards and their accounts and reads counts;
 * it holds no ward role through that, so ward isolation stays absolute for case work.
 */
public enum Role {
    OFFICER, SUPERVISOR, EDITOR, ADMIN, PROVINCE_ADMIN;

    String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Optional<Role> parse(String text) {
        for (Role role : values()) {
            if (role.key().equals(text == null ? "" : text.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    static Set<Role> parseAll(String csv) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String part : csv.split(",")) {
            parse(part).ifPresent(roles::add);
        }
        return roles;
    }

    static String csv(Set<Role> roles) {
        return roles.stream().sorted().map(Role::key).collect(Collectors.joining(","));
    }
}
