package jp.oqs.web;

import static jp.oqs.web.ItSupport.client;
import static jp.oqs.web.ItSupport.insurerNumber;
import static jp.oqs.web.ItSupport.token;
import static jp.oqs.web.SyncRecords.acquire;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.core.Response;
import java.net.URL;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import jp.oqs.api.eligibility.BulkEntry;
import jp.oqs.api.eligibility.BulkLookupRequest;
import jp.oqs.api.eligibility.BulkReception;
import jp.oqs.api.eligibility.BulkResult;
import jp.oqs.api.eligibility.BulkStatus;
import jp.oqs.api.eligibility.EligibilityApi;
import jp.oqs.api.eligibility.LookupRequest;
import jp.oqs.api.insurer.InsurerAdminApi;
import jp.oqs.api.insurer.NumberingRuleKind;
import jp.oqs.api.insurer.NumberingRuleRequest;
import jp.oqs.api.insurer.OnboardInsurerRequest;
import jp.oqs.api.security.Roles;
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
 * Figures for the note: single-lookup latency over 1,000 sequential calls (client side, through the typed
 * client, on the embedded default) and the time a 10,000-entry bulk check takes. Asserts the answers, prints
 * the figures; no timing bound (these machines are noisy).
 */
@ExtendWith(ArquillianExtension.class)
class EligibilityBenchmarkIT {

    private static final int MEMBERS = 2_000;
    private static final LocalDate APRIL = LocalDate.of(2024, 4, 1);
    private static final LocalDate VISIT = LocalDate.of(2025, 6, 1);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.microWar();
    }

    @ArquillianResource
    private URL deployment;

    @Test
    void singleLookupLatencyAndBulkDuration() throws Exception {
        String insurer = insurerNumber("06", "29", 401);
        InsurerAdminApi ssk = client(InsurerAdminApi.class, deployment, token(Roles.SSK_ADMIN, "ssk-401"));
        ssk.onboard(new OnboardInsurerRequest(insurer, "性能試験健保", "セイノウシケン", null,
                new NumberingRuleRequest(NumberingRuleKind.HOUSEHOLD_BRANCH, LocalDate.of(2000, 1, 1), null, null,
                        null))).close();
        ssk.activate(insurer);
        SyncRecord[] records = new SyncRecord[MEMBERS];
        for (int i = 0; i < MEMBERS; i++) {
            records[i] = acquire("r" + i, "LK-401-" + i, "性能", String.valueOf(i), APRIL);
        }
        SyncApi sync = client(SyncApi.class, deployment, token(Roles.INSURER_SYNC, "sync-401",
                Map.of(Roles.CLAIM_INSURER_NUMBERS, List.of(insurer))));
        assertEquals(MEMBERS, sync.submit(new SyncBatchRequest(java.util.UUID.randomUUID(), insurer,
                List.of(records))).accepted());

        EligibilityApi clinic = client(EligibilityApi.class, deployment, token(Roles.CLINIC, "clinic-401",
                Map.of(Roles.CLAIM_MEDICAL_INSTITUTION_CODE, "0110113719")));
        for (int i = 0; i < 200; i++) {  // warm-up, not measured
            clinic.lookup(new LookupRequest(insurer, "性能", String.valueOf(i), "01", null, SyncRecords.BIRTH, VISIT));
        }
        long[] nanos = new long[1000];
        for (int i = 0; i < nanos.length; i++) {
            LookupRequest request = new LookupRequest(insurer, "性能", String.valueOf((i * 7) % MEMBERS), "01", null,
                    SyncRecords.BIRTH, VISIT);
            long start = System.nanoTime();
            int validity = clinic.lookup(request).validity();
            nanos[i] = System.nanoTime() - start;
            assertEquals(1, validity);
        }
        Arrays.sort(nanos);
        System.out.printf("[benchmark] single lookup, 1,000 sequential calls on the embedded default: "
                        + "p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", nanos[499] / 1e6, nanos[989] / 1e6,
                nanos[999] / 1e6);

        List<BulkEntry> entries = new ArrayList<>(10_000);
        for (int i = 0; i < 10_000; i++) {
            entries.add(new BulkEntry("e" + i, insurer, "性能", String.valueOf(i % MEMBERS), "01", null,
                    SyncRecords.BIRTH, VISIT));
        }
        long start = System.nanoTime();
        Response accepted = clinic.submitBulk(new BulkLookupRequest(entries));
        long acceptedMillis = (System.nanoTime() - start) / 1_000_000;
        String receptionNumber = accepted.readEntity(BulkReception.class).receptionNumber();
        BulkResult result;
        do {
            Thread.sleep(250);
            result = clinic.bulk(receptionNumber, 0, 1);
        } while (result.status() != BulkStatus.DONE);
        long doneMillis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(10_000, result.counts().valid());
        System.out.printf("[benchmark] bulk check of 10,000 entries: accepted in %,d ms, all answered in %,d ms "
                + "(%,.0f entries/s)%n", acceptedMillis, doneMillis, 10_000 * 1000.0 / doneMillis);
    }
}
