package jp.oqs.platform;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Predicate;

/**
 * Background jobs worked one chunk per transaction (bulk checks, claims jobs): at most one worker per job in this
 * server, each looping over "work the next chunk, say whether any remain" until the job is done. A worker that
 * fails stops; the job stays unfinished in the database and its runner's minute schedule starts it again, resuming
 * after the last committed chunk.
 */
public final class ChunkedJobs {

    private static final Logger LOG = System.getLogger(ChunkedJobs.class.getName());

    /** What a worker's life is reported to (e.g. the metrics); nothing by default. */
    public interface Listener {
        default void queued() {
        }

        default void started() {
        }

        default void ended() {
        }
    }

    private final String what;
    private final Set<String> running = ConcurrentHashMap.newKeySet();

    /** @param what the jobs' name in the log, e.g. "bulk check" */
    public ChunkedJobs(String what) {
        this.what = what;
    }

    /** Starts working job {@code id} on {@code executor} unless a worker of this server already does. */
    public void start(Executor executor, String id, Predicate<String> nextChunk, Listener listener) {
        if (!running.add(id)) {
            return;
        }
        listener.queued();
        executor.execute(() -> {
            listener.started();
            try {
                while (nextChunk.test(id)) {
                    // one chunk per transaction
                }
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, what + " " + id + " interrupted, resumed within a minute: " + e.getMessage());
            } finally {
                running.remove(id);
                listener.ended();
            }
        });
    }
}
