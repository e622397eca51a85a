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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * Figures for the note: sync throughput (the persons are loaded through the sync API in batches, each timed),
 * single-lookup latency over 1,000 sequential calls (client side, through the typed client, on the embedded
 * default) and the time a bulk check takes from upload to all answered. Asserts the answers, prints the figures;
 * no timing bound (these machines are noisy).
 *
 * <p>Sizes come from system properties (passed on with {@code -D} on the Maven command line): {@code
 * oqs.bench.persons} (default 2,000) persons loaded, {@code oqs.bench.sync-batch} (10,000) records per sync batch,
 * {@code oqs.bench.sync-streams} (1) insurers loaded in parallel, one stream each, {@code oqs.bench.bulk} (10,000)
 * bulk entries. For example {@code -Doqs.bench.persons=50000 -Doqs.bench.bulk=100000}.
 */
@ExtendWith(ArquillianExtension.class)
class EligibilityBenchmarkIT {

    private static final int PERSONS = Integer.getInteger("oqs.bench.persons", 2_000);
    private static final int SYNC_BATCH = Integer.getInteger("oqs.bench.sync-batch", 10_000);
    private static final int STREAMS = Integer.getInteger("oqs.bench.sync-streams", 1);
    private static final int BULK = Integer.getInteger("oqs.bench.bulk", 10_000);
    private static final LocalDate APRIL = LocalDate.of(2024, 4, 1);
    private static final LocalDate VISIT = LocalDate.of(2025, 6, 1);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.microWar();
    }

    @ArquillianResource
    private URL deployment;

    /** Person {@code i} is a member of insurer {@code i % STREAMS}, with 番号 {@code i}. */
    private static String insurerOf(String[] insurers, int person) {
        return insurers[person % insurers.length];
    }

    @Test
    void syncThroughputSingleLookupLatencyAndBulkDuration() throws Exception {
        String[] insurers = new String[STREAMS];
        InsurerAdminApi ssk = client(InsurerAdminApi.class, deployment, token(Roles.SSK_ADMIN, "ssk-401"));
        for (int s = 0; s < STREAMS; s++) {
            insurers[s] = insurerNumber("06", "29", 401 + s);
            ssk.onboard(new OnboardInsurerRequest(insurers[s], "性能試験健保" + s, "セイノウシケン", null,
                    new NumberingRuleRequest(NumberingRuleKind.HOUSEHOLD_BRANCH, LocalDate.of(2000, 1, 1), null,
                            null, null))).close();
            ssk.activate(insurers[s]);
        }
        loadThroughSync(insurers);

        EligibilityApi clinic = client(EligibilityApi.class, deployment, token(Roles.CLINIC, "clinic-401",
                Map.of(Roles.CLAIM_MEDICAL_INSTITUTION_CODE, "0110113719")));
        for (int i = 0; i < 200; i++) {  // warm-up, not measured
            int person = i % PERSONS;
            clinic.lookup(new LookupRequest(insurerOf(insurers, person), "性能", String.valueOf(person), "01", null,
                    SyncRecords.BIRTH, VISIT, null));
        }
        long[] nanos = sequentialLookups(clinic, insurers, null);
        System.out.printf("[benchmark] single lookup, 1,000 sequential calls on the embedded default: "
                        + "p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", nanos[499] / 1e6, nanos[989] / 1e6,
                nanos[999] / 1e6);
        // with the patient's consent the answer carries the 限度額 data, and the clinic's last 限度額 answer for
        // the card is written (what a bulk answer's limitCertificateChanged compares with)
        long[] consented = sequentialLookups(clinic, insurers, true);
        System.out.printf("[benchmark] single lookup with limitCertificateConsent, 1,000 sequential calls: "
                        + "p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", consented[499] / 1e6, consented[989] / 1e6,
                consented[999] / 1e6);

        List<BulkEntry> entries = new ArrayList<>(BULK);
        for (int i = 0; i < BULK; i++) {
            int person = i % PERSONS;
            entries.add(new BulkEntry("e" + i, insurerOf(insurers, person), "性能", String.valueOf(person), "01",
                    null, SyncRecords.BIRTH, VISIT, null));
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
        assertEquals(BULK, result.counts().valid());
        System.out.printf("[benchmark] bulk check of %,d entries: accepted in %,d ms, all answered in %,d ms "
                + "(%,.0f entries/s)%n", BULK, acceptedMillis, doneMillis, BULK * 1000.0 / doneMillis);
    }

    /** The sorted durations of 1,000 sequential single lookups of loaded persons, each answered valid. */
    private static long[] sequentialLookups(EligibilityApi clinic, String[] insurers, Boolean limitCertificateConsent) {
        long[] nanos = new long[1000];
        for (int i = 0; i < nanos.length; i++) {
            int person = (i * 7) % PERSONS;
            LookupRequest request = new LookupRequest(insurerOf(insurers, person), "性能", String.valueOf(person),
                    "01", null, SyncRecords.BIRTH, VISIT, limitCertificateConsent);
            long start = System.nanoTime();
            int validity = clinic.lookup(request).validity();
            nanos[i] = System.nanoTime() - start;
            assertEquals(1, validity);
        }
        Arrays.sort(nanos);
        return nanos;
    }

    /** Loads the persons through the sync API, one stream per insurer in parallel; prints each batch's rate. */
    private void loadThroughSync(String[] insurers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(insurers.length);
        List<Future<Integer>> streams = new ArrayList<>();
        long start = System.nanoTime();
        for (int s = 0; s < insurers.length; s++) {
            int stream = s;
            streams.add(pool.submit(() -> {
                String insurer = insurers[stream];
                SyncApi sync = client(SyncApi.class, deployment, token(Roles.INSURER_SYNC, "sync-401-" + stream,
                        Map.of(Roles.CLAIM_INSURER_NUMBERS, List.of(insurer))));
                List<SyncRecord> batch = new ArrayList<>();
                int loaded = 0;
                for (int i = stream; i < PERSONS; i += insurers.length) {
                    batch.add(acquire("r" + i, "LK-401-" + i, "性能", String.valueOf(i), APRIL));
                    if (batch.size() == SYNC_BATCH || i + insurers.length >= PERSONS) {
                        long batchStart = System.nanoTime();
                        assertEquals(batch.size(), sync.submit(new SyncBatchRequest(java.util.UUID.randomUUID(),
                                insurer, List.copyOf(batch))).accepted());
                        long millis = Math.max(1, (System.nanoTime() - batchStart) / 1_000_000);
                        loaded += batch.size();
                        System.out.printf("[benchmark] sync stream %d: batch of %,d records in %,d ms "
                                + "(%,.0f records/s; %,d loaded)%n", stream, batch.size(), millis,
                                batch.size() * 1000.0 / millis, loaded);
                        batch.clear();
                    }
                }
                return loaded;
            }));
        }
        int total = 0;
        for (Future<Integer> stream : streams) {
            total += stream.get();
        }
        pool.shutdown();
        long millis = Math.max(1, (System.nanoTime() - start) / 1_000_000);
        assertEquals(PERSONS, total);
        System.out.printf("[benchmark] sync: %,d records in %d stream(s), batches of %,d: %,d ms "
                + "(%,.0f records/s)%n", PERSONS, insurers.length, SYNC_BATCH, millis, PERSONS * 1000.0 / millis);
    }
}
