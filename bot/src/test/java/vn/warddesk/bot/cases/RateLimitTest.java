package vn.warddesk.bot.cases;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import vn.warddesk.bot.testing.MutableClock;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateLimitTest {

    @Test
    void each_address_gets_its_allowance_per_minute_and_it_refills_over_time() {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));
        RateLimit limit = new RateLimit(5, clock);
        for (int i = 0; i < 5; i++) {
            assertTrue(limit.allow("10.0.0.1"), "request " + i);
        }
        assertFalse(limit.allow("10.0.0.1"), "the sixth within a minute is refused");
        assertTrue(limit.allow("10.0.0.2"), "another address is not affected");
        clock.advance(Duration.ofSeconds(12));
        assertTrue(limit.allow("10.0.0.1"), "one token back after a fifth of a minute");
        assertFalse(limit.allow("10.0.0.1"));
    }
}
