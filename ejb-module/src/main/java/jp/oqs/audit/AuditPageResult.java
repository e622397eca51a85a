package jp.oqs.audit;

import java.util.List;

public record AuditPageResult(List<AuditEntry> items, long total) {
}
