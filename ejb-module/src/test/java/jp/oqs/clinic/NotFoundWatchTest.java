package jp.oqs.clinic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotFoundWatchTest {

    /** The start of a 10-minute window (aligned to the epoch). */
    private static final Instant WINDOW = Instant.parse("2026-12-01T04:10:00Z");

    private final NotFoundWatch watch = new NotFoundWatch(Duration.ofMinutes(10), 50, 0.5);

    @Test
    void aClinicGuessingRaisesOneCrossingPerWindow() {
        List<NotFoundWatch.Crossing> crossings = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            NotFoundWatch.Crossing c = watch.answered("0110113719", true, WINDOW.plusSeconds(i));
            if (c != null) {
                crossings.add(c);
            }
        }
        assertEquals(1, crossings.size());
        NotFoundWatch.Crossing crossing = crossings.get(0);
        assertEquals("0110113719", crossing.clinic());
        assertEquals(50, crossing.answers(), "raised as soon as the minimum is reached");
        assertEquals(50, crossing.notFound());
        assertEquals(WINDOW, crossing.windowStart());
        assertEquals(WINDOW.plus(Duration.ofMinutes(10)), crossing.windowEnd());
        // the next window may raise again
        NotFoundWatch.Crossing next = null;
        for (int i = 0; i < 50; i++) {
            next = watch.answered("0110113719", true, WINDOW.plus(Duration.ofMinutes(10)).plusSeconds(i));
            if (i < 49) {
                assertNull(next);
            }
        }
        assertNotNull(next);
        assertEquals(WINDOW.plus(Duration.ofMinutes(10)), next.windowStart());
    }

    @Test
    void fewAnswersOrALowShareRaiseNothing() {
        for (int i = 0; i < 49; i++) {
            assertNull(watch.answered("few", true, WINDOW.plusSeconds(i)), "below the minimum");
        }
        // three in ten not found, for a long time: never half
        for (int i = 0; i < 1000; i++) {
            assertNull(watch.answered("normal", i % 10 < 3, WINDOW.plusMillis(i)));
        }
    }

    @Test
    void theThresholdIsCrossedWhenTheShareReachesTheRatio() {
        // 60 found, then not-found answers: crossing at 60 found + 60 not found (120 answers, 0.5)
        for (int i = 0; i < 60; i++) {
            assertNull(watch.answered("0110113719", false, WINDOW));
        }
        NotFoundWatch.Crossing crossing = null;
        int notFound = 0;
        while (crossing == null) {
            notFound++;
            crossing = watch.answered("0110113719", true, WINDOW);
        }
        assertEquals(60, notFound);
        assertEquals(120, crossing.answers());
    }

    @Test
    void windowsTumbleSoCountsStartAgain() {
        for (int i = 0; i < 40; i++) {
            assertNull(watch.answered("0110113719", true, WINDOW.plus(Duration.ofMinutes(9))));
        }
        // 40 in the old window and 40 in the new: neither reaches the minimum
        for (int i = 0; i < 40; i++) {
            assertNull(watch.answered("0110113719", true, WINDOW.plus(Duration.ofMinutes(10))));
        }
    }

    @Test
    void aCrossingWhoseAlertWasLostIsReportedAgain() {
        NotFoundWatch.Crossing crossing = null;
        for (int i = 0; crossing == null; i++) {
            crossing = watch.answered("0110113719", true, WINDOW.plusSeconds(i));
        }
        assertNull(watch.answered("0110113719", true, WINDOW.plusSeconds(100)));
        watch.forget(crossing);
        assertNotNull(watch.answered("0110113719", true, WINDOW.plusSeconds(101)));
    }

    @Test
    void clinicsOfEndedWindowsAreDropped() {
        for (int clinic = 0; clinic < 10_000; clinic++) {
            watch.answered("clinic-" + clinic, false, WINDOW);
        }
        assertEquals(10_000, watch.clinics());
        watch.answered("clinic-0", false, WINDOW.plus(Duration.ofMinutes(10)));
        assertEquals(1, watch.clinics());
    }

    @Test
    void unsafeSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new NotFoundWatch(Duration.ZERO, 50, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new NotFoundWatch(Duration.ofMinutes(1), 0, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new NotFoundWatch(Duration.ofMinutes(1), 50, 0));
        assertThrows(IllegalArgumentException.class, () -> new NotFoundWatch(Duration.ofMinutes(1), 50, 1.5));
    }
}
