package jp.oqs.sync;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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
import jp.oqs.insurer.Insurer;
import jp.oqs.qualification.Qualification;

/**
 * 資格喪失の注意喚起: the person of {@code qualification} (still open at {@code insurer}) acquired
 * {@code newQualification} elsewhere. Open until acknowledged or until the insurer records the loss.
 */
@Entity
@Table(name = "overlap_notice")
@NamedQuery(name = "OverlapNotice.open",
        query = "SELECT n FROM OverlapNotice n JOIN FETCH n.qualification"
                + " JOIN FETCH n.newQualification nq JOIN FETCH nq.insurer"
                + " WHERE n.insurer = :insurer AND n.id > :after"
                + " AND n.acknowledgedAt IS NULL AND n.resolvedAt IS NULL ORDER BY n.id")
@NamedQuery(name = "OverlapNotice.openFor",
        query = "SELECT n FROM OverlapNotice n WHERE n.qualification = :qualification"
                + " AND n.acknowledgedAt IS NULL AND n.resolvedAt IS NULL")
public class OverlapNotice {

    @Id
    @SequenceGenerator(name = "notice_seq", sequenceName = "notice_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "notice_seq")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "insurer_id", updatable = false)
    private Insurer insurer;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "qualification_id", updatable = false)
    private Qualification qualification;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "new_qualification_id", updatable = false)
    private Qualification newQualification;

    @Column(name = "created_at", updatable = false)
    private Instant createdAt;

    @Column(name = "acknowledged_at")
    private Instant acknowledgedAt;

    @Column(name = "acknowledged_by")
    private String acknowledgedBy;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    protected OverlapNotice() {
    }

    OverlapNotice(Qualification stillOpen, Qualification newQualification, Instant createdAt) {
        this.insurer = stillOpen.insurer();
        this.qualification = stillOpen;
        this.newQualification = newQualification;
        this.createdAt = createdAt;
    }

    void acknowledge(String by, Instant at) {
        if (acknowledgedAt == null) {
            acknowledgedAt = at;
            acknowledgedBy = by;
        }
    }

    void resolve(Instant at) {
        if (resolvedAt == null) {
            resolvedAt = at;
        }
    }

    public Long id() {
        return id;
    }

    public Insurer insurer() {
        return insurer;
    }

    public Qualification qualification() {
        return qualification;
    }

    public Qualification newQualification() {
        return newQualification;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
