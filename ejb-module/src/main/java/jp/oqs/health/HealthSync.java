package jp.oqs.health;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import jp.oqs.api.health.CheckupBatchRequest;
import jp.oqs.api.health.MedicationBatchRequest;
import jp.oqs.identifier.InvalidIdentifierException;
import jp.oqs.metrics.ServiceMetrics;
import jp.oqs.metrics.ServiceMetrics.SyncKind;
import jp.oqs.sync.BatchLedger;
import jp.oqs.sync.SyncBatch;
import jp.oqs.sync.SyncCaller;
import jp.oqs.sync.SyncException;

/**
 * Insurers' health-record batches, applied exactly once: each attempt in a transaction of its own
 * ({@link HealthBatchProcessor}), tried again when it collides with a concurrent batch, as qualification batches
 * are. The requests were validated at the boundary; what Bean Validation cannot say is answered per record.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class HealthSync {

    @EJB
    private HealthBatchProcessor processor;

    @Inject
    private ServiceMetrics metrics;

    @Inject
    private Clock clock;

    public SyncBatch checkups(@NotNull @Valid SyncCaller caller, @NotNull CheckupBatchRequest request)
            throws InvalidIdentifierException, SyncException {
        return BatchLedger.counted(metrics, SyncKind.CHECKUPS, clock, request.batchId(),
                () -> processor.applyCheckups(caller, request));
    }

    public SyncBatch medications(@NotNull @Valid SyncCaller caller, @NotNull MedicationBatchRequest request)
            throws InvalidIdentifierException, SyncException {
        return BatchLedger.counted(metrics, SyncKind.MEDICATIONS, clock, request.batchId(),
                () -> processor.applyMedications(caller, request));
    }
}
