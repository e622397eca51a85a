package jp.oqs.eligibility;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import jp.oqs.api.eligibility.BulkEntry;
import jp.oqs.api.eligibility.BulkStatus;
import jp.oqs.api.error.ErrorCodes;
import jp.oqs.audit.ActorKind;
import jp.oqs.audit.AuditKind;
import jp.oqs.audit.AuditTrail;
import jp.oqs.clinic.ClinicGuard;
import jp.oqs.clinic.ClinicLimitException;
import jp.oqs.audit.PendingAudit;
import jp.oqs.identifier.MedicalInstitutionCode;
import jp.oqs.metrics.ServiceMetrics;
import jp.oqs.platform.BusinessException.Kind;
import jp.oqs.platform.OwnTransaction;
import jp.oqs.platform.Page;
import jp.oqs.platform.RowLock;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Bulk checks: accepted in one transaction, answered in chunks, each chunk in one transaction with its entries'
 * answers, their audit entries and the progress counts. A restart resumes after the last committed chunk.
 */
@Stateless
public class BulkChecks {

    private static final Jsonb JSON = JsonbBuilder.create();
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final int SUBMIT_FLUSH = 1000;

    @PersistenceContext(unitName = "oqs")
    private EntityManager em;

    @Inject
    private Clock clock;

    @EJB
    private EligibilityService eligibility;

    @EJB
    private AuditTrail audit;

    @EJB
    private OwnTransaction ownTransaction;

    @Inject
    private ClinicGuard guard;

    @Inject
    private ServiceMetrics metrics;

    @Inject
    @ConfigProperty(name = "oqs.bulk.retention-days", defaultValue = "7")
    private int retentionDays;

    @Inject
    @ConfigProperty(name = "oqs.bulk.chunk-size", defaultValue = "200")
    private int chunkSize;

    /**
     * Accepts the entries in a transaction of its own and returns the reception; answering starts once it has
     * committed. Refused when they would take the clinic's bulk entries of the day (service time zone) over its
     * limit: counted from the clinic's receptions of the day, one query per submission; the day's first refusal is
     * on the audit trail, written after the refused transaction rolled back ({@link OwnTransaction}).
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public BulkRequest submit(@NotNull MedicalInstitutionCode clinic, @NotEmpty List<BulkEntry> entries)
            throws ClinicLimitException {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        try {
            return ownTransaction.<BulkRequest, ClinicLimitException, ClinicLimitException>run(
                    () -> accept(clinic, entries, now));
        } catch (ClinicLimitException refused) {
            if (guard.firstBulkRefusal(clinic.value(), LocalDate.ofInstant(now, clock.getZone()))) {
                audit.recordRefusal(ActorKind.CLINIC, clinic.value(), AuditKind.CLINIC_LIMIT,
                        ErrorCodes.RATE_LIMITED + " " + guard.bulkEntriesPerDay() + "/day");
            }
            throw refused;
        }
    }

    private BulkRequest accept(MedicalInstitutionCode clinic, List<BulkEntry> entries, Instant now)
            throws ClinicLimitException {
        refuseOverDailyLimit(clinic, entries.size(), now);
        long serial = ((Number) em.createNativeQuery("SELECT reception_seq.NEXTVAL FROM DUAL").getSingleResult())
                .longValue();
        String receptionNumber = "R" + LocalDate.now(clock).format(DAY) + String.format("%011d", serial);
        BulkRequest request = new BulkRequest(receptionNumber, clinic.value(), entries.size(), now,
                now.plus(Duration.ofDays(retentionDays)));
        em.persist(request);
        em.flush(); // the entries refer to the request by key only: it must be written first
        for (int i = 0; i < entries.size(); i++) {
            BulkEntry entry = entries.get(i);
            em.persist(new BulkEntryRecord(receptionNumber, i, entry == null
                    ? new BulkEntry(null, null, null, null, null, null, null, null, null) : entry));
            if ((i + 1) % SUBMIT_FLUSH == 0) {
                // written in blocks (still one transaction): the unit of work stays small, its commit linear
                em.flush();
                em.clear();
            }
        }
        return request;
    }

    private void refuseOverDailyLimit(MedicalInstitutionCode clinic, int entries, Instant now)
            throws ClinicLimitException {
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        Instant tomorrow = today.plusDays(1).atStartOfDay(clock.getZone()).toInstant();
        long used = ((Number) em.createNamedQuery("BulkRequest.entriesOfClinicSince")
                .setParameter("clinic", clinic.value())
                .setParameter("from", today.atStartOfDay(clock.getZone()).toInstant())
                .getSingleResult()).longValue();
        int limit = guard.bulkEntriesPerDay();
        if (used + entries <= limit) {
            return;
        }
        throw new ClinicLimitException(ErrorCodes.RATE_LIMITED,
                "本日の一括照会の件数が上限（1日あたり" + limit + "件）を超えます。明日以降に送信してください。",
                "this clinic's bulk entries of " + today + " (" + clock.getZone() + ") would be " + (used + entries)
                        + ", above oqs.eligibility.limit.bulk-entries-per-day (" + limit + "); retry after "
                        + "Retry-After seconds (the next day)",
                Duration.between(now, tomorrow).toSeconds() + 1);
    }

    /**
     * Answers the next chunk of a request. Returns whether entries remain. Holding the request's row lock, two
     * workers on the same request (a resume racing the original) answer disjoint chunks, never an entry twice.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean answerNextChunk(String receptionNumber) {
        RowLock.acquire(em, "BulkRequest.lock", receptionNumber);
        BulkRequest request = em.find(BulkRequest.class, receptionNumber);
        if (request == null || request.status() == BulkStatus.DONE) {
            return false;
        }
        MedicalInstitutionCode clinic = new MedicalInstitutionCode(request.clinicCode());
        // every entry before the answered count is answered (chunks commit in entry order with the counts), so
        // the chunk is the key range from there: no pass over the answered entries, and no row limit (on the
        // embedded engine a limit in Oracle syntax reads and sorts every remaining entry first)
        List<BulkEntryRecord> chunk = em.createNamedQuery("BulkEntryRecord.unanswered", BulkEntryRecord.class)
                .setParameter("receptionNumber", receptionNumber)
                .setParameter("from", request.answered())
                .setParameter("to", request.answered() + chunkSize)
                .getResultList();
        PendingAudit pending = new PendingAudit();
        List<EligibilityService.EntryAnswer> outcomes = eligibility.answerEntries(clinic,
                chunk.stream().map(BulkEntryRecord::lookupRequest).toList(), pending);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        // the chain's lock only from here to the commit, not while the entries were answered; taken before the
        // 限度額 answers are written, as a single answer of the clinic takes them (see LimitChanges)
        audit.append(pending);
        List<Boolean> limitChanges = LimitChanges.of(em, clinic.value(),
                outcomes.stream().map(EligibilityService.EntryAnswer::answer).toList(), now);
        for (int i = 0; i < chunk.size(); i++) {
            BulkEntryRecord entry = chunk.get(i);
            EligibilityService.EntryAnswer outcome = outcomes.get(i);
            if (outcome.answer() != null) {
                entry.answer(outcome.answer().validity(), JSON.toJson(outcome.answer()), limitChanges.get(i));
                request.counted(outcome.answer().validityName());
            } else {
                entry.error(outcome.errorCode(), outcome.errorMessage());
                request.countedError();
            }
        }
        request.completeIfAnswered(now);
        metrics.bulkEntriesAnswered(chunk.size());
        return request.status() == BulkStatus.PROCESSING;
    }

    /** The request, for the clinic that submitted it, until its retention ends. */
    public BulkRequest find(MedicalInstitutionCode clinic, String receptionNumber) throws EligibilityException {
        BulkRequest request = receptionNumber == null ? null : em.find(BulkRequest.class, receptionNumber);
        if (request == null || !request.clinicCode().equals(clinic.value())
                || request.expiresAt().isBefore(clock.instant())) {
            throw new EligibilityException(Kind.NOT_FOUND, ErrorCodes.RECEPTION_NOT_FOUND,
                    "この受付番号の照会結果はありません（保存期間を過ぎたか、別の医療機関の受付番号です）。",
                    "no bulk check " + receptionNumber + " of this clinic within the retention period");
        }
        return request;
    }

    public List<BulkEntryRecord> results(BulkRequest request, int page, int size) {
        return em.createNamedQuery("BulkEntryRecord.page", BulkEntryRecord.class)
                .setParameter("receptionNumber", request.receptionNumber())
                .setFirstResult(Page.firstResult(page, size)).setMaxResults(size)
                .getResultList();
    }

    /** Reception numbers still being answered (to resume after a restart). */
    public List<String> processing() {
        return em.createNamedQuery("BulkRequest.processing", String.class).getResultList();
    }

    /** Deletes requests past their retention, with their entries; their audit entries stay. */
    public int purgeExpired() {
        List<String> expired = em.createNamedQuery("BulkRequest.expired", String.class)
                .setParameter("now", clock.instant()).setMaxResults(100).getResultList();
        for (String receptionNumber : expired) {
            em.createQuery("DELETE FROM BulkEntryRecord e WHERE e.receptionNumber = :r")
                    .setParameter("r", receptionNumber).executeUpdate();
            em.createQuery("DELETE FROM BulkRequest r WHERE r.receptionNumber = :r")
                    .setParameter("r", receptionNumber).executeUpdate();
        }
        return expired.size();
    }
}
