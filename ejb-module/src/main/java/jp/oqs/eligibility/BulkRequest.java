package jp.oqs.eligibility;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedNativeQuery;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import jp.oqs.api.eligibility.Validity;
import jp.oqs.platform.JobRecord;

/** A bulk check (一括照会) and its progress. */
@Entity
@Table(name = "bulk_request")
@NamedNativeQuery(name = "BulkRequest.lock",
        query = "UPDATE bulk_request SET row_version = row_version WHERE reception_number = ?")
@NamedQuery(name = "BulkRequest.processing",
        query = "SELECT r.receptionNumber FROM BulkRequest r WHERE r.status = jp.oqs.api.eligibility.BulkStatus.PROCESSING")
@NamedQuery(name = "BulkRequest.expired",
        query = "SELECT r.receptionNumber FROM BulkRequest r WHERE r.expiresAt < :now")
@NamedQuery(name = "BulkRequest.entriesOfClinicSince",
        query = "SELECT COALESCE(SUM(r.total), 0) FROM BulkRequest r WHERE r.clinicCode = :clinic"
                + " AND r.submittedAt >= :from")
public class BulkRequest extends JobRecord {

    @Id
    @Column(name = "reception_number")
    private String receptionNumber;

    @Column(name = "clinic_code", updatable = false)
    private String clinicCode;

    @Column(name = "answered_count")
    private int answered;

    @Column(name = "valid_count")
    private int valid;

    @Column(name = "invalid_count")
    private int invalid;

    @Column(name = "not_found_count")
    private int notFound;

    @Column(name = "error_count")
    private int errors;

    protected BulkRequest() {
    }

    BulkRequest(String receptionNumber, String clinicCode, int total, Instant submittedAt, Instant expiresAt) {
        super(total, submittedAt, expiresAt);
        this.receptionNumber = receptionNumber;
        this.clinicCode = clinicCode;
    }

    /** Counts an answered entry: 1 valid; 2 and 3 invalid; 4 and 5 not found (no single qualification). */
    void counted(Validity validity) {
        answered++;
        switch (validity) {
            case VALID -> valid++;
            case INVALID, INVALID_NEWER_EXISTS -> invalid++;
            case NOT_FOUND, MULTIPLE -> notFound++;
        }
    }

    void countedError() {
        answered++;
        errors++;
    }

    void completeIfAnswered(Instant now) {
        completeWhen(answered, now);
    }

    public String receptionNumber() {
        return receptionNumber;
    }

    public String clinicCode() {
        return clinicCode;
    }

    public int answered() {
        return answered;
    }

    public int valid() {
        return valid;
    }

    public int invalid() {
        return invalid;
    }

    public int notFound() {
        return notFound;
    }

    public int errors() {
        return errors;
    }
}
