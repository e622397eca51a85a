package jp.oqs.audit;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import jp.oqs.platform.SchemaMigrated;

/** Once the schema is there: seals the audit chain heads not sealed yet (see {@link AuditTrail#sealHeads()}). */
@ApplicationScoped
public class AuditChainSeal {

    private static final Logger LOG = System.getLogger(AuditChainSeal.class.getName());

    @EJB
    private AuditTrail trail;

    void onSchemaMigrated(@Observes SchemaMigrated event) {
        try {
            int sealed = trail.sealHeads();
            if (sealed > 0) {
                LOG.log(Level.WARNING, "{0} audit chain heads sealed with the chain key (expected once, at the"
                        + " first start after the V10 migration; at any other time a head was cleared behind the"
                        + " service''s back)", sealed);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "audit chain heads could not be sealed: " + e);
        }
    }
}
