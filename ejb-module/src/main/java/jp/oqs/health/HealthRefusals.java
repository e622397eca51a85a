package jp.oqs.health;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jp.oqs.audit.ActorKind;
import jp.oqs.audit.AuditKind;
import jp.oqs.audit.AuditTrail;

/**
 * A clinic's refused reading of a patient's health data, on the audit trail in a transaction of its own, written
 * after the refused one rolled back, naming the patient: so the refusal is in the patient's access history too.
 */
@Stateless
public class HealthRefusals {

    @EJB
    private AuditTrail audit;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void refused(String clinic, AuditKind kind, long personId, String code) {
        audit.record(ActorKind.CLINIC, clinic, kind, personId, null, "REFUSED " + code);
    }
}
