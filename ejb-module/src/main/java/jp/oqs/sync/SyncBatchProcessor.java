package jp.oqs.sync;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jp.oqs.audit.ActorKind;
import jp.oqs.audit.AuditKind;
import jp.oqs.audit.AuditTrail;
import jp.oqs.audit.PendingAudit;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.oqs.api.error.ErrorCodes;
import jp.oqs.api.sync.CertificateGroup;
import jp.oqs.api.sync.ChangeKind;
import jp.oqs.api.sync.PersonData;
import jp.oqs.api.sync.QualificationData;
import jp.oqs.api.sync.Relationship;
import jp.oqs.api.sync.SyncBatchRequest;
import jp.oqs.api.sync.SyncRecord;
import jp.oqs.identifier.InvalidIdentifierException;
import jp.oqs.insurer.Insurer;
import jp.oqs.insurer.NumberingRule;
import jp.oqs.numbering.IndividualNumbers;
import jp.oqs.numbering.NumberAssignment;
import jp.oqs.platform.InLists;
import jp.oqs.qualification.AssignedNumber;
import jp.oqs.qualification.Person;
import jp.oqs.qualification.Qualification;
import jp.oqs.qualification.QualificationVersion;
import jp.oqs.qualification.RecordRejectedException;
import jp.oqs.qualification.SourceRecord;
import jp.oqs.qualification.VersionAttributes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Applies one batch in one transaction, holding the insurer's row lock: the batch row (whose key is the batch id),
 * every accepted record's effect and every record's result commit together or not at all. A crash before the
 * commit leaves nothing; a resend then applies the batch as if it were the first time.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class SyncBatchProcessor {

    @PersistenceContext(unitName = "oqs")
    private EntityManager em;

    @Inject
    private Clock clock;

    @EJB
    private AuditTrail audit;

    @Inject
    @ConfigProperty(name = "oqs.sync.max-future-days", defaultValue = "366")
    private int maxFutureDays;

    /** Applies the batch, or returns the stored result of an earlier identical one. */
    public SyncBatch apply(SyncCaller caller, SyncBatchRequest request)
            throws InvalidIdentifierException, SyncException {
        BatchLedger ledger = BatchLedger.open(em, caller, request.batchId(), request.insurerNumber(), request);
        if (ledger.earlier().isPresent()) {
            return ledger.earlier().get();
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Batch batch = new Batch(caller, ledger, now, LocalDate.now(clock));
        batch.preload(request.records());
        List<SyncRecordResult> results = new ArrayList<>(request.records().size());
        for (int position = 0; position < request.records().size(); position++) {
            results.add(batch.apply(position, request.records().get(position)));
        }
        audit.append(batch.trail);
        return ledger.store(caller, now, results);
    }

    /** The state of one batch while it is applied. */
    private final class Batch {

        private final BatchLedger ledger;
        private final Insurer insurer;
        private final String batchId;
        private final Instant now;
        private final LocalDate latestDate;
        private final LocalDate today;
        private final NumberAssignment numbers = new NumberAssignment(em);
        /** The batch's persons by link key, and their qualifications: read once, kept up to date as records apply. */
        private final Map<String, Person> persons = new HashMap<>();
        private final Map<Person, List<Qualification>> held = new HashMap<>();
        private final Map<Qualification, List<OverlapNotice>> noticesCreated = new HashMap<>();
        /**
         * The batch's audit entries, appended once after its last record, in its transaction: appending each at once
         * locked the chain by a statement that made the unit of work flush, so every cross-insurer ACQUIRE flushed
         * (and compared) all the batch's objects again, a cost growing with the square of such records.
         */
        private final PendingAudit trail = new PendingAudit();

        private final SyncCaller caller;

        Batch(SyncCaller caller, BatchLedger ledger, Instant now, LocalDate today) {
            this.caller = caller;
            this.ledger = ledger;
            this.insurer = ledger.insurerOrNull();
            this.batchId = ledger.batchId();
            this.now = now;
            this.today = today;
            this.latestDate = today.plusDays(maxFutureDays);
        }

        /** Reads, in a few queries, everything the batch's records refer to; no query runs per record after this. */
        void preload(List<SyncRecord> records) {
            if (insurer == null) {
                return;
            }
            Set<String> linkKeys = new HashSet<>();
            Set<String> households = new HashSet<>();
            Set<String> individualNumbers = new HashSet<>();
            for (SyncRecord record : records) {
                if (record == null) {
                    continue;
                }
                if (record.person() != null && record.person().linkKey() != null) {
                    linkKeys.add(record.person().linkKey());
                }
                QualificationData data = record.qualification();
                if (data != null && data.number() != null) {
                    households.add(Qualification.householdKey(data.symbol(), data.number()));
                    String padded = IndividualNumbers.lateElderlyPadded(data.number());
                    if (padded != null) {
                        individualNumbers.add(padded);
                    }
                }
                if (data != null && data.individualNumber() != null) {
                    individualNumbers.add(data.individualNumber());
                }
            }
            numbers.preload(insurer, households, individualNumbers);
            for (List<String> part : InLists.parts(linkKeys)) {
                List<Person> found = em.createNamedQuery("Person.findByLinkKeys", Person.class)
                        .setParameter("linkKeys", part)
                        .setFlushMode(FlushModeType.COMMIT).getResultList();
                for (Person person : found) {
                    persons.put(person.linkKey(), person);
                    held.put(person, new ArrayList<>());
                }
                if (!found.isEmpty()) {
                    // with their versions and insurers in one more query each, not one per CHANGE, LOSE or
                    // CORRECT record; not a fetch join: the embedded engine joins in the order of the FROM clause,
                    // and a fetch join puts the insurer first, then reads every qualification of each insurer
                    for (Qualification q : em.createNamedQuery("Qualification.ofPersons", Qualification.class)
                            .setParameter("persons", found).setHint("eclipselink.batch", "q.versions")
                            .setHint("eclipselink.batch", "q.insurer").setHint("eclipselink.batch.type", "IN")
                            .setFlushMode(FlushModeType.COMMIT).getResultList()) {
                        held.get(q.person()).add(q);
                    }
                }
            }
        }

        SyncRecordResult apply(int position, SyncRecord record) {
            String recordId = record == null ? null : record.recordId();
            try {
                ledger.recordId(recordId);
                RecordFields.required(record.operation(), "operation");
                ledger.insurer();
                SourceRecord source = new SourceRecord(batchId, recordId);
                Qualification qualification = switch (record.operation()) {
                    case ACQUIRE -> acquire(record, source);
                    case CHANGE -> change(record, source);
                    case LOSE -> lose(record, source);
                    case CORRECT -> correct(record, source);
                };
                return SyncRecordResult.accepted(position, recordId, qualification.individualNumber(),
                        qualification.branchNumber());
            } catch (RecordRejectedException e) {
                return BatchLedger.rejected(position, recordId, e);
            }
        }

        private Qualification acquire(SyncRecord record, SourceRecord source) throws RecordRejectedException {
            if (!insurer.isActive()) {
                throw new RecordRejectedException(ErrorCodes.INSURER_NOT_ACTIVE,
                        "有効でない保険者（状態: " + insurer.status() + "）には資格取得を登録できません。",
                        "ACQUIRE needs an ACTIVE insurer; " + insurer.insurerNumber() + " is " + insurer.status());
            }
            PersonData personData = RecordFields.required(record.person(), "person");
            QualificationData data = RecordFields.required(record.qualification(), "qualification");
            String linkKey = RecordFields.linkKey(personData.linkKey());
            LocalDate birthDate = RecordFields.date(personData.birthDate(), "person.birthDate", today);
            RecordFields.required(personData.sex(), "person.sex");
            // the fields in the order they are checked (the first fault found is the one answered)
            Relationship relationship = RecordFields.required(data.relationship(), "qualification.relationship");
            String nameKanji = RecordFields.name(personData.nameKanji(), "person.nameKanji");
            String nameKana = RecordFields.name(personData.nameKana(), "person.nameKana");
            int copayRatio = RecordFields.copayRatio(data.copayRatio());
            LocalDate cardIssuedOn = RecordFields.optionalDate(data.cardIssuedOn(), "qualification.cardIssuedOn",
                    latestDate);
            LocalDate cardExpiresOn = RecordFields.optionalDate(data.cardExpiresOn(), "qualification.cardExpiresOn",
                    LocalDate.of(2199, 12, 31));
            LocalDate acquiredOn = RecordFields.date(data.acquiredOn(), "qualification.acquiredOn", latestDate);
            if (acquiredOn.isBefore(birthDate)) {
                throw RecordFields.invalid("資格取得日が生年月日より前です。",
                        "qualification.acquiredOn " + acquiredOn + " is before person.birthDate");
            }
            ChargeGroups.nothingEnded(data);
            ChargeGroups.Holder holder = new ChargeGroups.Holder(birthDate, insurer.category(), acquiredOn, null);
            VersionAttributes attributes = new VersionAttributes(relationship, nameKanji, nameKana, copayRatio,
                    cardIssuedOn, cardExpiresOn,
                    ChargeGroups.cardClassification(data.cardClassification(), holder),
                    ChargeGroups.elderlyRecipient(data.elderlyRecipient(), holder, latestDate),
                    ChargeGroups.limitCertificate(data.limitCertificate(), holder, latestDate),
                    ChargeGroups.specificDiseases(data.specificDiseases(), holder, latestDate));
            String symbol = RecordFields.householdPart(data.symbol(), "qualification.symbol", false);
            String number = RecordFields.householdPart(data.number(), "qualification.number", true);

            Person person = findPerson(linkKey);
            List<Qualification> held = List.of();
            boolean knownOnlyElsewhere = false;
            if (person != null) {
                held = qualificationsOf(person);
                knownOnlyElsewhere = held.stream().noneMatch(q -> q.insurer() == insurer);
                if (!person.birthDate().equals(birthDate) || person.sex() != personData.sex()) {
                    // a guessed birth date or sex is on the trail (the batch commits with its refusals): the job,
                    // the batch's insurer, the link key's person by id, and the code answered; never the link key
                    trail.add(ActorKind.SYNC_JOB, caller.name(), AuditKind.PERSON_MISMATCH_REFUSED, person.id(),
                            insurer.id(), knownOnlyElsewhere ? ErrorCodes.RECORD_INVALID + " CROSS_INSURER"
                                    : ErrorCodes.PERSON_MISMATCH);
                    if (knownOnlyElsewhere) {
                        // the same answer as any other refusal of a well-formed record: not a birth-date oracle
                        throw RecordFields.invalid(RecordFields.REFUSED_MESSAGE, RecordFields.REFUSED_HINT);
                    }
                    throw new RecordRejectedException(ErrorCodes.PERSON_MISMATCH,
                            "連携用符号の人物と生年月日・性別が一致しません。",
                            "person.birthDate or person.sex differs from what is recorded for this link key");
                }
                for (Qualification q : held) {
                    if (q.insurer() == insurer) {
                        if (q.isOpen()) {
                            throw new RecordRejectedException(ErrorCodes.QUALIFICATION_ALREADY_OPEN,
                                    "この保険者で資格を取得中です（取得日 " + q.acquiredOn() + "）。",
                                    "the person already has an open qualification at this insurer since "
                                            + q.acquiredOn() + "; LOSE it first");
                        }
                        if (q.lostOn().isAfter(acquiredOn) || !q.acquiredOn().isBefore(acquiredOn)) {
                            throw new RecordRejectedException(ErrorCodes.QUALIFICATION_OVERLAP,
                                    "この保険者での過去の資格期間と重なります。",
                                    "acquiredOn " + acquiredOn + " falls in or before an earlier qualification at "
                                            + "this insurer (" + q.acquiredOn() + " to " + q.lostOn() + ")");
                        }
                    }
                }
            }
            NumberingRule rule = insurer.numberingRuleOn(acquiredOn).orElseThrow(() ->
                    new RecordRejectedException(ErrorCodes.NO_NUMBERING_RULE,
                            "資格取得日に適用される採番ルールがありません。",
                            "the insurer has no numbering rule in force on " + acquiredOn));
            AssignedNumber assigned = numbers.assign(rule, symbol, number, data.individualNumber(),
                    data.branchNumber());

            // every check passed: write
            if (person == null) {
                person = new Person(linkKey, birthDate, personData.sex(), now);
                em.persist(person);
                persons.put(linkKey, person);
                this.held.put(person, new ArrayList<>());
            }
            Qualification qualification = Qualification.acquire(person, insurer, assigned, symbol, number,
                    acquiredOn, attributes, source, now);
            em.persist(qualification);
            numbers.register(qualification);
            for (Qualification elsewhere : held) {
                if (elsewhere.insurer() != insurer && elsewhere.isOpen()) {
                    OverlapNotice notice = new OverlapNotice(elsewhere, qualification, now);
                    em.persist(notice);
                    noticesCreated.computeIfAbsent(elsewhere, q -> new ArrayList<>()).add(notice);
                }
            }
            this.held.get(person).add(qualification);
            record(ChangeKind.ACQUIRED, qualification, acquiredOn, source);
            if (knownOnlyElsewhere) {
                trail.add(ActorKind.SYNC_JOB, caller.name(), AuditKind.CROSS_INSURER_ACQUIRE, person.id(),
                        insurer.id(), "ACCEPTED");
            }
            return qualification;
        }

        private Qualification change(SyncRecord record, SourceRecord source) throws RecordRejectedException {
            LocalDate date = RecordFields.date(record.effectiveDate(), "effectiveDate", latestDate);
            Qualification qualification = qualificationOn(record, date);
            QualificationVersion latest = qualification.versionOn(date).orElseThrow(() -> notFound(date));
            VersionAttributes attributes = merged(record, latest.attributes(), qualification);
            qualification.change(date, attributes, source, now);
            record(ChangeKind.CHANGED, qualification, date, source);
            return qualification;
        }

        private Qualification lose(SyncRecord record, SourceRecord source) throws RecordRejectedException {
            LocalDate lostOn = RecordFields.date(record.lostOn(), "lostOn", latestDate);
            RecordFields.required(record.lossReason(), "lossReason");
            Person person = personOf(record);
            List<Qualification> atInsurer = person == null ? List.of() : qualificationsOf(person).stream()
                    .filter(q -> q.insurer() == insurer).toList();
            Qualification open = atInsurer.stream().filter(Qualification::isOpen).findFirst().orElse(null);
            if (open == null) {
                if (atInsurer.isEmpty()) {
                    throw new RecordRejectedException(ErrorCodes.QUALIFICATION_NOT_FOUND,
                            "喪失させる資格がありません（資格取得が未登録です）。",
                            "LOSE for a person with no qualification at this insurer; ACQUIRE comes first");
                }
                throw new RecordRejectedException(ErrorCodes.QUALIFICATION_LOST,
                        "この保険者での資格は既に喪失しています。",
                        "the person has no open qualification at this insurer");
            }
            open.lose(lostOn, record.lossReason(), source, now);
            List<OverlapNotice> notices = new ArrayList<>(noticesCreated.getOrDefault(open, List.of()));
            notices.addAll(em.createNamedQuery("OverlapNotice.openFor", OverlapNotice.class)
                    .setParameter("qualification", open).setFlushMode(FlushModeType.COMMIT).getResultList());
            notices.forEach(notice -> notice.resolve(now));
            record(ChangeKind.LOST, open, lostOn, source);
            return open;
        }

        private Qualification correct(SyncRecord record, SourceRecord source) throws RecordRejectedException {
            LocalDate date = RecordFields.date(record.effectiveDate(), "effectiveDate", latestDate);
            Qualification qualification = qualificationOn(record, date);
            QualificationVersion wrong = qualification.currentVersionFrom(date);
            qualification.correct(wrong, merged(record, wrong.attributes(), qualification), source, now);
            record(ChangeKind.CORRECTED, qualification, date, source);
            return qualification;
        }

        /** The person's qualification at this insurer whose period holds {@code date} (its loss day included). */
        private Qualification qualificationOn(SyncRecord record, LocalDate date) throws RecordRejectedException {
            Person person = personOf(record);
            if (person != null) {
                for (Qualification q : qualificationsOf(person)) {
                    if (q.insurer() == insurer && !q.acquiredOn().isAfter(date)
                            && (q.lostOn() == null || !q.lostOn().isBefore(date))) {
                        return q;
                    }
                }
            }
            throw notFound(date);
        }

        private RecordRejectedException notFound(LocalDate date) {
            return new RecordRejectedException(ErrorCodes.QUALIFICATION_NOT_FOUND,
                    "指定日（" + date + "）に該当する資格がありません。",
                    "the person has no qualification at this insurer on " + date);
        }

        /**
         * The record's attributes, each one not given taken from {@code current}, except a certificate group the
         * record ends ({@code endCertificates}), which the result does not hold; a group given is checked against
         * {@code qualification}, the one it is for.
         */
        private VersionAttributes merged(SyncRecord record, VersionAttributes current, Qualification qualification)
                throws RecordRejectedException {
            PersonData person = record.person();
            QualificationData data = record.qualification();
            String nameKanji = person == null || person.nameKanji() == null ? current.nameKanji()
                    : RecordFields.name(person.nameKanji(), "person.nameKanji");
            String nameKana = person == null || person.nameKana() == null ? current.nameKana()
                    : RecordFields.name(person.nameKana(), "person.nameKana");
            if (data == null) {
                return new VersionAttributes(current.relationship(), nameKanji, nameKana, current.copayRatio(),
                        current.cardIssuedOn(), current.cardExpiresOn(), current.cardClassification(),
                        current.elderlyRecipient(), current.limitCertificate(), current.specificDiseases());
            }
            // a group ended explicitly is absent from the new version; one not sent is kept
            Set<CertificateGroup> ended = ChargeGroups.ended(data);
            // the person from the batch's preloaded ones, as every CHANGE and CORRECT found it: no query
            ChargeGroups.Holder holder = new ChargeGroups.Holder(personOf(record).birthDate(),
                    insurer.category(), qualification.acquiredOn(), qualification.lostOn());
            return new VersionAttributes(
                    data.relationship() == null ? current.relationship() : data.relationship(),
                    nameKanji, nameKana,
                    data.copayRatio() == null ? current.copayRatio() : RecordFields.copayRatio(data.copayRatio()),
                    data.cardIssuedOn() == null ? current.cardIssuedOn()
                            : RecordFields.date(data.cardIssuedOn(), "qualification.cardIssuedOn", latestDate),
                    data.cardExpiresOn() == null ? current.cardExpiresOn()
                            : RecordFields.date(data.cardExpiresOn(), "qualification.cardExpiresOn",
                            LocalDate.of(2199, 12, 31)),
                    data.cardClassification() == null ? current.cardClassification()
                            : ChargeGroups.cardClassification(data.cardClassification(), holder),
                    ended.contains(CertificateGroup.ELDERLY_RECIPIENT) ? null
                            : data.elderlyRecipient() == null ? current.elderlyRecipient()
                            : ChargeGroups.elderlyRecipient(data.elderlyRecipient(), holder, latestDate),
                    ended.contains(CertificateGroup.LIMIT_CERTIFICATE) ? null
                            : data.limitCertificate() == null ? current.limitCertificate()
                            : ChargeGroups.limitCertificate(data.limitCertificate(), holder, latestDate),
                    ended.contains(CertificateGroup.SPECIFIC_DISEASES) ? List.of()
                            : data.specificDiseases() == null ? current.specificDiseases()
                            : ChargeGroups.specificDiseases(data.specificDiseases(), holder, latestDate));
        }

        /** The person a CHANGE, LOSE or CORRECT record names, or null when none is known by its link key. */
        private Person personOf(SyncRecord record) throws RecordRejectedException {
            return findPerson(RecordFields.linkKey(RecordFields.required(record.person(), "person").linkKey()));
        }

        private Person findPerson(String linkKey) {
            return persons.get(linkKey);
        }

        private List<Qualification> qualificationsOf(Person person) {
            return List.copyOf(held.get(person));
        }

        private void record(ChangeKind kind, Qualification qualification, LocalDate date, SourceRecord source) {
            em.persist(new ChangeEvent(insurer, insurer.nextChangeSequence(), kind, qualification, date, source,
                    now));
        }

    }
}
