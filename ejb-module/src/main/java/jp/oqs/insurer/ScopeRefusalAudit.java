package jp.oqs.insurer;

import jakarta.ejb.EJB;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.InvocationContext;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import jp.oqs.audit.ActorKind;
import jp.oqs.audit.AuditKind;
import jp.oqs.audit.AuditTrail;

/**
 * Puts every out-of-scope attempt on the audit trail (in a transaction of its own, so it stays although the call
 * fails): a 支払基金 user opening a 国保 insurer by URL, a form field edited to another organisation's number, an
 * auditor trying to change something. The first parameter of every registry call is the caller's scope.
 */
public class ScopeRefusalAudit {

    private static final Logger LOG = System.getLogger(ScopeRefusalAudit.class.getName());

    @EJB
    private AuditTrail audit;

    @AroundInvoke
    Object auditRefusals(InvocationContext call) throws Exception {
        try {
            return call.proceed();
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
