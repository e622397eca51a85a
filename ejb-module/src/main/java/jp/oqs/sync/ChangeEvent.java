package jp.oqs.sync;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import jp.oqs.api.sync.ChangeKind;
import jp.oqs.insurer.Insurer;
import jp.oqs.qualification.Qualification;
import jp.oqs.qualification.SourceRecord;

/** One entry of an insurer's changes feed, numbered gap-free per insurer. */
@Entity
@Table(name = "change_event")
@NamedQuery(name = "ChangeEvent.after",
        query = "SELECT e FROM ChangeEvent e JOIN FETCH e.qualification"
                + " WHERE e.insurer = :insurer AND e.sequenceNo > :after ORDER BY e.sequenceNo")
public class ChangeEvent {

    @Id
    @SequenceGenerator(name = "change_event_seq", sequenceName = "change_event_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "change_event_seq")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "insurer_id", updatable = false)
    private Insurer insurer;

    @Column(name = "sequence_no", updatable = false)
    private long sequenceNo;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", updatable = false)
    private ChangeKind kind;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "qualification_id", updatable = false)
    private Qualification qualification;

    @Column(name = "effective_date", updatable = false)
    private LocalDate effectiveDate;

    @Column(name = "batch_id", updatable = false)
    private String batchId;

    @Column(name = "record_id", updatable = false)
    private String recordId;

    @Column(name = "occurred_at", updatable = false)
    private Instant occurredAt;

    protected ChangeEvent() {
    }

    ChangeEvent(Insurer insurer, long sequenceNo, ChangeKind kind, Qualification qualification,
                LocalDate effectiveDate, SourceRecord source, Instant occurredAt) {
        this.insurer = insurer;
        this.sequenceNo = sequenceNo;
        this.kind = kind;
        this.qualification = qualification;
        this.effectiveDate = effectiveDate;
        this.batchId = source.batchId();
        this.recordId = source.recordId();
        this.occurredAt = occurredAt;
    }

    public long sequenceNo() {
        return sequenceNo;
    }

    public ChangeKind kind() {
        return kind;
    }

    public Qualification qualification() {
        return qualification;
    }

    public LocalDate effectiveDate() {
        return effectiveDate;
    }

    public String batchId() {
        return batchId;
    }

    public String recordId() {
        return recordId;
    }

    public Instant occurredAt() {
        return occurredAt;
    }
}
