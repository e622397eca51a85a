package jp.oqs.insurer;

import jakarta.ejb.EJB;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.InvocationContext;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import jp.oqs.audit.ActorKind;
import jp.oqs.audit.AuditKind;
import jp.oqs.audit.AuditTrail;
import jp.oqs.platform.OwnTransaction;

/**
 * Runs every registry call in a transaction of its own ({@link OwnTransaction}; the registry's bean is
 * {@code NOT_SUPPORTED}) and puts every out-of-scope attempt on the audit trail in a new transaction once the
 * refused one has rolled back, so it stays although the call fails: a 支払基金 user opening a 国保 insurer by URL, a
 * form field edited to another organisation's number, an auditor trying to change something. Written inside the
 * refused transaction instead, each refusal would hold a connection while waiting for a second one. The first
 * parameter of every registry call is the caller's scope.
 */
public class ScopeRefusalAudit {

    private static final Logger LOG = System.getLogger(ScopeRefusalAudit.class.getName());

    @EJB
    private AuditTrail audit;

    @EJB
    private OwnTransaction ownTransaction;

    @AroundInvoke
    Object auditRefusals(InvocationContext call) throws Exception {
        try {
            return ownTransaction.<Object, Exception, Exception>run(call::proceed);
        } catch (InsurerOutOfScopeException refused) {
            AdminScope scope = (AdminScope) call.getParameters()[0];
            LOG.log(Level.WARNING, "refused: {0} reached for insurer {1} outside their scope ({2})", scope.actor(),
                    refused.insurerNumber(), call.getMethod().getName());
            audit.recordRefusal(ActorKind.STAFF, scope.actor(), AuditKind.REGISTRY_ACCESS,
                    refused.code() + " " + refused.insurerNumber());
            throw refused;
        }
    }
}
