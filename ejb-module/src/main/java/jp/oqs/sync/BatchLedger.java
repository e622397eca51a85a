package jp.oqs.sync;

import jakarta.ejb.EJBException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import jp.oqs.api.error.ErrorCodes;
import jp.oqs.identifier.InsurerNumber;
import jp.oqs.identifier.InvalidIdentifierException;
import jp.oqs.insurer.Insurer;
import jp.oqs.metrics.ServiceMetrics;
import jp.oqs.metrics.ServiceMetrics.SyncKind;
import jp.oqs.platform.BusinessException;
import jp.oqs.platform.RowLock;
import jp.oqs.platform.UniqueKeyViolation;
import jp.oqs.qualification.RecordRejectedException;

/**
 * The exactly-once bookkeeping every kind of sync batch shares (qualifications, and the health records of issue
 * 12): the job's scope, the insurer's row lock that puts the insurer's batches one after the other, the earlier send
 * of the same {@code batchId} (answered again as stored, or refused with 409 when its content differs), each record's
 * id (present and once per batch) and result, and the stored batch. Used inside the transaction that applies the
 * batch, so the batch row, the records' effects and their results commit together or not at all.
 */
public final class BatchLedger {

    private static final Logger LOG = System.getLogger(BatchLedger.class.getName());
    private static final int ATTEMPTS = 3;
    private static final int MAX_RECORD_ID = 64;

    /** One attempt at applying a batch, in a transaction of its own. */
    @FunctionalInterface
    public interface Attempt {
        SyncBatch apply() throws InvalidIdentifierException, SyncException;
    }

    private final EntityManager em;
    private final String batchId;
    private final InsurerNumber insurerNumber;
    private final String contentHash;
    private final Insurer insurer;
    private final SyncBatch earlier;
    private final Set<String> recordIds = new HashSet<>();

    private BatchLedger(EntityManager em, String batchId, InsurerNumber insurerNumber, String contentHash,
                        Insurer insurer, SyncBatch earlier) {
        this.em = em;
        this.batchId = batchId;
        this.insurerNumber = insurerNumber;
        this.contentHash = contentHash;
        this.insurer = insurer;
        this.earlier = earlier;
    }

    /**
     * Opens the ledger of a batch: the job must act for the insurer; the insurer's row is locked (held to the
     * commit); an earlier send of the batch id with other content is refused with 409 {@code BATCH_ID_REUSED}.
     *
     * @param content the whole request, whose canonical JSON tells a resend from a reuse of the id
     */
    public static BatchLedger open(EntityManager em, SyncCaller caller, UUID batchId, String insurerNumber,
                                   Object content) throws InvalidIdentifierException, SyncException {
        InsurerNumber number = InsurerNumber.parse(insurerNumber);
        caller.checkMayActFor(number);
        String hash = BatchContent.hash(content);
        RowLock.acquire(em, "Insurer.lock", number.value());
        Insurer insurer = em.createNamedQuery("Insurer.findByNumber", Insurer.class)
                .setParameter("insurerNumber", number.value())
                .getResultStream().findFirst().orElse(null);
        SyncBatch earlier = em.find(SyncBatch.class, batchId.toString());
        if (earlier != null && !earlier.contentHash().equals(hash)) {
            throw new SyncException(BusinessException.Kind.CONFLICT, ErrorCodes.BATCH_ID_REUSED,
                    "このバッチIDは別の内容で処理済みです。",
                    "batchId " + batchId + " was applied with other content; a resend must be "
                            + "byte-for-byte the same batch, new content needs a new batchId");
        }
        return new BatchLedger(em, batchId.toString(), number, hash, insurer, earlier);
    }

    /** The stored result of an earlier send of this very batch: answered again, nothing is applied. */
    public Optional<SyncBatch> earlier() {
        return Optional.ofNullable(earlier);
    }

    public String batchId() {
        return batchId;
    }

    /** The batch's insurer, or null when it is not registered (then every record is rejected). */
    public Insurer insurerOrNull() {
        return insurer;
    }

    /** The batch's insurer; a record of a batch for an insurer not registered is rejected. */
    public Insurer insurer() throws RecordRejectedException {
        if (insurer == null) {
            throw new RecordRejectedException(ErrorCodes.INSURER_NOT_ACTIVE, "この保険者は登録されていません。",
                    "the batch's insurerNumber is not registered; onboard the insurer first");
        }
        return insurer;
    }

    /** A record's id: present, at most 64 characters, and not seen before in this batch. */
    public String recordId(String recordId) throws RecordRejectedException {
        RecordFields.text(recordId, "recordId", MAX_RECORD_ID);
        if (!recordIds.add(recordId)) {
            throw new RecordRejectedException(ErrorCodes.DUPLICATE_RECORD_ID,
                    "同じレコードIDがバッチ内に重複しています。",
                    "recordId " + recordId + " appears more than once in this batch");
        }
        return recordId;
    }

    /** The result of a record applied. */
    public static SyncRecordResult accepted(int position, String recordId) {
        return SyncRecordResult.accepted(position, recordId, null, null);
    }

    /** The result of a record rejected, with the reason (its id cut to the column's length if it was too long). */
    public static SyncRecordResult rejected(int position, String recordId, RecordRejectedException reason) {
        String id = recordId == null ? "" : recordId.length() > MAX_RECORD_ID
                ? recordId.substring(0, MAX_RECORD_ID) : recordId;
        return SyncRecordResult.rejected(position, id, reason.code(), reason.getMessage());
    }

    /** Stores the batch with every record's result; from its commit on, a resend is answered with it. */
    public SyncBatch store(SyncCaller caller, Instant now, List<SyncRecordResult> results) {
        SyncBatch stored = new SyncBatch(batchId, insurerNumber.value(), contentHash, caller.name(), now, results);
        em.persist(stored);
        LOG.log(Level.INFO, "sync batch {0} for insurer {1} by {2}: {3} accepted, {4} rejected",
                stored.batchId(), insurerNumber, caller.name(), stored.acceptedCount(), stored.rejectedCount());
        return stored;
    }

    /**
     * Runs the attempt (each in a transaction of its own) until it commits. Two batches that race for the same new
     * row (two sends of the same batch for an insurer not registered, two batches that create the same person or
     * draw the same central number) can collide on a unique key; the loser's transaction rolls back completely and
     * is tried again, and then sees what the winner stored.
     */
    public static SyncBatch withRetries(UUID batchId, Attempt attempt) throws InvalidIdentifierException,
            SyncException {
        for (int round = 1; ; round++) {
            try {
                return attempt.apply();
            } catch (EJBException e) {
                boolean collision = UniqueKeyViolation.isCause(e) || causedBy(e, OptimisticLockException.class);
                if (!collision || round == ATTEMPTS) {
                    throw e;
                }
                LOG.log(Level.INFO, "sync batch {0} collided with a concurrent batch, attempt {1} of {2}",
                        batchId, round + 1, ATTEMPTS);
            }
        }
    }

    /**
     * Applies the batch exactly once ({@link #withRetries}) and counts it in the metrics once it has committed (the
     * caller runs outside a transaction): applied by this call, or a resend answered with an earlier call's result
     * (a batch stored before this call began).
     */
    public static SyncBatch counted(ServiceMetrics metrics, SyncKind kind, Clock clock, UUID batchId,
                                    Attempt attempt) throws InvalidIdentifierException, SyncException {
        long started = System.nanoTime();
        Instant received = clock.instant().truncatedTo(ChronoUnit.MICROS);
        SyncBatch batch = withRetries(batchId, attempt);
        metrics.syncBatch(kind, !batch.receivedAt().isBefore(received), batch.acceptedCount(),
                batch.rejectedCount(), System.nanoTime() - started);
        return batch;
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
