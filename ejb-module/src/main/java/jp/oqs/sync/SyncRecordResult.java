package jp.oqs.sync;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** The stored outcome of one record of a batch. */
@Entity
@Table(name = "sync_record_result")
@IdClass(SyncRecordResult.Key.class)
public class SyncRecordResult {

    /** Primary key: the batch and the record's position in it. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String batch;
        private int position;

        public Key() {
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(batch, key.batch) && position == key.position;
        }

        @Override
        public int hashCode() {
            return Objects.hash(batch, position);
        }
    }

    @Id
    @ManyToOne(optional = false)
    @JoinColumn(name = "batch_id")
    private SyncBatch batch;

    @Id
    @Column(name = "position")
    private int position;

    @Column(name = "record_id")
    private String recordId;

    @Column(name = "status")
    private String status;

    @Column(name = "code")
    private String code;

    @Column(name = "message")
    private String message;

    @Column(name = "individual_number")
    private String individualNumber;

    @Column(name = "branch_number")
    private String branchNumber;

    protected SyncRecordResult() {
    }

    private SyncRecordResult(int position, String recordId, String status, String code, String message,
                             String individualNumber, String branchNumber) {
        this.position = position;
        this.recordId = recordId;
        this.status = status;
        this.code = code;
        this.message = message;
        this.individualNumber = individualNumber;
        this.branchNumber = branchNumber;
    }

    static SyncRecordResult accepted(int position, String recordId, String individualNumber, String branchNumber) {
        return new SyncRecordResult(position, recordId, "ACCEPTED", null, null, individualNumber, branchNumber);
    }

    static SyncRecordResult rejected(int position, String recordId, String code, String message) {
        return new SyncRecordResult(position, recordId, "REJECTED", code, message, null, null);
    }

    void attachTo(SyncBatch owner) {
        this.batch = owner;
    }

    public boolean accepted() {
        return "ACCEPTED".equals(status);
    }

    public int position() {
        return position;
    }

    public String recordId() {
        return recordId;
    }

    public String code() {
        return code;
    }

    public String message() {
        return message;
    }

    public String individualNumber() {
        return individualNumber;
    }

    public String branchNumber() {
        return branchNumber;
    }
}
