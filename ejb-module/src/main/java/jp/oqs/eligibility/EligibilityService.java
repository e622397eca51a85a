package jp.oqs.eligibility;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
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
import jp.oqs.audit.PendingAudit;
import jp.oqs.identifier.InsurerNumber;
import jp.oqs.identifier.InvalidIdentifierException;
import jp.oqs.identifier.MedicalInstitutionCode;
import jp.oqs.insurer.Insurer;
import jp.oqs.platform.BusinessException.Kind;
import jp.oqs.platform.InLists;
import jp.oqs.platform.OwnTransaction;
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

    @EJB
    private OwnTransaction ownTransaction;

    @Inject
    private CertificateValidator certificates;

    @EJB
    private CertificateEnrolments enrolments;

    @EJB
    private CardSessions sessions;

    @EJB
    private Consents consents;

    @Inject
    private ClinicGuard guard;

    @EJB
    private ClinicAlerts alerts;

    /**
     * A check by card numbers and birth date, as {@code clinic}, decided in a transaction of its own. A refused
     * check is audited too, with its error code, in a new transaction after the refused one rolled back (never
     * nested in it: see {@link OwnTransaction}); a check over the clinic's limit is refused before anything is read.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public LookupResult lookup(MedicalInstitutionCode clinic, LookupRequest request)
            throws EligibilityException, InvalidIdentifierException, ClinicLimitException {
        refuseOverLimit(clinic);
        try {
            return ownTransaction.<LookupResult, EligibilityException, InvalidIdentifierException>run(() -> {
                LookupResult answer = decide(clinic, request, AuditKind.LOOKUP, databaseReads, immediateAudit);
                LimitChanges.record(em, clinic.value(), Stream.ofNullable(answer.qualification()).toList(),
                        clock.instant().truncatedTo(ChronoUnit.MICROS));
                return answer;
            });
        } catch (EligibilityException | InvalidIdentifierException refused) {
            audit.recordRefusal(ActorKind.CLINIC, clinic.value(), AuditKind.LOOKUP, refused.code());
            throw refused;
        }
    }

    private LookupResult decide(MedicalInstitutionCode clinic, LookupRequest request, AuditKind kind, Reads reads,
                                Auditor auditor) throws EligibilityException, InvalidIdentifierException {
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
        Insurer insurer = reads.insurer(insurerNumber.value());
        List<Qualification> candidates = insurer == null ? List.of()
                : candidates(reads, insurer, request, byIndividual);
        List<Person> persons = candidates.stream().map(Qualification::person).distinct().toList();
        if (persons.isEmpty()) {
            return answer(reads, auditor, clinic, kind, asOf, Validity.NOT_FOUND, null, null, null, insurer,
                    Disclosure.NONE);
        }
        if (persons.size() > 1) {
            return answer(reads, auditor, clinic, kind, asOf, Validity.MULTIPLE, null, null, null, insurer,
                    Disclosure.NONE);
        }
        Person person = persons.get(0);
        Disclosure disclosure = Disclosure.byRequest(request.limitCertificateConsent());
        // of the person's qualifications under these numbers, the one in force on the date, else the latest
        Optional<QualificationVersion> inForce = candidates.stream()
                .map(q -> reads.versionOn(q, asOf)).flatMap(Optional::stream)
                .filter(v -> v.lostOn() == null).findFirst();
        if (inForce.isPresent()) {
            return answer(reads, auditor, clinic, kind, asOf, Validity.VALID, person, inForce.get(), null, insurer,
                    disclosure);
        }
        Qualification matched = candidates.stream().max(Comparator.comparing(Qualification::acquiredOn)).get();
        QualificationVersion shown = reads.versionOn(matched, asOf).orElseGet(() -> reads.versionOn(matched,
                END_OF_TIME).orElseThrow());
        Optional<QualificationVersion> current = validVersionsOf(person, asOf).stream()
                .filter(v -> !candidates.contains(v.qualification())).findFirst();
        return current.isPresent()
                ? answer(reads, auditor, clinic, kind, asOf, Validity.INVALID_NEWER_EXISTS, person, shown,
                        current.get(), insurer, disclosure)
                : answer(reads, auditor, clinic, kind, asOf, Validity.INVALID, person, shown, null, insurer,
                        disclosure);
    }

    /**
     * A check by My Number card certificate: every qualification of the person valid on the date. Decided and
     * refused as {@link #lookup}.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public CertificateLookupResult certificateLookup(MedicalInstitutionCode clinic, CertificateLookupRequest request)
            throws EligibilityException, ClinicLimitException {
        refuseOverLimit(clinic);
        try {
            return ownTransaction.<CertificateLookupResult, EligibilityException, EligibilityException>run(
                    () -> decideByCertificate(clinic, request));
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
        sessions.requireSession(clinic, certificate);
        Person person = enrolments.enrolledPerson(certificate);
        return personAnswer(clinic, person, asOf, AuditKind.CERTIFICATE_LOOKUP);
    }

    /**
     * The answer to a confirmed card session ({@link CardSessions}): the person whose card signed the session's
     * nonce, answered as a certificate lookup answers, as of {@code requestedAsOf}. It counts against the clinic's
     * lookups like any single check.
     */
    public CertificateLookupResult cardSessionAnswer(MedicalInstitutionCode clinic, Person person,
                                                     LocalDate requestedAsOf)
            throws EligibilityException, ClinicLimitException {
        refuseOverLimit(clinic);
        return personAnswer(clinic, person, asOf(requestedAsOf), AuditKind.CARD_SESSION);
    }

    /** Every qualification of the person valid on the date, audited as {@code kind} in this transaction. */
    private CertificateLookupResult personAnswer(MedicalInstitutionCode clinic, Person person, LocalDate asOf,
                                                 AuditKind kind) {
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
        Disclosure disclosure = valid.isEmpty() ? Disclosure.NONE
                : Disclosure.byConsents(consents.live(clinic, person));
        String checkId = audit.record(ActorKind.CLINIC, clinic.value(), kind, person.id(),
                insurerId, disclosure.auditResult(validity.code()));
        watch(clinic, validity);
        List<QualificationView> views = valid.stream()
                .map(v -> view(databaseReads, clinic, asOf, v, disclosure)).toList();
        LimitChanges.record(em, clinic.value(), views, clock.instant().truncatedTo(ChronoUnit.MICROS));
        return new CertificateLookupResult(checkId, ResultStatus.COMPLETED, validity.code(), validity, asOf, views);
    }

    /**
     * The entries of a bulk chunk, answered like single checks, or, when an entry's input is bad, answered with the
     * error (audited too). Never throws for an entry, so one bad entry does not roll back the chunk it is answered
     * in. What the entries refer to is read for the whole chunk in a few queries ({@link ChunkReads}); the audit
     * entries are collected in {@code audit}, for the caller to append before it commits.
     */
    public List<EntryAnswer> answerEntries(MedicalInstitutionCode clinic, List<LookupRequest> requests,
                                           PendingAudit audit) {
        ChunkReads reads = new ChunkReads(clinic, requests);
        Auditor auditor = (actor, kind, personId, insurerId, result) ->
                audit.add(ActorKind.CLINIC, actor, kind, personId, insurerId, result);
        List<EntryAnswer> answers = new ArrayList<>(requests.size());
        for (LookupRequest request : requests) {
            try {
                answers.add(new EntryAnswer(decide(clinic, request, AuditKind.BULK_ENTRY, reads, auditor), null,
                        null));
            } catch (EligibilityException | InvalidIdentifierException failure) {
                auditor.record(clinic.value(), AuditKind.BULK_ENTRY, null, null, failure.code());
                answers.add(new EntryAnswer(null, failure.code(), failure.getMessage()));
            }
        }
        return answers;
    }

    /** The outcome of one bulk entry: an answer, or an error code and message. */
    public record EntryAnswer(LookupResult answer, String errorCode, String errorMessage) {
    }

    private LookupResult answer(Reads reads, Auditor auditor, MedicalInstitutionCode clinic, AuditKind kind,
                                LocalDate asOf,
                                Validity validity, Person person, QualificationVersion shown,
                                QualificationVersion current, Insurer insurer, Disclosure disclosure) {
        String checkId = auditor.record(clinic.value(), kind, person == null ? null : person.id(),
                insurer == null ? null : insurer.id(), disclosure.auditResult(validity.code()));
        watch(clinic, validity);
        return new LookupResult(checkId, ResultStatus.COMPLETED, validity.code(), validity, asOf,
                view(reads, clinic, asOf, shown, disclosure), view(reads, clinic, asOf, current, disclosure));
    }

    /**
     * What the clinic sees of a version on {@code asOf}, with its own 照会番号 for the card when it registered one,
     * and the consent-bound groups the patient's consent allows.
     */
    private static QualificationView view(Reads reads, MedicalInstitutionCode clinic, LocalDate asOf,
                                          QualificationVersion version, Disclosure disclosure) {
        if (version == null) {
            return null;
        }
        String key = ClinicReferenceNumber.key(clinic.value(), version.qualification());
        return EligibilityViews.of(version, asOf, key == null ? null : reads.referenceNumber(key), disclosure);
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

    /** Where a decision's audit entry goes: appended at once, or collected for the end of a bulk chunk. */
    @FunctionalInterface
    private interface Auditor {
        String record(String clinic, AuditKind kind, Long personId, Long insurerId, String result);
    }

    /**
     * What a decision reads. None of it is changed by the transaction that reads it (a check writes only its
     * answer and audit entries), so every query runs without flushing the unit of work first.
     */
    private interface Reads {
        Insurer insurer(String insurerNumber);

        /** Qualifications of persons born on {@code birthDate}, by individual-unit number. */
        List<Qualification> byIndividualNumber(Insurer insurer, String individualNumber, LocalDate birthDate);

        /** Qualifications of persons born on {@code birthDate}, by 記号・番号, oldest first. */
        List<Qualification> byHousehold(Insurer insurer, String householdKey, LocalDate birthDate);

        Optional<QualificationVersion> versionOn(Qualification qualification, LocalDate date);

        /** The 照会番号 registered under the card key ({@link ClinicReferenceNumber#key}), or {@code null}. */
        String referenceNumber(String cardKey);
    }

    /** A single check's reads: one query each. */
    private final Reads databaseReads = new Reads() {
        @Override
        public Insurer insurer(String insurerNumber) {
            return em.createNamedQuery("Insurer.findByNumber", Insurer.class)
                    .setParameter("insurerNumber", insurerNumber).setFlushMode(FlushModeType.COMMIT)
                    .getResultStream().findFirst().orElse(null);
        }

        @Override
        public List<Qualification> byIndividualNumber(Insurer insurer, String individualNumber,
                                                      LocalDate birthDate) {
            return em.createNamedQuery("Qualification.byIndividualNumber", Qualification.class)
                    .setParameter("insurer", insurer)
                    .setParameter("individualNumber", individualNumber)
                    .setParameter("birthDate", birthDate)
                    .setFlushMode(FlushModeType.COMMIT).getResultList();
        }

        @Override
        public List<Qualification> byHousehold(Insurer insurer, String householdKey, LocalDate birthDate) {
            return em.createNamedQuery("Qualification.byHousehold", Qualification.class)
                    .setParameter("insurer", insurer)
                    .setParameter("householdKey", householdKey)
                    .setParameter("birthDate", birthDate)
                    .setFlushMode(FlushModeType.COMMIT).getResultList();
        }

        @Override
        public Optional<QualificationVersion> versionOn(Qualification qualification, LocalDate date) {
            return em.createNamedQuery("QualificationVersion.ofQualificationAsOf", QualificationVersion.class)
                    .setParameter("qualification", qualification)
                    .setParameter("asOf", date)
                    .setFlushMode(FlushModeType.COMMIT)
                    .getResultStream().findFirst();
        }

        @Override
        public String referenceNumber(String cardKey) {
            ClinicReferenceNumber registered = em.find(ClinicReferenceNumber.class, cardKey);
            return registered == null ? null : registered.referenceNumber();
        }
    };

    /** A single check's audit entry: appended at once, in its transaction. */
    private final Auditor immediateAudit = (actor, kind, personId, insurerId, result) ->
            audit.record(ActorKind.CLINIC, actor, kind, personId, insurerId, result);

    /**
     * A bulk chunk's reads: the insurers, the qualifications (with their persons and versions) under the numbers
     * the chunk's entries give, read once for the chunk in a few queries, then answered from memory.
     */
    private final class ChunkReads implements Reads {

        private final Map<String, Insurer> insurers = new HashMap<>();
        private final Map<String, List<Qualification>> households = new HashMap<>();
        private final Map<String, List<Qualification>> individuals = new HashMap<>();
        private final Map<String, String> referenceNumbers = new HashMap<>();

        ChunkReads(MedicalInstitutionCode clinic, List<LookupRequest> requests) {
            Map<LookupRequest, String> numberOf = new HashMap<>();
            for (LookupRequest request : requests) {
                try {
                    numberOf.put(request, InsurerNumber.parse(request.insurerNumber()).value());
                } catch (InvalidIdentifierException refusedWhenDecided) {
                    // answered with the error by decide
                }
            }
            for (List<String> part : InLists.parts(new HashSet<>(numberOf.values()))) {
                em.createQuery("SELECT i FROM Insurer i WHERE i.insurerNumber IN :numbers", Insurer.class)
                        .setParameter("numbers", part).setFlushMode(FlushModeType.COMMIT).getResultList()
                        .forEach(insurer -> insurers.put(insurer.insurerNumber(), insurer));
            }
            Set<String> householdKeys = new HashSet<>();
            Set<String> individualNumbers = new HashSet<>();
            for (LookupRequest request : requests) {
                if (!insurers.containsKey(numberOf.get(request)) || request.birthDate() == null) {
                    continue;
                }
                if (present(request.individualNumber())) {
                    individualNumbers.add(request.individualNumber().strip());
                } else if (present(request.number())) {
                    householdKeys.add(Qualification.householdKey(
                            present(request.symbol()) ? request.symbol().strip() : null, request.number().strip()));
                }
            }
            load(householdKeys, "q.householdKey", households, q -> Qualification.householdKey(q.symbol(), q.number()));
            load(individualNumbers, "q.individualNumber", individuals, Qualification::individualNumber);
            // the clinic's 照会番号 for every card read; a card outside them (a newer qualification) is read alone
            for (Map<String, List<Qualification>> index : List.of(households, individuals)) {
                index.values().forEach(list -> list.forEach(q -> {
                    String key = ClinicReferenceNumber.key(clinic.value(), q);
                    if (key != null) {
                        referenceNumbers.put(key, null);
                    }
                }));
            }
            ReferenceNumbers.find(em, referenceNumbers.keySet())
                    .forEach((key, r) -> referenceNumbers.put(key, r.referenceNumber()));
        }

        /**
         * Reads the qualifications under the keys, at every insurer: an IN list is served by an index only as
         * the query's sole condition on the index's first column (see V13), so the insurer is checked in memory.
         */
        private void load(Set<String> keys, String column, Map<String, List<Qualification>> into,
                          java.util.function.Function<Qualification, String> keyOf) {
            for (List<String> part : InLists.parts(keys)) {
                // persons and versions in one more query each (by key), not joined: the embedded engine joins
                // in the order of the FROM clause, and a fetch join puts the person first, read in full
                List<Qualification> found = em.createQuery("SELECT q FROM Qualification q WHERE " + column
                                + " IN :keys", Qualification.class)
                        .setParameter("keys", part)
                        .setHint("eclipselink.batch", "q.person").setHint("eclipselink.batch", "q.versions")
                        .setHint("eclipselink.batch.type", "IN")
                        .setHint("eclipselink.batch.size", InLists.SIZE)
                        .setFlushMode(FlushModeType.COMMIT).getResultList();
                for (Qualification q : found) {
                    into.computeIfAbsent(keyOf.apply(q), k -> new ArrayList<>()).add(q);
                }
            }
            into.values().forEach(list -> list.sort(Comparator.comparing(Qualification::acquiredOn)
                    .thenComparing(Qualification::id)));
        }

        @Override
        public Insurer insurer(String insurerNumber) {
            return insurers.get(insurerNumber);
        }

        @Override
        public List<Qualification> byIndividualNumber(Insurer insurer, String individualNumber,
                                                      LocalDate birthDate) {
            return bornOn(individuals, insurer, individualNumber, birthDate);
        }

        @Override
        public List<Qualification> byHousehold(Insurer insurer, String householdKey, LocalDate birthDate) {
            return bornOn(households, insurer, householdKey, birthDate);
        }

        private List<Qualification> bornOn(Map<String, List<Qualification>> index, Insurer insurer, String key,
                                           LocalDate birthDate) {
            return index.getOrDefault(key, List.of()).stream()
                    .filter(q -> q.insurer().id().equals(insurer.id()) && q.person().birthDate().equals(birthDate))
                    .toList();
        }

        @Override
        public Optional<QualificationVersion> versionOn(Qualification qualification, LocalDate date) {
            return qualification.versionOn(date);
        }

        @Override
        public String referenceNumber(String cardKey) {
            return referenceNumbers.containsKey(cardKey) ? referenceNumbers.get(cardKey)
                    : databaseReads.referenceNumber(cardKey);
        }
    }

    private static List<Qualification> candidates(Reads reads, Insurer insurer, LookupRequest request,
                                                  boolean byIndividual) {
        if (byIndividual) {
            return reads.byIndividualNumber(insurer, request.individualNumber().strip(), request.birthDate());
        }
        String symbol = present(request.symbol()) ? request.symbol().strip() : null;
        List<Qualification> household = reads.byHousehold(insurer,
                Qualification.householdKey(symbol, request.number().strip()), request.birthDate());
        if (!present(request.branchNumber())) {
            return household;
        }
        String branch = request.branchNumber().strip();
        return household.stream().filter(q -> branch.equals(q.branchNumber())).toList();
    }

    /** The person's versions in force on the date that are not a loss: the qualifications valid that day. */
    private List<QualificationVersion> validVersionsOf(Person person, LocalDate date) {
        return em.createNamedQuery("QualificationVersion.asOf", QualificationVersion.class)
                .setParameter("person", person)
                .setParameter("asOf", date)
                .setFlushMode(FlushModeType.COMMIT)
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
