package vn.warddesk.bot.staff;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The demo run's accounts (staff.seed-demo-accounts). Their passwords are public (README, "Demo accounts"):
 * never enable seeding on a real deployment.
 */
final class DemoAccounts {
    static final String WARD = "demo-hoa-an";
    static final String OTHER_WARD = "demo-phu-my";
    /**
     * The public TOTP secret of the demo accounts that need a second factor (admin, supervisor, province admin): add it to any
     * authenticator app (README, "Demo accounts"). Public like the passwords: demo only.
     */
    static final String TOTP_SECRET = "WARDDESKDEMOSECRETFORTOTPZZAAAAA";

    record Demo(String wardId, String username, String displayName, Set<Role> roles, String password) {
    }

    static final List<Demo> ALL = List.of(
            new Demo(WARD, "demo.officer", "Cán bộ Demo (officer)", EnumSet.of(Role.OFFICER), "demo-officer-2026"),
            new Demo(WARD, "demo.supervisor", "Trưởng bộ phận Demo (supervisor)", EnumSet.of(Role.SUPERVISOR),
                     "demo-supervisor-2026"),
            new Demo(WARD, "demo.editor", "Biên tập Demo (editor)", EnumSet.of(Role.EDITOR), "demo-editor-2026"),
            new Demo(WARD, "demo.admin", "Quản trị Demo (admin)", EnumSet.of(Role.ADMIN), "demo-admin-2026"),
            // Belongs to the demo ward's province (demo-da-nang): the province's wards, their accounts and counts.
            new Demo(WARD, "demo.province", "Quản trị tỉnh Demo (province admin)", EnumSet.of(Role.PROVINCE_ADMIN),
                     "demo-province-2026"),
            new Demo(OTHER_WARD, "demo.phumy", "Cán bộ Phú Mỹ Demo (officer)", EnumSet.of(Role.OFFICER),
                     "demo-phumy-2026"));

    private DemoAccounts() {
    }
}
