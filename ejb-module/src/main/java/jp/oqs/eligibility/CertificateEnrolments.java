package jp.oqs.eligibility;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jp.oqs.api.person.CardRegistrationRequest;
import jp.oqs.api.error.ErrorCodes;
import jp.oqs.api.sync.CertificateEnrolment;
import jp.oqs.audit.ActorKind;
import jp.oqs.audit.AuditKind;
import jp.oqs.audit.AuditTrail;
import jp.oqs.identifier.InsurerNumber;
import jp.oqs.identifier.InvalidIdentifierException;
import jp.oqs.insurer.Insurer;
import jp.oqs.platform.BusinessException.Kind;
import jp.oqs.platform.ServiceClock;
import jp.oqs.qualification.Person;
import jp.oqs.qualification.Qualification;

/**
 * Enrols card certificates for persons on behalf of the intermediate server. A sync job may enrol or revoke only
 * for a person with a qualification open today at one of its insurers (anyone else is answered as "no such
 * person"); the certificate's chain is validated against the configured trust anchors and CRLs before it is
 * enrolled. Enrolments and revocations go on the audit trail in the deciding transaction.
 */
@Stateless
public class CertificateEnrolments {

    @PersistenceContext(unitName = "oqs")
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private CertificateValidator certificates;

    @jakarta.ejb.EJB
    private AuditTrail audit;

    /** @param insurers the 8-digit insurer numbers the job acts for */
    public EnrolledCertificate enrol(String jobName, Set<String> insurers, CertificateEnrolment request)
            throws EligibilityException {
        X509Certificate certificate = certificates.parse(request.certificate());
        Qualification open = openQualification(request.linkKey(), insurers);
        Person person = open.person();
        // a certificate that does not chain to a card issuer (a self-signed one copying a card's issuer name and
        // serial) would make the real card resolve to this person
        certificates.validate(certificate, today());
        if (!enrolments("EnrolledCertificate.active", certificate).isEmpty()) {
            throw new EligibilityException(Kind.CONFLICT, ErrorCodes.CERTIFICATE_ALREADY_ENROLLED,
                    "この電子証明書は既に登録されています。",
                    "a certificate (issuer and serial number) is enrolled once; revoke it to stop it resolving");
        }
        var enrolment = new EnrolledCertificate(certificate, person,
                clock.instant().truncatedTo(ChronoUnit.MICROS), jobName);
        em.persist(enrolment);
        audit.record(ActorKind.SYNC_JOB, jobName, AuditKind.CERTIFICATE_ENROLMENT, person.id(),
                open.insurer().id(), "ENROLLED");
        return enrolment;
    }

    /** Revokes the person's active enrolment of the certificate (again: the latest revoked one, unchanged). */
    public EnrolledCertificate revoke(String jobName, Set<String> insurers, CertificateEnrolment request)
            throws EligibilityException {
        X509Certificate certificate = certificates.parse(request.certificate());
        Qualification open = openQualification(request.linkKey(), insurers);
        Person person = open.person();
        var enrolment = enrolments("EnrolledCertificate.find", certificate).stream()
                .filter(e -> e.person() == person)
                .max(Comparator.comparing((EnrolledCertificate e) -> e.revokedAt() == null)
                        .thenComparing(EnrolledCertificate::id))
                .orElseThrow(() -> new EligibilityException(Kind.NOT_FOUND, ErrorCodes.CERTIFICATE_NOT_ENROLLED,
                        "この電子証明書はこの人物に登録されていません。",
                        "no enrolment of this certificate for this person"));
        if (enrolment.revokedAt() == null) {
            enrolment.revoke(clock.instant().truncatedTo(ChronoUnit.MICROS), jobName);
            audit.record(ActorKind.SYNC_JOB, jobName, AuditKind.CERTIFICATE_REVOCATION, person.id(),
                    open.insurer().id(), "REVOKED");
        }
        return enrolment;
    }

    /** The person an enrolled, unrevoked certificate belongs to. */
    public Person enrolledPerson(X509Certificate certificate) throws EligibilityException {
        return active(certificate).map(EnrolledCertificate::person)
                .orElseThrow(() -> new EligibilityException(Kind.NOT_FOUND, ErrorCodes.CERTIFICATE_NOT_ENROLLED,
                        "この電子証明書は資格確認に登録されていません。",
                        "the certificate (issuer and serial number) is not enrolled for any person"));
    }

    /**
     * The person a card at the reader belongs to: as {@link #enrolledPerson}, but a card without registration is
     * answered so that the desk can tell the patient how to register (健康保険証利用登録).
     */
    public Person registeredPerson(X509Certificate certificate) throws EligibilityException {
        return active(certificate).map(EnrolledCertificate::person).orElseThrow(CertificateEnrolments::notRegistered);
    }

    /**
     * 健康保険証利用登録 by the person: links the card (already proven present and valid) to the person whose
     * qualification open today the numbers and birth date name. A wrong birth date answers like unknown numbers.
     * Registering a card linked to this person again changes nothing; a card linked to someone else is refused.
     */
    public EnrolledCertificate register(X509Certificate card, CardRegistrationRequest request)
            throws EligibilityException, InvalidIdentifierException {
        if (request.birthDate() == null) {
            throw new EligibilityException(Kind.INVALID, ErrorCodes.BIRTH_DATE_REQUIRED,
                    "生年月日を入力してください。", "birthDate is required to register a card");
        }
        if (request.number() == null || request.number().isBlank()) {
            throw new EligibilityException(Kind.INVALID, ErrorCodes.IDENTIFIER_REQUIRED,
                    "記号・番号を入力してください。", "give symbol + number (+ branchNumber) of the insurance card");
        }
        InsurerNumber insurerNumber = InsurerNumber.parse(request.insurerNumber());
        Qualification open = registrableQualification(insurerNumber, request);
        Person person = open.person();
        Optional<EnrolledCertificate> linked = active(card);
        if (linked.isPresent()) {
            if (linked.get().person() == person) {
                return linked.get();
            }
            throw new EligibilityException(Kind.CONFLICT, ErrorCodes.CERTIFICATE_ALREADY_ENROLLED,
                    "このカードは既に別の方の保険証として登録されています。",
                    "the card is registered for another person; that registration must be withdrawn first");
        }
        var enrolment = new EnrolledCertificate(card, person, clock.instant().truncatedTo(ChronoUnit.MICROS),
                PersonAccess.PERSON_ACTOR);
        em.persist(enrolment);
        audit.record(ActorKind.PERSON, PersonAccess.PERSON_ACTOR, AuditKind.CARD_REGISTRATION, person.id(),
                open.insurer().id(), "REGISTERED");
        return enrolment;
    }

    /** The person withdraws the card's registration: the card no longer answers at the reader. */
    public EnrolledCertificate withdrawRegistration(X509Certificate card) throws EligibilityException {
        EnrolledCertificate enrolment = active(card).orElseThrow(CertificateEnrolments::notRegistered);
        enrolment.revoke(clock.instant().truncatedTo(ChronoUnit.MICROS), PersonAccess.PERSON_ACTOR);
        audit.record(ActorKind.PERSON, PersonAccess.PERSON_ACTOR, AuditKind.CARD_DEREGISTRATION,
                enrolment.person().id(), null, "WITHDRAWN");
        return enrolment;
    }

    private Optional<EnrolledCertificate> active(X509Certificate certificate) {
        return enrolments("EnrolledCertificate.active", certificate).stream().findFirst();
    }

    private static EligibilityException notRegistered() {
        return new EligibilityException(Kind.NOT_FOUND, ErrorCodes.CARD_NOT_REGISTERED,
                "このマイナンバーカードは健康保険証として利用登録されていません。利用登録をご案内ください。",
                "the card's certificate is not registered for health insurance use; the person registers it with"
                        + " POST persons/card-registration");
    }

    /** The qualification open today under the insurance card's numbers, of the one person born on the date. */
    private Qualification registrableQualification(InsurerNumber insurerNumber, CardRegistrationRequest request)
            throws EligibilityException {
        Insurer insurer = em.createNamedQuery("Insurer.findByNumber", Insurer.class)
                .setParameter("insurerNumber", insurerNumber.value()).getResultStream().findFirst().orElse(null);
        if (insurer != null) {
            String symbol = request.symbol() == null || request.symbol().isBlank() ? null : request.symbol().strip();
            String branch = request.branchNumber() == null || request.branchNumber().isBlank() ? null
                    : request.branchNumber().strip();
            LocalDate today = today();
            List<Qualification> open = em.createNamedQuery("Qualification.byHousehold", Qualification.class)
                    .setParameter("insurer", insurer)
                    .setParameter("householdKey", Qualification.householdKey(symbol, request.number().strip()))
                    .setParameter("birthDate", request.birthDate())
                    .getResultList().stream()
                    .filter(q -> q.isOpenOn(today) && (branch == null || branch.equals(q.branchNumber())))
                    .toList();
            if (open.stream().map(Qualification::person).distinct().count() == 1) {
                return open.get(0);
            }
        }
        throw new EligibilityException(Kind.NOT_FOUND, ErrorCodes.PERSON_NOT_FOUND,
                "入力された保険証の情報に該当する資格がありません。記号・番号・枝番と生年月日をご確認ください。",
                "no single person with a qualification open today matches insurerNumber, symbol, number,"
                        + " branchNumber and birthDate (give branchNumber when family members share the numbers)");
    }

    /** Enrolments of the certificate (by issuer and serial number) that the named query selects. */
    private List<EnrolledCertificate> enrolments(String query, X509Certificate certificate) {
        return em.createNamedQuery(query, EnrolledCertificate.class)
                .setParameter("issuer", EnrolledCertificate.issuerOf(certificate))
                .setParameter("serial", EnrolledCertificate.serialOf(certificate))
                .getResultList();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ServiceClock.JAPAN);
    }

    /**
     * A qualification of the person open today at one of the token's insurers. A former insurer, another insurer
     * and an unknown link key all get the same answer.
     */
    private Qualification openQualification(String linkKey, Set<String> insurers) throws EligibilityException {
        Person person = linkKey == null ? null : em.createNamedQuery("Person.findByLinkKey", Person.class)
                .setParameter("linkKey", linkKey).getResultStream().findFirst().orElse(null);
        if (person != null) {
            LocalDate today = today();
            var open = em.createNamedQuery("Qualification.ofPersons", Qualification.class)
                    .setParameter("persons", List.of(person)).getResultList().stream()
                    .filter(q -> q.isOpenOn(today) && insurers.contains(q.insurer().insurerNumber()))
                    .findFirst();
            if (open.isPresent()) {
                return open.get();
            }
        }
        throw new EligibilityException(Kind.NOT_FOUND, ErrorCodes.PERSON_NOT_FOUND,
                "該当する人物がいません。",
                "no person with this linkKey holds a qualification open today at the token's insurers");
    }
}
