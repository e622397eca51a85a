package jp.oqs.web;

import static jp.oqs.web.ItSupport.insurerNumber;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.oqs.api.eligibility.BulkEntry;
import jp.oqs.api.eligibility.BulkLookupRequest;
import jp.oqs.api.eligibility.BulkReception;
import jp.oqs.api.eligibility.BulkResult;
import jp.oqs.api.eligibility.BulkStatus;
import jp.oqs.api.insurer.NumberingRuleKind;
import jp.oqs.api.security.Roles;
import jp.oqs.api.sync.SyncBatchRequest;
import jp.oqs.api.sync.SyncRecord;
import jp.oqs.devtools.EmbeddedTokens;
import org.junit.jupiter.api.Test;

/**
 * A bulk check survives a crash: the server is killed with SIGKILL while it answers, restarted, and resumes;
 * every entry ends answered exactly once (one audit entry each). Results expire after the retention.
 */
class BulkRestartIT {

    private static final int MEMBERS = 1_000;
    private static final int ENTRIES = 20_000;
    private static final String CLINIC = "0110113719";

    private final JsonHttp http = new JsonHttp();

    @Test
    void aBulkCheckKilledMidwayResumesAndAnswersEveryEntryOnce() throws Exception {
        Path dataDir = Path.of(System.getProperty("oqs.it.data.dir") + "-bulk");
        EmbeddedTokens tokens = new EmbeddedTokens(dataDir);
        tokens.ensureKey();
        String insurer = insurerNumber("01", "42", 601);
        String admin = tokens.issue(Roles.SSK_ADMIN, "ssk-601", Map.of(), Duration.ofHours(1));
        String job = tokens.issue(Roles.INSURER_SYNC, "sync-601", Map.of(Roles.CLAIM_INSURER_NUMBERS,
                List.of(insurer)), Duration.ofHours(1));
        String clinic = tokens.issue(Roles.CLINIC, "clinic-601", Map.of(Roles.CLAIM_MEDICAL_INSTITUTION_CODE,
                CLINIC), Duration.ofHours(1));
        String receptionNumber;
        MicroServer server = MicroServer.start(dataDir, "micro-bulk-1.log");
        try {
            http.onboardActive(server, admin, insurer, "一括試験", "イッカツシケン", NumberingRuleKind.HOUSEHOLD_BRANCH);
            List<SyncRecord> members = new ArrayList<>();
            for (int i = 0; i < MEMBERS; i++) {
                members.add(SyncRecords.acquire("r" + i, "LK-601-" + i, "一括", String.valueOf(i),
                        LocalDate.of(2024, 4, 1)));
            }
            assertEquals(200, http.post(server, "sync/batches", job,
                    new SyncBatchRequest(UUID.randomUUID(), insurer, members)).statusCode());
            List<BulkEntry> entries = new ArrayList<>(ENTRIES);
            for (int i = 0; i < ENTRIES; i++) {
                entries.add(new BulkEntry("e" + i, insurer, "一括", String.valueOf(i % MEMBERS), "01", null,
                        SyncRecords.BIRTH, LocalDate.of(2025, 6, 1), null));
            }
            HttpResponse<String> accepted = http.post(server, "eligibility/bulk-lookups", clinic,
                    new BulkLookupRequest(entries));
            assertEquals(202, accepted.statusCode(), accepted.body());
            receptionNumber = http.json.fromJson(accepted.body(), BulkReception.class).receptionNumber();
            // kill once some chunks are committed and many are still to come
            BulkResult progress = MicroServer.poll(() -> status(server, clinic, receptionNumber),
                    p -> p.counts().answered() >= ENTRIES / 10, Duration.ofMillis(100), Duration.ofMinutes(5));
            assertTrue(progress.status() == BulkStatus.PROCESSING, "still answering when killed");
            System.out.printf("[crash] bulk check killed with %,d of %,d entries answered%n",
                    progress.counts().answered(), ENTRIES);
        } finally {
            server.kill();
        }
        try (MicroServer restarted = MicroServer.start(dataDir, "micro-bulk-2.log")) {
            BulkResult done = MicroServer.poll(() -> status(restarted, clinic, receptionNumber),
                    d -> d.status() == BulkStatus.DONE, Duration.ofMillis(250), Duration.ofMinutes(5));
            assertEquals(BulkStatus.DONE, done.status(), "resumed after the restart");
            assertEquals(ENTRIES, done.counts().answered());
            assertEquals(ENTRIES, done.counts().valid());
        }
        try (Connection db = MicroServer.database(dataDir);
             Statement sql = db.createStatement()) {
            assertEquals(ENTRIES, MicroServer.count(sql, "SELECT COUNT(*) FROM bulk_entry WHERE answered = 1"
                    + " AND reception_number = '" + receptionNumber + "'"));
            assertEquals(ENTRIES, MicroServer.count(sql, "SELECT COUNT(*) FROM audit_entry WHERE kind = 'BULK_ENTRY'"
                    + " AND actor = '" + CLINIC + "'"), "each entry answered, and audited, exactly once");
        }
        // results expire after the retention (here: none)
        try (MicroServer expiring = MicroServer.start(dataDir, "micro-bulk-3.log",
                List.of("-Doqs.bulk.retention-days=0"))) {
            HttpResponse<String> accepted = http.post(expiring, "eligibility/bulk-lookups", clinic,
                    new BulkLookupRequest(List.of(new BulkEntry("x", insurer, "一括", "1", "01", null,
                            SyncRecords.BIRTH, LocalDate.of(2025, 6, 1), null))));
            String expired = http.json.fromJson(accepted.body(), BulkReception.class).receptionNumber();
            HttpResponse<String> gone = http.get(expiring, "eligibility/bulk-lookups/" + expired, clinic);
            assertEquals(404, gone.statusCode());
            assertTrue(gone.body().contains("RECEPTION_NOT_FOUND"), gone.body());
        }
    }

    private BulkResult status(MicroServer server, String clinic, String receptionNumber) throws Exception {
        HttpResponse<String> response = http.get(server, "eligibility/bulk-lookups/" + receptionNumber
                + "?size=1", clinic);
        assertEquals(200, response.statusCode(), response.body());
        return http.json.fromJson(response.body(), BulkResult.class);
    }
}
