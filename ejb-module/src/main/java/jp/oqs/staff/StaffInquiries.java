package jp.oqs.staff;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.oqs.audit.ActorKind;
import jp.oqs.audit.AuditKind;
import jp.oqs.audit.AuditTrail;
import jp.oqs.identifier.InvalidIdentifierException;
import jp.oqs.insurer.AdminScope;
import jp.oqs.insurer.Insurer;
import jp.oqs.insurer.InsurerException;
import jp.oqs.insurer.InsurerService;
import jp.oqs.platform.Criteria;
import jp.oqs.platform.Page;
import jp.oqs.qualification.Qualification;
import jp.oqs.sync.OverlapNotice;
import jp.oqs.sync.SyncBatch;
import jp.oqs.sync.SyncRecordResult;

/**
 * What staff look up in the console besides the registry: a person's qualification history, an insurer's open
 * overlap notices and its sync batches with their per-record results. Every read names an insurer, which must
 * belong to the caller's one organisation (an administrator's; a console auditor's own; the registry checks it with
 * {@link InsurerService#findForPersonalData}, and audits a refusal); a history view is audited too.
 */
@Stateless
public class StaffInquiries {

    @PersistenceContext(unitName = "oqs")
    private EntityManager em;

    @EJB
    private InsurerService insurers;

    @EJB
    private AuditTrail audit;

    /**
     * The person holding these numbers at the insurer with this birth date, and every qualification of theirs at
     * an insurer in the caller's scope, oldest first, each with all its versions (superseded ones included). The
     * view is audited with the person; a search that finds nobody (or more than one person) is audited too, and
     * gives an empty list.
     */
    public List<Qualification> personHistory(AdminScope scope, String insurerNumber, String symbol, String number,
                                             String individualNumber, LocalDate birthDate)
            throws InvalidIdentifierException, InsurerException {
        Insurer insurer = insurers.findForPersonalData(scope, insurerNumber);
        List<Qualification> matches = individualNumber != null
                ? em.createNamedQuery("Qualification.byIndividualNumber", Qualification.class)
                .setParameter("insurer", insurer).setParameter("individualNumber", individualNumber)
                .setParameter("birthDate", birthDate).getResultList()
                : em.createNamedQuery("Qualification.byHousehold", Qualification.class)
                .setParameter("insurer", insurer)
                .setParameter("householdKey", Qualification.householdKey(symbol, number))
                .setParameter("birthDate", birthDate).getResultList();
        List<Long> persons = matches.stream().map(q -> q.person().id()).distinct().toList();
        if (persons.size() != 1) {
            audit.record(ActorKind.STAFF, scope.actor(), AuditKind.PERSON_VIEW, null, insurer.id(),
                    persons.isEmpty() ? "NOT_FOUND" : "MULTIPLE");
            return List.of();
        }
        audit.record(ActorKind.STAFF, scope.actor(), AuditKind.PERSON_VIEW, persons.get(0), insurer.id(), "VIEWED");
        List<Qualification> history = em.createNamedQuery("Qualification.ofPersons", Qualification.class)
                .setParameter("persons", List.of(matches.get(0).person()))
                .setHint("eclipselink.batch", "q.versions").getResultList().stream()
                .filter(q -> scope.organisations().contains(q.insurer().managingOrganisation())).toList();
        history.forEach(q -> q.versions().size()); // read inside the transaction (one batch query)
        return history;
    }

    /** The insurer's open overlap notices, oldest first. */
    public Page<OverlapNotice> openNotices(AdminScope scope, String insurerNumber, int page, int size)
            throws InvalidIdentifierException, InsurerException {
        Insurer insurer = insurers.findForPersonalData(scope, insurerNumber);
        List<OverlapNotice> items = em.createNamedQuery("OverlapNotice.open", OverlapNotice.class)
                .setParameter("insurer", insurer).setParameter("after", 0L)
                .setFirstResult(Page.firstResult(page, size)).setMaxResults(size).getResultList();
        long total = em.createQuery("SELECT COUNT(n) FROM OverlapNotice n WHERE n.insurer = :insurer"
                        + " AND n.acknowledgedAt IS NULL AND n.resolvedAt IS NULL", Long.class)
                .setParameter("insurer", insurer).getSingleResult();
        return new Page<>(items, total);
    }

    /** The insurer's sync batches, newest first. */
    public Page<SyncBatch> batches(AdminScope scope, String insurerNumber, int page, int size)
            throws InvalidIdentifierException, InsurerException {
        Insurer insurer = insurers.findForPersonalData(scope, insurerNumber);
        return new Criteria().and("b.insurerNumber = :number", "number", insurer.insurerNumber())
                .page(em, SyncBatch.class, "SyncBatch b", "b.receivedAt DESC, b.batchId", page, size, Map.of());
    }

    /** One page of a batch's per-record results, in record order; the batch's insurer must be in scope. */
    public Page<SyncRecordResult> batchResults(AdminScope scope, String insurerNumber, String batchId, int page,
                                               int size) throws InvalidIdentifierException, InsurerException {
        Insurer insurer = insurers.findForPersonalData(scope, insurerNumber);
        SyncBatch batch = em.find(SyncBatch.class, batchId);
        if (batch == null || !batch.insurerNumber().equals(insurer.insurerNumber())) {
            return new Page<>(List.of(), 0);
        }
        List<SyncRecordResult> items = em.createQuery("SELECT r FROM SyncRecordResult r WHERE r.batch = :batch"
                        + " ORDER BY r.position", SyncRecordResult.class)
                .setParameter("batch", batch).setFirstResult(Page.firstResult(page, size)).setMaxResults(size).getResultList();
        return new Page<>(items, batch.recordCount());
    }
}
