package jp.oqs.eligibility;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedNativeQuery;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import jp.oqs.api.error.ErrorCodes;
import jp.oqs.platform.BusinessException.Kind;

/**
 * A card session at a clinic's reader: opened by the clinic, confirmed once, before it expires, by the card's
 * signature over the nonce. The confirmed session keeps the person and the certificate it was confirmed with.
 */
@Entity
@Table(name = "card_session")
@NamedNativeQuery(name = "ReaderSession.lock", query = "UPDATE card_session SET expires_at = expires_at WHERE id = ?")
@NamedQuery(name = "ReaderSession.confirmedWith",
        query = "SELECT COUNT(s) FROM ReaderSession s WHERE s.certificateSerial = :serial"
                + " AND s.certificateIssuer = :issuer AND s.clinicCode = :clinic AND s.confirmedAt >= :since")
@NamedQuery(name = "ReaderSession.purge",
        query = "DELETE FROM ReaderSession s WHERE s.expiresAt < :before")
public class ReaderSession {

    @Id
    private String id;

    @Column(name = "clinic_code", updatable = false)
    private String clinicCode;

    @Column(name = "nonce", updatable = false)
    private String nonce;

    @Column(name = "created_at", updatable = false)
    private Instant createdAt;

    @Column(name = "expires_at", updatable = false)
    private Instant expiresAt;

    @Column(name = "confirmed_at")
    private Instant confirmedAt;

    @Column(name = "person_id")
    private Long personId;

    @Column(name = "certificate_issuer")
    private String certificateIssuer;

    @Column(name = "certificate_serial")
    private String certificateSerial;

    protected ReaderSession() {
    }

    ReaderSession(String id, String clinicCode, String nonce, Instant createdAt, Instant expiresAt) {
        this.id = id;
        this.clinicCode = clinicCode;
        this.nonce = nonce;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    /**
     * Whether {@code clinic} may confirm the session at {@code now}: another clinic's session is answered as
     * unknown; a confirmed one is a replay; an expired one is refused with its own code, so the desk knows to start
     * again.
     */
    void checkConfirmable(String clinic, Instant now) throws EligibilityException {
        if (!clinicCode.equals(clinic)) {
            throw notFound();
        }
        if (confirmedAt != null) {
            throw new EligibilityException(Kind.UNAUTHENTICATED, ErrorCodes.CHALLENGE_INVALID,
                    "このカード読み取りは既に確認済みです。もう一度カードを読み取ってください。",
                    "a card session is confirmed once; open a new session for every reading");
        }
        if (now.isAfter(expiresAt)) {
            throw new EligibilityException(Kind.UNAUTHENTICATED, ErrorCodes.CARD_SESSION_EXPIRED,
                    "カード読み取りの有効時間が過ぎました。もう一度カードを読み取ってください。",
                    "the session expired at " + expiresAt + "; open a new session and confirm it within its lifetime");
        }
    }

    static EligibilityException notFound() {
        return new EligibilityException(Kind.NOT_FOUND, ErrorCodes.CARD_SESSION_NOT_FOUND,
                "カード読み取りの受付が見つかりません。もう一度カードを読み取ってください。",
                "no card session with this id for this clinic");
    }

    /** Confirmed at {@code now} for the person, with the certificate (issuer and serial as enrolments keep them). */
    void confirm(Instant now, String issuer, String serial, long person) {
        confirmedAt = now;
        personId = person;
        certificateIssuer = issuer;
        certificateSerial = serial;
    }

    public String id() {
        return id;
    }

    public String nonce() {
        return nonce;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    Instant confirmedAt() {
        return confirmedAt;
    }

    /** The person the session was confirmed for; null while unconfirmed. */
    Long personId() {
        return personId;
    }

    String clinicCode() {
        return clinicCode;
    }
}
