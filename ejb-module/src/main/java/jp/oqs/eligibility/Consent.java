package jp.oqs.eligibility;

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
import java.time.Duration;
import java.time.Instant;
import jp.oqs.api.eligibility.ConsentCategory;
import jp.oqs.api.eligibility.ConsentView;
import jp.oqs.qualification.Person;

/**
 * A person's consent to share one category with one clinic, given at the clinic's reader for a limited time. One
 * per (person, clinic, category): a new consent renews it, a withdrawal ends it at once. Its history is on the
 * audit trail.
 */
@Entity
@Table(name = "person_consent")
@NamedQuery(name = "Consent.ofClinic",
        query = "SELECT c FROM Consent c WHERE c.person = :person AND c.clinicCode = :clinic")
public class Consent {

    @Id
    @SequenceGenerator(name = "person_consent_seq", sequenceName = "person_consent_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "person_consent_seq")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "person_id", updatable = false)
    private Person person;

    @Column(name = "clinic_code", updatable = false)
    private String clinicCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "category", updatable = false)
    private ConsentCategory category;

    @Column(name = "granted_at")
    private Instant grantedAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "withdrawn_at")
    private Instant withdrawnAt;

    protected Consent() {
    }

    Consent(Person person, String clinicCode, ConsentCategory category) {
        this.person = person;
        this.clinicCode = clinicCode;
        this.category = category;
    }

    /** Gives (or renews) the consent from {@code now} for {@code lifetime}. */
    void grant(Instant now, Duration lifetime) {
        grantedAt = now;
        expiresAt = now.plus(lifetime);
        withdrawnAt = null;
    }

    /** Ends the consent at {@code now}; returns whether it was in force. */
    boolean withdraw(Instant now) {
        if (!liveAt(now)) {
            return false;
        }
        withdrawnAt = now;
        return true;
    }

    /** In force: given, not withdrawn, not expired. */
    boolean liveAt(Instant now) {
        return grantedAt != null && withdrawnAt == null && now.isBefore(expiresAt);
    }

    ConsentCategory category() {
        return category;
    }

    String clinicCode() {
        return clinicCode;
    }

    /** The consent as the clinic and the person see it at {@code now}. */
    ConsentView view(Instant now) {
        return liveAt(now) ? new ConsentView(category, true, grantedAt, expiresAt, null)
                : new ConsentView(category, false, null, null, withdrawnAt);
    }
}
