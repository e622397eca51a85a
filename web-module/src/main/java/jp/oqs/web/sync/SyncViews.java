package jp.oqs.web.sync;

import java.util.HashSet;
import java.util.UUID;
import jp.oqs.api.sync.ChangeView;
import jp.oqs.api.sync.NoticeView;
import jp.oqs.api.sync.RecordResult;
import jp.oqs.api.sync.RecordStatus;
import jp.oqs.api.sync.SyncBatchResult;
import jp.oqs.qualification.Qualification;
import jp.oqs.sync.ChangeEvent;
import jp.oqs.platform.BusinessException;
import jp.oqs.sync.OverlapNotice;
import jp.oqs.sync.SyncCaller;
import jp.oqs.sync.SyncBatch;
import jp.oqs.sync.SyncRecordResult;
import jp.oqs.web.security.CallerClaims;

/** Maps sync entities to the contract's records. The person link key is never part of them. */
public final class SyncViews {

    private SyncViews() {
    }

    /** The sync job of the request's token, and the insurers it may act for. */
    public static SyncCaller caller(CallerClaims claims) throws BusinessException {
        return new SyncCaller(claims.subject(), new HashSet<>(claims.insurerNumbers()));
    }

    /** A stored batch of any kind (qualifications, check-ups, medications) with its records' results. */
    public static SyncBatchResult batch(SyncBatch batch) {
        return new SyncBatchResult(UUID.fromString(batch.batchId()), batch.insurerNumber(), batch.receivedAt(),
                batch.acceptedCount(), batch.rejectedCount(),
                batch.results().stream().map(SyncViews::result).toList());
    }

    private static RecordResult result(SyncRecordResult result) {
        return new RecordResult(result.recordId(), result.accepted() ? RecordStatus.ACCEPTED : RecordStatus.REJECTED,
                result.code(), result.message(), result.individualNumber(), result.branchNumber());
    }

    static NoticeView notice(OverlapNotice notice) {
        Qualification held = notice.qualification();
        Qualification acquired = notice.newQualification();
        return new NoticeView(notice.id(), notice.insurer().insurerNumber(), held.symbol(), held.number(),
                held.branchNumber(), held.individualNumber(), held.acquiredOn(), acquired.insurer().insurerNumber(),
                acquired.acquiredOn(), notice.createdAt());
    }

    static ChangeView change(ChangeEvent event) {
        Qualification q = event.qualification();
        return new ChangeView(event.sequenceNo(), event.kind(), UUID.fromString(event.batchId()), event.recordId(),
                q.symbol(), q.number(), q.branchNumber(), q.individualNumber(), event.effectiveDate(),
                event.occurredAt());
    }
}
