package jp.oqs.platform;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/**
 * Runs a decision in a transaction of its own that has ended, committed or rolled back and its database connection
 * back in the pool, by the time the call returns or throws.
 * <p>
 * For a refusal that is put on the audit trail after its transaction rolled back: the caller runs without a
 * transaction ({@code NOT_SUPPORTED}), decides through this bean, and audits what it caught in a new transaction.
 * Auditing it inside the refused transaction instead ({@code REQUIRES_NEW} nested in it) holds one connection while
 * waiting for a second: as many refused requests at once as the pool has connections then hold them all, each waiting
 * for one more, and every caller of the node waits with them until the pool's wait times out (64 bad card
 * confirmations of one session at once: 60 s, and the ones past the pool answered 500).
 * <p>
 * A business exception thrown by the work rolls the transaction back ({@link BusinessException} is a rollback
 * application exception) and reaches the caller unchanged. The work runs on the caller's bean instance; its
 * container-managed {@code EntityManager} joins this transaction.
 */
@Stateless
public class OwnTransaction {

    /** Work that may throw up to two checked exception types (a decision's refusals). */
    @FunctionalInterface
    public interface Work<T, A extends Exception, B extends Exception> {
        T run() throws A, B;
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public <T, A extends Exception, B extends Exception> T run(Work<T, A, B> work) throws A, B {
        return work.run();
    }
}
