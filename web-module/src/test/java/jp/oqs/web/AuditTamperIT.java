package jp.oqs.web;

import static jp.oqs.web.ItSupport.insurerNumber;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.oqs.api.audit.AuditVerification;
import jp.oqs.api.eligibility.LookupRequest;
import jp.oqs.api.eligibility.LookupResult;
import jp.oqs.api.insurer.NumberingRuleKind;
import jp.oqs.api.insurer.NumberingRuleRequest;
import jp.oqs.api.insurer.OnboardInsurerRequest;
import jp.oqs.api.security.Roles;
import jp.oqs.devtools.EmbeddedTokens;
import org.junit.jupiter.api.Test;

/**
 * The audit chain detects tampering done behind the application's back: an entry changed in the database, and
 * an entry removed, are reported by the verification.
 */
class AuditTamperIT {

    private final JsonHttp http = new JsonHttp();

    @Test
    void aChangedOrRemovedAuditEntryBreaksTheChain() throws Exception {
        Path dataDir = Path.of(System.getProperty("oqs.it.data.dir") + "-tamper");
        EmbeddedTokens tokens = new EmbeddedTokens(dataDir);
        tokens.ensureKey();
        String insurer = insurerNumber("01", "41", 501);
        String admin = tokens.issue(Roles.SSK_ADMIN, "ssk-501", Map.of(), Duration.ofHours(1));
        String job = tokens.issue(Roles.INSURER_SYNC, "sync-501", Map.of(Roles.CLAIM_INSURER_NUMBERS,
                List.of(insurer)), Duration.ofHours(1));
        String clinic = tokens.issue(Roles.CLINIC, "clinic-501", Map.of(Roles.CLAIM_MEDICAL_INSTITUTION_CODE,
                "0110113719"), Duration.ofHours(1));
        String auditor = tokens.issue(Roles.AUDITOR, "auditor-501", Map.of(), Duration.ofHours(1));
        String changed;
        try (MicroServer server = MicroServer.start(dataDir, "micro-tamper-1.log")) {
            http.post(server, "admin/insurers", admin, new OnboardInsurerRequest(insurer, "改ざん試験", "カイザンシケン",
                    null, new NumberingRuleRequest(NumberingRuleKind.CENTRAL_GENERATED, LocalDate.of(2000, 1, 1),
                            null, null, null)));
            http.post(server, "admin/insurers/" + insurer + "/activation", admin, Map.of());
            http.post(server, "sync/batches", job, SyncRecords.batch(insurer,
                    SyncRecords.acquire("r1", "LK-501", null, "1", LocalDate.of(2024, 4, 1))));
            LookupRequest unknown = new LookupRequest(insurer, null, "2", null, null, SyncRecords.BIRTH, null);
            changed = http.json.fromJson(http.post(server, "eligibility/lookups", clinic, unknown).body(),
                    LookupResult.class).checkId();
            for (int i = 0; i < 3; i++) {
                http.post(server, "eligibility/lookups", clinic, unknown);
            }
            assertTrue(verify(server, auditor).intact());
        }
        try (Connection db = MicroServer.database(dataDir);
             Statement sql = db.createStatement()) {
            // someone makes "no such qualification" read "valid"
            assertEquals(1, sql.executeUpdate("UPDATE audit_entry SET result = '1' WHERE check_id = '" + changed + "'"));
        }
        try (MicroServer server = MicroServer.start(dataDir, "micro-tamper-2.log")) {
            AuditVerification verification = verify(server, auditor);
            assertFalse(verification.intact());
            assertEquals(List.of(changed), verification.broken());
        }
        try (Connection db = MicroServer.database(dataDir);
             Statement sql = db.createStatement()) {
            // and removes the last entry of that chain
            assertEquals(1, sql.executeUpdate("DELETE FROM audit_entry WHERE id = (SELECT MAX(id) FROM audit_entry"
                    + " WHERE shard = (SELECT shard FROM audit_entry WHERE check_id = '" + changed + "'))"));
        }
        try (MicroServer server = MicroServer.start(dataDir, "micro-tamper-3.log")) {
            AuditVerification verification = verify(server, auditor);
            assertFalse(verification.intact());
            assertTrue(verification.broken().stream().anyMatch(b -> b.contains("head does not match")),
                    verification.broken().toString());
        }
    }

    private AuditVerification verify(MicroServer server, String auditor) throws Exception {
        var response = http.get(server, "admin/audit/verification", auditor);
        assertEquals(200, response.statusCode(), response.body());
        return http.json.fromJson(response.body(), AuditVerification.class);
    }
}
