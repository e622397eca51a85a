package jp.oqs.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Every caller returns only after a sync that began after its write; concurrent callers share syncs. */
class GroupSyncTest {

    private final AtomicLong written = new AtomicLong();
    private final AtomicLong durable = new AtomicLong();

    @Test
    void eachCallerWaitsForASyncThatCoversItsWriteAndCallersShareSyncs() throws Exception {
        GroupSync group = new GroupSync(written::get, () -> {
            long startedAt = written.get(); // what a real sync makes durable: all written before it began
            sleep(1);
            durable.accumulateAndGet(startedAt, Math::max);
        });
        int threads = 16;
        int rounds = 100;
        AtomicInteger uncovered = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> callers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                callers.add(pool.submit(() -> {
                    for (int r = 0; r < rounds; r++) {
                        long mine = written.incrementAndGet(); // the commit is written
                        group.awaitWritten();
                        if (durable.get() < mine) {
                            uncovered.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> caller : callers) {
                caller.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(0, uncovered.get(), "no caller returned before its write was synced");
        long calls = (long) threads * rounds;
        assertTrue(group.syncs() < calls / 2, "callers shared syncs: " + group.syncs() + " for " + calls + " calls");
    }

    @Test
    void nothingWrittenSinceTheLastSyncMeansNoWait() {
        AtomicInteger syncs = new AtomicInteger();
        GroupSync group = new GroupSync(written::get, syncs::incrementAndGet);
        group.awaitWritten();
        assertEquals(0, syncs.get(), "nothing was written");
        written.addAndGet(100);
        group.awaitWritten();
        group.awaitWritten();
        assertEquals(1, syncs.get(), "one sync for the write, none for the second call");
    }

    @Test
    void aFailedSyncFailsItsCallersAndTheNextCallSyncsAgain() {
        AtomicInteger attempts = new AtomicInteger();
        GroupSync group = new GroupSync(written::get, () -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IOException("disk gone");
            }
        });
        written.incrementAndGet();
        assertThrows(UncheckedIOException.class, group::awaitWritten);
        group.awaitWritten();
        assertEquals(2, attempts.get(), "synced again, not taken as durable");
        assertEquals(1, group.syncs());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
