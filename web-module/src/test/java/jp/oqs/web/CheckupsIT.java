package jp.oqs.web;

import static jp.oqs.web.ItSupport.assertError;
import static jp.oqs.web.ItSupport.client;
import static jp.oqs.web.ItSupport.insurerNumber;
import static jp.oqs.web.ItSupport.token;
import static jp.oqs.web.SyncRecords.acquire;
import static jp.oqs.web.SyncRecords.batch;
import static jp.oqs.web.SyncRecords.lose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.oqs.api.audit.AccessEntry;
import jp.oqs.api.audit.AccessHistoryApi;
import jp.oqs.api.audit.AccessHistoryRequest;
import jp.oqs.api.audit.AuditApi;
import jp.oqs.api.audit.AuditEntryView;
import jp.oqs.api.eligibility.CardConfirmation;
import jp.oqs.api.eligibility.CardSession;
import jp.oqs.api.eligibility.CardSessionApi;
import jp.oqs.api.eligibility.ConsentCategory;
import jp.oqs.api.eligibility.ConsentChoices;
import jp.oqs.api.eligibility.PrescriptionForm;
import jp.oqs.api.error.ErrorCodes;
import jp.oqs.api.health.CheckupBatchRequest;
import jp.oqs.api.health.CheckupHistory;
import jp.oqs.api.health.CheckupItem;
import jp.oqs.api.health.CheckupItemView;
import jp.oqs.api.health.CheckupRecord;
import jp.oqs.api.health.CheckupSyncApi;
import jp.oqs.api.health.CheckupValue;
import jp.oqs.api.health.CheckupView;
import jp.oqs.api.health.ClinicCheckupsApi;
import jp.oqs.api.health.ClinicHealthRequest;
import jp.oqs.api.health.ClinicMedicationsApi;
import jp.oqs.api.health.DrugCodeKind;
import jp.oqs.api.health.MedicationBatchRequest;
import jp.oqs.api.health.MedicationHistory;
import jp.oqs.api.health.MedicationRecord;
import jp.oqs.api.health.MedicationSyncApi;
import jp.oqs.api.health.MedicationView;
import jp.oqs.api.health.PersonHealthApi;
import jp.oqs.api.insurer.InsurerAdminApi;
import jp.oqs.api.insurer.NumberingRuleKind;
import jp.oqs.api.insurer.NumberingRuleRequest;
import jp.oqs.api.insurer.OnboardInsurerRequest;
import jp.oqs.api.person.CardRegistrationApi;
import jp.oqs.api.person.CardRegistrationRequest;
import jp.oqs.api.person.ConsentApi;
import jp.oqs.api.person.ConsentWithdrawal;
import jp.oqs.api.security.Roles;
import jp.oqs.api.sync.LossReason;
import jp.oqs.api.sync.RecordResult;
import jp.oqs.api.sync.RecordStatus;
import jp.oqs.api.sync.SyncApi;
import jp.oqs.api.sync.SyncBatchResult;
import jp.oqs.identifier.CheckDigits;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * 特定健診 results and medications (issue 12), through the published contract: insurers' batches exactly once with
 * per-record results (range and unit rejected with the reason, a person the insurer never insured refused, a
 * correction keeping what it replaced); the person reading them with the card across the insurers they had, and
 * printing the trend; a clinic reading them only for the patient of its own card session and only under a live
 * consent of the category (never given, withdrawn, expired: each its own code, each refusal audited and in the
 * person's access history). Consent expiry on a server of its own with consents of three seconds.
 */
@ExtendWith(ArquillianExtension.class)
class CheckupsIT {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final LocalDate TODAY = LocalDate.now(JAPAN);
    private static final LocalDate BIRTH = SyncRecords.BIRTH;
    /** The person's first insurer (until 2023-03-31) and the second (from 2023-04-01). */
    private static final String FORMER = insurerNumber("06", "32", 411);
    private static final String CURRENT = insurerNumber("06", "32", 412);
    /** An insurer the moved person never belonged to. */
    private static final String STRANGER = insurerNumber("06", "32", 413);
    private static final String CLINIC_NO_CONSENT = clinicCode("0001");
    private static final String CLINIC_WITHDRAWN = clinicCode("0002");
    private static final String CLINIC_OTHER = clinicCode("0003");
    private static final String CLINIC_EXPIRY = clinicCode("0004");
    private static final String CLINIC_FLOOD = clinicCode("0006");
    private static final String PHARMACY = pharmacyCode("0005");
    private static final String SYSTOLIC = CheckupItem.SYSTOLIC_BLOOD_PRESSURE.code();
    private static final String DIASTOLIC = CheckupItem.DIASTOLIC_BLOOD_PRESSURE.code();
    private static final String WEIGHT = CheckupItem.WEIGHT.code();
    private static final String HDL = CheckupItem.HDL_CHOLESTEROL.code();
    private static final String URINE_SUGAR = CheckupItem.URINE_SUGAR.code();
    private static final String SMOKING = CheckupItem.SMOKING.code();
    /** A code this service does not know: kept as sent. */
    private static final String UNKNOWN = "9Z999000000000001";

    private static Fixture fixture;

    /**
     * P1 moved from FORMER to CURRENT; P3 (corrections, medications), P4 (rejections, no consent) and P5 (resends) are
     * at CURRENT; P2 only ever at STRANGER; P6 left FORMER in 2020 (no card).
     */
    private record Fixture(TestPki.Card p1, TestPki.Card p3, TestPki.Card p4, TestPki.Card p5) {
    }

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.microWar();
    }

    @ArquillianResource
    private URL deployment;

    private static String clinicCode(String serial) {
        String body = "32110" + serial;
        return body + CheckDigits.luhn(body);
    }

    private static String pharmacyCode(String serial) {
        String body = "32410" + serial;
        return body + CheckDigits.luhn(body);
    }

    @BeforeEach
    void build() throws Throwable {
        synchronized (CheckupsIT.class) {
            if (fixture == null) {
                fixture = build(ItSupport.api(deployment), ItSupport::token,
                        Path.of(System.getProperty("oqs.it.data.dir")), "");
            }
        }
    }

    /** The insurers, the persons, their cards (registered) and P1's check-ups from both insurers. */
    private static Fixture build(URI api, ItSupport.Tokens tokens, Path dataDir, String suffix) throws Throwable {
        TestPki ca = new TestPki("OQS Checkups CA" + suffix);
        Instant now = Instant.now();
        List<TestPki.Card> cards = new java.util.ArrayList<>();
        for (String name : List.of("HC-P1", "HC-P3", "HC-P4", "HC-P5")) {
            cards.add(ca.issue(name + suffix, now.minus(Duration.ofDays(100)), now.plus(Duration.ofDays(1000))));
        }
        ca.trustAlso(dataDir, "checkups-ca" + suffix);
        InsurerAdminApi ssk = client(InsurerAdminApi.class, api, tokens.issue(Roles.SSK_ADMIN, "ssk-hc", Map.of()));
        for (String insurer : List.of(FORMER, CURRENT, STRANGER)) {
            ssk.onboard(new OnboardInsurerRequest(insurer, "健診試験保険者", "ケンシンシケン", null,
                    new NumberingRuleRequest(NumberingRuleKind.HOUSEHOLD_BRANCH, LocalDate.of(2000, 1, 1), null,
                            null, null))).close();
            ssk.activate(insurer);
        }
        assertEquals(4, qualifications(api, tokens, FORMER).submit(batch(FORMER,
                acquire("p1", "LK-HC-P1", "岐阜", "100", LocalDate.of(2019, 4, 1)),
                lose("p1-lost", "LK-HC-P1", LocalDate.of(2023, 3, 31), LossReason.OTHER_INSURANCE),
                acquire("p6", "LK-HC-P6", "岐阜", "600", LocalDate.of(2019, 4, 1)),
                lose("p6-lost", "LK-HC-P6", LocalDate.of(2020, 3, 31), LossReason.OTHER))).accepted());
        assertEquals(4, qualifications(api, tokens, CURRENT).submit(batch(CURRENT,
                acquire("p1", "LK-HC-P1", "飛騨", "100", LocalDate.of(2023, 4, 1)),
                acquire("p3", "LK-HC-P3", "飛騨", "300", LocalDate.of(2023, 4, 1)),
                acquire("p4", "LK-HC-P4", "飛騨", "400", LocalDate.of(2023, 4, 1)),
                acquire("p5", "LK-HC-P5", "飛騨", "500", LocalDate.of(2023, 4, 1)))).accepted());
        assertEquals(1, qualifications(api, tokens, STRANGER).submit(batch(STRANGER,
                acquire("p2", "LK-HC-P2", "高山", "200", LocalDate.of(2020, 4, 1)))).accepted());
        CardRegistrationApi registration = ItSupport.anonymousClient(CardRegistrationApi.class, api);
        AccessHistoryApi challenges = ItSupport.anonymousClient(AccessHistoryApi.class, api);
        List<String> numbers = List.of("100", "300", "400", "500");
        for (int i = 0; i < cards.size(); i++) {
            TestPki.Card card = cards.get(i);
            String number = numbers.get(i);
            ItSupport.onceTrusted("checkups card registration", () -> {
                String challenge = challenges.challenge().challenge();
                registration.register(new CardRegistrationRequest(card.base64(), challenge, card.sign(challenge),
                        CURRENT, "飛騨", number, "01", BIRTH));
            });
        }
        // P1's check-ups: one from the former insurer, two from the current one
        assertEquals(1, checkups(api, tokens, FORMER).submit(checkupBatch(FORMER, checkup("a-2022", "LK-HC-P1",
                LocalDate.of(2022, 6, 1), "138", "88", "70.5"))).accepted());
        assertEquals(2, checkups(api, tokens, CURRENT).submit(checkupBatch(CURRENT,
                checkup("b-2024", "LK-HC-P1", LocalDate.of(2024, 6, 3), "126", "80", "69.0"),
                checkup("b-2025", "LK-HC-P1", LocalDate.of(2025, 6, 2), "142", "92", "71.2"))).accepted());
        return new Fixture(cards.get(0), cards.get(1), cards.get(2), cards.get(3));
    }

    private static SyncApi qualifications(URI api, ItSupport.Tokens tokens, String insurer) throws Exception {
        return client(SyncApi.class, api, tokens.issue(Roles.INSURER_SYNC, "sync-hc-" + insurer,
                Map.of(Roles.CLAIM_INSURER_NUMBERS, List.of(insurer))));
    }

    private static CheckupSyncApi checkups(URI api, ItSupport.Tokens tokens, String insurer) throws Exception {
        return client(CheckupSyncApi.class, api, tokens.issue(Roles.INSURER_SYNC, "sync-hc-" + insurer,
                Map.of(Roles.CLAIM_INSURER_NUMBERS, List.of(insurer))));
    }

    private CheckupSyncApi checkups(String insurer) throws Exception {
        return checkups(ItSupport.api(deployment), ItSupport::token, insurer);
    }

    private MedicationSyncApi medications(String insurer) {
        return client(MedicationSyncApi.class, deployment, token(Roles.INSURER_SYNC, "sync-hc-" + insurer,
                Map.of(Roles.CLAIM_INSURER_NUMBERS, List.of(insurer))));
    }

    private static CheckupBatchRequest checkupBatch(String insurer, CheckupRecord... records) {
        return new CheckupBatchRequest(UUID.randomUUID(), insurer, List.of(records));
    }

    /**
     * A check-up with blood pressure and weight, HDL 35 (below its reference), urine sugar ±, smoking answer 2 (いいえ
     * before the 2024 questionnaire, 以前は吸っていた from it), and an unknown item.
     */
    private static CheckupRecord checkup(String recordId, String linkKey, LocalDate day, String systolic,
                                         String diastolic, String weight) {
        return new CheckupRecord(recordId, linkKey, day, List.of(
                new CheckupValue(SYSTOLIC, systolic, "mmHg"), new CheckupValue(DIASTOLIC, diastolic, "mmHg"),
                new CheckupValue(WEIGHT, weight, "kg"), new CheckupValue(HDL, "35", "mg/dL"),
                new CheckupValue(URINE_SUGAR, "2", null), new CheckupValue(SMOKING, "2", null),
                new CheckupValue(UNKNOWN, "陰性", null)));
    }

    private static AccessHistoryRequest proof(URI api, TestPki.Card card) throws Exception {
        String challenge = ItSupport.anonymousClient(AccessHistoryApi.class, api).challenge().challenge();
        return new AccessHistoryRequest(card.base64(), challenge, card.sign(challenge));
    }

    private AccessHistoryRequest proof(TestPki.Card card) throws Exception {
        return proof(ItSupport.api(deployment), card);
    }

    private PersonHealthApi portal() {
        return ItSupport.anonymousClient(PersonHealthApi.class, deployment);
    }

    private static String clinicToken(ItSupport.Tokens tokens, String clinic) throws Exception {
        return tokens.issue(Roles.CLINIC, "desk-hc-" + clinic, Map.of(Roles.CLAIM_MEDICAL_INSTITUTION_CODE, clinic));
    }

    /** The clinic reads the card at its reader with the patient's answers; returns the confirmed session's id. */
    private static String visit(URI api, ItSupport.Tokens tokens, String clinic, TestPki.Card card,
                                ConsentChoices consents) throws Exception {
        CardSessionApi desk = client(CardSessionApi.class, api, clinicToken(tokens, clinic));
        CardSession session = desk.open();
        desk.confirm(session.sessionId(), new CardConfirmation(card.base64(), card.sign(session.nonce()), null,
                consents, PrescriptionForm.PAPER));
        return session.sessionId();
    }

    private String visit(String clinic, TestPki.Card card, ConsentChoices consents) throws Exception {
        return visit(ItSupport.api(deployment), ItSupport::token, clinic, card, consents);
    }

    private ClinicCheckupsApi clinicCheckups(String clinic) {
        return client(ClinicCheckupsApi.class, deployment, token(Roles.CLINIC, "desk-hc-" + clinic,
                Map.of(Roles.CLAIM_MEDICAL_INSTITUTION_CODE, clinic)));
    }

    private ClinicMedicationsApi clinicMedications(String clinic) {
        return client(ClinicMedicationsApi.class, deployment, token(Roles.CLINIC, "desk-hc-" + clinic,
                Map.of(Roles.CLAIM_MEDICAL_INSTITUTION_CODE, clinic)));
    }

    private List<AuditEntryView> auditOf(String actor) {
        return client(AuditApi.class, deployment, token(Roles.AUDITOR, "auditor-hc"))
                .search(actor, null, TODAY.minusDays(1).toString(), TODAY.plusDays(1).toString(), 0, 1000).items();
    }

    private List<AccessEntry> accessHistory(TestPki.Card card) throws Exception {
        return ItSupport.anonymousClient(AccessHistoryApi.class, deployment).history(proof(card)).entries();
    }

    private static CheckupItemView item(CheckupView checkup, String code) {
        return checkup.items().stream().filter(i -> i.code().equals(code)).findFirst().orElseThrow();
    }

    // ------------------------------------------------------------------------------------------------------------

    @Test
    void aPersonWhoMovedSeesBothInsurersResultsNewestFirstWithReferenceRangesAndFlags() throws Exception {
        CheckupHistory history = portal().checkups(proof(fixture.p1()));

        assertEquals(TODAY.minusYears(5), history.from());
        assertEquals(List.of(LocalDate.of(2025, 6, 2), LocalDate.of(2024, 6, 3), LocalDate.of(2022, 6, 1)),
                history.checkups().stream().map(CheckupView::examinedOn).toList(), "newest first");
        assertEquals(List.of(CURRENT, CURRENT, FORMER), history.checkups().stream()
                .map(CheckupView::insurerNumber).toList(), "the former insurer's result stays the person's");
        CheckupView latest = history.checkups().get(0);
        CheckupItemView systolic = item(latest, SYSTOLIC);
        assertEquals(CheckupItem.SYSTOLIC_BLOOD_PRESSURE, systolic.item());
        assertEquals("142", systolic.value());
        assertEquals("mmHg", systolic.unit());
        assertEquals("130未満", systolic.referenceRange(), "the 保健指導判定値 130 is itself flagged");
        assertEquals(Boolean.TRUE, systolic.outOfRange());
        assertEquals(Boolean.FALSE, item(history.checkups().get(1), SYSTOLIC).outOfRange(), "126 is within");
        assertEquals("40以上", item(latest, HDL).referenceRange());
        assertEquals(Boolean.TRUE, item(latest, HDL).outOfRange(), "HDL 35 is below 40");
        assertEquals("±", item(latest, URINE_SUGAR).display());
        assertEquals(Boolean.TRUE, item(latest, URINE_SUGAR).outOfRange(), "the reference is −");
        assertEquals("以前は吸っていたが最近1ヶ月間は吸っていない", item(latest, SMOKING).display(),
                "answer 2 of the 2024 questionnaire");
        assertEquals("いいえ", item(history.checkups().get(2), SMOKING).display(),
                "the same answer 2 on a 2022 check-up is the former questionnaire's いいえ");
        assertNull(item(latest, SMOKING).outOfRange(), "a questionnaire answer has no reference");
        CheckupItemView unknown = item(latest, UNKNOWN);
        assertNull(unknown.item());
        assertEquals("陰性", unknown.value(), "an unknown coded item is kept, not dropped");
        assertNull(unknown.outOfRange());
        assertEquals(WEIGHT, latest.items().get(0).code(), "items in the standard's order, unknown ones last");
        assertEquals(UNKNOWN, latest.items().get(latest.items().size() - 1).code());

        assertTrue(accessHistory(fixture.p1()).stream().anyMatch(e -> e.kind().equals("CHECKUPS_READ")
                && e.medicalInstitutionCode() == null && e.result().equals("SHOWN ENTRIES 3")),
                "the person's own reading is in the access history");
    }

    @Test
    void aBatchIsAppliedExactlyOnceAndAResendAnswersTheStoredResult() throws Exception {
        CheckupSyncApi job = checkups(CURRENT);
        CheckupBatchRequest request = checkupBatch(CURRENT, checkup("once", "LK-HC-P5", LocalDate.of(2023, 9, 1),
                "120", "78", "60.0"));
        SyncBatchResult first = job.submit(request);
        SyncBatchResult again = job.submit(request);
        assertEquals(first, again, "a resend answers the stored result");
        assertEquals(1, portal().checkups(proof(fixture.p5())).checkups().size(), "stored once");
        SyncBatchResult read = client(SyncApi.class, deployment, token(Roles.INSURER_SYNC, "sync-hc-" + CURRENT,
                Map.of(Roles.CLAIM_INSURER_NUMBERS, List.of(CURRENT)))).batch(request.batchId());
        assertEquals(first, read, "the stored result is read as any batch's");

        CheckupBatchRequest changed = new CheckupBatchRequest(request.batchId(), CURRENT, List.of(checkup("once",
                "LK-HC-P5", LocalDate.of(2023, 9, 1), "121", "78", "60.0")));
        assertError(409, ErrorCodes.BATCH_ID_REUSED, () -> job.submit(changed));
        assertEquals("120", item(portal().checkups(proof(fixture.p5())).checkups().get(0), SYSTOLIC).value());
        assertError(403, ErrorCodes.INSURER_OUT_OF_SCOPE, () -> job.submit(checkupBatch(FORMER,
                checkup("scope", "LK-HC-P1", LocalDate.of(2022, 7, 1), "120", "78", "60.0"))));
    }

    @Test
    void anInsurerCannotSendResultsForAPersonItNeverInsured() throws Exception {
        SyncBatchResult result = checkups(FORMER).submit(checkupBatch(FORMER,
                checkup("stranger", "LK-HC-P2", LocalDate.of(2024, 1, 10), "120", "78", "60.0"),
                checkup("nobody", "LK-HC-NOBODY", LocalDate.of(2024, 1, 10), "120", "78", "60.0"),
                checkup("later", "LK-HC-P3", LocalDate.of(2024, 1, 10), "120", "78", "60.0"),
                checkup("former", "LK-HC-P6", LocalDate.of(2021, 5, 10), "120", "78", "60.0")));
        List<RecordResult> records = result.results();
        for (int i = 0; i < 3; i++) {
            assertEquals(RecordStatus.REJECTED, records.get(i).status(), records.get(i).toString());
            assertEquals(ErrorCodes.PERSON_NOT_INSURED, records.get(i).code());
        }
        assertEquals(records.get(0).message(), records.get(1).message(),
                "another insurer's member and an unknown link key get the same answer");
        assertEquals(RecordStatus.ACCEPTED, records.get(3).status(), "a person the insurer insured once");
        assertEquals(1, result.accepted());
        assertTrue(portal().checkups(proof(fixture.p3())).checkups().stream()
                .noneMatch(c -> c.insurerNumber().equals(FORMER)));
    }

    @Test
    void valuesOutOfRangeOrInAnotherUnitRejectTheirRecordWithTheReason() throws Exception {
        SyncBatchResult result = checkups(CURRENT).submit(checkupBatch(CURRENT,
                checkup("too-high", "LK-HC-P4", LocalDate.of(2024, 2, 1), "400", "80", "60.0"),
                new CheckupRecord("unit", "LK-HC-P4", LocalDate.of(2024, 2, 2), List.of(
                        new CheckupValue(WEIGHT, "60", "lb"))),
                new CheckupRecord("answer", "LK-HC-P4", LocalDate.of(2024, 2, 3), List.of(
                        new CheckupValue(URINE_SUGAR, "9", null))),
                checkup("inverted", "LK-HC-P4", LocalDate.of(2024, 2, 4), "80", "120", "60.0"),
                checkup("future", "LK-HC-P4", TODAY.plusDays(1), "120", "80", "60.0"),
                checkup("fine", "LK-HC-P4", LocalDate.of(2024, 2, 5), "120", "80", "60.0")));
        List<RecordResult> records = result.results();
        assertEquals(ErrorCodes.CHECKUP_VALUE_OUT_OF_RANGE, records.get(0).code());
        assertTrue(records.get(0).message().contains("収縮期血圧") && records.get(0).message().contains("400")
                && records.get(0).message().contains("50〜300"), records.get(0).message());
        assertEquals(ErrorCodes.CHECKUP_VALUE_INVALID, records.get(1).code());
        assertTrue(records.get(1).message().contains("kg"), records.get(1).message());
        assertEquals(ErrorCodes.CHECKUP_VALUE_INVALID, records.get(2).code());
        assertEquals(ErrorCodes.CHECKUP_VALUE_OUT_OF_RANGE, records.get(3).code());
        assertEquals(ErrorCodes.DATE_OUT_OF_RANGE, records.get(4).code());
        assertEquals(RecordStatus.ACCEPTED, records.get(5).status(), "one bad record does not refuse the others");
        assertEquals(List.of(LocalDate.of(2024, 2, 5)), portal().checkups(proof(fixture.p4())).checkups().stream()
                .map(CheckupView::examinedOn).toList());
    }

    @Test
    void aCorrectionReplacesTheResultAndShowsTheSupersededValue() throws Exception {
        LocalDate day = LocalDate.of(2024, 10, 7);
        CheckupSyncApi job = checkups(CURRENT);
        assertEquals(1, job.submit(checkupBatch(CURRENT, checkup("first", "LK-HC-P3", day, "150", "95", "80.0")))
                .accepted());
        assertEquals(1, job.submit(checkupBatch(CURRENT, checkup("fix", "LK-HC-P3", day, "125", "82", "80.0")))
                .accepted());
        List<CheckupView> checkups = portal().checkups(proof(fixture.p3())).checkups().stream()
                .filter(c -> c.examinedOn().equals(day)).toList();
        assertEquals(1, checkups.size(), "one check-up of the day, corrected");
        assertEquals("125", item(checkups.get(0), SYSTOLIC).value());
        assertEquals(1, checkups.get(0).superseded().size());
        assertEquals("150", checkups.get(0).superseded().get(0).items().stream()
                .filter(i -> i.code().equals(SYSTOLIC)).findFirst().orElseThrow().value(), "the superseded value");
        assertTrue(auditOf("sync-hc-" + CURRENT).stream().anyMatch(e -> e.kind().equals("HEALTH_DATA_RECEIVED")
                && e.result().equals("CHECKUP " + day + " CORRECTION")));
    }

    @Test
    void aCorrectionInTheSameBatchReplacesTheRecordBeforeIt() throws Exception {
        LocalDate day = LocalDate.of(2024, 10, 8);
        SyncBatchResult result = checkups(CURRENT).submit(checkupBatch(CURRENT,
                checkup("same-1", "LK-HC-P3", day, "160", "99", "81.0"),
                checkup("same-2", "LK-HC-P3", day, "140", "90", "81.0"),
                checkup("same-3", "LK-HC-P3", day, "122", "78", "81.0")));
        assertEquals(3, result.accepted());
        List<CheckupView> checkups = portal().checkups(proof(fixture.p3())).checkups().stream()
                .filter(c -> c.examinedOn().equals(day)).toList();
        assertEquals(1, checkups.size(), "one check-up of the day: the batch's last");
        assertEquals("122", item(checkups.get(0), SYSTOLIC).value());
        assertEquals(List.of("160", "140"), checkups.get(0).superseded().stream().map(s -> s.items().stream()
                .filter(i -> i.code().equals(SYSTOLIC)).findFirst().orElseThrow().value()).sorted(
                java.util.Comparator.reverseOrder()).toList(), "both earlier records of the batch, superseded");
        assertEquals(2, auditOf("sync-hc-" + CURRENT).stream().filter(e -> e.kind().equals("HEALTH_DATA_RECEIVED")
                && e.result().equals("CHECKUP " + day + " CORRECTION")).count());

        LocalDate dispensed = TODAY.minusMonths(5);
        assertEquals(2, medications(CURRENT).submit(new MedicationBatchRequest(UUID.randomUUID(), CURRENT, List.of(
                new MedicationRecord("same-m1", "LK-HC-P3", dispensed, PHARMACY, DrugCodeKind.RECEIPT, "620000009",
                        "同じ日の薬", "1", "錠", 7),
                new MedicationRecord("same-m2", "LK-HC-P3", dispensed, PHARMACY, DrugCodeKind.RECEIPT, "620000009",
                        "同じ日の薬", "1", "錠", 14)))).accepted());
        List<MedicationView> medications = ItSupport.anonymousClient(PersonHealthApi.class, deployment)
                .medications(proof(fixture.p3())).medications().stream()
                .filter(m -> m.dispensedOn().equals(dispensed)).toList();
        assertEquals(1, medications.size(), "one dispensing: the batch's last");
        assertEquals(14, medications.get(0).days());
        assertEquals(7, medications.get(0).superseded().get(0).days(), "the batch's first, superseded");
    }

    @Test
    void medicationsOfThreeYearsNewestFirstWithCorrections() throws Exception {
        MedicationSyncApi job = medications(CURRENT);
        LocalDate day = TODAY.minusMonths(2);
        SyncBatchResult result = job.submit(new MedicationBatchRequest(UUID.randomUUID(), CURRENT, List.of(
                new MedicationRecord("m1", "LK-HC-P3", day, PHARMACY, DrugCodeKind.YJ, "2149039F1021",
                        "アムロジピン錠5mg", "1", "錠", 28),
                new MedicationRecord("m2", "LK-HC-P3", day.minusMonths(1), PHARMACY, DrugCodeKind.RECEIPT,
                        "620000001", "メトホルミン塩酸塩錠250mg", "3", "錠", 14),
                new MedicationRecord("old", "LK-HC-P3", TODAY.minusYears(4), PHARMACY, DrugCodeKind.RECEIPT,
                        "620000002", "四年前の薬", "1", "錠", 7),
                new MedicationRecord("bad", "LK-HC-P3", day, PHARMACY, DrugCodeKind.YJ, "620000001",
                        "コードが違う薬", "1", "錠", 7),
                new MedicationRecord("days", "LK-HC-P3", day, PHARMACY, DrugCodeKind.RECEIPT, "620000003",
                        "日数が違う薬", "1", "錠", 400))));
        assertEquals(3, result.accepted());
        assertEquals(ErrorCodes.RECORD_INVALID, result.results().get(3).code());
        assertEquals(ErrorCodes.RECORD_INVALID, result.results().get(4).code());
        assertEquals(1, job.submit(new MedicationBatchRequest(UUID.randomUUID(), CURRENT, List.of(
                new MedicationRecord("m1-fix", "LK-HC-P3", day, PHARMACY, DrugCodeKind.YJ, "2149039F1021",
                        "アムロジピン錠5mg", "1", "錠", 30)))).accepted());

        MedicationHistory history = ItSupport.anonymousClient(PersonHealthApi.class, deployment)
                .medications(proof(fixture.p3()));
        assertEquals(TODAY.minusYears(3), history.from());
        List<MedicationView> medications = history.medications();
        assertEquals(List.of("アムロジピン錠5mg", "メトホルミン塩酸塩錠250mg"), medications.stream()
                .map(MedicationView::drugName).toList(), "newest first; four years back is not shown");
        assertEquals(30, medications.get(0).days());
        assertEquals(28, medications.get(0).superseded().get(0).days(), "the superseded record");
        assertEquals(PHARMACY, medications.get(0).dispensedBy());
    }

    @Test
    void aClinicWithoutConsentIsRefusedAndTheRefusalIsAuditedAndInTheAccessHistory() throws Exception {
        String session = visit(CLINIC_NO_CONSENT, fixture.p4(), new ConsentChoices(false, false, false, false));
        assertError(403, ErrorCodes.CONSENT_NOT_FOUND, () -> clinicCheckups(CLINIC_NO_CONSENT)
                .checkups(new ClinicHealthRequest(session)));
        assertError(403, ErrorCodes.CONSENT_NOT_FOUND, () -> clinicMedications(CLINIC_NO_CONSENT)
                .medications(new ClinicHealthRequest(session)));
        // another clinic's session names nobody: answered as an unknown one
        assertError(404, ErrorCodes.CARD_SESSION_NOT_FOUND, () -> clinicCheckups(CLINIC_OTHER)
                .checkups(new ClinicHealthRequest(session)));
        assertError(404, ErrorCodes.CARD_SESSION_NOT_FOUND, () -> clinicCheckups(CLINIC_NO_CONSENT)
                .checkups(new ClinicHealthRequest(UUID.randomUUID().toString())));

        List<AuditEntryView> trail = auditOf(CLINIC_NO_CONSENT);
        assertEquals(1, trail.stream().filter(e -> e.kind().equals("CHECKUPS_READ")
                && e.result().equals("REFUSED " + ErrorCodes.CONSENT_NOT_FOUND) && e.personId() != null).count());
        assertEquals(1, trail.stream().filter(e -> e.kind().equals("MEDICATIONS_READ")
                && e.result().equals("REFUSED " + ErrorCodes.CONSENT_NOT_FOUND)).count());
        assertTrue(trail.stream().noneMatch(e -> e.kind().equals("ACCESS_REFUSED")
                && e.result().contains("CONSENT_")), "written once, by the service, naming the person");
        assertTrue(accessHistory(fixture.p4()).stream().anyMatch(e -> CLINIC_NO_CONSENT.equals(
                e.medicalInstitutionCode()) && e.kind().equals("CHECKUPS_READ")
                && e.result().equals("REFUSED " + ErrorCodes.CONSENT_NOT_FOUND)));
    }

    /**
     * A consent refusal is audited after its transaction rolled back, not nested in it (where 64 at once held the
     * pool's 32 connections each waiting for a second): every one a quick 403, each on the trail naming the person.
     */
    @Test
    void manyReadingsWithoutConsentAtOnceAreEachRefusedQuicklyAndAudited() throws Exception {
        String session = visit(CLINIC_FLOOD, fixture.p4(), new ConsentChoices(false, false, false, false));
        ClinicMedicationsApi medications = clinicMedications(CLINIC_FLOOD);
        ItSupport.assertRefusedAtOnce("readings of medications without consent", 403, ErrorCodes.CONSENT_NOT_FOUND,
                () -> medications.medications(new ClinicHealthRequest(session)));
        assertEquals(ItSupport.REFUSALS_AT_ONCE, auditOf(CLINIC_FLOOD).stream().filter(e -> e.kind().equals("MEDICATIONS_READ")
                && e.result().equals("REFUSED " + ErrorCodes.CONSENT_NOT_FOUND) && e.personId() != null).count());
    }

    @Test
    void withdrawalTakesEffectAtOnceForThatCategoryOnly() throws Exception {
        String session = visit(CLINIC_WITHDRAWN, fixture.p1(), new ConsentChoices(false, false, true, true));
        CheckupHistory seen = clinicCheckups(CLINIC_WITHDRAWN).checkups(new ClinicHealthRequest(session));
        assertTrue(seen.checkups().size() >= 3, "both insurers' results, with consent");
        clinicMedications(CLINIC_WITHDRAWN).medications(new ClinicHealthRequest(session));
        assertTrue(accessHistory(fixture.p1()).stream().anyMatch(e -> CLINIC_WITHDRAWN.equals(
                e.medicalInstitutionCode()) && e.kind().equals("CHECKUPS_READ") && e.result().startsWith("ENTRIES")),
                "the clinic's reading is in the person's access history");

        ConsentApi consents = ItSupport.anonymousClient(ConsentApi.class, deployment);
        AccessHistoryRequest proof = proof(fixture.p1());
        consents.withdraw(new ConsentWithdrawal(proof.certificate(), proof.challenge(), proof.signature(),
                CLINIC_WITHDRAWN, ConsentCategory.CHECKUPS));

        assertError(403, ErrorCodes.CONSENT_WITHDRAWN, () -> clinicCheckups(CLINIC_WITHDRAWN)
                .checkups(new ClinicHealthRequest(session)));
        assertEquals(TODAY.minusYears(3), clinicMedications(CLINIC_WITHDRAWN).medications(
                new ClinicHealthRequest(session)).from(), "the medications consent stands");
    }

    @Test
    void thePrintableViewChartsTheMainItemsOverTheYears() throws Exception {
        String page = portal().printableCheckups(proof(fixture.p1()));
        assertTrue(page.startsWith("<!DOCTYPE html>"), page);
        assertTrue(page.contains("@media print"), "print styles");
        assertTrue(page.contains("<svg") && page.contains("<polyline"), "a line chart");
        assertTrue(page.contains("血圧（mmHg）") && page.contains("体重（kg）"), "the main items' charts");
        for (String point : List.of(">138<", ">126<", ">142<", ">70.5<", ">69.0<", ">71.2<")) {
            assertTrue(page.contains(point), "the chart's points are labelled with their values: " + point);
        }
        assertTrue(page.contains("class=\"reference\""), "the reference limit is drawn");
        assertTrue(page.contains("2022-06-01") && page.contains("2025-06-02"), "both insurers' years");
        assertTrue(page.contains("class=\"out\">142 ＊"), "a value outside its range is marked in the table");
        assertFalse(page.contains("LK-HC-P1"), "the link key is never shown");
        assertTrue(accessHistory(fixture.p1()).stream().anyMatch(e -> e.kind().equals("CHECKUPS_READ")
                && e.result().startsWith("PRINTED")));
    }

    /** The OpenAPI document lists every standard item with its code and unit, and the printable page as HTML. */
    @Test
    void theOpenApiDocumentListsEveryItemWithItsCodeAndUnit() throws Exception {
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(ItSupport.server(deployment).resolve("openapi"))
                        .header("Accept", "application/json").build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        jakarta.json.JsonObject document;
        try (jakarta.json.JsonReader reader = jakarta.json.Json.createReader(new java.io.StringReader(
                response.body()))) {
            document = reader.readObject();
        }
        String items = document.getJsonObject("components").getJsonObject("schemas")
                .getJsonObject("CheckupItemView").getJsonObject("properties").getJsonObject("item")
                .getString("description");
        for (CheckupItem item : CheckupItem.values()) {
            assertTrue(items.contains(item.name() + "=" + item.code() + " (" + item.label() + ", "
                    + (item.coded() ? "coded" : item.unit())), item + " in " + items);
        }
        String prefix = "/" + jp.oqs.api.ApiVersion.V1 + "/";
        assertTrue(document.getJsonObject("paths").getJsonObject(prefix + "persons/checkups/print")
                .getJsonObject("post").getJsonObject("responses").getJsonObject("200").getJsonObject("content")
                .containsKey("text/html"));
    }

    /**
     * On a server of its own with consents of three seconds (the setting; 24 hours by default): the clinic reads
     * while the consent lasts, and is refused with {@code CONSENT_EXPIRED} after.
     */
    @Test
    void aConsentExpires() throws Throwable {
        Path dataDir = Path.of(System.getProperty("oqs.it.data.dir") + "-checkups");
        ItSupport.Tokens issuer = ItSupport.ownTokens(dataDir);
        try (MicroServer server = MicroServer.start(dataDir, "micro-checkups.log", List.of(
                "-Doqs.consents.lifetime-seconds=3"))) {
            Fixture own = build(server.api(), issuer, dataDir, "-expiry");
            String session = visit(server.api(), issuer, CLINIC_EXPIRY, own.p1(),
                    new ConsentChoices(false, false, true, false));
            ClinicCheckupsApi clinic = client(ClinicCheckupsApi.class, server.api(),
                    clinicToken(issuer, CLINIC_EXPIRY));
            assertEquals(3, clinic.checkups(new ClinicHealthRequest(session)).checkups().size());
            Thread.sleep(Duration.ofSeconds(4).toMillis());
            assertError(403, ErrorCodes.CONSENT_EXPIRED, () -> clinic.checkups(new ClinicHealthRequest(session)));
        }
    }
}
