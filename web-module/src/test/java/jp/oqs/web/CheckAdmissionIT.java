package jp.oqs.web;

import static jp.oqs.web.ItSupport.insurerNumber;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
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
import java.util.concurrent.CompletableFuture;
import jp.oqs.api.eligibility.LookupRequest;
import jp.oqs.api.error.ErrorBody;
import jp.oqs.api.error.ErrorCodes;
import jp.oqs.api.insurer.NumberingRuleKind;
import jp.oqs.api.security.Roles;
import jp.oqs.api.sync.SyncBatchRequest;
import jp.oqs.api.sync.SyncRecord;
import jp.oqs.devtools.EmbeddedTokens;
import org.junit.jupiter.api.Test;

/**
 * The single checks a node decides at once ({@code oqs.eligibility.admission.*}), end to end: on a server that
 * decides one at a time and lets none wait ({@code max-waiting} 0; the wait itself is 10 s, so a bound that was not
 * applied would show as no 503 at all), a burst of concurrent lookups is answered either 200 or 503
 * {@code SERVICE_UNAVAILABLE} with {@code Retry-After} and the error body, never anything else; every 200 is on
 * the audit trail once, no 503 wrote anything, and the 503s are counted in the refusal metrics.
 */
class CheckAdmissionIT {

    private static final String CLINIC = "0110113727";
    private static final int MEMBERS = 50;
    private static final int WAVES = 8;
    private static final int PER_WAVE = 40;

    private final JsonHttp http = new JsonHttp();

    @Test
    void aBusyNodeAnswersTheChecksBeyondItsTurnsWith503AndWritesNothingForThem() throws Exception {
        Path dataDir = Path.of(System.getProperty("oqs.it.data.dir") + "-admission");
        EmbeddedTokens tokens = new EmbeddedTokens(dataDir);
        tokens.ensureKey();
        String insurer = insurerNumber("01", "43", 602);
        String admin = tokens.issue(Roles.SSK_ADMIN, "ssk-602", Map.of(), Duration.ofHours(1));
        String job = tokens.issue(Roles.INSURER_SYNC, "sync-602", Map.of(Roles.CLAIM_INSURER_NUMBERS,
                List.of(insurer)), Duration.ofHours(1));
        String clinic = tokens.issue(Roles.CLINIC, "clinic-602", Map.of(Roles.CLAIM_MEDICAL_INSTITUTION_CODE,
                CLINIC), Duration.ofHours(1));
        int answered = 0;
        int busy = 0;
        try (MicroServer server = MicroServer.start(dataDir, "micro-admission.log",
                List.of("-Doqs.eligibility.admission.concurrent-checks=1", "-Doqs.eligibility.admission.wait-ms=10000",
                        "-Doqs.eligibility.admission.max-waiting=0",
                        "-Doqs.eligibility.limit.lookups-per-minute=100000"))) {
            http.onboardActive(server, admin, insurer, "混雑試験", "コンザツシケン", NumberingRuleKind.HOUSEHOLD_BRANCH);
            List<SyncRecord> members = new ArrayList<>();
            for (int i = 0; i < MEMBERS; i++) {
                members.add(SyncRecords.acquire("r" + i, "LK-602-" + i, "混雑", String.valueOf(i),
                        LocalDate.of(2024, 4, 1)));
            }
            assertEquals(200, http.post(server, "sync/batches", job,
                    new SyncBatchRequest(UUID.randomUUID(), insurer, members)).statusCode());

            for (int wave = 0; wave < WAVES; wave++) {
                List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
                for (int i = 0; i < PER_WAVE; i++) {
                    burst.add(http.postAsync(server, "eligibility/lookups", clinic, new LookupRequest(insurer, "混雑",
                            String.valueOf(i % MEMBERS), "01", null, SyncRecords.BIRTH, LocalDate.of(2025, 6, 1),
                            null)));
                }
                for (CompletableFuture<HttpResponse<String>> pending : burst) {
                    HttpResponse<String> response = pending.get();
                    if (response.statusCode() == 200) {
                        assertTrue(response.body().contains("\"validity\":1"), response.body());
                        answered++;
                    } else {
                        assertEquals(503, response.statusCode(), response.body());
                        ErrorBody error = http.json.fromJson(response.body(), ErrorBody.class);
                        assertEquals(ErrorCodes.SERVICE_UNAVAILABLE, error.code());
                        assertTrue(error.hint().contains("oqs.eligibility.admission.max-waiting"), error.hint());
                        assertEquals("1", response.headers().firstValue("Retry-After").orElse(null));
                        busy++;
                    }
                }
            }
            System.out.printf("[admission] %d concurrent lookups, one decided at a time, none waiting: %d answered,"
                    + " %d refused 503%n", WAVES * PER_WAVE, answered, busy);
            assertTrue(answered > 0, "some checks were decided");
            assertTrue(busy > 0, "40 lookups at once on a node that decides one at a time and lets none wait");
            assertEquals((double) busy, refusedBusy(server), "every 503 is counted with its status and code");
        }
        try (Connection db = MicroServer.database(dataDir);
             Statement sql = db.createStatement()) {
            assertEquals(answered, MicroServer.count(sql, "SELECT COUNT(*) FROM audit_entry WHERE kind = 'LOOKUP'"
                    + " AND actor = '" + CLINIC + "'"), "each answered check audited once, the refused ones not");
        }
    }

    /** {@code oqs_requests_refused_total} for 503 SERVICE_UNAVAILABLE, read from the Prometheus scrape. */
    private static double refusedBusy(MicroServer server) throws Exception {
        HttpResponse<String> scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                server.root().resolve("metrics")).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, scrape.statusCode());
        return scrape.body().lines()
                .filter(line -> line.startsWith("oqs_requests_refused_total{")
                        && line.contains("code=\"" + ErrorCodes.SERVICE_UNAVAILABLE + "\"")
                        && line.contains("status=\"503\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
