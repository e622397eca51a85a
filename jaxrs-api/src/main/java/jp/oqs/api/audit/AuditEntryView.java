package jp.oqs.api.audit;

import java.time.Instant;

/**
 * One audited check.
 *
 * @param actor    the clinic's 医療機関コード
 * @param kind     LOOKUP, CERTIFICATE_LOOKUP, BULK_ENTRY
 * @param personId the internal person id, if the check resolved a person (for operators; never shown to clinics)
 * @param result   the validity (1–5) or the error code
 */
public record AuditEntryView(String checkId, Instant occurredAt, String actorKind, String actor, String kind,
                             Long personId, String insurerNumber, String result) {
}
