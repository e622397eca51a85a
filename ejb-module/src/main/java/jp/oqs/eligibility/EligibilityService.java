package jp.oqs.eligibility;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import jp.oqs.api.eligibility.CertificateLookupRequest;
import jp.oqs.api.eligibility.CertificateLookupResult;
import jp.oqs.api.eligibility.LookupRequest;
import jp.oqs.api.eligibility.LookupResult;
import jp.oqs.api.eligibility.QualificationView;
import jp.oqs.api.eligibility.ResultStatus;
import jp.oqs.api.eligibility.Validity;
import jp.oqs.api.error.ErrorCodes;
import jp.oqs.audit.ActorKind;
import jp.oqs.audit.AuditKind;
import jp.oqs.audit.AuditTrail;
import jp.oqs.clinic.ClinicAlerts;
import jp.oqs.clinic.ClinicGuard;
import jp.oqs.clinic.ClinicLimitException;
import jp.oqs.clinic.ClinicRateLimiter;
import jp.oqs.clinic.NotFoundWatch;
import jp.oqs.identifier.InsurerNumber;
import jp.oqs.identifier.InvalidIdentifierException;
import jp.oqs.identifier.MedicalInstitutionCode;
import jp.oqs.insurer.Insurer;
import jp.oqs.platform.BusinessException.Kind;
import jp.oqs.qualification.Person;
import jp.oqs.qualification.Qualification;
import jp.oqs.qualification.QualificationVersion;

/**
 * Answers clinics' checks. What was true on the visit date is read with as-of queries over the versions; the
 * answer and its audit entry commit in one transaction. A wrong birth date answers 4, exactly as an unknown
 * number does: the service is no oracle for guessing. Each clinic has a limit of lookups per minute (card numbers
 * and certificates together, in memory), and a clinic whose answers are mostly "not found" raises an alert.
 */
@Stateless
public class EligibilityService {

    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final LocalDate END_OF_TIME = LocalDate.of(9999, 12, 31);

    @PersistenceContext(unitName = "oqs")
    private EntityManager em;

    @Inject
    private Clock clock;

    @EJB
    private AuditTrail audit;

    @Inject
    private CertificateValidator certificates;

    @EJB
    private CertificateEnrolments enrolments;

    @Inject
    private ClinicGuard guard;

    @EJB
    private ClinicAlerts alerts;

    /**
     * A check by card numbers and birth date, as {@code clinic}. A refused check is audited too, with its error
     * code, in a transaction of its own; a check over the clinic's limit is refused before anything is read.
     */
    public LookupResult lookup(MedicalInstitutionCode clinic, LookupRequest request)
            throws EligibilityException, InvalidIdentifierException, ClinicLimitException {
        refuseOverLimit(clinic);
        try {
            return decide(clinic, request, AuditKind.LOOKUP);
        } catch (EligibilityException | InvalidIdentifierException refused) {
            audit.recordRefusal(ActorKind.CLINIC, clinic.value(), AuditKind.LOOKUP, refused.code());
            throw refused;
        }
    }

    private LookupResult decide(MedicalInstitutionCode clinic, LookupRequest request, AuditKind kind)
            throws EligibilityException, InvalidIdentifierException {
        LocalDate asOf = asOf(request.asOf());
        if (request.birthDate() == null) {
            throw new EligibilityException(Kind.INVALID, ErrorCodes.BIRTH_DATE_REQUIRED,
                    "生年月日を入力してください。番号だけでは照会できません。",
                    "birthDate is required with every card number");
        }
        InsurerNumber insurerNumber = InsurerNumber.parse(request.insurerNumber());
        boolean byIndividual = present(request.individualNumber());
        if (!byIndividual && !present(request.number())) {
            throw new EligibilityException(Kind.INVALID, ErrorCodes.IDENTIFIER_REQUIRED,
                    "記号・番号または個人単位の被保険者番号を入力してください。",
                    "give symbol + number (+ branchNumber), or individualNumber");
        }
        Insurer insurer = em.createNamedQuery("Insurer.findByNumber", Insurer.class)
                .setParameter("insurerNumber", insurerNumber.value())
                .getResultStream().findFirst().orElse(null);
        List<Qualification> candidates = insurer == null ? List.of() : candidates(insurer, request, byIndividual);
        List<Person> persons = candidates.stream().map(Qualification::person).distinct().toList();
        if (persons.isEmpty()) {
            return answer(clinic, kind, asOf, Validity.NOT_FOUND, null, null, null, insurer);
        }
        if (persons.size() > 1) {
            return answer(clinic, kind, asOf, Validity.MULTIPLE, null, null, null, insurer);
        }
        Person person = persons.get(0);
        // of the person's qualifications under these numbers, the one in force on the date, else the latest
        Optional<QualificationVersion> inForce = candidates.stream()
                .map(q -> versionOn(q, asOf)).flatMap(Optional::stream)
                .filter(v -> v.lostOn() == null).findFirst();
        if (inForce.isPresent()) {
            return answer(clinic, kind, asOf, Validity.VALID, person, inForce.get(), null, insurer);
        }
        Qualification matched = candidates.stream().max(Comparator.comparing(Qualification::acquiredOn)).get();
        QualificationVersion shown = versionOn(matched, asOf).orElseGet(() -> versionOn(matched, END_OF_TIME)
                .orElseThrow());
        Optional<QualificationVersion> current = validVersionsOf(person, asOf).stream()
                .filter(v -> !candidates.contains(v.qualification())).findFirst();
        return current.isPresent()
                ? answer(clinic, kind, asOf, Validity.INVALID_NEWER_EXISTS, person, shown, current.get(), insurer)
                : answer(clinic, kind, asOf, Validity.INVALID, person, shown, null, insurer);
    }

    /** A check by My Number card certificate: every qualification of the person valid on the date. */
    public CertificateLookupResult certificateLookup(MedicalInstitutionCode clinic, CertificateLookupRequest request)
            throws EligibilityException, ClinicLimitException {
        refuseOverLimit(clinic);
        try {
            return decideByCertificate(clinic, request);
        } catch (EligibilityException refused) {
            audit.recordRefusal(ActorKind.CLINIC, clinic.value(), AuditKind.CERTIFICATE_LOOKUP, refused.code());
            throw refused;
        }
    }

    private CertificateLookupResult decideByCertificate(MedicalInstitutionCode clinic,
                                                        CertificateLookupRequest request) throws EligibilityException {
        LocalDate asOf = asOf(request.asOf());
        X509Certificate certificate = certificates.parse(request.certificate());
        certificates.validate(certificate, asOf);
        Person person = enrolments.enrolledPerson(certificate);
        List<QualificationVersion> valid = validVersionsOf(person, asOf);
        Validity validity;
        if (!valid.isEmpty()) {
            validity = Validity.VALID;
        } else {
            boolean hasAny = !em.createNamedQuery("Qualification.ofPerson", Qualification.class)
                    .setParameter("person", person).setMaxResults(1).getResultList().isEmpty();
            validity = hasAny ? Validity.INVALID : Validity.NOT_FOUND;
        }
        Long insurerId = valid.isEmpty() ? null : valid.get(0).qualification().insurer().id();
        String checkId = audit.record(ActorKind.CLINIC, clinic.value(), AuditKind.CERTIFICATE_LOOKUP, person.id(),
                insurerId, String.valueOf(validity.code()));
        watch(clinic, validity);
        List<QualificationView> views = valid.stream().map(EligibilityViews::of).toList();
        return new CertificateLookupResult(checkId, ResultStatus.COMPLETED, validity.code(), validity, asOf, views);
    }

    /**
     * A bulk entry: answered like a single check, or, when its input is bad, answered with the error (audited
     * too). Never throws, so one bad entry does not roll back the chunk it is answered in.
     */
    public EntryAnswer answerEntry(MedicalInstitutionCode clinic, LookupRequest request) {
        try {
            return new EntryAnswer(decide(clinic, request, AuditKind.BULK_ENTRY), null, null);
        } catch (EligibilityException | InvalidIdentifierException failure) {
            audit.record(ActorKind.CLINIC, clinic.value(), AuditKind.BULK_ENTRY, null, null, failure.code());
            return new EntryAnswer(null, failure.code(), failure.getMessage());
        }
    }

    /** The outcome of one bulk entry: an answer, or an error code and message. */
    public record EntryAnswer(LookupResult answer, String errorCode, String errorMessage) {
    }

    private LookupResult answer(MedicalInstitutionCode clinic, AuditKind kind, LocalDate asOf, Validity validity,
                                Person person, QualificationVersion shown, QualificationVersion current,
                                Insurer insurer) {
        String checkId = audit.record(ActorKind.CLINIC, clinic.value(), kind, person == null ? null : person.id(),
                insurer == null ? null : insurer.id(), String.valueOf(validity.code()));
        watch(clinic, validity);
        return new LookupResult(checkId, ResultStatus.COMPLETED, validity.code(), validity, asOf,
                EligibilityViews.of(shown), EligibilityViews.of(current));
    }

    /**
     * Takes one lookup of the clinic's allowance (in memory, no database work). Over it: refused with 429; the
     * first refusal of a minute goes on the audit trail (in a transaction of its own), the others do not, so a
     * flood of refused requests writes nothing.
     */
    private void refuseOverLimit(MedicalInstitutionCode clinic) throws ClinicLimitException {
        ClinicRateLimiter.Refusal refusal = guard.takeLookup(clinic.value());
        if (refusal == null) {
            return;
        }
        if (refusal.record()) {
            audit.recordRefusal(ActorKind.CLINIC, clinic.value(), AuditKind.CLINIC_LIMIT,
                    ErrorCodes.RATE_LIMITED + " " + guard.lookupsPerMinute() + "/min");
        }
        throw new ClinicLimitException(ErrorCodes.RATE_LIMITED,
                "照会の回数が上限（1分あたり" + guard.lookupsPerMinute()
                        + "件）を超えました。しばらく待ってから照会してください。",
                "more than " + guard.lookupsPerMinute() + " lookups a minute (card numbers and certificates together) "
                        + "from this clinic (oqs.eligibility.limit.lookups-per-minute); retry after Retry-After seconds",
                refusal.retryAfterSeconds());
    }

    /** Counts the answer for the clinic's not-found watch; the answer that crosses its threshold raises the alert. */
    private void watch(MedicalInstitutionCode clinic, Validity validity) {
        NotFoundWatch.Crossing crossing = guard.answered(clinic.value(), validity == Validity.NOT_FOUND,
                clock.instant());
        if (crossing != null) {
            alerts.raise(crossing);
        }
    }

    private List<Qualification> candidates(Insurer insurer, LookupRequest request, boolean byIndividual) {
        if (byIndividual) {
            return em.createNamedQuery("Qualification.byIndividualNumber", Qualification.class)
                    .setParameter("insurer", insurer)
                    .setParameter("individualNumber", request.individualNumber().strip())
                    .setParameter("birthDate", request.birthDate())
                    .getResultList();
        }
        String symbol = present(request.symbol()) ? request.symbol().strip() : null;
        List<Qualification> household = em.createNamedQuery("Qualification.byHousehold", Qualification.class)
                .setParameter("insurer", insurer)
                .setParameter("householdKey", Qualification.householdKey(symbol, request.number().strip()))
                .setParameter("birthDate", request.birthDate())
                .getResultList();
        if (!present(request.branchNumber())) {
            return household;
        }
        String branch = request.branchNumber().strip();
        return household.stream().filter(q -> branch.equals(q.branchNumber())).toList();
    }

    private Optional<QualificationVersion> versionOn(Qualification qualification, LocalDate date) {
        return em.createNamedQuery("QualificationVersion.ofQualificationAsOf", QualificationVersion.class)
                .setParameter("qualification", qualification)
                .setParameter("asOf", date)
                .getResultStream().findFirst();
    }

    /** The person's versions in force on the date that are not a loss: the qualifications valid that day. */
    private List<QualificationVersion> validVersionsOf(Person person, LocalDate date) {
        return em.createNamedQuery("QualificationVersion.asOf", QualificationVersion.class)
                .setParameter("person", person)
                .setParameter("asOf", date)
                .getResultList().stream()
                .filter(v -> v.lostOn() == null)
                .toList();
    }

    private LocalDate asOf(LocalDate requested) throws EligibilityException {
        LocalDate today = LocalDate.now(clock);
        if (requested == null) {
            return today;
        }
        if (requested.isAfter(today)) {
            throw new EligibilityException(Kind.INVALID, ErrorCodes.AS_OF_IN_FUTURE,
                    "資格確認日に未来の日付は指定できません。",
                    "asOf " + requested + " is after today (" + today + ", Asia/Tokyo)");
        }
        if (requested.isBefore(EARLIEST)) {
            throw new EligibilityException(Kind.INVALID, ErrorCodes.INVALID_REQUEST,
                    "資格確認日が正しくありません。", "asOf must not be before " + EARLIEST);
        }
        return requested;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
