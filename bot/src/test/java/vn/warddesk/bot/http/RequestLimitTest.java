package vn.warddesk.bot.http;

import java.time.Duration;

import io.helidon.http.Status;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestLimitTest {
    private static EdgeSettings.Limits limits(int maxKeys) {
        EdgeSettings.Rate any = new EdgeSettings.Rate(1, Duration.ofMinutes(1));
        return new EdgeSettings.Limits(true, maxKeys, any, any, any, any, any, any, any);
    }

    @Test
    void each_key_gets_its_own_allowance_and_a_refusal_says_when_to_come_back() {
        RequestLimit limit = RequestLimit.perKey("look-ups", new EdgeSettings.Rate(5, Duration.ofMinutes(1)), limits(100));
        for (int i = 0; i < 5; i++) {
            limit.take("10.0.0.1");
        }
        ApiProblem refused = assertThrows(ApiProblem.class, () -> limit.take("10.0.0.1"));
        assertEquals(Status.TOO_MANY_REQUESTS_429, refused.status());
        assertTrue(refused.retryAfterSeconds() >= 1 && refused.retryAfterSeconds() <= 12,
                   "one token comes back after a fifth of the minute: " + refused.retryAfterSeconds());
        assertDoesNotThrow(() -> limit.take("10.0.0.2"), "another address is not affected");
    }

    @Test
    void new_addresses_do_not_reset_anyone_else_and_memory_stays_bounded() {
        RequestLimit limit = RequestLimit.perKey("look-ups", new EdgeSettings.Rate(30, Duration.ofHours(1)), limits(1_000));
        for (int i = 0; i < 30; i++) {
            limit.take("203.0.113.7");
        }
        for (int i = 0; i < 900; i++) {
            limit.take("10.0." + (i >> 8 & 255) + "." + (i & 255));
        }
        assertThrows(ApiProblem.class, () -> limit.take("203.0.113.7"),
                     "the old map forgot everyone at once when it grew; here other addresses change nothing for this one");
        for (int i = 0; i < 20_000; i++) {
            limit.take("10.1." + (i >> 8 & 255) + "." + (i & 255));
        }
        assertTrue(limit.trackedKeys() <= 1_000, "bounded: " + limit.trackedKeys());
    }

    @Test
    void a_global_cap_holds_whatever_the_number_of_addresses() {
        RequestLimit cap = RequestLimit.global("new conversations", new EdgeSettings.Rate(3, Duration.ofSeconds(10)), limits(10));
        cap.take();
        cap.take();
        cap.take();
        assertThrows(ApiProblem.class, cap::take);
    }
}
