package jp.oqs.audit;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.oqs.insurer.AdminScope;
import jp.oqs.platform.Criteria;
import jp.oqs.platform.Page;
import jp.oqs.platform.RowLock;
import jp.oqs.platform.ServiceClock;

/** Appends to, searches and verifies the audit trail. */
@Stateless
public class AuditTrail {

    private static final int VERIFY_CHUNK = 5000;

    @PersistenceContext(unitName = "oqs")
    private EntityManager em;

    @Inject
    private Clock clock;

    /**
     * Appends an entry in the caller's transaction (the one that decides the answer), so the answer and its audit
     * commit together. Returns the entry's check id.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public String record(ActorKind actorKind, String actor, AuditKind kind, Long personId, Long insurerId,
                         String result) {
        int shard = Math.floorMod(actor.hashCode(), AuditChainHead.CHAINS);
        RowLock.acquire(em, "AuditChainHead.lock", shard);
        AuditChainHead head = em.find(AuditChainHead.class, shard);
        String checkId = UUID.randomUUID().toString();
        AuditEntry entry = new AuditEntry(shard, head.lastSeq() + 1, clock.instant(), actorKind, actor, kind, checkId,
                personId, insurerId, result, head.lastHash());
        em.persist(entry);
        head.advance(entry);
        return checkId;
    }

    /**
     * Appends an entry in a transaction of its own: for a check that was refused (bad input), whose own
     * transaction rolls back, so that the attempt is still on record.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public String recordRefusal(ActorKind actorKind, String actor, AuditKind kind, String errorCode) {
        return record(actorKind, actor, kind, null, null, errorCode);
    }

    /** Entries newest first; staff see only entries about their organisations' insurers. */
    public Page<AuditEntry> search(AdminScope scope, boolean everything, String actor, Long personId,
                                   LocalDate from, LocalDate to, int page, int size) {
        Criteria criteria = new Criteria()
                .and("e.actor = :actor", "actor", actor == null || actor.isBlank() ? null : actor)
                .and("e.personId = :personId", "personId", personId)
                .and("e.occurredAt >= :from", "from",
                        from == null ? null : from.atStartOfDay(ServiceClock.JAPAN).toInstant())
                .and("e.occurredAt < :to", "to",
                        to == null ? null : to.plusDays(1).atStartOfDay(ServiceClock.JAPAN).toInstant());
        if (!everything) {
            criteria.and("e.insurerId IN (SELECT i.id FROM Insurer i WHERE i.managingOrganisation IN :organisations)",
                    "organisations", new ArrayList<>(scope.organisations()));
        }
        return criteria.page(em, AuditEntry.class, "AuditEntry e", "e.occurredAt DESC, e.id DESC", page, size,
                Map.of());
    }

    /** The insurer numbers of the insurers the entries name. */
    public Map<Long, String> insurerNumbers(List<AuditEntry> entries) {
        List<Long> ids = entries.stream().map(AuditEntry::insurerId).filter(java.util.Objects::nonNull).distinct()
                .toList();
        Map<Long, String> numbers = new HashMap<>();
        if (!ids.isEmpty()) {
            em.createQuery("SELECT i.id, i.insurerNumber FROM Insurer i WHERE i.id IN :ids", Object[].class)
                    .setParameter("ids", ids).getResultList()
                    .forEach(row -> numbers.put((Long) row[0], (String) row[1]));
        }
        return numbers;
    }

    /** The checks clinics made about a person, newest first. */
    public List<AuditEntry> clinicChecksOf(long personId) {
        return em.createNamedQuery("AuditEntry.ofPerson", AuditEntry.class)
                .setParameter("personId", personId)
                .setParameter("actorKind", ActorKind.CLINIC)
                .setMaxResults(1000)
                .getResultList();
    }

    /** Recomputes every chain from its start; reports entries whose hash or link does not hold. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public ChainVerification verify() {
        List<String> broken = new ArrayList<>();
        long checked = 0;
        for (int shard = 0; shard < AuditChainHead.CHAINS; shard++) {
            String previous = AuditChainHead.GENESIS;
            long expectedSeq = 1;
            long after = 0;
            while (true) {
                List<AuditEntry> chunk = em.createNamedQuery("AuditEntry.chain", AuditEntry.class)
                        .setParameter("shard", shard).setParameter("after", after)
                        .setMaxResults(VERIFY_CHUNK).getResultList();
                for (AuditEntry entry : chunk) {
                    checked++;
                    boolean linked = entry.shardSeq() == expectedSeq && entry.prevHash().equals(previous);
                    if (!linked || !entry.computeHash().equals(entry.entryHash())) {
                        broken.add(entry.checkId());
                    }
                    previous = entry.entryHash();
                    expectedSeq = entry.shardSeq() + 1;
                    after = entry.shardSeq();
                }
                em.clear();
                if (chunk.size() < VERIFY_CHUNK) {
                    break;
                }
            }
            AuditChainHead head = em.find(AuditChainHead.class, shard);
            if (head.lastSeq() != expectedSeq - 1 || !head.lastHash().equals(previous)) {
                broken.add("chain " + shard + ": head does not match its last entry (entries removed?)");
            }
        }
        return new ChainVerification(broken.isEmpty(), checked, AuditChainHead.CHAINS, broken);
    }

}
