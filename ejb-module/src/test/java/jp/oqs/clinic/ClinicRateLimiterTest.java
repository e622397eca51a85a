package jp.oqs.clinic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ClinicRateLimiterTest {

    private static final long T0 = 1_000_000_000_000L;
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void aMinutesWorthIsAllowedAtOnceThenTheRefillRate() {
        ClinicRateLimiter limiter = new ClinicRateLimiter(60, T0);
        for (int i = 0; i < 60; i++) {
            assertNull(limiter.take("0110113719", T0), "request " + i);
        }
        ClinicRateLimiter.Refusal refused = limiter.take("0110113719", T0);
        assertNotNull(refused);
        assertEquals(1, refused.retryAfterSeconds(), "60 a minute: one token a second");
        // one token back after a second, not two
        assertNull(limiter.take("0110113719", T0 + SECOND));
        assertNotNull(limiter.take("0110113719", T0 + SECOND));
    }

    @Test
    void retryAfterSaysWhenTheNextTokenIsThere() {
        ClinicRateLimiter limiter = new ClinicRateLimiter(6, T0); // one token every 10 s
        for (int i = 0; i < 6; i++) {
            assertNull(limiter.take("0110113719", T0));
        }
        assertEquals(10, limiter.take("0110113719", T0).retryAfterSeconds());
        assertEquals(7, limiter.take("0110113719", T0 + 3 * SECOND).retryAfterSeconds());
        assertEquals(1, limiter.take("0110113719", T0 + 9 * SECOND + 1).retryAfterSeconds());
        assertNull(limiter.take("0110113719", T0 + 10 * SECOND));
    }

    @Test
    void oneClinicOverItsLimitDoesNotAffectAnother() {
        ClinicRateLimiter limiter = new ClinicRateLimiter(5, T0);
        for (int i = 0; i < 5; i++) {
            assertNull(limiter.take("0110113719", T0));
        }
        assertNotNull(limiter.take("0110113719", T0));
        for (int i = 0; i < 5; i++) {
            assertNull(limiter.take("1310000012", T0), "another clinic, request " + i);
        }
    }

    @Test
    void onlyTheFirstRefusalOfAMinuteIsToBeRecorded() {
        ClinicRateLimiter limiter = new ClinicRateLimiter(1, T0);
        assertNull(limiter.take("0110113719", T0));
        assertTrue(limiter.take("0110113719", T0).record());
        for (int i = 1; i < 59; i++) {
            assertFalse(limiter.take("0110113719", T0 + i * SECOND / 2).record(), "refusal " + i);
        }
        // a minute after the recorded refusal the bucket has a token again; the next refusal is recorded
        assertNull(limiter.take("0110113719", T0 + 60 * SECOND));
        assertTrue(limiter.take("0110113719", T0 + 60 * SECOND).record());
    }

    @Test
    void idleClinicsAreDroppedSoMemoryFollowsTheActiveOnes() {
        ClinicRateLimiter limiter = new ClinicRateLimiter(100, T0);
        for (int clinic = 0; clinic < 10_000; clinic++) {
            assertNull(limiter.take("clinic-" + clinic, T0));
        }
        assertEquals(10_000, limiter.clinics());
        // a minute later every bucket has refilled: the sweep drops them all but the one asking now
        assertNull(limiter.take("clinic-0", T0 + 61 * SECOND));
        assertEquals(1, limiter.clinics());
    }

    @Test
    void aBucketStillEmptyIsNotDropped() {
        ClinicRateLimiter limiter = new ClinicRateLimiter(1, T0);
        assertNull(limiter.take("busy", T0 + 59 * SECOND));
        assertNotNull(limiter.take("busy", T0 + 59 * SECOND));
        assertNull(limiter.take("other", T0 + 61 * SECOND)); // sweeps: "busy" has not refilled yet
        assertEquals(2, limiter.clinics());
        assertNotNull(limiter.take("busy", T0 + 61 * SECOND), "its state survived the sweep");
    }

    /** The bucket's arithmetic holds at the highest limit: idle for any time, a clinic has its full minute back. */
    @Test
    void atTheHighestLimitAnIdleClinicIsNeverRefused() {
        int limit = ClinicRateLimiter.MAX_PER_MINUTE;
        ClinicRateLimiter limiter = new ClinicRateLimiter(limit, T0);
        long t = T0;
        for (long idle : new long[] {0, 1, 31, 32, 33, 59, 60, 61, 3_600}) {
            t += idle * SECOND;
            assertNull(limiter.take("0110113719", t), () -> "after " + idle + " s idle");
        }
        // and the level is exact: a full minute's worth, then the refill rate
        long full = t + 3_600 * SECOND;
        ClinicRateLimiter counting = new ClinicRateLimiter(3, T0);
        for (int i = 0; i < 3; i++) {
            assertNull(counting.take("c", full));
        }
        assertNotNull(counting.take("c", full), "a minute's worth taken");
        assertNull(counting.take("c", full + 20 * SECOND), "one token refilled after 20 s");
    }

    @Test
    void aLimitBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ClinicRateLimiter(0, T0));
    }
}
