package jp.oqs.health;

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
import jp.oqs.api.health.DrugCodeKind;
import jp.oqs.insurer.Insurer;
import jp.oqs.qualification.Person;

/**
 * One drug dispensed to a person (薬剤情報), as an insurer sent it from the claims. Owned by the person across
 * insurers; a correction is stored beside it and this one is marked superseded.
 */
@Entity
@Table(name = "dispensed_medication")
@NamedQuery(name = "DispensedMedication.ofPersonSince",
        query = "SELECT m FROM DispensedMedication m WHERE m.person = :person AND m.dispensedOn >= :from"
                + " ORDER BY m.dispensedOn DESC, m.receivedAt DESC, m.id DESC")
@NamedQuery(name = "DispensedMedication.current",
        query = "SELECT m FROM DispensedMedication m WHERE m.person = :person AND m.insurer = :insurer"
                + " AND m.dispensedOn = :dispensedOn AND m.dispensedBy = :dispensedBy AND m.drugCode = :drugCode"
                + " AND m.supersededAt IS NULL")
public class DispensedMedication {

    @Id
    @SequenceGenerator(name = "dispensed_medication_seq", sequenceName = "dispensed_medication_seq",
            allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "dispensed_medication_seq")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "person_id", updatable = false)
    private Person person;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "insurer_id", updatable = false)
    private Insurer insurer;

    @Column(name = "dispensed_on", updatable = false)
    private LocalDate dispensedOn;

    @Column(name = "dispensed_by", updatable = false)
    private String dispensedBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "code_kind", updatable = false)
    private DrugCodeKind codeKind;

    @Column(name = "drug_code", updatable = false)
    private String drugCode;

    @Column(name = "drug_name", updatable = false)
    private String drugName;

    @Column(name = "quantity", updatable = false)
    private String quantity;

    @Column(name = "unit", updatable = false)
    private String unit;

    @Column(name = "days", updatable = false)
    private int days;

    @Column(name = "batch_id", updatable = false)
    private String batchId;

    @Column(name = "record_id", updatable = false)
    private String recordId;

    @Column(name = "received_at", updatable = false)
    private Instant receivedAt;

    @Column(name = "superseded_at")
    private Instant supersededAt;

    protected DispensedMedication() {
    }

    /** What was dispensed: the drug and how much of it, as the claim says. */
    record Dispensing(LocalDate dispensedOn, String dispensedBy, DrugCodeKind codeKind, String drugCode,
                      String drugName, String quantity, String unit, int days) {
    }

    DispensedMedication(Person person, Insurer insurer, Dispensing dispensing, String batchId, String recordId,
                        Instant receivedAt) {
        this.person = person;
        this.insurer = insurer;
        this.dispensedOn = dispensing.dispensedOn();
        this.dispensedBy = dispensing.dispensedBy();
        this.codeKind = dispensing.codeKind();
        this.drugCode = dispensing.drugCode();
        this.drugName = dispensing.drugName();
        this.quantity = dispensing.quantity();
        this.unit = dispensing.unit();
        this.days = dispensing.days();
        this.batchId = batchId;
        this.recordId = recordId;
        this.receivedAt = receivedAt;
    }

    /** A correction arrived: this record is kept, as superseded from {@code now}. */
    void supersede(Instant now) {
        supersededAt = now;
    }

    /** The same dispensing (day, dispenser, drug): what a correction replaces. */
    boolean sameDispensing(DispensedMedication other) {
        return dispensedOn.equals(other.dispensedOn) && dispensedBy.equals(other.dispensedBy)
                && drugCode.equals(other.drugCode) && insurer.equals(other.insurer);
    }

    public Insurer insurer() {
        return insurer;
    }

    public LocalDate dispensedOn() {
        return dispensedOn;
    }

    public String dispensedBy() {
        return dispensedBy;
    }

    public DrugCodeKind codeKind() {
        return codeKind;
    }

    public String drugCode() {
        return drugCode;
    }

    public String drugName() {
        return drugName;
    }

    public String quantity() {
        return quantity;
    }

    public String unit() {
        return unit;
    }

    public int days() {
        return days;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public Instant supersededAt() {
        return supersededAt;
    }
}
