package vn.warddesk.bot.staff;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** What a member of staff may do. A supervisor can also do everything an officer can. */
public enum Role {
    OFFICER, SUPERVISOR, EDITOR, ADMIN;

    String key() {
        return name().toLowerCase(Locale.ROOT);
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
