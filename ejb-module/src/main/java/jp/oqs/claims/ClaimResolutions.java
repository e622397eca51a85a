package jp.oqs.claims;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.oqs.api.claims.Claim;
import jp.oqs.api.claims.ClaimDisposition;
import jp.oqs.api.eligibility.BulkStatus;
import jp.oqs.api.error.ErrorCodes;
import jp.oqs.api.insurer.ManagingOrganisation;
import jp.oqs.audit.ActorKind;
import jp.oqs.audit.AuditKind;
import jp.oqs.audit.AuditTrail;
import jp.oqs.audit.PendingAudit;
import jp.oqs.identifier.InsurerNumber;
import jp.oqs.identifier.InvalidIdentifierException;
import jp.oqs.insurer.AdminScope;
import jp.oqs.insurer.Insurer;
import jp.oqs.platform.BusinessException.Kind;
import jp.oqs.platform.InLists;
import jp.oqs.platform.Page;
import jp.oqs.platform.RowLock;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Claims jobs: accepted in one transaction (every claim checked for its month and insurer, every insurer in the
 * caller's organisations), routed in chunks, each chunk in one transaction with its resolutions, one audit entry
 * per claim naming the person whose history was read, and the counts. Holding the job's row lock, two workers on
 * one job route disjoint chunks: every claim is resolved, and audited, exactly once.
 */
@Stateless
public class ClaimResolutions {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final int SUBMIT_FLUSH = 1000;
    /** What the 資格確認結果連絡書 lists: the claims whose billing changes. */
    private static final Set<ClaimDisposition> CHANGED = EnumSet.of(ClaimDisposition.REROUTE, ClaimDisposition.SPLIT,
            ClaimDisposition.RELATIONSHIP_CORRECTED);

    @PersistenceContext(unitName = "oqs")
    private EntityManager em;

    @Inject
    private Clock clock;

    @EJB
    private AuditTrail audit;

    @Inject
    @ConfigProperty(name = "oqs.claims.retention-days", defaultValue = "30")
    private int retentionDays;

    @Inject
    @ConfigProperty(name = "oqs.claims.chunk-size", defaultValue = "500")
    private int chunkSize;

    /**
     * Accepts the claims as a job of the caller's organisations; routing starts once this transaction commits.
     * All claims or none: a service date outside its month, a bad insurer number or an insurer outside the caller's
     * organisations (or not registered) refuses the request, naming the first such claim's index.
     */
    public ClaimJob submit(@NotNull @Valid AdminScope scope, @NotEmpty List<Claim> claims) throws ClaimsException {
        Map<String, String> normalised = new HashMap<>();
        for (int i = 0; i < claims.size(); i++) {
            Claim claim = claims.get(i);
            checkMonth(i, claim);
            String raw = claim.insurerNumber();
            if (!normalised.containsKey(raw)) {
                try {
                    normalised.put(raw, InsurerNumber.parse(raw).value());
                } catch (InvalidIdentifierException e) {
                    throw new ClaimsException(Kind.INVALID, e.code(), e.getMessage(),
                            "claims[" + i + "].insurerNumber: " + e.hint());
                }
            }
        }
        Set<ManagingOrganisation> organisations = organisationsOf(scope, claims, normalised);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        long serial = ((Number) em.createNativeQuery("SELECT claim_job_seq.NEXTVAL FROM DUAL").getSingleResult())
                .longValue();
        String jobId = "C" + LocalDate.now(clock).format(DAY) + String.format("%011d", serial);
        ClaimJob job = new ClaimJob(jobId, organisations, scope.actor(), claims.size(), now,
                now.plus(Duration.ofDays(retentionDays)));
        em.persist(job);
        em.flush(); // the claims refer to the job by key only: it must be written first
        for (int i = 0; i < claims.size(); i++) {
            Claim claim = claims.get(i);
            em.persist(new ClaimItem(jobId, i, claim, normalised.get(claim.insurerNumber())));
            if ((i + 1) % SUBMIT_FLUSH == 0) {
                em.flush();
                em.clear();
            }
        }
        return job;
    }

    private static void checkMonth(int index, Claim claim) throws ClaimsException {
        YearMonth month = YearMonth.parse(claim.serviceMonth());
        for (LocalDate date : claim.serviceDates()) {
            if (!YearMonth.from(date).equals(month)) {
                throw new ClaimsException(Kind.INVALID, ErrorCodes.CLAIM_INVALID,
                        "診療日が診療年月（" + month + "）の日付ではありません。",
                        "claims[" + index + "].serviceDates: " + date + " is not in serviceMonth " + month);
            }
        }
    }

    /** The organisations whose insurers the claims are addressed to; each must be one of the caller's. */
    private Set<ManagingOrganisation> organisationsOf(AdminScope scope, List<Claim> claims,
                                                      Map<String, String> normalised) throws ClaimsException {
        Map<String, ManagingOrganisation> owners = new HashMap<>();
        for (List<String> part : InLists.parts(new HashSet<>(normalised.values()))) {
            em.createQuery("SELECT i FROM Insurer i WHERE i.insurerNumber IN :numbers", Insurer.class)
                    .setParameter("numbers", part).getResultList()
                    .forEach(i -> owners.put(i.insurerNumber(), i.managingOrganisation()));
        }
        Set<ManagingOrganisation> organisations = EnumSet.noneOf(ManagingOrganisation.class);
        for (int i = 0; i < claims.size(); i++) {
            String number = normalised.get(claims.get(i).insurerNumber());
            ManagingOrganisation owner = owners.get(number);
            if (owner == null || !scope.mayChange() || !scope.organisations().contains(owner)) {
                throw new ClaimsException(Kind.FORBIDDEN, ErrorCodes.INSURER_OUT_OF_SCOPE,
                        "この保険者（" + number + "）宛てのレセプトを扱う権限がありません。",
                        "claims[" + i + "] is addressed to insurer " + number + ", "
                                + (owner == null ? "which is not registered" : "managed by " + owner)
                                + "; ssk-admin routes claims of SSK insurers, kokuho-admin of KOKUHO_CHUOKAI insurers");
            }
            organisations.add(owner);
        }
        return organisations;
    }

    /**
     * Routes the next chunk of a job. Returns whether claims remain. Every claim before the resolved count is
     * resolved (chunks commit in claim order with the counts), so the chunk is the key range from there.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean resolveNextChunk(String jobId) {
        RowLock.acquire(em, "ClaimJob.lock", jobId);
        ClaimJob job = em.find(ClaimJob.class, jobId);
        if (job == null || job.status() == BulkStatus.DONE) {
            return false;
        }
        List<ClaimItem> chunk = em.createNamedQuery("ClaimItem.unresolved", ClaimItem.class)
                .setParameter("jobId", jobId)
                .setParameter("from", job.resolved())
                .setParameter("to", job.resolved() + chunkSize)
                .getResultList();
        Histories histories = new Histories(em, chunk);
        PendingAudit pending = new PendingAudit();
        for (ClaimItem item : chunk) {
            Histories.Match match = histories.match(item);
            ClaimRouting.Resolution resolution = ClaimRouting.resolve(item.written(), match.persons(),
                    match.written(), match.coverages());
            em.persist(item.resolved(resolution));
            job.counted(resolution.disposition());
            pending.add(ActorKind.STAFF, job.actor(), AuditKind.CLAIM_RESOLUTION, match.person(),
                    histories.insurerId(item.insurerNumber()),
                    resolution.disposition().name());
        }
        job.completeIfResolved(clock.instant().truncatedTo(ChronoUnit.MICROS));
        audit.append(pending);
        return job.status() == BulkStatus.PROCESSING;
    }

    /** The job, for an operator (not an auditor) of its organisations, until its retention ends. */
    public ClaimJob find(@NotNull @Valid AdminScope scope, String jobId) throws ClaimsException {
        ClaimJob job = jobId == null ? null : em.find(ClaimJob.class, jobId);
        if (job == null || !scope.mayChange() || !job.visibleTo(scope.organisations())
                || job.expiresAt().isBefore(clock.instant())) {
            throw new ClaimsException(Kind.NOT_FOUND, ErrorCodes.CLAIM_JOB_NOT_FOUND,
                    "このジョブの結果はありません（保存期間を過ぎたか、別の組織のジョブです）。",
                    "no claims job " + jobId + " of your organisation within the retention period");
        }
        return job;
    }

    public List<ClaimItem> results(ClaimJob job, int page, int size) {
        return em.createNamedQuery("ClaimItem.page", ClaimItem.class)
                .setParameter("jobId", job.jobId())
                .setFirstResult(Page.firstResult(page, size)).setMaxResults(size)
                .getResultList();
    }

    /**
     * The claims of one clinic and month whose billing changes (re-routed, split, relationship corrected), for its
     * 資格確認結果連絡書. The read is on the audit trail in its transaction ({@code CLAIM_NOTICE}, the clinic, month and
     * number of claims); each person's history was audited when the claim was resolved.
     */
    public List<ClaimItem> clinicNotice(@NotNull @Valid AdminScope scope, String jobId, String clinicCode,
                                        String serviceMonth) throws ClaimsException {
        ClaimJob job = find(scope, jobId);
        if (job.status() != BulkStatus.DONE) {
            throw new ClaimsException(Kind.CONFLICT, ErrorCodes.CLAIM_JOB_NOT_DONE,
                    "このジョブはまだ処理中です。完了してから連絡書を取得してください。",
                    "job " + jobId + " is still PROCESSING; fetch the notice once GET " + jobId + " says DONE");
        }
        List<ClaimItem> changed = em.createNamedQuery("ClaimItem.changedOfClinic", ClaimItem.class)
                .setParameter("jobId", jobId).setParameter("clinic", clinicCode)
                .setParameter("month", serviceMonth).setParameter("dispositions", new ArrayList<>(CHANGED))
                .getResultList();
        audit.record(ActorKind.STAFF, scope.actor(), AuditKind.CLAIM_NOTICE, null, null,
                clinicCode + " " + serviceMonth + " " + changed.size());
        return changed;
    }

    /** Jobs still being routed (to resume after a restart). */
    public List<String> processing() {
        return em.createNamedQuery("ClaimJob.processing", String.class).getResultList();
    }

    /** Deletes jobs past their retention, with their claims; their audit entries stay. */
    public int purgeExpired() {
        List<String> expired = em.createNamedQuery("ClaimJob.expired", String.class)
                .setParameter("now", clock.instant()).setMaxResults(100).getResultList();
        for (String jobId : expired) {
            em.createQuery("DELETE FROM ClaimItemResolution r WHERE r.jobId = :j").setParameter("j", jobId)
                    .executeUpdate();
            em.createQuery("DELETE FROM ClaimItem c WHERE c.jobId = :j").setParameter("j", jobId).executeUpdate();
            em.createQuery("DELETE FROM ClaimJob j WHERE j.jobId = :j").setParameter("j", jobId).executeUpdate();
        }
        return expired.size();
    }
}
