package jp.oqs.web.eligibility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import jp.oqs.api.error.ErrorCodes;
import jp.oqs.platform.BusinessException;
import jp.oqs.platform.RetryLater;
import jp.oqs.web.rest.BusinessFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CheckAdmissionTest {

    @Test
    void decidesAtMostTheConfiguredNumberAtOnceAndRefusesTheCheckThatWaitedTooLong() throws Exception {
        CheckAdmission admission = new CheckAdmission(3, 200, 128);
        CountDownLatch inside = new CountDownLatch(3);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger atOnce = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            List<Future<String>> held = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                held.add(threads.submit(() -> admission.decide(() -> {
                    most.accumulateAndGet(atOnce.incrementAndGet(), Math::max);
                    inside.countDown();
                    await(release);
                    atOnce.decrementAndGet();
                    return "answered";
                })));
            }
            assertTrue(inside.await(10, TimeUnit.SECONDS), "three checks are admitted at once");

            long started = System.nanoTime();
            BusinessFailure refused = assertThrows(BusinessFailure.class,
                    () -> admission.decide(() -> "never decided"));
            long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertTrue(waitedMillis >= 190, "the fourth waited its 200 ms first, not " + waitedMillis + " ms");
            BusinessException busy = assertInstanceOf(BusinessException.class, refused.getCause());
            assertEquals(BusinessException.Kind.UNAVAILABLE, busy.kind());
            assertEquals(ErrorCodes.SERVICE_UNAVAILABLE, busy.code());
            assertEquals(1, ((RetryLater) busy).retryAfterSeconds());
            assertTrue(busy.hint().contains("oqs.eligibility.admission"), busy.hint());

            release.countDown();
            for (Future<String> answer : held) {
                assertEquals("answered", answer.get(10, TimeUnit.SECONDS));
            }
            assertEquals(3, most.get());
            assertEquals("admitted again", admission.decide(() -> "admitted again"));
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aWaitingCheckIsAdmittedAsSoonAsOneEnds() throws Exception {
        CheckAdmission admission = new CheckAdmission(1, 10_000, 128);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<String> first = holdTurn(admission, threads, release, "first");
            Future<String> second = threads.submit(() -> admission.decide(() -> "second"));
            Thread.sleep(100);
            assertTrue(!second.isDone(), "the second waits while the first is decided");
            release.countDown();
            assertEquals("first", first.get(10, TimeUnit.SECONDS));
            assertEquals("second", second.get(10, TimeUnit.SECONDS));
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aCheckArrivingWhenTooManyWaitIsRefusedAtOnceAndTheWaitingOnesAreStillDecided() throws Exception {
        CheckAdmission admission = new CheckAdmission(1, 10_000, 2);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            Future<String> held = holdTurn(admission, threads, release, "held");
            List<Future<String>> waiting = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                String name = "waited " + i;
                waiting.add(threads.submit(() -> admission.decide(() -> name)));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (admission.waitingChecks() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertEquals(2, admission.waitingChecks(), "two checks wait for the one turn");

            long started = System.nanoTime();
            BusinessFailure refused = assertThrows(BusinessFailure.class,
                    () -> admission.decide(() -> "never decided"));
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertTrue(tookMillis < 1_000, "refused at once, not after the 10 s wait: " + tookMillis + " ms");
            BusinessException busy = assertInstanceOf(BusinessException.class, refused.getCause());
            assertEquals(ErrorCodes.SERVICE_UNAVAILABLE, busy.code());
            assertTrue(busy.hint().contains("oqs.eligibility.admission.max-waiting"), busy.hint());
            assertEquals(1, ((RetryLater) busy).retryAfterSeconds());

            release.countDown();
            assertEquals("held", held.get(10, TimeUnit.SECONDS));
            for (int i = 0; i < 2; i++) {
                assertEquals("waited " + i, waiting.get(i).get(10, TimeUnit.SECONDS));
            }
            assertEquals(0, admission.waitingChecks(), "no waiting check is left counted");
            assertEquals("admitted again", admission.decide(() -> "admitted again"));
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void withNoneLetWaitAFreeTurnIsStillTaken() {
        CheckAdmission admission = new CheckAdmission(1, 10_000, 0);
        assertEquals("admitted", admission.decide(() -> "admitted"));
        BusinessFailure refused = assertThrows(BusinessFailure.class,
                () -> admission.decide(() -> admission.decide(() -> "never decided")));
        assertTrue(((BusinessException) refused.getCause()).hint().contains("max-waiting"));
        assertEquals("admitted after", admission.decide(() -> "admitted after"));
    }

    @Test
    void aCheckThatFailsGivesItsTurnBack() {
        CheckAdmission admission = new CheckAdmission(1, 0, 128);
        assertThrows(IllegalStateException.class, () -> admission.decide(() -> {
            throw new IllegalStateException("the check failed");
        }));
        assertThrows(BusinessFailure.class, () -> admission.decide(() -> BusinessFailure.call(() -> {
            throw new CheckAdmission.ChecksBusyException(1, "waited 0 ms");
        })));
        assertEquals("admitted", admission.decide(() -> "admitted"), "no turn was lost to the failures");
    }

    @Test
    void refusesASettingThatWouldAdmitNothing() {
        assertThrows(IllegalArgumentException.class, () -> new CheckAdmission(0, 1000, 128));
        assertThrows(IllegalArgumentException.class, () -> new CheckAdmission(4, -1, 128));
        assertThrows(IllegalArgumentException.class, () -> new CheckAdmission(4, 1000, -1));
    }

    /** Submits a check that takes a turn and keeps it until {@code release}; returns once it has the turn. */
    private static Future<String> holdTurn(CheckAdmission admission, ExecutorService threads, CountDownLatch release,
            String answer) throws InterruptedException {
        CountDownLatch inside = new CountDownLatch(1);
        Future<String> held = threads.submit(() -> admission.decide(() -> {
            inside.countDown();
            await(release);
            return answer;
        }));
        assertTrue(inside.await(10, TimeUnit.SECONDS), "the held check has its turn");
        return held;
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test did not release the check");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
