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
import java.util.TreeMap;
import java.util.UUID;
import jp.oqs.insurer.AdminScope;
import jp.oqs.platform.Criteria;
import jp.oqs.platform.Page;
import jp.oqs.metrics.ServiceMetrics;
import jp.oqs.platform.RowLock;
import jp.oqs.platform.ServiceClock;

/** Appends to, searches and verifies the audit trail. */
@Stateless
public class AuditTrail {

    private static final System.Logger LOG = System.getLogger(AuditTrail.class.getName());

    private static final int VERIFY_CHUNK = 5000;
    /** The widths of {@code audit_entry.actor} and {@code .result} (V3, V12). */
    private static final int ACTOR_LENGTH = 100;
    private static final int RESULT_LENGTH = 200;

    @PersistenceContext(unitName = "oqs")
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private AuditChainKey chainKey;

    @Inject
    private ServiceMetrics metrics;

    /**
     * Appends an entry in the caller's transaction (the one that decides the answer), so the answer and its audit
     * commit together. Returns the entry's check id.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public String record(ActorKind actorKind, String actor, AuditKind kind, Long personId, Long insurerId,
                         String result) {
        int shard = shardOf(actor);
        AuditChainHead head = lockedHead(shard);
        String checkId = UUID.randomUUID().toString();
        AuditEntry entry = new AuditEntry(shard, head.lastSeq() + 1, clock.instant(), actorKind, actor, kind, checkId,
                personId, insurerId, result, head.lastHash(), chainKey);
        em.persist(entry);
        advance(head, entry);
        metrics.auditAppended(List.of(kind));
        return checkId;
    }

    /**
     * Appends the pending entries in the caller's transaction, each to its actor's chain, in the order they were
     * added. What the unit of work changed so far is written first, so that a chain's lock is held only from here
     * to the commit: while the entries are linked and written, not while they were decided. Chains are locked in
     * shard order (two appends never wait for each other in a cycle).
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void append(PendingAudit pending) {
        if (pending.size() == 0) {
            return;
        }
        em.flush();
        Map<Integer, List<PendingAudit.Entry>> byShard = new TreeMap<>();
        for (PendingAudit.Entry entry : pending.entries()) {
            byShard.computeIfAbsent(shardOf(entry.actor()), s -> new ArrayList<>()).add(entry);
        }
        byShard.forEach((shard, entries) -> {
            AuditChainHead head = lockedHead(shard);
            for (PendingAudit.Entry e : entries) {
                AuditEntry entry = new AuditEntry(shard, head.lastSeq() + 1, clock.instant(), e.actorKind(),
                        e.actor(), e.kind(), e.checkId(), e.personId(), e.insurerId(), e.result(), head.lastHash(),
                        chainKey);
                em.persist(entry);
                advance(head, entry);
            }
        });
        metrics.auditAppended(pending.entries().stream().map(PendingAudit.Entry::kind).toList());
    }

    /** Moves the head; a head whose MAC did not hold (changed without the key) stays so, and is reported. */
    private void advance(AuditChainHead head, AuditEntry entry) {
        if (!head.advance(entry, chainKey)) {
            LOG.log(System.Logger.Level.ERROR, "audit chain {0}: its head MAC does not hold (the head was changed "
                    + "without the chain key, or the key differs); the head is not sealed again, so verification "
                    + "keeps reporting it", head.shard());
        }
    }

    private static int shardOf(String actor) {
        return Math.floorMod(actor.hashCode(), AuditChainHead.CHAINS);
    }

    /** The chain's head, locked until the transaction ends and read after the lock (the latest committed). */
    private AuditChainHead lockedHead(int shard) {
        RowLock.acquire(em, "AuditChainHead.lock", shard);
        AuditChainHead head = em.find(AuditChainHead.class, shard);
        return head;
    }

    /**
     * Appends an entry in a transaction of its own: for a check that was refused (bad input), whose own
     * transaction rolls back, so that the attempt is still on record. Call it once that transaction has ended
     * ({@link jp.oqs.platform.OwnTransaction}): from inside it, this transaction needs a second connection while the
     * refused one holds its first, and enough refusals at once empty the pool.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public String recordRefusal(ActorKind actorKind, String actor, AuditKind kind, String errorCode) {
        return record(actorKind, actor, kind, null, null, errorCode);
    }

    /**
     * Puts a refused API request of an authenticated caller on the trail, in a transaction of its own (the
     * request's, if it had begun one, rolls back): {@code "403 FORBIDDEN_ROLE GET admin/audit/verification"}, the
     * status, the error code, the method and the path template, never a parameter's value (no personal data: the
     * refused value may be a person's link key, which is never recorded). Returns the entry's check id.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public String recordAccessRefused(ActorKind actorKind, String actor, int status, String code, String method,
                                      String pathTemplate) {
        String result = status + " " + code + " " + method + " " + pathTemplate;
        return record(actorKind, atMost(actor, ACTOR_LENGTH), AuditKind.ACCESS_REFUSED, null, null,
                atMost(result, RESULT_LENGTH));
    }

    private static String atMost(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }

    /**
     * Entries newest first; staff see only entries about their organisations' insurers. The search itself is on the
     * trail, in its transaction ({@code AUDIT_READ}, the searcher, {@code SEARCH} and the number of matches, and
     * the person searched for, if any): the auditors are audited too. It is written after the query, so a search
     * never finds itself.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
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
        Page<AuditEntry> result = criteria.page(em, AuditEntry.class, "AuditEntry e", "e.occurredAt DESC, e.id DESC",
                page, size, Map.of());
        record(ActorKind.STAFF, scope.actor(), AuditKind.AUDIT_READ, personId, null,
                "SEARCH " + result.total() + " PAGE " + page);
        return result;
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

    /**
     * What a person's access history shows, newest first: the checks clinics made about the person and what
     * clinics did with the person's consent, and the person's own card actions that change what clinics may see
     * (withdrawn consents, card registration and its withdrawal), and every reading of the person's health records
     * (特定健診, medications: by the person too, so that a reading nobody recognises stands out); not the person's
     * reading of this history.
     */
    public List<AuditEntry> accessHistoryOf(long personId) {
        return em.createNamedQuery("AuditEntry.accessHistoryOf", AuditEntry.class)
                .setParameter("personId", personId)
                .setParameter("actorKind", ActorKind.CLINIC)
                .setParameter("ownKinds", List.of(AuditKind.CONSENT_WITHDRAWN, AuditKind.CARD_REGISTRATION,
                        AuditKind.CARD_DEREGISTRATION, AuditKind.CHECKUPS_READ, AuditKind.MEDICATIONS_READ))
                .setMaxResults(1000)
                .getResultList();
    }

    /**
     * Seals the heads not sealed yet (at the first start after V10, which added the head MAC): each head is locked
     * and MACed with the chain key as it stands. Logged, since a head is sealed only once.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int sealHeads() {
        int sealed = 0;
        for (int shard = 0; shard < AuditChainHead.CHAINS; shard++) {
            RowLock.acquire(em, "AuditChainHead.lock", shard);
            AuditChainHead head = em.find(AuditChainHead.class, shard);
            if (!head.sealed()) {
                head.seal(chainKey);
                sealed++;
            }
        }
        return sealed;
    }

    /**
     * Recomputes every chain from its start up to its head as read first (entries and head commit together, so
     * the entries up to a head read before them are all there however many are appended meanwhile); reports
     * entries whose hash or link does not hold, and heads whose MAC does not. Entries before a chain's
     * {@code keyed_from_seq} (written before V10) are checked against plain SHA-256, the rest against the key.
     * The verification is on the trail ({@code AUDIT_READ}, {@code actor}, the outcome).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public ChainVerification verify(String actor) {
        List<String> broken = new ArrayList<>();
        long checked = 0;
        List<AuditChainHead> heads = em.createNamedQuery("AuditChainHead.all", AuditChainHead.class)
                .getResultList();
        em.clear();
        if (heads.size() != AuditChainHead.CHAINS) {
            broken.add(AuditChainHead.CHAINS + " chains expected, " + heads.size() + " heads found");
        }
        for (AuditChainHead head : heads) {
            int shard = head.shard();
            if (!head.authentic(chainKey)) {
                broken.add("chain " + shard + ": head MAC does not hold (head changed, or a different chain key)");
            }
            String previous = AuditChainHead.GENESIS;
            long expectedSeq = 1;
            long after = 0;
            while (true) {
                List<AuditEntry> chunk = em.createNamedQuery("AuditEntry.chain", AuditEntry.class)
                        .setParameter("shard", shard).setParameter("after", after)
                        .setParameter("upTo", head.lastSeq())
                        .setMaxResults(VERIFY_CHUNK).getResultList();
                for (AuditEntry entry : chunk) {
                    checked++;
                    boolean linked = entry.shardSeq() == expectedSeq && entry.prevHash().equals(previous);
                    String hash = entry.computeHash(head.keys(entry) ? chainKey : null);
                    if (!linked || !hash.equals(entry.entryHash())) {
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
            if (head.lastSeq() != expectedSeq - 1 || !head.lastHash().equals(previous)) {
                broken.add("chain " + shard + ": head does not match its last entry (entries removed?)");
            }
        }
        // on the trail once the chains are read, in this transaction (the entry is past every head read above)
        record(ActorKind.STAFF, actor, AuditKind.AUDIT_READ, null, null,
                (broken.isEmpty() ? "VERIFY INTACT " : "VERIFY BROKEN " + broken.size() + " OF ") + checked);
        return new ChainVerification(broken.isEmpty(), checked, AuditChainHead.CHAINS, broken);
    }

}
