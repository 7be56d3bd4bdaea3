package vn.warddesk.bot.staff;

import java.util.Set;

/** A member of staff as the console sees them; the password hash never leaves {@link StaffStore}. */
public record Account(long id, String wardId, String username, String displayName, Set<Role> roles,
                      boolean mustChangePassword, boolean disabled, boolean demo) {

    public Account {
        roles = Set.copyOf(roles);
    }

    /** Whether this account holds the role; supervisors hold the officer's rights too. */
    public boolean can(Role role) {
        return roles.contains(role) || (role == Role.OFFICER && roles.contains(Role.SUPERVISOR));
    }
}
