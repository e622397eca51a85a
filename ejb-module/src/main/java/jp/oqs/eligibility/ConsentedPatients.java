package jp.oqs.eligibility;

import jakarta.inject.Inject;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import jp.oqs.api.eligibility.ConsentCategory;
import jp.oqs.api.error.ErrorCodes;
import jp.oqs.identifier.MedicalInstitutionCode;
import jp.oqs.platform.BusinessException.Kind;
import jp.oqs.qualification.Person;

/**
 * Which patient a clinic may see medical data of (特定健診, 薬剤情報): the one whose card the clinic itself read and
 * confirmed in a card session within the last 24 hours, and only while that patient's consent of the category to
 * this clinic is in force. The clinic names the session, never the person: it cannot reach anyone whose card it did
 * not read. Each way of being refused has its own code, so the desk knows what to tell the patient.
 */
@Stateless
public class ConsentedPatients {

    /** How long a confirmed card session names the patient for the clinic (a visit). */
    private static final Duration VISIT = Duration.ofHours(24);

    @PersistenceContext(unitName = "oqs")
    private EntityManager em;

    @Inject
    private Clock clock;

    /**
     * The patient of the clinic's confirmed session; 404 {@code CARD_SESSION_NOT_FOUND} for an unknown, unconfirmed
     * or another clinic's session (alike), 401 {@code CARD_SESSION_EXPIRED} when it was confirmed more than 24 hours
     * ago.
     */
    public Person patientOf(MedicalInstitutionCode clinic, String sessionId) throws EligibilityException {
        ReaderSession session = sessionId == null ? null : em.find(ReaderSession.class, sessionId);
        if (session == null || !session.clinicCode().equals(clinic.value()) || session.confirmedAt() == null) {
            throw ReaderSession.notFound();
        }
        if (session.confirmedAt().plus(VISIT).isBefore(clock.instant())) {
            throw new EligibilityException(Kind.UNAUTHENTICATED, ErrorCodes.CARD_SESSION_EXPIRED,
                    "カードの読み取りから24時間が過ぎました。もう一度カードを読み取ってください。",
                    "the card session was confirmed at " + session.confirmedAt() + "; health data is answered for"
                            + " 24 hours after it: read the card in a new session");
        }
        return em.find(Person.class, session.personId());
    }

    /**
     * Requires the patient's consent of {@code category} to the clinic to be in force now: 403
     * {@code CONSENT_NOT_FOUND} (never given), {@code CONSENT_WITHDRAWN} (withdrawn with the card or "no" at the
     * reader) or {@code CONSENT_EXPIRED} (its 24 hours have passed).
     */
    public void requireConsent(MedicalInstitutionCode clinic, Person person, ConsentCategory category)
            throws EligibilityException {
        Instant now = clock.instant();
        Consent consent = em.createNamedQuery("Consent.ofClinic", Consent.class).setParameter("person", person)
                .setParameter("clinic", clinic.value()).getResultStream()
                .filter(c -> c.category() == category).findFirst().orElse(null);
        if (consent == null) {
            throw refused(ErrorCodes.CONSENT_NOT_FOUND, "この情報の提供に患者の同意がありません。",
                    "the patient has not consented to share " + category + " with this clinic; ask at the reader");
        }
        if (consent.liveAt(now)) {
            return;
        }
        if (consent.view(now).withdrawnAt() != null) {
            throw refused(ErrorCodes.CONSENT_WITHDRAWN, "患者が情報提供の同意を取り消しました。",
                    "the patient withdrew the consent to share " + category + " with this clinic");
        }
        throw refused(ErrorCodes.CONSENT_EXPIRED, "情報提供の同意の有効期限（24時間）が過ぎました。",
                "the consent to share " + category + " with this clinic has expired; the patient may consent again"
                        + " at the reader");
    }

    private static EligibilityException refused(String code, String message, String hint) {
        return new EligibilityException(Kind.FORBIDDEN, code, message, hint);
    }
}
