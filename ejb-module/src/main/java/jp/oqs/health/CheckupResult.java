package jp.oqs.health;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.oqs.insurer.Insurer;
import jp.oqs.qualification.Person;

/**
 * One person's 特定健診 of one day, as an insurer sent it. The person owns it: it stays when the person changes
 * insurer. A correction does not change it: the new result is stored beside it and this one is marked superseded,
 * so what was shown before stays visible.
 */
@Entity
@Table(name = "checkup_result")
@NamedQuery(name = "CheckupResult.ofPersonSince",
        query = "SELECT r FROM CheckupResult r WHERE r.person = :person AND r.examinedOn >= :from"
                + " ORDER BY r.examinedOn DESC, r.receivedAt DESC, r.id DESC")
@NamedQuery(name = "CheckupResult.current",
        query = "SELECT r FROM CheckupResult r WHERE r.person = :person AND r.insurer = :insurer"
                + " AND r.examinedOn = :examinedOn AND r.supersededAt IS NULL")
public class CheckupResult {

    @Id
    @SequenceGenerator(name = "checkup_result_seq", sequenceName = "checkup_result_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "checkup_result_seq")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "person_id", updatable = false)
    private Person person;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "insurer_id", updatable = false)
    private Insurer insurer;

    @Column(name = "examined_on", updatable = false)
    private LocalDate examinedOn;

    @Column(name = "batch_id", updatable = false)
    private String batchId;

    @Column(name = "record_id", updatable = false)
    private String recordId;

    @Column(name = "received_at", updatable = false)
    private Instant receivedAt;

    @Column(name = "superseded_at")
    private Instant supersededAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "checkup_value", joinColumns = @JoinColumn(name = "result_id"))
    private List<CheckupEntry> entries = new ArrayList<>();

    protected CheckupResult() {
    }

    CheckupResult(Person person, Insurer insurer, LocalDate examinedOn, List<CheckupEntry> entries, String batchId,
                  String recordId, Instant receivedAt) {
        this.person = person;
        this.insurer = insurer;
        this.examinedOn = examinedOn;
        this.entries = new ArrayList<>(entries);
        this.batchId = batchId;
        this.recordId = recordId;
        this.receivedAt = receivedAt;
    }

    /** A correction arrived: this result is kept, as superseded from {@code now}. */
    void supersede(Instant now) {
        supersededAt = now;
    }

    public Long id() {
        return id;
    }

    public Insurer insurer() {
        return insurer;
    }

    public LocalDate examinedOn() {
        return examinedOn;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    /** When a correction replaced it; null while it is the current result. */
    public Instant supersededAt() {
        return supersededAt;
    }

    public List<CheckupEntry> entries() {
        return List.copyOf(entries);
    }
}
