package jp.oqs.claims;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import jp.oqs.platform.ChunkedJobs;

/**
 * Routes claims jobs in the background on the managed executor, one worker per job ({@link ChunkedJobs}, as the
 * bulk checks). At start and every minute it resumes jobs still PROCESSING and purges those past their retention.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
public class ClaimsRunner {

    private static final Logger LOG = System.getLogger(ClaimsRunner.class.getName());
    private static final ChunkedJobs.Listener UNCOUNTED = new ChunkedJobs.Listener() {
    };

    @EJB
    private ClaimResolutions resolutions;

    @Resource
    private ManagedExecutorService executor;

    private final ChunkedJobs jobs = new ChunkedJobs("claims job");

    @PostConstruct
    void resumeAtStart() {
        try {
            resume();
        } catch (RuntimeException databaseNotReadyYet) {
            LOG.log(Level.WARNING, "claims jobs not resumed at start, retrying within a minute: "
                    + databaseNotReadyYet.getMessage());
        }
    }

    /** Starts routing a job unless a worker of this server already does. */
    public void start(String jobId) {
        jobs.start(executor, jobId, resolutions::resolveNextChunk, UNCOUNTED);
    }

    @Schedule(minute = "*", hour = "*", persistent = false)
    void resume() {
        resolutions.processing().forEach(this::start);
        int purged = resolutions.purgeExpired();
        if (purged > 0) {
            LOG.log(Level.INFO, "purged {0} claims jobs past their retention", purged);
        }
    }
}
