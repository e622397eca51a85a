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
import jp.oqs.api.claims.Claim;
import jp.oqs.api.claims.ClaimCounts;
import jp.oqs.api.claims.ClaimJobReception;
import jp.oqs.api.claims.ClaimJobResult;
import jp.oqs.api.claims.ClaimResolutionRequest;
import jp.oqs.api.eligibility.BulkStatus;
import jp.oqs.api.insurer.NumberingRuleKind;
import jp.oqs.api.insurer.NumberingRuleRequest;
import jp.oqs.api.insurer.OnboardInsurerRequest;
import jp.oqs.api.security.Roles;
import jp.oqs.api.sync.LossReason;
import jp.oqs.api.sync.Relationship;
import jp.oqs.api.sync.SyncBatchRequest;
import jp.oqs.api.sync.SyncRecord;
import jp.oqs.devtools.EmbeddedTokens;
import org.junit.jupiter.api.Test;

/**
 * A claims job survives a crash: the 202 that accepted it is durable, the server is killed with SIGKILL while it
 * routes, restarted, and resumes; every claim ends resolved exactly once (one {@code CLAIM_RESOLUTION} audit entry
 * each) with the counts of an uninterrupted run.
 */
class ClaimsRestartIT {

    private static final int MEMBERS = 1_000;
    private static final int CLAIMS = 30_000;
    private static final LocalDate MAY_1 = LocalDate.of(2025, 5, 1);

    private final JsonHttp http = new JsonHttp();

    @Test
    void aClaimsJobKilledMidwayResumesAndResolvesEveryClaimOnce() throws Exception {
        Path dataDir = Path.of(System.getProperty("oqs.it.data.dir") + "-claims");
        EmbeddedTokens tokens = new EmbeddedTokens(dataDir);
        tokens.ensureKey();
        String from = insurerNumber("06", "44", 701);
        String to = insurerNumber("06", "44", 702);
        String admin = tokens.issue(Roles.SSK_ADMIN, "ssk-701", Map.of(), Duration.ofHours(1));
        String sync = tokens.issue(Roles.INSURER_SYNC, "sync-701", Map.of(Roles.CLAIM_INSURER_NUMBERS,
                List.of(from, to)), Duration.ofHours(1));
        String operator = "ssk-operator-701";
        String operatorToken = tokens.issue(Roles.SSK_ADMIN, operator, Map.of(), Duration.ofHours(1));
        String jobId;
        MicroServer server = MicroServer.start(dataDir, "micro-claims-1.log");
        try {
            for (String insurer : List.of(from, to)) {
                http.post(server, "admin/insurers", admin, new OnboardInsurerRequest(insurer, "振替再開試験",
                        "フリカエサイカイシケン", null, new NumberingRuleRequest(NumberingRuleKind.HOUSEHOLD_BRANCH,
                                LocalDate.of(2000, 1, 1), null, null, null)));
                http.post(server, "admin/insurers/" + insurer + "/activation", admin, Map.of());
            }
            // every second member moved from the first insurer to the second on May 1: a claim of May re-routes
            List<SyncRecord> atFrom = new ArrayList<>();
            List<SyncRecord> atTo = new ArrayList<>();
            for (int i = 0; i < MEMBERS; i++) {
                atFrom.add(SyncRecords.acquire("f" + i, "LK-701-" + i, "再開", String.valueOf(i),
                        LocalDate.of(2024, 4, 1)));
                if (i % 2 == 1) {
                    atFrom.add(SyncRecords.lose("f-lost" + i, "LK-701-" + i, MAY_1, LossReason.OTHER_INSURANCE));
                    atTo.add(SyncRecords.acquire("t" + i, "LK-701-" + i, "移動", String.valueOf(i), MAY_1));
                }
            }
            assertEquals(200, http.post(server, "sync/batches", sync,
                    new SyncBatchRequest(UUID.randomUUID(), from, atFrom)).statusCode());
            assertEquals(200, http.post(server, "sync/batches", sync,
                    new SyncBatchRequest(UUID.randomUUID(), to, atTo)).statusCode());
            List<Claim> claims = new ArrayList<>(CLAIMS);
            for (int c = 0; c < CLAIMS; c++) {
                claims.add(new Claim("rc" + c, "0110113719", "2025-05", List.of(LocalDate.of(2025, 5, 7)), from,
                        "再開", String.valueOf(c % MEMBERS), null, null, SyncRecords.BIRTH, Relationship.SELF, false));
            }
            HttpResponse<String> accepted = http.post(server, "claims/qualification-resolutions", operatorToken,
                    new ClaimResolutionRequest(claims));
            assertEquals(202, accepted.statusCode(), accepted.body());
            jobId = http.json.fromJson(accepted.body(), ClaimJobReception.class).jobId();
            // kill once some chunks are committed and many are still to come
            String submitted = jobId;
            ClaimJobResult progress = MicroServer.poll(() -> job(server, operatorToken, submitted),
                    p -> p.counts().resolved() >= CLAIMS / 10 || p.status() != BulkStatus.PROCESSING,
                    Duration.ofMillis(50), Duration.ofMinutes(5));
            assertTrue(progress.status() == BulkStatus.PROCESSING, "still routing when killed");
            System.out.printf("[crash] claims job killed with %,d of %,d claims resolved%n",
                    progress.counts().resolved(), CLAIMS);
        } finally {
            server.kill();
        }
        try (MicroServer restarted = MicroServer.start(dataDir, "micro-claims-2.log")) {
            String resumed = jobId;
            ClaimJobResult done = MicroServer.poll(() -> job(restarted, operatorToken, resumed),
                    d -> d.status() == BulkStatus.DONE, Duration.ofMillis(250), Duration.ofMinutes(5));
            assertEquals(BulkStatus.DONE, done.status(), "resumed after the restart");
            assertEquals(new ClaimCounts(CLAIMS, CLAIMS, CLAIMS / 2, CLAIMS / 2, 0, 0, 0, 0), done.counts());
        }
        try (Connection db = MicroServer.database(dataDir);
             Statement sql = db.createStatement()) {
            assertEquals(CLAIMS, MicroServer.count(sql, "SELECT COUNT(*) FROM claim_resolution WHERE"
                    + " job_id = '" + jobId + "'"));
            assertEquals(CLAIMS / 2, MicroServer.count(sql, "SELECT COUNT(*) FROM claim_resolution"
                    + " WHERE disposition = 'REROUTE' AND job_id = '" + jobId + "'"));
            assertEquals(CLAIMS, MicroServer.count(sql, "SELECT COUNT(*) FROM audit_entry"
                    + " WHERE kind = 'CLAIM_RESOLUTION' AND actor = '" + operator + "'"),
                    "each claim resolved, and audited, exactly once");
        }
    }

    private ClaimJobResult job(MicroServer server, String token, String jobId) throws Exception {
        HttpResponse<String> response = http.get(server, "claims/qualification-resolutions/" + jobId + "?size=1",
                token);
        assertEquals(200, response.statusCode(), response.body());
        return http.json.fromJson(response.body(), ClaimJobResult.class);
    }
}
