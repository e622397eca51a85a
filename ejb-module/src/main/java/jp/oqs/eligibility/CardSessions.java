package jp.oqs.eligibility;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import jp.oqs.api.eligibility.CardConfirmation;
import jp.oqs.api.eligibility.CardSessionResult;
import jp.oqs.api.eligibility.CardWarning;
import jp.oqs.api.eligibility.CertificateLookupResult;
import jp.oqs.api.eligibility.ConsentView;
import jp.oqs.api.error.ErrorCodes;
import jp.oqs.audit.ActorKind;
import jp.oqs.audit.AuditKind;
import jp.oqs.audit.AuditTrail;
import jp.oqs.clinic.ClinicLimitException;
import jp.oqs.identifier.MedicalInstitutionCode;
import jp.oqs.platform.BusinessException.Kind;
import jp.oqs.platform.OwnTransaction;
import jp.oqs.platform.RowLock;
import jp.oqs.platform.ServiceClock;
import jp.oqs.qualification.Person;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The My Number card at a clinic's reader. The clinic opens a session; the card signs its random nonce, which
 * proves the card is present (a certificate alone is public and can be replayed); the session is confirmed once,
 * before it expires, under a row lock, so two confirmations of one session cannot both succeed. The certificate's
 * validity and revocation are judged now, whatever visit date is asked. The answer is the certificate lookup's,
 * with the patient's consents and warnings for the desk; the answer, each consent and each refusal are on the
 * audit trail.
 */
@Stateless
public class CardSessions {

    /** How long a confirmed session backs certificate lookups of its clinic (oqs.certificates.require-session). */
    private static final Duration BACKING = Duration.ofHours(24);
    /** A card whose certificate ends sooner than this gets {@code CERTIFICATE_EXPIRES_SOON}. */
    private static final int EXPIRY_WARNING_MONTHS = 3;
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "oqs")
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private CertificateValidator certificates;

    @EJB
    private CertificateEnrolments enrolments;

    @EJB
    private EligibilityService eligibility;

    @EJB
    private Consents consents;

    @EJB
    private AuditTrail audit;

    @EJB
    private OwnTransaction ownTransaction;

    @Inject
    @ConfigProperty(name = "oqs.card-sessions.lifetime-seconds", defaultValue = "120")
    private long lifetimeSeconds;

    @Inject
    @ConfigProperty(name = "oqs.certificates.require-session", defaultValue = "false")
    private boolean requireSession;

    /**
     * A new session of the clinic with a fresh nonce. Sessions older than a day are dropped here (a confirmed one
     * is kept that long to back certificate lookups).
     */
    public ReaderSession open(MedicalInstitutionCode clinic) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        em.createNamedQuery("ReaderSession.purge").setParameter("before", now.minus(BACKING)).executeUpdate();
        byte[] nonce = new byte[32];
        RANDOM.nextBytes(nonce);
        ReaderSession session = new ReaderSession(UUID.randomUUID().toString(), clinic.value(),
                Base64.getUrlEncoder().withoutPadding().encodeToString(nonce), now, now.plusSeconds(lifetimeSeconds));
        em.persist(session);
        audit.record(ActorKind.CLINIC, clinic.value(), AuditKind.CARD_SESSION, null, null, "OPENED");
        return session;
    }

    /**
     * Confirms the clinic's session with the card's proof and the patient's choices, in a transaction of its own. A
     * refusal is on the audit trail with its code, in a new transaction after the refused one rolled back (so the
     * session stays unconfirmed, and the refusal never waits for a second connection while holding the session's
     * row: see {@link OwnTransaction}); an unknown or another clinic's session is written by the web layer's refusal
     * audit, as every 404 of an object fetched by id ({@code ACCESS_REFUSED}), not twice.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public CardSessionResult confirm(MedicalInstitutionCode clinic, String sessionId, CardConfirmation confirmation)
            throws EligibilityException, ClinicLimitException {
        try {
            return ownTransaction.<CardSessionResult, EligibilityException, ClinicLimitException>run(
                    () -> decide(clinic, sessionId, confirmation));
        } catch (EligibilityException refused) {
            if (!ErrorCodes.CARD_SESSION_NOT_FOUND.equals(refused.code())) {
                audit.recordRefusal(ActorKind.CLINIC, clinic.value(), AuditKind.CARD_SESSION, refused.code());
            }
            throw refused;
        }
    }

    private CardSessionResult decide(MedicalInstitutionCode clinic, String sessionId, CardConfirmation confirmation)
            throws EligibilityException, ClinicLimitException {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        ReaderSession session = sessionId != null && RowLock.acquire(em, "ReaderSession.lock", sessionId)
                ? em.find(ReaderSession.class, sessionId) : null;
        if (session == null) {
            throw ReaderSession.notFound();
        }
        session.checkConfirmable(clinic.value(), now);
        X509Certificate certificate = certificates.parse(confirmation.certificate());
        certificates.validate(certificate, LocalDate.ofInstant(now, ServiceClock.JAPAN));
        PersonAccess.checkSignature(certificate, session.nonce(), confirmation.signature());
        Person person = enrolments.registeredPerson(certificate);
        session.confirm(now, EnrolledCertificate.issuerOf(certificate), EnrolledCertificate.serialOf(certificate),
                person.id());
        // the patient's answers first: the eligibility answer carries the groups they consent to now
        List<ConsentView> given = consents.atReader(clinic, person, confirmation.consents());
        CertificateLookupResult answer = eligibility.cardSessionAnswer(clinic, person, confirmation.asOf());
        return new CardSessionResult(session.id(), answer, given, confirmation.prescriptionForm(),
                warnings(certificate, now));
    }

    /** What the desk should tell the patient (付帯情報). */
    private static List<CardWarning> warnings(X509Certificate certificate, Instant now) {
        List<CardWarning> warnings = new ArrayList<>();
        LocalDate ends = LocalDate.ofInstant(certificate.getNotAfter().toInstant(), ServiceClock.JAPAN);
        if (ends.isBefore(LocalDate.ofInstant(now, ServiceClock.JAPAN).plusMonths(EXPIRY_WARNING_MONTHS))) {
            warnings.add(new CardWarning(CardWarning.CERTIFICATE_EXPIRES_SOON,
                    "マイナンバーカードの電子証明書の有効期限（" + ends + "）が近づいています。市区町村での更新をご案内ください。"));
        }
        return warnings;
    }

    /**
     * With {@code oqs.certificates.require-session=true}, a bare certificate lookup is answered only for a
     * certificate the clinic confirmed a card session with in the last 24 hours: a certificate seen once cannot be
     * replayed by anyone else.
     */
    public void requireSession(MedicalInstitutionCode clinic, X509Certificate certificate)
            throws EligibilityException {
        if (!requireSession) {
            return;
        }
        long backing = em.createNamedQuery("ReaderSession.confirmedWith", Long.class)
                .setParameter("serial", EnrolledCertificate.serialOf(certificate))
                .setParameter("issuer", EnrolledCertificate.issuerOf(certificate))
                .setParameter("clinic", clinic.value())
                .setParameter("since", clock.instant().minus(BACKING))
                .getSingleResult();
        if (backing == 0) {
            throw new EligibilityException(Kind.UNAUTHENTICATED, ErrorCodes.CARD_SESSION_REQUIRED,
                    "カードの読み取り（カードセッション）による確認が必要です。",
                    "certificate lookups need a card session of this clinic confirmed with this certificate in the"
                            + " last 24 hours (oqs.certificates.require-session); use POST eligibility/card-sessions");
        }
    }
}
