package jp.oqs.sync;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A batch as applied: its id is the idempotency key, its hash tells a resend from a reuse of the id. */
@Entity
@Table(name = "sync_batch")
public class SyncBatch {

    @Id
    @Column(name = "batch_id")
    private String batchId;

    @Column(name = "insurer_number", updatable = false)
    private String insurerNumber;

    @Column(name = "content_hash", updatable = false)
    private String contentHash;

    @Column(name = "submitted_by", updatable = false)
    private String submittedBy;

    @Column(name = "received_at", updatable = false)
    private Instant receivedAt;

    @Column(name = "record_count", updatable = false)
    private int recordCount;

    @Column(name = "accepted_count", updatable = false)
    private int acceptedCount;

    @Column(name = "rejected_count", updatable = false)
    private int rejectedCount;

    @OneToMany(mappedBy = "batch", cascade = CascadeType.PERSIST)
    @OrderBy("position ASC")
    private List<SyncRecordResult> results = new ArrayList<>();

    protected SyncBatch() {
    }

    SyncBatch(String batchId, String insurerNumber, String contentHash, String submittedBy, Instant receivedAt,
              List<SyncRecordResult> results) {
        this.batchId = batchId;
        this.insurerNumber = insurerNumber;
        this.contentHash = contentHash;
        this.submittedBy = submittedBy;
        this.receivedAt = receivedAt;
        this.recordCount = results.size();
        for (SyncRecordResult result : results) {
            result.attachTo(this);
            this.results.add(result);
            if (result.accepted()) {
                acceptedCount++;
            } else {
                rejectedCount++;
            }
        }
    }

    public String batchId() {
        return batchId;
    }

    public String insurerNumber() {
        return insurerNumber;
    }

    String contentHash() {
        return contentHash;
    }

    public String submittedBy() {
        return submittedBy;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public int recordCount() {
        return recordCount;
    }

    public int acceptedCount() {
        return acceptedCount;
    }

    public int rejectedCount() {
        return rejectedCount;
    }

    public List<SyncRecordResult> results() {
        return List.copyOf(results);
    }
}
