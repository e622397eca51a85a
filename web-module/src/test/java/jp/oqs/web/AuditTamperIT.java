package jp.oqs.web;

import static jp.oqs.web.ItSupport.insurerNumber;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.oqs.api.audit.AuditVerification;
import jp.oqs.api.eligibility.LookupRequest;
import jp.oqs.api.eligibility.LookupResult;
import jp.oqs.api.insurer.NumberingRuleKind;
import jp.oqs.api.security.Roles;
import jp.oqs.devtools.EmbeddedTokens;
import org.junit.jupiter.api.Test;

/**
 * The audit chain detects tampering done behind the application's back: an entry changed in the database, an
 * entry rewritten with its hash recomputed (the chain is keyed with a secret outside the database), and an entry
 * removed, are reported by the verification; a verification while entries are written reports the chain intact.
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
        String otherClinic = tokens.issue(Roles.CLINIC, "clinic-502", Map.of(Roles.CLAIM_MEDICAL_INSTITUTION_CODE,
                "0110113727"), Duration.ofHours(1)); // another chain than clinic-501's
        String auditor = tokens.issue(Roles.AUDITOR, "auditor-501", Map.of(), Duration.ofHours(1));
        String changed;
        try (MicroServer server = MicroServer.start(dataDir, "micro-tamper-1.log")) {
            http.onboardActive(server, admin, insurer, "改ざん試験", "カイザンシケン", NumberingRuleKind.CENTRAL_GENERATED);
            http.post(server, "sync/batches", job, SyncRecords.batch(insurer,
                    SyncRecords.acquire("r1", "LK-501", null, "1", LocalDate.of(2024, 4, 1))));
            LookupRequest unknown = new LookupRequest(insurer, null, "2", null, null, SyncRecords.BIRTH, null, null);
            changed = http.json.fromJson(http.post(server, "eligibility/lookups", clinic, unknown).body(),
                    LookupResult.class).checkId();
            for (int i = 0; i < 3; i++) {
                http.post(server, "eligibility/lookups", clinic, unknown);
            }
            assertEquals(200, http.post(server, "eligibility/lookups", otherClinic, unknown).statusCode());
            assertTrue(verify(server, auditor).intact());
            // verifications while lookups append to the same chain see a consistent chain
            ExecutorService writers = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> writing = new ArrayList<>();
                for (int w = 0; w < 4; w++) {
                    writing.add(writers.submit(() -> {
                        for (int i = 0; i < 40; i++) {
                            assertEquals(200, http.post(server, "eligibility/lookups", clinic, unknown)
                                    .statusCode());
                        }
                        return null;
                    }));
                }
                int verifications = 0;
                while (writing.stream().anyMatch(f -> !f.isDone()) || verifications < 3) {
                    AuditVerification during = verify(server, auditor);
                    assertTrue(during.intact(), "while writing: " + during.broken());
                    verifications++;
                }
                for (Future<?> f : writing) {
                    f.get();
                }
            } finally {
                writers.shutdownNow();
            }
        }
        // the clean stop (SIGTERM) checkpointed the embedded database: the next start has nothing to recover
        Path redoLog = dataDir.resolve("db/oqs.log");
        String logged = Files.exists(redoLog) ? Files.readString(redoLog, StandardCharsets.ISO_8859_1) : "";
        assertFalse(logged.contains("INSERT INTO") || logged.contains("DELETE FROM"),
                "no row change left in the redo log after a clean stop:\n" + logged);
        assertFalse(Files.exists(dataDir.resolve("db/oqs.backup")), "no data-file backup left to restore");
        String forged;
        int forgedShard;
        try (Connection db = MicroServer.database(dataDir);
             Statement sql = db.createStatement()) {
            // someone makes "no such qualification" read "valid"
            assertEquals(1, sql.executeUpdate("UPDATE audit_entry SET result = '1' WHERE check_id = '" + changed + "'"));
            // someone else rewrites the only entry of another chain (a chain of one: moving keyed_from_seq past a
            // longer chain's last entry would also unkey the entries before it) and recomputes its hash as the chain
            // was hashed before it was keyed, the head to match, and moves the head's keyed_from_seq past it
            try (ResultSet last = sql.executeQuery("SELECT shard, shard_seq, prev_hash, occurred_at, actor_kind, actor,"
                    + " kind, check_id, person_id, insurer_id FROM audit_entry e WHERE shard <> (SELECT shard FROM"
                    + " audit_entry WHERE check_id = '" + changed + "') AND shard_seq = 1 AND shard_seq = (SELECT"
                    + " last_seq FROM audit_chain_head h WHERE h.shard = e.shard) ORDER BY shard")) {
                assertTrue(last.next(), "another chain of one entry (clinic-502's lookup)");
                forgedShard = last.getInt("shard");
                forged = last.getString("check_id");
                long seq = last.getLong("shard_seq");
                String canonical = String.join("|", last.getString("prev_hash").strip(), String.valueOf(forgedShard),
                        String.valueOf(seq), String.valueOf(ChronoUnit.MICROS.between(java.time.Instant.EPOCH,
                                last.getTimestamp("occurred_at").toInstant())), last.getString("actor_kind"),
                        last.getString("actor"), last.getString("kind"), forged,
                        String.valueOf(last.getObject("person_id") == null ? null : last.getLong("person_id")),
                        String.valueOf(last.getObject("insurer_id") == null ? null : last.getLong("insurer_id")),
                        "FORGED");
                String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(canonical.getBytes(StandardCharsets.UTF_8)));
                try (PreparedStatement entry = db.prepareStatement(
                        "UPDATE audit_entry SET result = 'FORGED', entry_hash = ? WHERE check_id = ?");
                     PreparedStatement head = db.prepareStatement("UPDATE audit_chain_head SET last_hash = ?,"
                             + " keyed_from_seq = ? WHERE shard = ?")) {
                    entry.setString(1, hash);
                    entry.setString(2, forged);
                    assertEquals(1, entry.executeUpdate());
                    head.setString(1, hash);
                    head.setLong(2, seq + 1);
                    head.setInt(3, forgedShard);
                    assertEquals(1, head.executeUpdate());
                }
            }
        }
        try (MicroServer server = MicroServer.start(dataDir, "micro-tamper-2.log")) {
            AuditVerification verification = verify(server, auditor);
            assertFalse(verification.intact());
            assertTrue(verification.broken().contains(changed), verification.broken().toString());
            assertTrue(verification.broken().contains("chain " + forgedShard + ": head MAC does not hold (head"
                    + " changed, or a different chain key)"), verification.broken().toString());
            assertEquals(2, verification.broken().size(), verification.broken().toString());
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
