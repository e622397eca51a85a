package jp.oqs.health;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.function.Function;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import jp.oqs.api.error.ErrorCodes;
import jp.oqs.api.health.CheckupBatchRequest;
import jp.oqs.api.health.CheckupRecord;
import jp.oqs.api.health.DrugCodeKind;
import jp.oqs.api.health.MedicationBatchRequest;
import jp.oqs.api.health.MedicationRecord;
import jp.oqs.audit.ActorKind;
import jp.oqs.audit.AuditKind;
import jp.oqs.audit.AuditTrail;
import jp.oqs.audit.PendingAudit;
import jp.oqs.identifier.InvalidIdentifierException;
import jp.oqs.identifier.MedicalInstitutionCode;
import jp.oqs.insurer.Insurer;
import jp.oqs.platform.InLists;
import jp.oqs.platform.ServiceClock;
import jp.oqs.qualification.Person;
import jp.oqs.qualification.RecordRejectedException;
import jp.oqs.sync.BatchLedger;
import jp.oqs.sync.RecordFields;
import jp.oqs.sync.SyncBatch;
import jp.oqs.sync.SyncCaller;
import jp.oqs.sync.SyncException;
import jp.oqs.sync.SyncRecordResult;

/**
 * Applies one batch of health records in one transaction, with the exactly-once bookkeeping of every sync batch
 * ({@link BatchLedger}): the batch row, the records stored, the results and the audit entries commit together. A
 * record is accepted only for a person the batch's insurer insures or insured (an unknown link key is answered
 * the same way, so a job learns nothing of other insurers' members); a record for a person and day (and, for a
 * medication, dispenser and drug) the insurer sent before is a correction. The query for what a record corrects
 * does not write the batch's changes first (each would write everything stored so far: the cost of a batch grew
 * with the square of its size); the batch's own records are looked up in {@link Applying}.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class HealthBatchProcessor {

    @PersistenceContext(unitName = "oqs")
    private EntityManager em;

    @Inject
    private Clock clock;

    @EJB
    private AuditTrail audit;

    /** What one kind of record needs: its id and link key, and how it is checked and stored. */
    private record Kind<R>(Function<R, String> recordId, Function<R, String> linkKey, Store<R> store) {
    }

    /** Checks and stores a record; returns what the audit entry says of it. */
    @FunctionalInterface
    private interface Store<R> {
        String store(R record, Person person, Insurer insurer, Applying batch) throws RecordRejectedException;
    }

    /**
     * The batch being applied: its ledger, time and day, and the records it stored so far by what a correction
     * replaces (a person's day, for a medication also dispenser and drug).
     */
    private record Applying(BatchLedger ledger, Instant now, LocalDate today, Map<List<Object>, Object> stored) {

        /**
         * What the record corrects: the insurer's current records stored before the batch ({@code earlier}, read
         * without writing the batch's changes first), and the one this batch stored before under the same key. The
         * record becomes the batch's record under the key.
         */
        @SuppressWarnings("unchecked")
        <T> List<T> corrected(List<Object> key, T record, List<T> earlier) {
            List<T> corrected = new ArrayList<>(earlier);
            T inBatch = (T) stored.put(key, record);
            if (inBatch != null) {
                corrected.add(inBatch);
            }
            return corrected;
        }
    }

    public SyncBatch applyCheckups(SyncCaller caller, CheckupBatchRequest request)
            throws InvalidIdentifierException, SyncException {
        return apply(caller, request.batchId(), request.insurerNumber(), request, request.records(),
                new Kind<>(CheckupRecord::recordId, CheckupRecord::linkKey, this::storeCheckup));
    }

    public SyncBatch applyMedications(SyncCaller caller, MedicationBatchRequest request)
            throws InvalidIdentifierException, SyncException {
        return apply(caller, request.batchId(), request.insurerNumber(), request, request.records(),
                new Kind<>(MedicationRecord::recordId, MedicationRecord::linkKey, this::storeMedication));
    }

    private <R> SyncBatch apply(SyncCaller caller, UUID batchId, String insurerNumber, Object request,
                                List<R> records, Kind<R> kind) throws InvalidIdentifierException, SyncException {
        BatchLedger ledger = BatchLedger.open(em, caller, batchId, insurerNumber, request);
        if (ledger.earlier().isPresent()) {
            return ledger.earlier().get();
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Applying batch = new Applying(ledger, now, LocalDate.ofInstant(now, ServiceClock.JAPAN), new HashMap<>());
        Map<String, Person> insured = insuredPersons(ledger.insurerOrNull(), records.stream().map(kind.linkKey())
                .filter(Objects::nonNull).distinct().toList());
        PendingAudit entries = new PendingAudit();
        List<SyncRecordResult> results = new ArrayList<>(records.size());
        for (int position = 0; position < records.size(); position++) {
            R record = records.get(position);
            try {
                String recordId = ledger.recordId(kind.recordId().apply(record));
                Insurer insurer = ledger.insurer();
                String linkKey = RecordFields.linkKey(kind.linkKey().apply(record), "linkKey");
                Person person = insured.get(linkKey);
                if (person == null) {
                    throw new RecordRejectedException(ErrorCodes.PERSON_NOT_INSURED,
                            "この保険者の加入者（過去の加入者を含む）ではありません。",
                            "the link key names no person this insurer insures or insured");
                }
                String what = kind.store().store(record, person, insurer, batch);
                entries.add(ActorKind.SYNC_JOB, caller.name(), AuditKind.HEALTH_DATA_RECEIVED, person.id(),
                        insurer.id(), what);
                results.add(BatchLedger.accepted(position, recordId));
            } catch (RecordRejectedException rejected) {
                results.add(BatchLedger.rejected(position, kind.recordId().apply(record), rejected));
            }
        }
        audit.append(entries);
        return ledger.store(caller, now, results);
    }

    /** The persons of the link keys the insurer insures or insured (in any period), by link key. */
    private Map<String, Person> insuredPersons(Insurer insurer, List<String> linkKeys) {
        Map<String, Person> insured = new HashMap<>();
        if (insurer == null) {
            return insured;
        }
        for (List<String> part : InLists.parts(linkKeys)) {
            em.createQuery("SELECT DISTINCT p FROM Qualification q JOIN q.person p WHERE q.insurer = :insurer"
                            + " AND p.linkKey IN :linkKeys", Person.class)
                    .setParameter("insurer", insurer).setParameter("linkKeys", part).getResultList()
                    .forEach(person -> insured.put(person.linkKey(), person));
        }
        return insured;
    }

    private String storeCheckup(CheckupRecord record, Person person, Insurer insurer, Applying batch)
            throws RecordRejectedException {
        LocalDate examinedOn = RecordFields.date(record.examinedOn(), "examinedOn", batch.today());
        List<CheckupEntry> entries = CheckupValues.checked(record.items(), examinedOn);
        CheckupResult result = new CheckupResult(person, insurer, examinedOn, entries, batch.ledger().batchId(),
                record.recordId(), batch.now());
        List<CheckupResult> replaced = batch.corrected(List.of(CheckupResult.class, person.id(), examinedOn), result,
                em.createNamedQuery("CheckupResult.current", CheckupResult.class)
                        .setParameter("person", person).setParameter("insurer", insurer)
                        .setParameter("examinedOn", examinedOn).setFlushMode(FlushModeType.COMMIT).getResultList());
        replaced.forEach(earlier -> earlier.supersede(batch.now()));
        em.persist(result);
        return "CHECKUP " + examinedOn + (replaced.isEmpty() ? " NEW" : " CORRECTION");
    }

    private String storeMedication(MedicationRecord record, Person person, Insurer insurer, Applying batch)
            throws RecordRejectedException {
        DispensedMedication.Dispensing dispensing = dispensing(record, batch.today());
        DispensedMedication medication = new DispensedMedication(person, insurer, dispensing,
                batch.ledger().batchId(), record.recordId(), batch.now());
        List<DispensedMedication> replaced = batch.corrected(List.of(DispensedMedication.class, person.id(),
                        dispensing.dispensedOn(), dispensing.dispensedBy(), dispensing.drugCode()), medication,
                em.createNamedQuery("DispensedMedication.current", DispensedMedication.class)
                        .setParameter("person", person).setParameter("insurer", insurer)
                        .setParameter("dispensedOn", dispensing.dispensedOn())
                        .setParameter("dispensedBy", dispensing.dispensedBy())
                        .setParameter("drugCode", dispensing.drugCode()).setFlushMode(FlushModeType.COMMIT)
                        .getResultList());
        replaced.forEach(earlier -> earlier.supersede(batch.now()));
        em.persist(medication);
        return "MEDICATION " + dispensing.dispensedOn() + (replaced.isEmpty() ? " NEW" : " CORRECTION");
    }

    /** The record's dispensing, each field checked; a fault names the field. */
    static DispensedMedication.Dispensing dispensing(MedicationRecord record, LocalDate today)
            throws RecordRejectedException {
        LocalDate dispensedOn = RecordFields.date(record.dispensedOn(), "dispensedOn", today);
        String dispensedBy = RecordFields.required(record.dispensedBy(), "dispensedBy");
        try {
            MedicalInstitutionCode.parse(dispensedBy);
        } catch (InvalidIdentifierException e) {
            throw RecordFields.invalid("調剤した医療機関・薬局のコード「" + dispensedBy + "」が正しくありません。",
                    "dispensedBy: " + e.hint());
        }
        DrugCodeKind codeKind = RecordFields.required(record.codeKind(), "codeKind");
        String drugCode = RecordFields.required(record.drugCode(), "drugCode");
        boolean wellFormed = codeKind == DrugCodeKind.YJ ? drugCode.matches("[0-9A-Z]{12}")
                : drugCode.matches("[0-9]{9}");
        if (!wellFormed) {
            throw RecordFields.invalid("医薬品コード「" + drugCode + "」は" + (codeKind == DrugCodeKind.YJ
                            ? "YJコード（英数字12桁）" : "レセプト電算コード（数字9桁）") + "ではありません。",
                    "drugCode must be " + (codeKind == DrugCodeKind.YJ ? "12 capital letters or digits (YJ)"
                            : "9 digits (receipt code)") + ", got " + drugCode);
        }
        String drugName = RecordFields.text(record.drugName(), "drugName", 200);
        String quantity = RecordFields.required(record.quantity(), "quantity");
        if (new BigDecimal(quantity).signum() <= 0) {
            throw RecordFields.invalid("数量は0より大きい値です。", "quantity must be above 0, got " + quantity);
        }
        int days = RecordFields.required(record.days(), "days");
        if (days < 1 || days > 365) {
            throw RecordFields.invalid("日数（" + days + "）は1〜365日です。", "days must be 1 to 365, got " + days);
        }
        String unit = record.unit() == null || record.unit().isBlank() ? null : record.unit();
        return new DispensedMedication.Dispensing(dispensedOn, dispensedBy, codeKind, drugCode, drugName, quantity,
                unit, days);
    }
}
