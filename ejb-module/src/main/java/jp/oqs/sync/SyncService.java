package jp.oqs.sync;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import jp.oqs.api.error.ErrorCodes;
import jp.oqs.audit.ActorKind;
import jp.oqs.audit.AuditKind;
import jp.oqs.audit.AuditTrail;
import jp.oqs.api.sync.SyncBatchRequest;
import jp.oqs.identifier.InsurerNumber;
import jp.oqs.identifier.InvalidIdentifierException;
import jp.oqs.insurer.Insurer;
import jp.oqs.metrics.ServiceMetrics;
import jp.oqs.metrics.ServiceMetrics.SyncKind;
import jp.oqs.platform.BusinessException;

/** The sync use cases: submit a batch (retried when it collides with a concurrent one), read results, notices, changes. */
@Stateless
public class SyncService {

    @EJB
    private SyncBatchProcessor processor;

    @PersistenceContext(unitName = "oqs")
    private EntityManager em;

    @Inject
    private Clock clock;

    @EJB
    private AuditTrail audit;

    @Inject
    private ServiceMetrics metrics;

    /**
     * Applies a batch exactly once. Two batches that race for the same new person (or two sends of the same batch
     * for an insurer not registered, or two batches that drew the same central number) can collide on a unique key;
     * the loser's transaction rolls back completely and is tried again, and then sees what the winner stored (and
     * draws its central numbers anew).
     *
     * <p>The request is not validated again here: its one caller, the boundary ({@code SyncApi.submit}, {@code
     * @NotNull @Valid}), has validated every record's fields, and a second walk over 10,000 records cost as much as
     * the first (issue 14). What Bean Validation cannot say of a record is checked per record and answered per record.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public SyncBatch submit(@NotNull @Valid SyncCaller caller, @NotNull SyncBatchRequest request)
            throws InvalidIdentifierException, SyncException {
        return BatchLedger.counted(metrics, SyncKind.QUALIFICATIONS, clock, request.batchId(),
                () -> processor.apply(caller, request));
    }

    public SyncBatch batch(@NotNull @Valid SyncCaller caller, @NotNull UUID batchId)
            throws InvalidIdentifierException, SyncException {
        SyncBatch batch = em.find(SyncBatch.class, batchId.toString());
        // another insurer's batch is answered exactly as a missing one: whether it exists is not the caller's
        if (batch == null || !caller.mayActFor(InsurerNumber.parse(batch.insurerNumber()))) {
            throw notFound(ErrorCodes.BATCH_NOT_FOUND, "指定のバッチはありません。",
                    "no batch with this batchId for the token's insurerNumbers");
        }
        batch.results().size();
        Long insurerId = em.createNamedQuery("Insurer.findByNumber", Insurer.class)
                .setParameter("insurerNumber", batch.insurerNumber())
                .getResultStream().findFirst().map(Insurer::id).orElse(null);
        audit.record(ActorKind.SYNC_JOB, caller.name(), AuditKind.SYNC_READ, null, insurerId,
                "BATCH_RESULT " + batch.results().size());
        return batch;
    }

    /** Open notices for the insurer after the cursor, oldest first. */
    public List<OverlapNotice> openNotices(@NotNull @Valid SyncCaller caller, @NotNull String insurerNumber,
                                           long after, int limit) throws InvalidIdentifierException, SyncException {
        Insurer insurer = insurer(caller, insurerNumber);
        List<OverlapNotice> notices = em.createNamedQuery("OverlapNotice.open", OverlapNotice.class)
                .setParameter("insurer", insurer)
                .setParameter("after", after)
                .setMaxResults(limit)
                .getResultList();
        audit.record(ActorKind.SYNC_JOB, caller.name(), AuditKind.SYNC_READ, null, insurer.id(),
                "NOTICES " + notices.size());
        return notices;
    }

    public OverlapNotice acknowledge(@NotNull @Valid SyncCaller caller, long noticeId)
            throws InvalidIdentifierException, SyncException {
        OverlapNotice notice = em.find(OverlapNotice.class, noticeId);
        // another insurer's notice is answered exactly as a missing one (notice ids are sequential)
        if (notice == null || !caller.mayActFor(InsurerNumber.parse(notice.insurer().insurerNumber()))) {
            throw notFound(ErrorCodes.NOTICE_NOT_FOUND, "指定の注意喚起はありません。",
                    "no notice with this id for the token's insurerNumbers");
        }
        notice.acknowledge(caller.name(), clock.instant().truncatedTo(ChronoUnit.MICROS));
        notice.newQualification().insurer().insurerNumber();
        audit.record(ActorKind.SYNC_JOB, caller.name(), AuditKind.SYNC_READ, null, notice.insurer().id(),
                "NOTICE_ACKNOWLEDGED");
        return notice;
    }

    /** The insurer's changes after the cursor, in sequence. */
    public List<ChangeEvent> changes(@NotNull @Valid SyncCaller caller, @NotNull String insurerNumber, long after,
                                     int limit) throws InvalidIdentifierException, SyncException {
        Insurer insurer = insurer(caller, insurerNumber);
        List<ChangeEvent> changes = em.createNamedQuery("ChangeEvent.after", ChangeEvent.class)
                .setParameter("insurer", insurer)
                .setParameter("after", after)
                .setMaxResults(limit)
                .getResultList();
        audit.record(ActorKind.SYNC_JOB, caller.name(), AuditKind.SYNC_READ, null, insurer.id(),
                "CHANGES " + changes.size());
        return changes;
    }

    private Insurer insurer(SyncCaller caller, String insurerNumber) throws InvalidIdentifierException, SyncException {
        InsurerNumber number = InsurerNumber.parse(insurerNumber);
        caller.checkMayActFor(number);
        return em.createNamedQuery("Insurer.findByNumber", Insurer.class)
                .setParameter("insurerNumber", number.value())
                .getResultStream().findFirst()
                .orElseThrow(() -> notFound(ErrorCodes.INSURER_NOT_FOUND, "この保険者は登録されていません。",
                        "insurer " + number + " is not registered"));
    }

    private static SyncException notFound(String code, String message, String hint) {
        return new SyncException(BusinessException.Kind.NOT_FOUND, code, message, hint);
    }

}
