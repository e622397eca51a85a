package jp.oqs.web.healthdata;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.List;
import jp.oqs.api.error.ErrorCodes;
import jp.oqs.api.sync.SyncBatchResult;
import jp.oqs.health.HealthSync;
import jp.oqs.identifier.InvalidIdentifierException;
import jp.oqs.sync.SyncBatch;
import jp.oqs.sync.SyncCaller;
import jp.oqs.sync.SyncException;
import jp.oqs.web.rest.Bodies;
import jp.oqs.web.rest.BusinessFailure;
import jp.oqs.web.security.CallerClaims;
import jp.oqs.web.sync.SyncViews;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** What both health-record batch endpoints do: the record limit of every sync batch, the job, the stored result. */
@RequestScoped
public class HealthBatches {

    /** Applies a batch for the job. */
    @FunctionalInterface
    interface Submission {
        SyncBatch submit(HealthSync sync, SyncCaller caller) throws InvalidIdentifierException, SyncException;
    }

    @EJB
    private HealthSync sync;

    @Inject
    private CallerClaims claims;

    @Inject
    @ConfigProperty(name = "oqs.sync.max-records", defaultValue = "10000")
    private int maxRecords;

    SyncBatchResult submit(List<?> records, Submission submission) {
        Bodies.atMost("records", records, maxRecords, ErrorCodes.BATCH_TOO_LARGE);
        return SyncViews.batch(BusinessFailure.call(() -> submission.submit(sync, SyncViews.caller(claims))));
    }
}
