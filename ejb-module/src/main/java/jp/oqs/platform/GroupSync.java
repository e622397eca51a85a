package jp.oqs.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * Group commit over an append-only log: a caller waits until every byte written to the log before its call is on
 * disk, and one caller runs the sync for all callers waiting at that moment. While a sync runs, callers arriving
 * meanwhile wait for the next one, so under load one sync covers many commits; with nothing written since the last
 * sync a caller does not wait at all.
 *
 * <p>A sync covers what had been written when it began: {@code written} is read before the sync starts, and the
 * sync makes durable everything written before it started.
 */
final class GroupSync {

    /** Makes everything written to the log before it began durable; returns only once it has. */
    interface Sync {
        void run() throws IOException;
    }

    private final LongSupplier written;
    private final Sync sync;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition done = lock.newCondition();
    /** Written under the lock; read without it by callers with nothing new to wait for. */
    private volatile long durable;
    private boolean syncing;
    private long syncs;

    /** {@code written}: bytes written to the log so far, never decreasing. */
    GroupSync(LongSupplier written, Sync sync) {
        this.written = written;
        this.sync = sync;
    }

    /** Returns once everything written to the log before this call is durable; throws if a sync failed. */
    void awaitWritten() {
        long target = written.getAsLong();
        if (durable >= target) {
            return; // nothing written since the last sync began: no lock taken (every answer passes here)
        }
        lock.lock();
        try {
            while (durable < target) {
                if (syncing) {
                    done.awaitUninterruptibly();
                    continue;
                }
                syncing = true;
                long covered = written.getAsLong();
                lock.unlock();
                boolean synced = false;
                try {
                    sync.run();
                    synced = true;
                } catch (IOException e) {
                    throw new UncheckedIOException("the embedded database's redo log could not be synced", e);
                } finally {
                    lock.lock();
                    syncing = false;
                    if (synced) {
                        durable = Math.max(durable, covered);
                        syncs++;
                    }
                    done.signalAll();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Syncs run so far, each covering one or more callers. */
    long syncs() {
        lock.lock();
        try {
            return syncs;
        } finally {
            lock.unlock();
        }
    }
}
