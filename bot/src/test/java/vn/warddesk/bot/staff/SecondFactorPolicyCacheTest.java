package vn.warddesk.bot.staff;

import java.time.Clock;
import java.time.Instant;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.warddesk.bot.secret.SecretKeys;
import vn.warddesk.bot.testing.TestDatabase;
import vn.warddesk.bot.ward.Ward;
import vn.warddesk.bot.ward.WardStore;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ward's officer policy, asked on every staff request, is kept in memory and dropped when the ward changes. */
class SecondFactorPolicyCacheTest {
    private static final Instant NOW = Instant.parse("2026-12-07T04:00:00Z");
    private static HikariDataSource pool;

    @BeforeAll
    static void database() {
        pool = TestDatabase.fresh("second_factor_policy_cache");
    }

    @AfterAll
    static void close() {
        pool.close();
    }

    @Test
    void the_policy_is_kept_until_the_ward_changes_through_the_shared_registry() throws Exception {
        WardStore wards = new WardStore(pool);
        Ward ward = new Ward("policy-ward", "demo-da-nang", "Phường Chính Sách", "Policy Ward", true, false);
        wards.putWard(ward, NOW);
        SecondFactor secondFactor = new SecondFactor(pool, wards, new StaffSettings.TotpPolicy(false, "WardDesk"),
                                                     Clock.systemUTC(), new Audit(new StaffStore(pool), Clock.systemUTC(), "k"),
                                                     new TotpSecrets(SecretKeys.parse("")));
        assertFalse(secondFactor.officersRequired("policy-ward"));

        // Changed behind its back (another instance, or ./warddesk admin): the kept answer stands, no database read.
        try (var c = pool.getConnection();
             var update = c.prepareStatement("UPDATE ward SET officer_second_factor = 1 WHERE id = 'policy-ward'")) {
            update.executeUpdate();
        }
        assertFalse(secondFactor.officersRequired("policy-ward"));

        // Changed through the registry this instance shares (the ward admin's switch): seen by the next request.
        wards.putWard(new Ward(ward.id(), ward.provinceId(), ward.nameVi(), ward.nameEn(), true, true), NOW);
        assertTrue(secondFactor.officersRequired("policy-ward"));
        wards.putWard(ward, NOW);
        assertFalse(secondFactor.officersRequired("policy-ward"));
    }
}
