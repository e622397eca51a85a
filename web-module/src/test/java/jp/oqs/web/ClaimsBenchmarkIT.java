package jp.oqs.web;

import static jp.oqs.web.ItSupport.client;
import static jp.oqs.web.ItSupport.insurerNumber;
import static jp.oqs.web.ItSupport.token;
import static jp.oqs.web.SyncRecords.acquire;
import static jp.oqs.web.SyncRecords.lose;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.core.Response;
import java.net.URL;
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
import jp.oqs.api.claims.ClaimsApi;
import jp.oqs.api.eligibility.BulkStatus;
import jp.oqs.api.insurer.InsurerAdminApi;
import jp.oqs.api.insurer.NumberingRuleKind;
import jp.oqs.api.insurer.NumberingRuleRequest;
import jp.oqs.api.insurer.OnboardInsurerRequest;
import jp.oqs.api.security.Roles;
import jp.oqs.api.sync.LossReason;
import jp.oqs.api.sync.Relationship;
import jp.oqs.api.sync.SyncApi;
import jp.oqs.api.sync.SyncBatchRequest;
import jp.oqs.api.sync.SyncRecord;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The claims job's figure: {@code [benchmark] claims N in S s}, from the upload to the job DONE, on persons loaded
 * through the sync API of whom a quarter each are kept, re-routed (loss on the 1st), split (change on the 15th)
 * and lost. Asserts the counts per disposition, prints the time; no timing bound. Sizes from system properties:
 * {@code oqs.bench.claims} (10,000) claims, {@code oqs.bench.claims-persons} (10,000) persons, e.g.
 * {@code -Doqs.bench.claims=100000} for issue 13's figure (goal: at most 30 s on two cores).
 */
@ExtendWith(ArquillianExtension.class)
class ClaimsBenchmarkIT {

    private static final int CLAIMS = Integer.getInteger("oqs.bench.claims", 10_000);
    private static final int PERSONS = Integer.getInteger("oqs.bench.claims-persons", 10_000);
    private static final int SYNC_BATCH = 10_000;
    private static final LocalDate APRIL_2024 = LocalDate.of(2024, 4, 1);
    private static final LocalDate MAY_1 = LocalDate.of(2025, 5, 1);
    private static final LocalDate MAY_15 = LocalDate.of(2025, 5, 15);
    private static final String A = insurerNumber("06", "43", 501);
    private static final String B = insurerNumber("06", "43", 502);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.microWar();
    }

    @ArquillianResource
    private URL deployment;

    @Test
    void claimsJobDuration() throws Exception {
        InsurerAdminApi registry = client(InsurerAdminApi.class, deployment, token(Roles.SSK_ADMIN, "bench-claims"));
        for (String number : List.of(A, B)) {
            registry.onboard(new OnboardInsurerRequest(number, "振替性能試験", "フリカエセイノウ", null,
                    new NumberingRuleRequest(NumberingRuleKind.HOUSEHOLD_BRANCH, LocalDate.of(2000, 1, 1), null,
                            null, null))).close();
            registry.activate(number);
        }
        SyncApi sync = client(SyncApi.class, deployment, token(Roles.INSURER_SYNC, "bench-claims-sync",
                Map.of(Roles.CLAIM_INSURER_NUMBERS, List.of(A, B))));
        List<SyncRecord> atA = new ArrayList<>();
        List<SyncRecord> atB = new ArrayList<>();
        for (int i = 0; i < PERSONS; i++) {
            atA.add(acquire("a" + i, "LK-BC-" + i, "振替", String.valueOf(i), APRIL_2024));
            switch (i % 4) {
                case 1 -> {
                    atA.add(lose("a-lost" + i, "LK-BC-" + i, MAY_1, LossReason.OTHER_INSURANCE));
                    atB.add(acquire("b" + i, "LK-BC-" + i, "移動", String.valueOf(i), MAY_1));
                }
                case 2 -> {
                    atA.add(lose("a-lost" + i, "LK-BC-" + i, MAY_15, LossReason.OTHER_INSURANCE));
                    atB.add(acquire("b" + i, "LK-BC-" + i, "移動", String.valueOf(i), MAY_15));
                }
                case 3 -> atA.add(lose("a-lost" + i, "LK-BC-" + i, MAY_1, LossReason.OTHER));
                default -> {
                    // kept
                }
            }
        }
        load(sync, A, atA);
        long moving = System.nanoTime();
        load(sync, B, atB);
        // every record at B is a person already insured at A: a cross-insurer ACQUIRE, audited as such
        System.out.printf("[benchmark] claims fixture: %,d cross-insurer ACQUIREs synced in %.1f s%n", atB.size(),
                (System.nanoTime() - moving) / 1e9);

        List<Claim> claims = new ArrayList<>(CLAIMS);
        int[] expected = new int[4];
        for (int c = 0; c < CLAIMS; c++) {
            int person = c % PERSONS;
            expected[person % 4]++;
            claims.add(new Claim("bc" + c, "0110113719", "2025-05", List.of(LocalDate.of(2025, 5, 2),
                    LocalDate.of(2025, 5, 20)), A, "振替", String.valueOf(person), null, null, SyncRecords.BIRTH,
                    Relationship.SELF, false));
        }
        ClaimsApi operator = client(ClaimsApi.class, deployment, token(Roles.SSK_ADMIN, "bench-claims-operator"));
        long start = System.nanoTime();
        String jobId;
        try (Response accepted = operator.submitClaims(new ClaimResolutionRequest(claims))) {
            assertEquals(202, accepted.getStatus());
            jobId = accepted.readEntity(ClaimJobReception.class).jobId();
        }
        long acceptedMillis = (System.nanoTime() - start) / 1_000_000;
        ClaimJobResult job;
        do {
            Thread.sleep(250);
            job = operator.job(jobId, 0, 1);
        } while (job.status() != BulkStatus.DONE);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(new ClaimCounts(CLAIMS, CLAIMS, expected[0], expected[1], expected[2], 0, expected[3], 0),
                job.counts());
        System.out.printf("[benchmark] claims %d in %.1f s (accepted in %,d ms; %,.0f claims/s; %,d persons)%n",
                CLAIMS, seconds, acceptedMillis, CLAIMS / seconds, PERSONS);
    }

    private static void load(SyncApi sync, String insurer, List<SyncRecord> records) {
        for (int from = 0; from < records.size(); from += SYNC_BATCH) {
            List<SyncRecord> batch = records.subList(from, Math.min(records.size(), from + SYNC_BATCH));
            // in order: a person's LOSE comes after its ACQUIRE, in the same batch or a later one
            assertEquals(batch.size(), sync.submit(new SyncBatchRequest(UUID.randomUUID(), insurer,
                    List.copyOf(batch))).accepted());
        }
    }
}
