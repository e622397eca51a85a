package jp.oqs.platform;

import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;
import jp.oqs.api.eligibility.BulkStatus;

/**
 * What the row of every background job keeps (a bulk check, a claims job; see {@link ChunkedJobs}): its status, when
 * it was submitted, completed and expires, how many items it holds, and the version its chunks' row lock bumps. Each
 * kind of job adds its key, its owner and its counts by outcome.
 */
@MappedSuperclass
public abstract class JobRecord {

    @Enumerated(EnumType.STRING)
    @Column(name = "status")
    private BulkStatus status;

    @Column(name = "submitted_at", updatable = false)
    private Instant submittedAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Column(name = "expires_at", updatable = false)
    private Instant expiresAt;

    @Column(name = "total_count", updatable = false)
    private int total;

    @Version
    @Column(name = "row_version")
    private int version;

    protected JobRecord() {
    }

    /** A job of {@code total} items, processing from {@code submittedAt}, kept until {@code expiresAt}. */
    protected JobRecord(int total, Instant submittedAt, Instant expiresAt) {
        this.total = total;
        this.status = BulkStatus.PROCESSING;
        this.submittedAt = submittedAt;
        this.expiresAt = expiresAt;
    }

    /** Marks a processing job done at {@code now} once {@code done} of its items are. */
    protected void completeWhen(int done, Instant now) {
        if (done == total && status == BulkStatus.PROCESSING) {
            status = BulkStatus.DONE;
            completedAt = now;
        }
    }

    public BulkStatus status() {
        return status;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public Instant completedAt() {
        return completedAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public int total() {
        return total;
    }
}
