package jp.oqs.eligibility;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import jp.oqs.metrics.ServiceMetrics;
import jp.oqs.platform.ChunkedJobs;

/**
 * Runs bulk checks in the background on the managed executor, one worker per request. At start and every minute
 * it resumes requests still PROCESSING (after a restart, or a worker that died) and purges expired ones.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
public class BulkRunner {

    private static final Logger LOG = System.getLogger(BulkRunner.class.getName());

    @EJB
    private BulkChecks checks;

    @Resource
    private ManagedExecutorService executor;

    @Inject
    private ServiceMetrics metrics;

    private final ChunkedJobs jobs = new ChunkedJobs("bulk check");

    @PostConstruct
    void resumeAtStart() {
        try {
            resume();
        } catch (RuntimeException databaseNotReadyYet) {
            LOG.log(Level.WARNING, "bulk checks not resumed at start, retrying within a minute: "
                    + databaseNotReadyYet.getMessage());
        }
    }

    /** Starts answering a request unless a worker of this server already does. */
    public void start(String receptionNumber) {
        jobs.start(executor, receptionNumber, checks::answerNextChunk, new ChunkedJobs.Listener() {
            @Override
            public void queued() {
                metrics.bulkQueued();
            }

            @Override
            public void started() {
                metrics.bulkStarted();
            }

            @Override
            public void ended() {
                metrics.bulkEnded();
            }
        });
    }

    @Schedule(minute = "*", hour = "*", persistent = false)
    void resume() {
        checks.processing().forEach(this::start);
        int purged = checks.purgeExpired();
        if (purged > 0) {
            LOG.log(Level.INFO, "purged {0} bulk checks past their retention", purged);
        }
    }
}
