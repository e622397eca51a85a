package jp.oqs.api.audit;

import java.util.List;

/** One page of audit entries, newest first. */
public record AuditPage(List<AuditEntryView> items, long total, int page, int size) {
}
