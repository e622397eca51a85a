package jp.oqs.platform;

import jakarta.persistence.EntityManager;

/**
 * A row's write lock, taken by updating the row in place ({@code SET c = c}) through an entity's named native
 * query {@code Entity.lock} with one positional parameter, the row's key.
 *
 * <p>JPA's {@code PESSIMISTIC_WRITE} ({@code SELECT ... FOR UPDATE}) locks nothing on the embedded engine: HSQLDB in
 * MVCC mode answers it from a snapshot, so two transactions "lock" the same row at once and both read the same
 * value. An update waits for the other writer on Oracle and HSQLDB alike, and a read after it in the same
 * transaction sees the latest committed row. The lock is held until the transaction ends. The updated column must
 * not be a key (Oracle would check, and with unindexed foreign keys lock, the referring tables).
 */
public final class RowLock {

    private RowLock() {
    }

    /** Locks the row; returns whether it exists. */
    public static boolean acquire(EntityManager em, String lockQuery, Object key) {
        return em.createNamedQuery(lockQuery).setParameter(1, key).executeUpdate() == 1;
    }
}
