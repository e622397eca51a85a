package jp.oqs.web;

import static jp.oqs.web.ItSupport.insurerNumber;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.bind.Jsonb;
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
import java.util.concurrent.TimeUnit;
import jp.oqs.api.health.CheckupBatchRequest;
import jp.oqs.api.health.CheckupItem;
import jp.oqs.api.health.CheckupRecord;
import jp.oqs.api.health.CheckupSyncApi;
import jp.oqs.api.health.CheckupValue;
import jp.oqs.api.insurer.NumberingRuleKind;
import jp.oqs.api.insurer.NumberingRuleRequest;
import jp.oqs.api.insurer.OnboardInsurerRequest;
import jp.oqs.api.security.Roles;
import jp.oqs.api.sync.RecordStatus;
import jp.oqs.api.sync.SyncBatchRequest;
import jp.oqs.api.sync.SyncBatchResult;
import jp.oqs.api.sync.SyncRecord;
import jp.oqs.devtools.EmbeddedTokens;
import org.junit.jupiter.api.Test;

/**
 * Exactly once across crashes: a 20,000-record batch is sent, the server is killed with SIGKILL while it applies
 * it, restarted, killed again at another moment, restarted, and the batch is resent once. The
 * database must then hold exactly what one clean send would leave; the same for a batch of check-ups. Also prints
 * the batches' throughput.
 */
class SyncCrashIT {

    private static final int RECORDS = 10_000;
    /** The crashed batch is twice the measured one, so both kills land while it is being applied. */
    private static final int CRASH_RECORDS = 2 * RECORDS;
    private static final LocalDate APRIL = LocalDate.of(2024, 4, 1);
    /** Members, and check-ups in the measured batch (the crashed one has two a member). */
    private static final int CHECKUPS = 5_000;
    private static final List<CheckupValue> CHECKUP_ITEMS = List.of(
            new CheckupValue(CheckupItem.SYSTOLIC_BLOOD_PRESSURE.code(), "128", "mmHg"),
            new CheckupValue(CheckupItem.DIASTOLIC_BLOOD_PRESSURE.code(), "82", "mmHg"),
            new CheckupValue(CheckupItem.WEIGHT.code(), "64.5", "kg"));
    private final JsonHttp http = new JsonHttp();
    private final Jsonb json = http.json;

    @Test
    void aBatchKilledMidwayAndResentLeavesExactlyOneApplication() throws Exception {
        String reference = insurerNumber("01", "40", 901);
        String crashed = insurerNumber("06", "40", 902);
        Fixture fixture = Fixture.of("crash", reference, crashed);
        Path dataDir = fixture.dataDir();
        String admin = fixture.admin();
        String job = fixture.job();

        SyncBatchRequest referenceBatch = batch(reference, "REF", RECORDS);
        SyncBatchRequest crashBatch = batch(crashed, "CRASH", CRASH_RECORDS);
        long cleanMillis;
        String resentBody;

        MicroServer server = MicroServer.start(dataDir, "micro-1.log");
        try {
            onboard(server, admin, reference, NumberingRuleKind.CENTRAL_GENERATED);
            onboard(server, admin, crashed, NumberingRuleKind.HOUSEHOLD_BRANCH);
            // a clean send first: the throughput figure, and how long a batch takes here
            long start = System.nanoTime();
            HttpResponse<String> clean = post(server, "sync/batches", job, referenceBatch);
            cleanMillis = (System.nanoTime() - start) / 1_000_000;
            server.assertStatus(200, clean);
            assertEquals(RECORDS, json.fromJson(clean.body(), SyncBatchResult.class).accepted());
            System.out.printf("[benchmark] sync batch of %,d ACQUIRE records on the embedded default: %,d ms, "
                    + "%,.0f records/s%n", RECORDS, cleanMillis, RECORDS * 1000.0 / cleanMillis);

            // kill -9 early in the batch
            killWhileApplying(server, "sync/batches", job, crashBatch, cleanMillis / 5);
        } finally {
            server.kill();
        }
        server = MicroServer.start(dataDir, "micro-2.log");
        try {
            assertAllOrNothing(server, job, crashBatch, crashed);
            // kill -9 late in the batch (possibly after its commit, before the answer reached the client)
            killWhileApplying(server, "sync/batches", job, crashBatch, cleanMillis * 3 / 4);
        } finally {
            server.kill();
        }
        server = MicroServer.start(dataDir, "micro-3.log");
        try {
            assertAllOrNothing(server, job, crashBatch, crashed);
            HttpResponse<String> resent = post(server, "sync/batches", job, crashBatch);
            server.assertStatus(200, resent);
            resentBody = resent.body();
            SyncBatchResult result = json.fromJson(resent.body(), SyncBatchResult.class);
            assertEquals(CRASH_RECORDS, result.accepted());
            assertTrue(result.results().stream().allMatch(r -> r.status() == RecordStatus.ACCEPTED));
            // and once more: the stored result, nothing applied twice
            assertEquals(resent.body(), post(server, "sync/batches", job, crashBatch).body());
        } finally {
            server.close();
        }
        // the stored result read back from the database by a fresh server, not from the one that applied it
        String stored = resentBody;
        server = MicroServer.start(dataDir, "micro-4.log");
        try {
            HttpResponse<String> again = post(server, "sync/batches", job, crashBatch);
            server.assertStatus(200, again);
            assertEquals(stored, again.body());
        } finally {
            server.close();
        }

        // the database, read directly with the server stopped
        try (Connection db = MicroServer.database(dataDir);
             Statement sql = db.createStatement()) {
            String ofCrashed = " WHERE insurer_id = (SELECT id FROM insurer WHERE insurer_number = '" + crashed + "')";
            long all = RECORDS + CRASH_RECORDS;
            assertEquals(2, MicroServer.count(sql, "SELECT COUNT(*) FROM sync_batch"));
            assertEquals(all, MicroServer.count(sql, "SELECT COUNT(*) FROM sync_record_result"));
            assertEquals(all, MicroServer.count(sql, "SELECT COUNT(*) FROM person"));
            assertEquals(CRASH_RECORDS, MicroServer.count(sql, "SELECT COUNT(*) FROM qualification" + ofCrashed));
            assertEquals(CRASH_RECORDS, MicroServer.count(sql, "SELECT COUNT(DISTINCT number_key) FROM qualification" + ofCrashed));
            assertEquals(all, MicroServer.count(sql, "SELECT COUNT(*) FROM qualification_version"));
            assertEquals(RECORDS, MicroServer.count(sql, "SELECT COUNT(*) FROM central_number"));
            assertEquals(CRASH_RECORDS, MicroServer.count(sql, "SELECT COUNT(*) FROM change_event" + ofCrashed));
            assertEquals(CRASH_RECORDS, MicroServer.count(sql, "SELECT MAX(sequence_no) FROM change_event" + ofCrashed));
            assertEquals(CRASH_RECORDS, MicroServer.count(sql, "SELECT change_counter FROM insurer"
                    + ofCrashed.replace("insurer_id", "id")));
            // content: each record's household got exactly the branch numbers 01..05 once
            assertEquals(CRASH_RECORDS / 5, MicroServer.count(sql, "SELECT COUNT(*) FROM qualification" + ofCrashed
                    + " AND branch_number = '05'"));
            assertEquals(0, MicroServer.count(sql, "SELECT COUNT(*) FROM (SELECT household_key, branch_number FROM qualification"
                    + ofCrashed + " GROUP BY household_key, branch_number HAVING COUNT(*) > 1)"));
        }
    }

    /**
     * The same for the health records of issue 12, which share the sync batches' ledger but store other rows: a
     * 10,000-record check-up batch killed twice while it is applied and then resent leaves each check-up, its values
     * and its audit entry exactly once, and the batch stored once.
     */
    @Test
    void aCheckupBatchKilledMidwayAndResentLeavesExactlyOneApplication() throws Exception {
        String insurer = insurerNumber("06", "40", 903);
        Fixture fixture = Fixture.of("health-crash", insurer);
        Path dataDir = fixture.dataDir();
        String admin = fixture.admin();
        String job = fixture.job();
        CheckupBatchRequest referenceBatch = checkups(insurer, "HEALTH-REF", CHECKUPS, LocalDate.of(2024, 6, 3));
        CheckupBatchRequest crashBatch = checkups(insurer, "HEALTH-CRASH", 2 * CHECKUPS, LocalDate.of(2025, 6, 2));
        long cleanMillis;

        MicroServer server = MicroServer.start(dataDir, "micro-health-1.log");
        try {
            onboard(server, admin, insurer, NumberingRuleKind.HOUSEHOLD_BRANCH);
            List<SyncRecord> members = new ArrayList<>(CHECKUPS);
            for (int i = 0; i < CHECKUPS; i++) {
                members.add(SyncRecords.acquire("m" + i, "LK-HEALTH-" + i, "健診", String.valueOf(i), APRIL));
            }
            server.assertStatus(200, post(server, "sync/batches", job,
                    new SyncBatchRequest(UUID.randomUUID(), insurer, members)));
            long start = System.nanoTime();
            HttpResponse<String> clean = post(server, CheckupSyncApi.PATH, job, referenceBatch);
            cleanMillis = (System.nanoTime() - start) / 1_000_000;
            server.assertStatus(200, clean);
            assertEquals(CHECKUPS, json.fromJson(clean.body(), SyncBatchResult.class).accepted());
            System.out.printf("[benchmark] check-up batch of %,d records on the embedded default: %,d ms, "
                    + "%,.0f records/s%n", CHECKUPS, cleanMillis, CHECKUPS * 1000.0 / cleanMillis);
            killWhileApplying(server, CheckupSyncApi.PATH, job, crashBatch, cleanMillis / 5);
        } finally {
            server.kill();
        }
        server = MicroServer.start(dataDir, "micro-health-2.log");
        try {
            storedCompletely(server, job, crashBatch.batchId(), 2 * CHECKUPS);
            killWhileApplying(server, CheckupSyncApi.PATH, job, crashBatch, cleanMillis * 3 / 4);
        } finally {
            server.kill();
        }
        server = MicroServer.start(dataDir, "micro-health-3.log");
        try {
            storedCompletely(server, job, crashBatch.batchId(), 2 * CHECKUPS);
            HttpResponse<String> resent = post(server, CheckupSyncApi.PATH, job, crashBatch);
            server.assertStatus(200, resent);
            assertEquals(2 * CHECKUPS, json.fromJson(resent.body(), SyncBatchResult.class).accepted());
            assertEquals(resent.body(), post(server, CheckupSyncApi.PATH, job, crashBatch).body());
        } finally {
            server.close();
        }

        try (Connection db = MicroServer.database(dataDir);
             Statement sql = db.createStatement()) {
            long all = 3L * CHECKUPS;
            assertEquals(3, MicroServer.count(sql, "SELECT COUNT(*) FROM sync_batch"));
            assertEquals(CHECKUPS + all, MicroServer.count(sql, "SELECT COUNT(*) FROM sync_record_result"));
            assertEquals(all, MicroServer.count(sql, "SELECT COUNT(*) FROM checkup_result"));
            assertEquals(0, MicroServer.count(sql, "SELECT COUNT(*) FROM checkup_result WHERE superseded_at IS NOT NULL"));
            assertEquals(all * CHECKUP_ITEMS.size(), MicroServer.count(sql, "SELECT COUNT(*) FROM checkup_value"));
            assertEquals(all, MicroServer.count(sql,
                    "SELECT COUNT(*) FROM audit_entry WHERE kind = 'HEALTH_DATA_RECEIVED'"));
            // each member: one check-up of the reference batch and two of the crashed one, on their own days
            assertEquals(0, MicroServer.count(sql, "SELECT COUNT(*) FROM (SELECT person_id FROM checkup_result"
                    + " GROUP BY person_id HAVING COUNT(*) <> 3)"));
        }
    }

    /** A test's own data directory, with the tokens of its 支払基金 administrator and of its insurers' sync job. */
    private record Fixture(Path dataDir, String admin, String job) {

        static Fixture of(String name, String... insurers) throws Exception {
            Path dataDir = Path.of(System.getProperty("oqs.it.data.dir") + "-" + name);
            EmbeddedTokens tokens = new EmbeddedTokens(dataDir);
            tokens.ensureKey();
            return new Fixture(dataDir, tokens.issue(Roles.SSK_ADMIN, "ssk-" + name, Map.of(), Duration.ofHours(1)),
                    tokens.issue(Roles.INSURER_SYNC, "sync-" + name,
                            Map.of(Roles.CLAIM_INSURER_NUMBERS, List.of(insurers)), Duration.ofHours(1)));
        }
    }

    private void onboard(MicroServer server, String admin, String insurer, NumberingRuleKind kind) throws Exception {
        assertEquals(201, post(server, "admin/insurers", admin, new OnboardInsurerRequest(insurer,
                "クラッシュ試験保険者", "クラッシュシケン", null,
                new NumberingRuleRequest(kind, LocalDate.of(2000, 1, 1), null, null, null))).statusCode());
        assertEquals(200, post(server, "admin/insurers/" + insurer + "/activation", admin, Map.of()).statusCode());
    }

    /** {@code size} check-ups of the members in turn, each member's on consecutive days from {@code first}. */
    private static CheckupBatchRequest checkups(String insurer, String prefix, int size, LocalDate first) {
        List<CheckupRecord> records = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            records.add(new CheckupRecord(prefix + "-" + i, "LK-HEALTH-" + (i % CHECKUPS),
                    first.plusDays(i / CHECKUPS), CHECKUP_ITEMS));
        }
        return new CheckupBatchRequest(UUID.nameUUIDFromBytes(prefix.getBytes()), insurer, records);
    }

    /** After a kill the batch is either not applied at all, or applied completely (killed after its commit). */
    private void assertAllOrNothing(MicroServer server, String job, SyncBatchRequest batch, String insurer)
            throws Exception {
        if (!storedCompletely(server, job, batch.batchId(), CRASH_RECORDS)) {
            String changes = get(server, "sync/changes?insurerNumber=" + insurer + "&limit=1", job).body();
            assertEquals("{\"items\":[]}", changes, "a batch killed before its commit leaves no trace");
        } else {
            String changes = get(server, "sync/changes?insurerNumber=" + insurer + "&after=" + (CRASH_RECORDS - 1),
                    job).body();
            assertTrue(changes.contains("\"sequence\":" + CRASH_RECORDS + ","),
                    () -> "the whole feed is there: " + changes);
        }
    }

    /**
     * Whether the batch was stored, completely (all its records accepted: killed after its commit), or not at all
     * (404: killed before it); what the database holds is counted once the test is over.
     */
    private boolean storedCompletely(MicroServer server, String job, UUID batchId, int records) throws Exception {
        HttpResponse<String> stored = get(server, "sync/batches/" + batchId, job);
        if (stored.statusCode() == 404) {
            System.out.println("[crash] after restart: batch not applied, nothing written");
            return false;
        }
        server.assertStatus(200, stored);
        assertEquals(records, json.fromJson(stored.body(), SyncBatchResult.class).accepted());
        System.out.println("[crash] after restart: batch applied completely (killed after its commit)");
        return true;
    }

    /** Sends the batch, kills the server after {@code delayMillis}, and checks the kill came before the answer. */
    private void killWhileApplying(MicroServer server, String path, String token, Object batch, long delayMillis)
            throws Exception {
        CompletableFuture<HttpResponse<String>> sending = http.postAsync(server, path, token, batch);
        Thread.sleep(Math.max(200, delayMillis));
        assertFalse(sending.isDone(), "the batch finished before the kill; the test did not test a crash");
        server.kill();
        try {
            HttpResponse<String> response = sending.get(30, TimeUnit.SECONDS);
            throw new AssertionError("answered although killed: " + response.statusCode());
        } catch (java.util.concurrent.ExecutionException expected) {
            System.out.printf("[crash] killed %d ms into the batch: %s%n", delayMillis,
                    expected.getCause().getClass().getSimpleName());
        }
    }

    private static SyncBatchRequest batch(String insurer, String prefix, int size) {
        List<SyncRecord> records = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            // five members per household: branches 01..05
            records.add(SyncRecords.acquire("r" + i, prefix + "-" + i, "記号" + (i / 5), "番号" + (i / 5), APRIL));
        }
        return new SyncBatchRequest(java.util.UUID.nameUUIDFromBytes(prefix.getBytes()), insurer, records);
    }

    private HttpResponse<String> post(MicroServer server, String path, String token, Object body) throws Exception {
        return http.post(server, path, token, body);
    }

    private HttpResponse<String> get(MicroServer server, String path, String token) throws Exception {
        return http.get(server, path, token);
    }
}
