package jp.oqs.api.audit;

import java.util.List;

/**
 * The result of recomputing every chain of the audit trail.
 *
 * @param broken the check ids of entries whose hash does not follow from their content and predecessor
 */
public record AuditVerification(boolean intact, long entriesChecked, int chains, List<String> broken) {
}
