package jp.oqs.clinic;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.List;
import jp.oqs.audit.ActorKind;
import jp.oqs.audit.AuditKind;
import jp.oqs.audit.AuditTrail;

/** Raises and lists the clinic alerts. */
@Stateless
public class ClinicAlerts {

    private static final Logger LOG = System.getLogger(ClinicAlerts.class.getName());

    @PersistenceContext(unitName = "oqs")
    private EntityManager em;

    @Inject
    private Clock clock;

    @EJB
    private AuditTrail audit;

    @Inject
    private ClinicGuard guard;

    @Resource
    private TransactionSynchronizationRegistry transactions;

    /**
     * Stores the alert and its audit entry in the caller's transaction (the answer that crossed the threshold) and
     * logs a warning naming the clinic only. Should that transaction roll back, the window may raise it again.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void raise(NotFoundWatch.Crossing crossing) {
        em.persist(new ClinicAlert(crossing, clock.instant()));
        audit.record(ActorKind.CLINIC, crossing.clinic(), AuditKind.CLINIC_ALERT, null, null,
                ClinicAlert.NOT_FOUND_RATIO + " " + crossing.notFound() + "/" + crossing.answers());
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to add
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    LOG.log(Level.WARNING, "clinic {0}: {1} of {2} answers found nobody (validity 4) in the window "
                                    + "{3} to {4}; possible harvesting by guessing (the audit page of the console lists it)",
                            crossing.clinic(), crossing.notFound(), crossing.answers(), crossing.windowStart(),
                            crossing.windowEnd());
                } else {
                    guard.forget(crossing);
                }
            }
        });
    }

    /** The latest alerts, newest first. */
    public List<ClinicAlert> recent(int max) {
        return em.createNamedQuery("ClinicAlert.recent", ClinicAlert.class).setMaxResults(max).getResultList();
    }
}
