package jp.oqs.web;

import static jp.oqs.web.ItSupport.assertError;
import static jp.oqs.web.ItSupport.client;
import static jp.oqs.web.ItSupport.insurerNumber;
import static jp.oqs.web.ItSupport.token;
import static jp.oqs.web.SyncRecords.acquire;
import static jp.oqs.web.SyncRecords.batch;
import static jp.oqs.web.SyncRecords.change;
import static jp.oqs.web.SyncRecords.correct;
import static jp.oqs.web.SyncRecords.lose;
import static jp.oqs.web.SyncRecords.person;
import static jp.oqs.web.SyncRecords.qualification;
import static jp.oqs.web.SyncRecords.BIRTH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.oqs.api.audit.AuditApi;
import jp.oqs.api.audit.AuditEntryView;
import jp.oqs.api.error.ErrorBody;
import jp.oqs.api.error.ErrorCodes;
import jp.oqs.api.insurer.CharacterClass;
import jp.oqs.api.insurer.CheckDigitScheme;
import jp.oqs.api.insurer.InsurerAdminApi;
import jp.oqs.api.insurer.NumberingRuleKind;
import jp.oqs.api.insurer.NumberingRuleRequest;
import jp.oqs.api.insurer.OnboardInsurerRequest;
import jp.oqs.api.security.Roles;
import jp.oqs.api.sync.ChangeKind;
import jp.oqs.api.sync.ChangePage;
import jp.oqs.api.sync.ChangeView;
import jp.oqs.api.sync.LossReason;
import jp.oqs.api.sync.NoticeView;
import jp.oqs.api.sync.PersonData;
import jp.oqs.api.sync.Sex;
import jp.oqs.api.sync.RecordResult;
import jp.oqs.api.sync.RecordStatus;
import jp.oqs.api.sync.SyncApi;
import jp.oqs.api.sync.SyncBatchRequest;
import jp.oqs.api.sync.SyncBatchResult;
import jp.oqs.api.sync.SyncRecord;
import jp.oqs.identifier.CheckDigits;
import jp.oqs.numbering.IndividualNumbers;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The intermediate server's sync jobs through the published contract. */
@ExtendWith(ArquillianExtension.class)
class SyncIT {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));
    private static final LocalDate APRIL = LocalDate.of(2024, 4, 1);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.microWar();
    }

    @ArquillianResource
    private URL deployment;

    /** Insurers per test, numbered from a serial of the test's own so tests never share data. */
    private String household;
    private String central;
    private String insurerRule;
    private String lateElderly;
    private String onboarding;
    private SyncApi sync;
    private String syncToken;

    private void insurers(int serial) {
        household = insurerNumber("06", "27", serial);
        central = insurerNumber("01", "27", serial);
        insurerRule = insurerNumber("31", "27", serial);
        lateElderly = insurerNumber("39", "27", serial);
        onboarding = insurerNumber("32", "27", serial);
        InsurerAdminApi ssk = client(InsurerAdminApi.class, deployment, token(Roles.SSK_ADMIN, "ssk-1"));
        InsurerAdminApi kokuho = client(InsurerAdminApi.class, deployment, token(Roles.KOKUHO_ADMIN, "kokuho-1"));
        LocalDate from = LocalDate.of(2000, 1, 1);
        register(ssk, household, new NumberingRuleRequest(NumberingRuleKind.HOUSEHOLD_BRANCH, from, null, null, null));
        register(ssk, central, new NumberingRuleRequest(NumberingRuleKind.CENTRAL_GENERATED, from, null, null, null));
        register(ssk, insurerRule, new NumberingRuleRequest(NumberingRuleKind.INSURER_RULE, from, 10,
                CharacterClass.DIGITS, CheckDigitScheme.LUHN));
        register(kokuho, lateElderly,
                new NumberingRuleRequest(NumberingRuleKind.LATE_ELDERLY_PADDED, from, null, null, null));
        ssk.onboard(new OnboardInsurerRequest(onboarding, "準備中共済", "ジュンビチュウ", null,
                new NumberingRuleRequest(NumberingRuleKind.CENTRAL_GENERATED, from, null, null, null))).close();
        syncToken = token(Roles.INSURER_SYNC, "sync-job-" + serial,
                Map.of(Roles.CLAIM_INSURER_NUMBERS, List.of(household, central, insurerRule, lateElderly, onboarding,
                        insurerNumber("33", "27", serial))));
        sync = client(SyncApi.class, deployment, syncToken);
    }

    private static void register(InsurerAdminApi admin, String number, NumberingRuleRequest rule) {
        admin.onboard(new OnboardInsurerRequest(number, "テスト保険者", "テストホケンシャ", null, rule)).close();
        admin.activate(number);
    }

    private static RecordResult only(SyncBatchResult result) {
        assertEquals(1, result.results().size());
        return result.results().get(0);
    }

    private static void assertRejected(String code, SyncBatchResult result, int index) {
        RecordResult r = result.results().get(index);
        assertEquals(RecordStatus.REJECTED, r.status(), () -> "record " + r);
        assertEquals(code, r.code(), () -> "record " + r);
        assertTrue(r.message() != null && !r.message().isBlank());
    }

    @Test
    void loadAHouseholdMoveAPersonAndReadTheNoticeAndTheChanges() {
        insurers(201);
        SyncBatchResult loaded = sync.submit(batch(household,
                acquire("r1", "LK-201-A", "東京", "1234", APRIL),
                acquire("r2", "LK-201-B", "東京", "1234", APRIL),
                acquire("r3", person("LK-201-C"), qualification("東京", "1234", null, "05", APRIL)),
                acquire("r4", person("LK-201-D"), qualification("東京", "1234", null, "05", APRIL)),
                acquire("r5", "LK-201-E", null, "77", APRIL)));
        assertEquals(List.of("01", "02", "05"), loaded.results().subList(0, 3).stream()
                .map(RecordResult::branchNumber).toList());
        assertRejected(ErrorCodes.BRANCH_NUMBER_TAKEN, loaded, 3);
        assertEquals("01", loaded.results().get(4).branchNumber(), "an empty 記号 is a household of its own");
        assertEquals(4, loaded.accepted());
        assertEquals(1, loaded.rejected());

        // the person of r1 joins an employer's insurer while still open at the household insurer
        LocalDate moved = LocalDate.of(2025, 10, 1);
        RecordResult joined = only(sync.submit(batch(central, acquire("m1", "LK-201-A", null, "900", moved))));
        assertEquals(RecordStatus.ACCEPTED, joined.status());
        assertTrue(IndividualNumbers.isValidCentral(joined.individualNumber()), joined.individualNumber());

        List<NoticeView> notices = sync.notices(household, 0, 100).items();
        assertEquals(1, notices.size());
        NoticeView notice = notices.get(0);
        assertEquals("東京", notice.symbol());
        assertEquals("1234", notice.number());
        assertEquals("01", notice.branchNumber());
        assertEquals(central, notice.newInsurerNumber());
        assertEquals(moved, notice.newAcquiredOn());
        assertTrue(sync.notices(central, 0, 100).items().isEmpty());

        // the household insurer records the loss: the notice leaves the open list
        RecordResult lost = only(sync.submit(batch(household,
                lose("l1", "LK-201-A", moved, LossReason.OTHER_INSURANCE))));
        assertEquals(RecordStatus.ACCEPTED, lost.status());
        assertTrue(sync.notices(household, 0, 100).items().isEmpty());

        List<ChangeView> changes = sync.changes(household, 0, 100).items();
        assertEquals(List.of(ChangeKind.ACQUIRED, ChangeKind.ACQUIRED, ChangeKind.ACQUIRED, ChangeKind.ACQUIRED,
                ChangeKind.LOST), changes.stream().map(ChangeView::kind).toList());
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), changes.stream().map(ChangeView::sequence).toList());
        assertEquals(moved, changes.get(4).effectiveDate());
        assertEquals("l1", changes.get(4).recordId());
    }

    @Test
    void anAcknowledgedNoticeLeavesTheOpenList() {
        insurers(202);
        sync.submit(batch(household, acquire("r1", "LK-202-A", "大阪", "1", APRIL)));
        sync.submit(batch(central, acquire("r1", "LK-202-A", null, "2", APRIL.plusMonths(6))));
        NoticeView notice = sync.notices(household, 0, 10).items().get(0);
        NoticeView acknowledged = sync.acknowledge(notice.id());
        assertEquals(notice.id(), acknowledged.id());
        assertTrue(sync.notices(household, 0, 10).items().isEmpty());
        sync.acknowledge(notice.id());
        assertError(404, ErrorCodes.NOTICE_NOT_FOUND, () -> sync.acknowledge(999_999_999L));
    }

    @Test
    void aResentBatchReturnsTheStoredResultAndChangesNothing() {
        insurers(203);
        SyncBatchRequest request = batch(central,
                acquire("r1", "LK-203-A", null, "1", APRIL),
                acquire("r2", "LK-203-B", null, "2", APRIL),
                lose("r3", "LK-203-X", APRIL.plusDays(5), LossReason.OTHER));
        SyncBatchResult first = sync.submit(request);
        SyncBatchResult again = sync.submit(request);
        assertEquals(first, again);
        assertEquals(first, sync.batch(request.batchId()));
        assertEquals(2, sync.changes(central, 0, 100).items().size());

        SyncBatchRequest altered = new SyncBatchRequest(request.batchId(), central,
                List.of(acquire("r1", "LK-203-C", null, "3", APRIL)));
        assertError(409, ErrorCodes.BATCH_ID_REUSED, () -> sync.submit(altered));
        assertEquals(2, sync.changes(central, 0, 100).items().size());
        assertError(404, ErrorCodes.BATCH_NOT_FOUND, () -> sync.batch(UUID.randomUUID()));
    }

    @Test
    void recordsThatBreakARuleAreRejectedOneByOneAndTheOthersApply() {
        insurers(204);
        SyncBatchResult result = sync.submit(batch(central,
                lose("lose-first", "LK-204-A", APRIL, LossReason.OTHER),
                acquire("ok", "LK-204-B", null, "1", APRIL),
                acquire("second-open", "LK-204-B", null, "2", APRIL.plusMonths(1)),
                lose("lose-before", "LK-204-B", APRIL.minusDays(1), LossReason.OTHER),
                acquire("far-future", "LK-204-C", null, "3", TODAY.plusYears(3)),
                acquire("before-1900", "LK-204-D", null, "4", LocalDate.of(1899, 12, 31)),
                acquire("my-number", "123456789018", null, "5", APRIL),
                acquire("ok", "LK-204-E", null, "6", APRIL),
                acquire(" ", "LK-204-F", null, "7", APRIL),
                lose("lose-same-day", "LK-204-B", APRIL, LossReason.OTHER)));
        assertRejected(ErrorCodes.QUALIFICATION_NOT_FOUND, result, 0);
        assertEquals(RecordStatus.ACCEPTED, result.results().get(1).status());
        assertRejected(ErrorCodes.QUALIFICATION_ALREADY_OPEN, result, 2);
        assertRejected(ErrorCodes.LOSS_BEFORE_ACQUISITION, result, 3);
        assertRejected(ErrorCodes.DATE_OUT_OF_RANGE, result, 4);
        assertRejected(ErrorCodes.DATE_OUT_OF_RANGE, result, 5);
        assertRejected(ErrorCodes.MY_NUMBER_NOT_ACCEPTED, result, 6);
        assertRejected(ErrorCodes.DUPLICATE_RECORD_ID, result, 7);
        assertRejected(ErrorCodes.RECORD_INVALID, result, 8);
        assertRejected(ErrorCodes.LOSS_BEFORE_ACQUISITION, result, 9);
        assertEquals(1, result.accepted());
        // nothing of the rejected records was written
        assertEquals(1, sync.changes(central, 0, 100).items().size());
    }

    @Test
    void acquisitionsNeedAnActiveRegisteredInsurer() {
        insurers(205);
        SyncBatchResult notActive = sync.submit(batch(onboarding, acquire("r1", "LK-205-A", null, "1", APRIL)));
        assertRejected(ErrorCodes.INSURER_NOT_ACTIVE, notActive, 0);
        String unknown = insurerNumber("33", "27", 205);
        SyncBatchResult unregistered = sync.submit(batch(unknown, acquire("r1", "LK-205-A", null, "1", APRIL)));
        assertRejected(ErrorCodes.INSURER_NOT_ACTIVE, unregistered, 0);
        assertError(403, ErrorCodes.INSURER_OUT_OF_SCOPE,
                () -> sync.submit(batch(insurerNumber("34", "27", 205), acquire("r1", "LK-205-A", null, "1", APRIL))));
        assertError(400, ErrorCodes.INVALID_INSURER_NUMBER,
                () -> sync.submit(batch("33120016", acquire("r1", "LK-205-A", null, "1", APRIL))));
    }

    @Test
    void eachRuleMakesItsNumbers() {
        insurers(206);
        String body = "123456789";
        String good = body + CheckDigits.luhn(body);
        String bad = body + (CheckDigits.luhn(body) + 1) % 10;
        SyncBatchResult rule = sync.submit(batch(insurerRule,
                acquire("good", person("LK-206-A"), qualification("共済", "1", good, null, APRIL)),
                acquire("bad", person("LK-206-B"), qualification("共済", "2", bad, null, APRIL)),
                acquire("missing", person("LK-206-C"), qualification("共済", "3", null, null, APRIL)),
                acquire("reused", person("LK-206-D"), qualification("共済", "4", good, null, APRIL))));
        assertEquals(good, rule.results().get(0).individualNumber());
        assertRejected(ErrorCodes.INVALID_INDIVIDUAL_NUMBER, rule, 1);
        assertRejected(ErrorCodes.INVALID_INDIVIDUAL_NUMBER, rule, 2);
        assertRejected(ErrorCodes.INDIVIDUAL_NUMBER_TAKEN, rule, 3);

        SyncBatchResult padded = sync.submit(batch(lateElderly,
                acquire("r1", person("LK-206-E"), qualification(null, "39001234", null, null, APRIL)),
                acquire("r2", person("LK-206-F"), qualification(null, "3900123", null, null, APRIL))));
        assertEquals("0000000039001234", padded.results().get(0).individualNumber());
        assertRejected(ErrorCodes.INVALID_INDIVIDUAL_NUMBER, padded, 1);
    }

    @Test
    void historyKeepsChangesAndCorrectionsAsVersions() {
        insurers(207);
        LocalDate change = LocalDate.of(2025, 4, 1);
        SyncBatchResult result = sync.submit(batch(central,
                acquire("a", "LK-207-A", null, "1", APRIL),
                change("c1", "LK-207-A", change, 20),
                change("c2", "LK-207-A", change, 10),
                correct("k1", "LK-207-A", APRIL, 10),
                correct("k2", "LK-207-A", APRIL.plusDays(1), 10),
                change("c3", "LK-207-B", change, 20)));
        assertEquals(RecordStatus.ACCEPTED, result.results().get(1).status());
        assertRejected(ErrorCodes.CHANGE_BEFORE_LATEST_VERSION, result, 2);
        assertEquals(RecordStatus.ACCEPTED, result.results().get(3).status());
        assertRejected(ErrorCodes.VERSION_NOT_FOUND, result, 4);
        assertRejected(ErrorCodes.QUALIFICATION_NOT_FOUND, result, 5);
        assertEquals(List.of(ChangeKind.ACQUIRED, ChangeKind.CHANGED, ChangeKind.CORRECTED),
                sync.changes(central, 0, 100).items().stream().map(ChangeView::kind).toList());
    }

    @Test
    void theChangesFeedPagesByCursor() {
        insurers(208);
        SyncRecord[] records = new SyncRecord[5];
        for (int i = 0; i < records.length; i++) {
            records[i] = acquire("r" + i, "LK-208-" + i, null, String.valueOf(i), APRIL);
        }
        sync.submit(batch(central, records));
        ChangePage first = sync.changes(central, 0, 2);
        assertEquals(List.of(1L, 2L), first.items().stream().map(ChangeView::sequence).toList());
        ChangePage second = sync.changes(central, first.nextCursor(), 2);
        assertEquals(List.of(3L, 4L), second.items().stream().map(ChangeView::sequence).toList());
        ChangePage last = sync.changes(central, second.nextCursor(), 2);
        assertEquals(List.of(5L), last.items().stream().map(ChangeView::sequence).toList());
        ChangePage after = sync.changes(central, last.nextCursor(), 2);
        assertTrue(after.items().isEmpty());
        assertNull(after.nextCursor());
    }

    @Test
    void concurrentBatchesForOneInsurerNeverShareANumber() throws Exception {
        insurers(210);
        int batches = 4;
        int perBatch = 150;
        ExecutorService pool = Executors.newFixedThreadPool(batches * 2);
        try {
            List<Future<SyncBatchResult>> futures = new ArrayList<>();
            for (int b = 0; b < batches; b++) {
                SyncRecord[] centralRecords = new SyncRecord[perBatch];
                SyncRecord[] householdRecords = new SyncRecord[perBatch];
                for (int i = 0; i < perBatch; i++) {
                    centralRecords[i] = acquire("c" + i, "LK-210-C-" + b + "-" + i, null, "n" + i, APRIL);
                    // every batch adds members to the same ten households
                    householdRecords[i] = acquire("h" + i, "LK-210-H-" + b + "-" + i, "共通", "H" + (i % 10), APRIL);
                }
                SyncBatchRequest toCentral = batch(central, centralRecords);
                SyncBatchRequest toHousehold = batch(household, householdRecords);
                futures.add(pool.submit(() -> client(SyncApi.class, deployment, syncToken).submit(toCentral)));
                futures.add(pool.submit(() -> client(SyncApi.class, deployment, syncToken).submit(toHousehold)));
            }
            Set<String> centralNumbers = new HashSet<>();
            Set<String> householdNumbers = new HashSet<>();
            for (Future<SyncBatchResult> future : futures) {
                SyncBatchResult result = future.get(5, TimeUnit.MINUTES);
                assertEquals(perBatch, result.accepted(), () -> "rejected: " + result.results().stream()
                        .filter(r -> r.status() == RecordStatus.REJECTED).toList());
                for (int i = 0; i < perBatch; i++) {
                    RecordResult r = result.results().get(i);
                    if (result.insurerNumber().equals(central)) {
                        assertTrue(centralNumbers.add(r.individualNumber()), "duplicate " + r.individualNumber());
                    } else {
                        assertTrue(householdNumbers.add("H" + (i % 10) + "-" + r.branchNumber()),
                                "duplicate branch in household H" + (i % 10) + ": " + r.branchNumber());
                    }
                }
            }
            assertEquals(batches * perBatch, centralNumbers.size());
            assertEquals(batches * perBatch, householdNumbers.size());
            // gap-free feed: every accepted record once, in sequence
            List<ChangeView> feed = sync.changes(central, 0, 5000).items();
            assertEquals(batches * perBatch, feed.size());
            assertEquals(batches * perBatch, feed.get(feed.size() - 1).sequence());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Issue 10 finding 1: central numbers drawn from a CSPRNG. Numbers assigned one after the other are not an
     * arithmetic sequence (the former affine function of a counter made every step the same, so one known number
     * listed the rest), and none is near its neighbour.
     */
    @Test
    void centralNumbersCannotBeListedFromTheirNeighbours() {
        insurers(226);
        int members = 40;
        SyncRecord[] records = new SyncRecord[members];
        for (int i = 0; i < members; i++) {
            records[i] = acquire("c" + i, "LK-226-" + i, null, "n" + i, APRIL);
        }
        SyncBatchResult result = sync.submit(batch(central, records));
        assertEquals(members, result.accepted());
        java.math.BigInteger space = java.math.BigInteger.TEN.pow(15);
        List<java.math.BigInteger> bodies = result.results().stream()
                .map(r -> new java.math.BigInteger(r.individualNumber().substring(0, 15))).toList();
        Set<java.math.BigInteger> steps = new HashSet<>();
        for (int i = 0; i < members; i++) {
            String number = result.results().get(i).individualNumber();
            assertTrue(IndividualNumbers.isValidCentral(number), number);
            assertTrue(number.charAt(0) != '0', number);
            if (i > 0) {
                java.math.BigInteger step = bodies.get(i).subtract(bodies.get(i - 1));
                steps.add(step.mod(space));
                assertTrue(step.abs().compareTo(java.math.BigInteger.TEN.pow(9)) > 0, "neighbours " + step);
            }
        }
        assertEquals(members - 1, steps.size(), "every step differs: " + steps);
    }

    @Test
    void concurrentBatchesThatCreateTheSamePersonBothApply() throws Exception {
        insurers(211);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            SyncBatchRequest toCentral = batch(central, acquire("r1", "LK-211-SHARED", null, "1", APRIL));
            SyncBatchRequest toHousehold = batch(household, acquire("r1", "LK-211-SHARED", "x", "1", APRIL));
            Future<SyncBatchResult> a = pool.submit(() -> client(SyncApi.class, deployment, syncToken).submit(toCentral));
            Future<SyncBatchResult> b = pool.submit(() -> client(SyncApi.class, deployment, syncToken)
                    .submit(toHousehold));
            assertEquals(1, a.get(2, TimeUnit.MINUTES).accepted());
            assertEquals(1, b.get(2, TimeUnit.MINUTES).accepted());
            // whichever came second found the first one's open qualification and noticed its insurer
            assertEquals(1, sync.notices(central, 0, 10).items().size() + sync.notices(household, 0, 10).items().size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aBatchAboveTheConfiguredLimitIsRefusedWith413() {
        insurers(212);
        SyncRecord[] records = new SyncRecord[10_001];
        for (int i = 0; i < records.length; i++) {
            records[i] = acquire("r" + i, "LK-212-" + i, null, String.valueOf(i), APRIL);
        }
        assertError(413, ErrorCodes.BATCH_TOO_LARGE, () -> sync.submit(batch(central, records)));
        assertTrue(sync.changes(central, 0, 10).items().isEmpty(), "nothing of it applied");
        assertError(400, ErrorCodes.INVALID_REQUEST, () -> sync.submit(new SyncBatchRequest(UUID.randomUUID(),
                central, List.of())));
        assertError(400, ErrorCodes.INVALID_REQUEST, () -> sync.submit(new SyncBatchRequest(null, central,
                List.of(acquire("r1", "LK-212-X", null, "1", APRIL)))));
    }

    @Test
    void onlyTheInsurersOfTheTokenCanBeRead() {
        insurers(209);
        SyncApi other = client(SyncApi.class, deployment, token(Roles.INSURER_SYNC, "other-job",
                Map.of(Roles.CLAIM_INSURER_NUMBERS, List.of(central))));
        assertError(403, ErrorCodes.INSURER_OUT_OF_SCOPE, () -> other.notices(household, 0, 10));
        assertError(403, ErrorCodes.INSURER_OUT_OF_SCOPE, () -> other.changes(household, 0, 10));
        SyncBatchResult mine = sync.submit(batch(household, acquire("r1", "LK-209-A", "x", "1", APRIL)));
        // another insurer's batch is answered exactly as a missing one (finding 9)
        assertEquals(assertError(404, ErrorCodes.BATCH_NOT_FOUND, () -> other.batch(UUID.randomUUID())),
                assertError(404, ErrorCodes.BATCH_NOT_FOUND, () -> other.batch(mine.batchId())));
        SyncApi admin = client(SyncApi.class, deployment, token(Roles.SSK_ADMIN, "ssk-1"));
        assertError(403, ErrorCodes.FORBIDDEN_ROLE, () -> admin.changes(household, 0, 10));
    }

    @Test
    void anotherInsurersNoticeIsAnsweredExactlyAsAMissingOne() {
        insurers(221);
        sync.submit(batch(household, acquire("r1", "LK-221-A", "大阪", "1", APRIL)));
        sync.submit(batch(central, acquire("r1", "LK-221-A", null, "2", APRIL.plusMonths(6))));
        NoticeView notice = sync.notices(household, 0, 10).items().get(0);
        SyncApi other = client(SyncApi.class, deployment, token(Roles.INSURER_SYNC, "other-job-221",
                Map.of(Roles.CLAIM_INSURER_NUMBERS, List.of(central))));
        ErrorBody missing = assertError(404, ErrorCodes.NOTICE_NOT_FOUND, () -> other.acknowledge(999_999_999L));
        ErrorBody notYours = assertError(404, ErrorCodes.NOTICE_NOT_FOUND, () -> other.acknowledge(notice.id()));
        assertEquals(missing, notYours);
        assertFalse(notYours.message().contains(household) || notYours.hint().contains(household), notYours.toString());
        assertEquals(1, sync.notices(household, 0, 10).items().size(), "still open for its own insurer");
    }

    @Test
    void aBirthDateMismatchOfAPersonKnownOnlyElsewhereIsAnOrdinaryRefusalAndAcquisitionsAreAudited() {
        insurers(222);
        sync.submit(batch(household, acquire("r1", "LK-222-A", "大阪", "1", APRIL)));
        String job = "other-job-222";
        SyncApi other = client(SyncApi.class, deployment, token(Roles.INSURER_SYNC, job,
                Map.of(Roles.CLAIM_INSURER_NUMBERS, List.of(central))));
        SyncBatchResult guessed = other.submit(batch(central,
                acquire("wrong-birth", new PersonData("LK-222-A", BIRTH.plusDays(1), Sex.MALE, "山田太郎",
                        "ヤマダタロウ"), qualification(null, "1", null, null, APRIL.plusMonths(6))),
                acquire(" ", "LK-222-C", null, "3", APRIL)));
        assertRejected(ErrorCodes.RECORD_INVALID, guessed, 0);
        assertRejected(ErrorCodes.RECORD_INVALID, guessed, 1);
        assertTrue(guessed.results().stream().noneMatch(r -> ErrorCodes.PERSON_MISMATCH.equals(r.code())));
        RecordResult right = only(other.submit(batch(central,
                acquire("right-birth", "LK-222-A", null, "4", APRIL.plusMonths(6)))));
        assertEquals(RecordStatus.ACCEPTED, right.status());
        // the insurer that knows the person still learns of a mismatch
        assertRejected(ErrorCodes.PERSON_MISMATCH, sync.submit(batch(household, acquire("again",
                new PersonData("LK-222-A", BIRTH.plusDays(1), Sex.MALE, "山田太郎", "ヤマダタロウ"),
                qualification("大阪", "1", null, null, APRIL.plusYears(1))))), 0);
        List<AuditEntryView> audited = auditor().search(job, null, TODAY.minusDays(1).toString(),
                TODAY.plusDays(1).toString(), 0, 100).items();
        assertEquals(1, audited.stream().filter(e -> e.kind().equals("CROSS_INSURER_ACQUIRE")).count(),
                audited.toString());
        AuditEntryView entry = audited.stream().filter(e -> e.kind().equals("CROSS_INSURER_ACQUIRE")).findFirst()
                .orElseThrow();
        assertEquals("SYNC_JOB", entry.actorKind());
        assertEquals(central, entry.insurerNumber());
        assertNotNull(entry.personId());
    }

    @Test
    void aPersonMismatchRefusalIsAuditedAtTheInsurerThatKnowsThePersonAndAcrossInsurers() {
        insurers(225);
        sync.submit(batch(household, acquire("r1", "LK-225-A", "大阪", "1", APRIL)));
        String job = "guessing-job-225";
        SyncApi other = client(SyncApi.class, deployment, token(Roles.INSURER_SYNC, job,
                Map.of(Roles.CLAIM_INSURER_NUMBERS, List.of(central))));
        PersonData wrongBirth = new PersonData("LK-225-A", BIRTH.plusDays(1), Sex.MALE, "山田太郎", "ヤマダタロウ");
        PersonData wrongSex = new PersonData("LK-225-A", BIRTH, Sex.FEMALE, "山田太郎", "ヤマダタロウ");
        SyncBatchResult guessed = other.submit(batch(central,
                acquire("wrong-birth", wrongBirth, qualification(null, "1", null, null, APRIL.plusMonths(6))),
                acquire("wrong-sex", wrongSex, qualification(null, "2", null, null, APRIL.plusMonths(6)))));
        assertRejected(ErrorCodes.RECORD_INVALID, guessed, 0);
        assertRejected(ErrorCodes.RECORD_INVALID, guessed, 1);
        assertRejected(ErrorCodes.PERSON_MISMATCH, sync.submit(batch(household, acquire("again", wrongBirth,
                qualification("大阪", "1", null, null, APRIL.plusYears(1))))), 0);

        String from = TODAY.minusDays(1).toString();
        String to = TODAY.plusDays(1).toString();
        List<AuditEntryView> across = auditor().search(job, null, from, to, 0, 100).items().stream()
                .filter(e -> e.kind().equals("PERSON_MISMATCH_REFUSED")).toList();
        assertEquals(2, across.size(), across.toString());
        assertTrue(across.stream().allMatch(e -> e.actorKind().equals("SYNC_JOB") && central.equals(e.insurerNumber())
                && e.personId() != null && e.result().equals("RECORD_INVALID CROSS_INSURER")), across.toString());
        List<AuditEntryView> own = auditor().search("sync-job-225", null, from, to, 0, 100).items().stream()
                .filter(e -> e.kind().equals("PERSON_MISMATCH_REFUSED")).toList();
        assertEquals(1, own.size(), own.toString());
        assertEquals("PERSON_MISMATCH", own.get(0).result());
        assertEquals(household, own.get(0).insurerNumber());
        assertEquals(across.get(0).personId(), own.get(0).personId(), "the link key's person, by its id");
        assertTrue(across.stream().noneMatch(e -> e.toString().contains("LK-225")), "never the link key");
    }

    @Test
    void fullWidthAndSeparatedMyNumbersAreRefusedAsLinkKeys() {
        insurers(223);
        SyncBatchResult result = sync.submit(batch(central,
                acquire("hyphens", "1234-5678-9018", null, "1", APRIL),
                acquire("spaces", "1234 5678 9018", null, "2", APRIL),
                acquire("mixed", " 1234- 5678 -9018 ", null, "3", APRIL),
                acquire("not-twelve", "1234-5678-901", null, "4", APRIL)));
        for (int i = 0; i < 3; i++) {
            assertRejected(ErrorCodes.MY_NUMBER_NOT_ACCEPTED, result, i);
        }
        assertEquals(RecordStatus.ACCEPTED, result.results().get(3).status());
        // a link key is printable ASCII: full-width digits and separators never reach a record
        for (String key : List.of("１２３４５６７８９０１８", "１２３４－５６７８－９０１８", "1234ー5678ー9018",
                "1234\u30005678\u30009018", "1234\u20135678\u20139018", "1234\t5678\t9018")) {
            assertError(400, ErrorCodes.INVALID_REQUEST,
                    () -> sync.submit(batch(central, acquire("full-width", key, null, "5", APRIL))));
        }
        assertEquals(1, sync.changes(central, 0, 100).items().size());
    }

    @Test
    void syncReadsOfPersonalDataAreAuditedWithoutTheLinkKey() {
        insurers(224);
        SyncBatchResult submitted = sync.submit(batch(household, acquire("r1", "LK-224-A", "大阪", "1", APRIL)));
        sync.submit(batch(central, acquire("r1", "LK-224-A", null, "2", APRIL.plusMonths(6))));
        sync.changes(household, 0, 100);
        sync.notices(household, 0, 100);
        sync.batch(submitted.batchId());
        List<AuditEntryView> reads = auditor().search("sync-job-224", null, TODAY.minusDays(1).toString(),
                TODAY.plusDays(1).toString(), 0, 100).items().stream()
                .filter(e -> e.kind().equals("SYNC_READ")).toList();
        assertEquals(List.of("BATCH_RESULT 1", "NOTICES 1", "CHANGES 1"),
                reads.stream().map(AuditEntryView::result).toList(), reads.toString());
        assertTrue(reads.stream().allMatch(e -> e.actorKind().equals("SYNC_JOB")
                && household.equals(e.insurerNumber()) && !e.toString().contains("LK-224")), reads.toString());
    }

    private AuditApi auditor() {
        return client(AuditApi.class, deployment, token(Roles.AUDITOR, "auditor-1"));
    }
}
