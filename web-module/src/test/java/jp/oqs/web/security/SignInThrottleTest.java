package jp.oqs.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void fiveWrongPasswordsFromOneAddressRefuseThatAccountThereButNotFromAnotherAddress() {
        SignInThrottle throttle = new SignInThrottle(5, 20, Duration.ofMinutes(15));
        for (int i = 0; i < 4; i++) {
            throttle.failed("ssk-admin", "203.0.113.9", T0);
        }
        assertNull(throttle.refusal("ssk-admin", "203.0.113.9", T0));
        throttle.failed("ssk-admin", "203.0.113.9", T0);
        assertEquals(SignInThrottle.Refusal.ACCOUNT_THROTTLED_FOR_ADDRESS,
                throttle.refusal("ssk-admin", "203.0.113.9", T0));
        assertNull(throttle.refusal("ssk-admin", "198.51.100.7", T0), "the administrator still signs in elsewhere");
        assertNull(throttle.refusal("kokuho-admin", "203.0.113.9", T0), "another account from that address");
    }

    @Test
    void manyNamesFromOneAddressRefuseTheAddressUntilTheLockHasPassed() {
        SignInThrottle throttle = new SignInThrottle(5, 20, Duration.ofMinutes(15));
        for (int i = 0; i < 20; i++) {
            throttle.failed("guess-" + i, "203.0.113.9", T0.plusSeconds(i));
        }
        assertEquals(SignInThrottle.Refusal.ADDRESS_THROTTLED, throttle.refusal("never-tried", "203.0.113.9",
                T0.plusSeconds(30)));
        assertNull(throttle.refusal("never-tried", "198.51.100.7", T0.plusSeconds(30)));
        assertNull(throttle.refusal("never-tried", "203.0.113.9", T0.plusSeconds(19).plus(Duration.ofMinutes(15))),
                "forgotten once the lock has passed since the last failure");
    }

    @Test
    void aRightPasswordClearsThePairButNotTheAddressCount() {
        SignInThrottle throttle = new SignInThrottle(3, 4, Duration.ofMinutes(15));
        throttle.failed("a-user", "192.0.2.1", T0);
        throttle.failed("a-user", "192.0.2.1", T0);
        throttle.succeeded("a-user", "192.0.2.1");
        throttle.failed("a-user", "192.0.2.1", T0);
        assertNull(throttle.refusal("a-user", "192.0.2.1", T0));
        throttle.failed("b-user", "192.0.2.1", T0);
        assertEquals(SignInThrottle.Refusal.ADDRESS_THROTTLED, throttle.refusal("a-user", "192.0.2.1", T0));
    }
}
