package jp.oqs.eligibility;

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
import java.security.cert.X509Certificate;
import java.time.Instant;
import javax.security.auth.x500.X500Principal;
import jp.oqs.qualification.Person;

/**
 * Which card certificate (issuer + serial) belongs to which person. Revoked (recording who and when), never deleted;
 * a revoked enrolment does not block a later one of the same certificate.
 */
@Entity
@Table(name = "certificate_enrolment")
@NamedQuery(name = "EnrolledCertificate.active",
        query = "SELECT e FROM EnrolledCertificate e JOIN FETCH e.person"
                + " WHERE e.issuerDn = :issuer AND e.serialHex = :serial AND e.revokedAt IS NULL")
@NamedQuery(name = "EnrolledCertificate.find",
        query = "SELECT e FROM EnrolledCertificate e WHERE e.issuerDn = :issuer AND e.serialHex = :serial")
public class EnrolledCertificate {

    @Id
    @SequenceGenerator(name = "enrolment_seq", sequenceName = "enrolment_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "enrolment_seq")
    private Long id;

    @Column(name = "issuer_dn", updatable = false)
    private String issuerDn;

    @Column(name = "serial_hex", updatable = false)
    private String serialHex;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "person_id", updatable = false)
    private Person person;

    @Column(name = "enrolled_at", updatable = false)
    private Instant enrolledAt;

    @Column(name = "enrolled_by", updatable = false)
    private String enrolledBy;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_by")
    private String revokedBy;

    /** 0 while active, the row's id once revoked: the unique key (issuer, serial, slot) covers active rows only. */
    @Column(name = "revocation_slot")
    private long revocationSlot;

    protected EnrolledCertificate() {
    }

    EnrolledCertificate(X509Certificate certificate, Person person, Instant enrolledAt, String enrolledBy) {
        this.issuerDn = issuerOf(certificate);
        this.serialHex = serialOf(certificate);
        this.person = person;
        this.enrolledAt = enrolledAt;
        this.enrolledBy = enrolledBy;
    }

    static String issuerOf(X509Certificate certificate) {
        return certificate.getIssuerX500Principal().getName(X500Principal.RFC2253);
    }

    static String serialOf(X509Certificate certificate) {
        return certificate.getSerialNumber().toString(16);
    }

    void revoke(Instant at, String by) {
        if (revokedAt == null) {
            revokedAt = at;
            revokedBy = by;
            revocationSlot = id;
        }
    }

    public String revokedBy() {
        return revokedBy;
    }

    public Long id() {
        return id;
    }

    Person person() {
        return person;
    }

    public String issuerDn() {
        return issuerDn;
    }

    public String serialHex() {
        return serialHex;
    }

    public Instant enrolledAt() {
        return enrolledAt;
    }

    public Instant revokedAt() {
        return revokedAt;
    }
}
