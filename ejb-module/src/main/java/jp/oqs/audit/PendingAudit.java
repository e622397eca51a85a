package jp.oqs.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Audit entries decided during a unit of work and appended to their chains at its end, in the same transaction,
 * by {@link AuditTrail#append(PendingAudit)}: a bulk chunk answers its entries without holding a chain's lock and
 * takes it only to link the entries, just before it commits. Each entry's check id is known (and answered) at once.
 */
public final class PendingAudit {

    record Entry(ActorKind actorKind, String actor, AuditKind kind, String checkId, Long personId, Long insurerId,
                 String result) {
    }

    private final List<Entry> entries = new ArrayList<>();

    /** Adds an entry; returns its check id. */
    public String add(ActorKind actorKind, String actor, AuditKind kind, Long personId, Long insurerId,
                      String result) {
        String checkId = UUID.randomUUID().toString();
        entries.add(new Entry(actorKind, actor, kind, checkId, personId, insurerId, result));
        return checkId;
    }

    List<Entry> entries() {
        return entries;
    }

    public int size() {
        return entries.size();
    }
}
