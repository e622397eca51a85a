package jp.oqs.web;

import static jp.oqs.web.ItSupport.assertError;
import static jp.oqs.web.ItSupport.client;
import static jp.oqs.web.ItSupport.insurerNumber;
import static jp.oqs.web.ItSupport.token;
import static jp.oqs.web.SyncRecords.acquire;
import static jp.oqs.web.SyncRecords.batch;
import static jp.oqs.web.SyncRecords.change;
import static jp.oqs.web.SyncRecords.lose;
import static jp.oqs.web.SyncRecords.qualification;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import jp.oqs.api.audit.AccessChallenge;
import jp.oqs.api.audit.AccessHistory;
import jp.oqs.api.audit.AccessHistoryApi;
import jp.oqs.api.audit.AccessHistoryRequest;
import jp.oqs.api.audit.AuditApi;
import jp.oqs.api.audit.AuditEntryView;
import jp.oqs.api.eligibility.BulkEntry;
import jp.oqs.api.eligibility.BulkLookupRequest;
import jp.oqs.api.eligibility.BulkReception;
import jp.oqs.api.eligibility.BulkResult;
import jp.oqs.api.eligibility.BulkStatus;
import jp.oqs.api.eligibility.CertificateLookupRequest;
import jp.oqs.api.eligibility.CertificateLookupResult;
import jp.oqs.api.eligibility.EligibilityApi;
import jp.oqs.api.eligibility.LookupRequest;
import jp.oqs.api.eligibility.LookupResult;
import jp.oqs.api.eligibility.QualificationView;
import jp.oqs.api.eligibility.ReferenceNumberEntry;
import jp.oqs.api.eligibility.ReferenceNumbersRequest;
import jp.oqs.api.eligibility.ReferenceNumbersResult;
import jp.oqs.api.eligibility.ResultStatus;
import jp.oqs.api.eligibility.Validity;
import jp.oqs.api.error.ErrorBody;
import jp.oqs.api.error.ErrorCodes;
import jp.oqs.api.insurer.InsurerAdminApi;
import jp.oqs.api.insurer.NumberingRuleKind;
import jp.oqs.api.insurer.NumberingRuleRequest;
import jp.oqs.api.insurer.OnboardInsurerRequest;
import jp.oqs.api.security.Roles;
import jp.oqs.api.sync.CertificateEnrolment;
import jp.oqs.api.sync.CertificateView;
import jp.oqs.api.sync.LossReason;
import jp.oqs.api.sync.PersonData;
import jp.oqs.api.sync.Sex;
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
 * Clinics' checks through the published contract, on histories built through the sync API: the five validities,
 * a person who moved, certificates, bulk checks, the audit chain and the person's access history.
 */
@ExtendWith(ArquillianExtension.class)
class EligibilityIT {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final LocalDate TODAY = LocalDate.now(JAPAN);
    private static final LocalDate APRIL_2024 = LocalDate.of(2024, 4, 1);
    private static final LocalDate CHANGE = LocalDate.of(2025, 4, 1);
    private static final LocalDate MOVED = LocalDate.of(2025, 10, 1);
    private static final LocalDate DIED = LocalDate.of(2025, 1, 1);
    private static final LocalDate BIRTH = SyncRecords.BIRTH;
    private static final String CLINIC = "0110113719";
    static final String HOUSEHOLD = insurerNumber("06", "28", 301);
    static final String CENTRAL = insurerNumber("01", "28", 301);

    /** The histories and cards every test reads; built once per server (tests never change them). */
    private static Fixture fixture;

    private record Fixture(String centralNumberOfP1, TestPki.Card p1Card, TestPki.Card expired,
                           TestPki.Card revoked, TestPki.Card unenrolled, TestPki.Card foreign,
                           TestPki.Card revocable, TestPki ca) {
    }

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.microWar();
    }

    @ArquillianResource
    private URL deployment;

    private EligibilityApi clinic;
    private SyncApi sync;

    @BeforeEach
    void clients() throws Exception {
        clinic = client(EligibilityApi.class, deployment, token(Roles.CLINIC, "clinic-301",
                Map.of(Roles.CLAIM_MEDICAL_INSTITUTION_CODE, CLINIC)));
        sync = client(SyncApi.class, deployment, token(Roles.INSURER_SYNC, "sync-301",
                Map.of(Roles.CLAIM_INSURER_NUMBERS, List.of(HOUSEHOLD, CENTRAL))));
        synchronized (EligibilityIT.class) {
            if (fixture == null) {
                fixture = build();
            }
        }
    }

    private Fixture build() throws Exception {
        InsurerAdminApi ssk = client(InsurerAdminApi.class, deployment, token(Roles.SSK_ADMIN, "ssk-301"));
        for (String number : List.of(HOUSEHOLD, CENTRAL)) {
            NumberingRuleKind kind = number.equals(HOUSEHOLD) ? NumberingRuleKind.HOUSEHOLD_BRANCH
                    : NumberingRuleKind.CENTRAL_GENERATED;
            ssk.onboard(new OnboardInsurerRequest(number, "照会試験保険者", "ショウカイシケン", null,
                    new NumberingRuleRequest(kind, LocalDate.of(2000, 1, 1), null, null, null))).close();
            ssk.activate(number);
        }
        PersonData twin = new PersonData("LK-301-P4", BIRTH, Sex.FEMALE, "双子次郎", "フタゴジロウ");
        SyncBatchResult household = sync.submit(batch(HOUSEHOLD,
                acquire("p1", "LK-301-P1", "東京", "100", APRIL_2024),
                change("p1-copay", "LK-301-P1", CHANGE, 20),
                acquire("p2", "LK-301-P2", "東京", "200", APRIL_2024),
                lose("p2-died", "LK-301-P2", DIED, LossReason.DEATH),
                acquire("p3", "LK-301-P3", "双子", "300", APRIL_2024),
                acquire("p4", twin, qualification("双子", "300", null, null, APRIL_2024))));
        assertEquals(6, household.accepted(), household.toString());
        SyncBatchResult moved = sync.submit(batch(CENTRAL, acquire("p1-joins", "LK-301-P1", null, "9", MOVED)));
        assertEquals(1, moved.accepted());
        assertEquals(1, sync.submit(batch(HOUSEHOLD, lose("p1-leaves", "LK-301-P1", MOVED,
                LossReason.OTHER_INSURANCE))).accepted());

        TestPki ca = new TestPki("OQS Test JPKI");
        Instant now = Instant.now();
        Instant from = now.minus(Duration.ofDays(1000));
        Instant to = now.plus(Duration.ofDays(1000));
        TestPki.Card p1 = ca.issue("P1", from, to);
        TestPki.Card expired = ca.issue("P1-old", from, now.minus(Duration.ofDays(2)));
        TestPki.Card revoked = ca.issue("P1-lost", from, to);
        TestPki.Card unenrolled = ca.issue("nobody", from, to);
        TestPki.Card revocable = ca.issue("P3", from, to);
        TestPki.Card foreign = new TestPki("Another CA").issue("P1-forged", from, to);
        ca.install(Path.of(System.getProperty("oqs.it.data.dir")), List.of(revoked));
        sync.enrol(new CertificateEnrolment("LK-301-P1", p1.base64())).close();
        // the chain is validated at enrolment: an expired or revoked card is not enrolled
        assertError(400, ErrorCodes.CERTIFICATE_EXPIRED,
                () -> sync.enrol(new CertificateEnrolment("LK-301-P1", expired.base64())).close());
        assertError(400, ErrorCodes.CERTIFICATE_REVOKED,
                () -> sync.enrol(new CertificateEnrolment("LK-301-P1", revoked.base64())).close());
        sync.enrol(new CertificateEnrolment("LK-301-P3", revocable.base64())).close();
        return new Fixture(moved.results().get(0).individualNumber(), p1, expired, revoked, unenrolled, foreign,
                revocable, ca);
    }

    private static LookupRequest byHousehold(String symbol, String number, String branch, LocalDate birth,
                                             LocalDate asOf) {
        return new LookupRequest(HOUSEHOLD, symbol, number, branch, null, birth, asOf, null);
    }

    @Test
    void validOnTheVisitDateWithTheAttributesOfThatDate() {
        LookupResult may = clinic.lookup(byHousehold("東京", "100", "01", BIRTH, LocalDate.of(2025, 5, 1)));
        assertEquals(1, may.validity());
        assertEquals(Validity.VALID, may.validityName());
        assertEquals(ResultStatus.COMPLETED, may.resultStatus());
        assertEquals(20, may.qualification().copayRatio());
        assertEquals("01", may.qualification().branchNumber());
        assertEquals("照会試験保険者", may.qualification().insurerName());
        assertNull(may.current());
        assertFalse(may.checkId().isBlank());

        LookupResult before = clinic.lookup(byHousehold("東京", "100", "01", BIRTH, LocalDate.of(2024, 12, 1)));
        assertEquals(1, before.validity());
        assertEquals(30, before.qualification().copayRatio(), "the version in force on that day");
    }

    @Test
    void invalidAfterTheLoss() {
        LookupResult result = clinic.lookup(byHousehold("東京", "200", null, BIRTH, LocalDate.of(2025, 6, 1)));
        assertEquals(2, result.validity());
        assertEquals(DIED, result.qualification().lostOn());
        assertEquals("01", result.qualification().lossReasonCode());
        assertNull(result.current());
    }

    @Test
    void aPersonWhoMovedGetsThreeWithTheNumberTheClaimShouldCarry() {
        LookupResult result = clinic.lookup(byHousehold("東京", "100", "01", BIRTH, LocalDate.of(2025, 11, 1)));
        assertEquals(3, result.validity());
        assertEquals(Validity.INVALID_NEWER_EXISTS, result.validityName());
        assertEquals(MOVED, result.qualification().lostOn());
        assertEquals("03", result.qualification().lossReasonCode());
        assertEquals(CENTRAL, result.current().insurerNumber());
        assertEquals(fixture.centralNumberOfP1(), result.current().individualNumber());
        assertNull(result.current().lostOn());

        LookupResult byIndividual = clinic.lookup(new LookupRequest(CENTRAL, null, null, null,
                fixture.centralNumberOfP1(), BIRTH, LocalDate.of(2025, 11, 1), null));
        assertEquals(1, byIndividual.validity());
    }

    @Test
    void aWrongBirthDateLooksExactlyLikeAnUnknownNumber() {
        String wrongBirth = body(byHousehold("東京", "100", "01", BIRTH.plusDays(1), LocalDate.of(2025, 5, 1)));
        String unknown = body(byHousehold("東京", "999", "01", BIRTH, LocalDate.of(2025, 5, 1)));
        assertTrue(wrongBirth.contains("\"validity\":4"), wrongBirth);
        assertEquals(unknown.replaceAll("\"checkId\":\"[^\"]+\"", ""), wrongBirth.replaceAll("\"checkId\":\"[^\"]+\"", ""));
    }

    @Test
    void twinsWithoutABranchNumberAreSeveral() {
        LookupResult result = clinic.lookup(byHousehold("双子", "300", null, BIRTH, LocalDate.of(2025, 5, 1)));
        assertEquals(5, result.validity());
        assertNull(result.qualification(), "no other person's data");
        assertEquals(1, clinic.lookup(byHousehold("双子", "300", "02", BIRTH, LocalDate.of(2025, 5, 1))).validity());
    }

    @Test
    void answersNeverCarryTheLinkKeyOrInternalIds() {
        String json = body(byHousehold("東京", "100", "01", BIRTH, LocalDate.of(2025, 11, 1)));
        assertFalse(json.contains("LK-301"), json);
        assertFalse(json.contains("personId") || json.contains("linkKey"), json);
    }

    @Test
    void badRequestsGetTheirOwnCodes() {
        assertError(400, ErrorCodes.BIRTH_DATE_REQUIRED,
                () -> clinic.lookup(byHousehold("東京", "100", "01", null, null)));
        assertError(400, ErrorCodes.AS_OF_IN_FUTURE,
                () -> clinic.lookup(byHousehold("東京", "100", "01", BIRTH, tomorrowInJapan())));
        assertError(400, ErrorCodes.IDENTIFIER_REQUIRED,
                () -> clinic.lookup(byHousehold(null, null, null, BIRTH, null)));
        assertError(400, ErrorCodes.INVALID_INSURER_NUMBER,
                () -> clinic.lookup(new LookupRequest("0613001", null, "1", null, null, BIRTH, null, null)));
        EligibilityApi badClinic = client(EligibilityApi.class, deployment, token(Roles.CLINIC, "clinic-bad",
                Map.of(Roles.CLAIM_MEDICAL_INSTITUTION_CODE, "0110113718")));
        assertError(403, ErrorCodes.FORBIDDEN_CLINIC,
                () -> badClinic.lookup(byHousehold("東京", "100", "01", BIRTH, null)));
        assertError(403, ErrorCodes.FORBIDDEN_ROLE, () -> client(EligibilityApi.class, deployment,
                token(Roles.INSURER_SYNC, "sync")).lookup(byHousehold("東京", "100", "01", BIRTH, null)));
    }

    @Test
    void aCardCertificateResolvesToThePersonsValidQualifications() throws Exception {
        CertificateLookupResult result = clinic.certificateLookup(new CertificateLookupRequest(
                fixture.p1Card().base64(), LocalDate.of(2025, 11, 1)));
        assertEquals(1, result.validity());
        assertEquals(List.of(CENTRAL), result.qualifications().stream().map(q -> q.insurerNumber()).toList());
        CertificateLookupResult earlier = clinic.certificateLookup(new CertificateLookupRequest(
                fixture.p1Card().base64(), LocalDate.of(2025, 5, 1)));
        assertEquals(List.of(HOUSEHOLD), earlier.qualifications().stream().map(q -> q.insurerNumber()).toList());
    }

    @Test
    void expiredRevokedForeignAndUnknownCertificatesGetClearAnswers() throws Exception {
        assertError(400, ErrorCodes.CERTIFICATE_EXPIRED, () -> clinic.certificateLookup(
                new CertificateLookupRequest(fixture.expired().base64(), null)));
        assertError(400, ErrorCodes.CERTIFICATE_REVOKED, () -> clinic.certificateLookup(
                new CertificateLookupRequest(fixture.revoked().base64(), null)));
        assertError(400, ErrorCodes.CERTIFICATE_UNTRUSTED, () -> clinic.certificateLookup(
                new CertificateLookupRequest(fixture.foreign().base64(), null)));
        assertError(404, ErrorCodes.CERTIFICATE_NOT_ENROLLED, () -> clinic.certificateLookup(
                new CertificateLookupRequest(fixture.unenrolled().base64(), null)));
        assertError(400, ErrorCodes.CERTIFICATE_INVALID, () -> clinic.certificateLookup(
                new CertificateLookupRequest("bm90IGEgY2VydGlmaWNhdGU=", null)));
    }

    @Test
    void aRevokedEnrolmentNoLongerResolves() throws Exception {
        String card = fixture.revocable().base64();
        assertEquals(1, clinic.certificateLookup(new CertificateLookupRequest(card, LocalDate.of(2025, 5, 1)))
                .validity());
        sync.revokeEnrolment(new CertificateEnrolment("LK-301-P3", card));
        assertError(404, ErrorCodes.CERTIFICATE_NOT_ENROLLED, () -> clinic.certificateLookup(
                new CertificateLookupRequest(card, LocalDate.of(2025, 5, 1))));
    }

    @Test
    void aForgedCertificateCopyingACardsIssuerAndSerialIsNotEnrolled() throws Exception {
        TestPki.Card forged = TestPki.forge(fixture.p1Card().certificate());
        assertEquals(fixture.p1Card().certificate().getIssuerX500Principal(),
                forged.certificate().getIssuerX500Principal());
        assertError(400, ErrorCodes.CERTIFICATE_UNTRUSTED,
                () -> sync.enrol(new CertificateEnrolment("LK-301-P3", forged.base64())).close());
        // the real card still resolves to its own person (now at CENTRAL), not to P3
        CertificateLookupResult result = clinic.certificateLookup(
                new CertificateLookupRequest(fixture.p1Card().base64(), null));
        assertEquals(List.of(CENTRAL), result.qualifications().stream().map(q -> q.insurerNumber()).toList());
    }

    @Test
    void onlyAnInsurerOfTheMomentEnrolsOrRevokesAndAnyOtherIsAnsweredAsAnUnknownPerson() throws Exception {
        // P1 left HOUSEHOLD for CENTRAL: HOUSEHOLD's job is a former insurer
        SyncApi former = client(SyncApi.class, deployment, token(Roles.INSURER_SYNC, "sync-301-former",
                Map.of(Roles.CLAIM_INSURER_NUMBERS, List.of(HOUSEHOLD))));
        TestPki.Card fresh = fixture.ca().issue("P1-new", Instant.now().minus(Duration.ofDays(1)),
                Instant.now().plus(Duration.ofDays(100)));
        ErrorBody unknown = assertError(404, ErrorCodes.PERSON_NOT_FOUND,
                () -> former.enrol(new CertificateEnrolment("LK-301-NOBODY", fresh.base64())).close());
        assertEquals(unknown, assertError(404, ErrorCodes.PERSON_NOT_FOUND,
                () -> former.enrol(new CertificateEnrolment("LK-301-P1", fresh.base64())).close()));
        assertEquals(unknown, assertError(404, ErrorCodes.PERSON_NOT_FOUND,
                () -> former.revokeEnrolment(new CertificateEnrolment("LK-301-P1", fixture.p1Card().base64()))));
        assertEquals(1, clinic.certificateLookup(new CertificateLookupRequest(fixture.p1Card().base64(), null))
                .validity(), "the former insurer's revocation changed nothing");
    }

    @Test
    void aRevokedEnrolmentRecordsWhoAndAllowsAReEnrolmentAndBothAreAudited() throws Exception {
        SyncApi job = client(SyncApi.class, deployment, token(Roles.INSURER_SYNC, "sync-301-reenrol",
                Map.of(Roles.CLAIM_INSURER_NUMBERS, List.of(HOUSEHOLD))));
        TestPki.Card card = fixture.ca().issue("P4", Instant.now().minus(Duration.ofDays(1)),
                Instant.now().plus(Duration.ofDays(100)));
        job.enrol(new CertificateEnrolment("LK-301-P4", card.base64())).close();
        CertificateView revoked = job.revokeEnrolment(new CertificateEnrolment("LK-301-P4", card.base64()));
        assertNotNull(revoked.revokedAt());
        assertError(404, ErrorCodes.CERTIFICATE_NOT_ENROLLED, () -> clinic.certificateLookup(
                new CertificateLookupRequest(card.base64(), null)));
        try (Response again = job.enrol(new CertificateEnrolment("LK-301-P4", card.base64()))) {
            assertEquals(201, again.getStatus(), "a revoked enrolment does not block a re-enrolment");
        }
        assertEquals(1, clinic.certificateLookup(new CertificateLookupRequest(card.base64(), null)).validity());
        assertError(409, ErrorCodes.CERTIFICATE_ALREADY_ENROLLED,
                () -> job.enrol(new CertificateEnrolment("LK-301-P4", card.base64())).close());
        AuditApi auditor = client(AuditApi.class, deployment, token(Roles.AUDITOR, "auditor-1"));
        List<AuditEntryView> entries = auditor.search("sync-301-reenrol", null, TODAY.minusDays(1).toString(),
                TODAY.plusDays(1).toString(), 0, 1000).items();
        assertEquals(List.of("CERTIFICATE_ENROLMENT", "CERTIFICATE_REVOCATION", "CERTIFICATE_ENROLMENT"),
                entries.stream().map(AuditEntryView::kind).toList(), entries.toString());
        assertTrue(entries.stream().allMatch(e -> "SYNC_JOB".equals(e.actorKind()) && HOUSEHOLD.equals(
                e.insurerNumber()) && e.personId() != null), entries.toString());
    }

    @Test
    void aBulkCheckAboveTheConfiguredLimitIsRefusedWith413AndAnEmptyOneWith400() {
        BulkEntry entry = new BulkEntry("receipt", HOUSEHOLD, "東京", "100", "01", null, BIRTH, LocalDate.of(2025, 5, 1), null);
        assertError(413, ErrorCodes.BULK_TOO_LARGE,
                () -> clinic.submitBulk(new BulkLookupRequest(java.util.Collections.nCopies(100_001, entry))));
        assertError(400, ErrorCodes.INVALID_REQUEST, () -> clinic.submitBulk(new BulkLookupRequest(List.of())));
    }

    @Test
    void aBulkCheckAnswersEveryEntryInOrder() throws Exception {
        BulkEntry valid = new BulkEntry("receipt-1", HOUSEHOLD, "東京", "100", "01", null, BIRTH, LocalDate.of(2025, 5, 1), null);
        BulkEntry moved = new BulkEntry("receipt-2", HOUSEHOLD, "東京", "100", "01", null, BIRTH, LocalDate.of(2025, 11, 1), null);
        BulkEntry unknown = new BulkEntry("receipt-3", HOUSEHOLD, "東京", "999", null, null, BIRTH, LocalDate.of(2025, 5, 1), null);
        BulkEntry bad = new BulkEntry("receipt-4", "12345", "東京", "100", null, null, BIRTH, LocalDate.of(2025, 5, 1), null);
        Response accepted = clinic.submitBulk(new BulkLookupRequest(List.of(valid, moved, unknown, bad)));
        assertEquals(202, accepted.getStatus());
        BulkReception reception = accepted.readEntity(BulkReception.class);
        assertTrue(reception.receptionNumber().startsWith("R"), reception.receptionNumber());

        BulkResult result = awaitDone(reception.receptionNumber());
        assertEquals(4, result.counts().total());
        assertEquals(1, result.counts().valid());
        assertEquals(1, result.counts().invalid());
        assertEquals(1, result.counts().notFound());
        assertEquals(1, result.counts().errors());
        assertEquals(List.of("receipt-1", "receipt-2", "receipt-3", "receipt-4"),
                result.results().stream().map(r -> r.entryId()).toList());
        assertEquals(3, result.results().get(1).validity());
        assertEquals(fixture.centralNumberOfP1(), result.results().get(1).answer().current().individualNumber());
        assertEquals(ErrorCodes.INVALID_INSURER_NUMBER, result.results().get(3).errorCode());

        EligibilityApi otherClinic = client(EligibilityApi.class, deployment, token(Roles.CLINIC, "clinic-other",
                Map.of(Roles.CLAIM_MEDICAL_INSTITUTION_CODE, "131400001" + CheckDigits.luhn("131400001"))));
        assertError(404, ErrorCodes.RECEPTION_NOT_FOUND, () -> otherClinic.bulk(reception.receptionNumber(), 0, 10));
    }

    /**
     * A bulk chunk reads what its entries refer to in a few queries and decides from memory: each entry gets
     * exactly the answer a single check of the same request gets (every validity, by 記号・番号 and by individual
     * number, errors), and each answer's check id is an entry of the verified audit chain.
     */
    @Test
    void aBulkCheckAnswersEachEntryExactlyAsASingleCheck() throws Exception {
        LocalDate may = LocalDate.of(2025, 5, 1);
        LocalDate november = LocalDate.of(2025, 11, 1);
        List<LookupRequest> requests = List.of(
                byHousehold("東京", "100", "01", BIRTH, may),                      // 1
                byHousehold("東京", "100", null, BIRTH, november),                 // 3, with the current one
                byHousehold("東京", "200", "01", BIRTH, may),                      // 2, died
                byHousehold("東京", "100", "01", BIRTH.plusDays(1), may),          // 4, wrong birth date
                byHousehold("東京", "999", "01", BIRTH, may),                      // 4, unknown number
                byHousehold("双子", "300", null, BIRTH, may),                      // 5, twins
                byHousehold("双子", "300", "02", BIRTH, may),                      // 1, the second twin
                new LookupRequest(CENTRAL, null, null, null, fixture.centralNumberOfP1(), BIRTH, november, null),
                new LookupRequest(CENTRAL, null, null, null, fixture.centralNumberOfP1(), BIRTH.minusDays(1),
                        november, null),
                new LookupRequest(insurerNumber("06", "27", 999), "東京", "100", "01", null, BIRTH, may, null),
                byHousehold("東京", "100", "01", null, may),                       // BIRTH_DATE_REQUIRED
                byHousehold(null, null, null, BIRTH, may),                         // IDENTIFIER_REQUIRED
                new LookupRequest("0613001", null, "1", null, null, BIRTH, may, null));  // INVALID_INSURER_NUMBER
        List<BulkEntry> entries = new java.util.ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            LookupRequest r = requests.get(i);
            entries.add(new BulkEntry("same-" + i, r.insurerNumber(), r.symbol(), r.number(), r.branchNumber(),
                    r.individualNumber(), r.birthDate(), r.asOf(), null));
        }
        BulkResult bulk = awaitDone(clinic.submitBulk(new BulkLookupRequest(entries))
                .readEntity(BulkReception.class).receptionNumber());
        assertEquals(requests.size(), bulk.results().size());
        for (int i = 0; i < requests.size(); i++) {
            var entry = bulk.results().get(i);
            try {
                LookupResult single = clinic.lookup(requests.get(i));
                assertNotNull(entry.answer(), "entry " + i + " answered, not " + entry.errorCode());
                assertEquals(single.validity(), entry.validity(), "entry " + i);
                assertEquals(new LookupResult(null, single.resultStatus(), single.validity(), single.validityName(),
                                single.asOf(), single.qualification(), single.current()),
                        new LookupResult(null, entry.answer().resultStatus(), entry.answer().validity(),
                                entry.answer().validityName(), entry.answer().asOf(), entry.answer().qualification(),
                                entry.answer().current()), "entry " + i);
            } catch (jakarta.ws.rs.WebApplicationException refused) {
                String code = refused.getResponse().readEntity(jp.oqs.api.error.ErrorBody.class).code();
                assertEquals(code, entry.errorCode(), "entry " + i);
            }
        }
        List<Integer> validities = bulk.results().stream().map(r -> r.validity()).toList();
        assertEquals(java.util.Arrays.asList(1, 3, 2, 4, 4, 5, 1, 1, 4, 4, null, null, null), validities);
        AuditApi auditor = client(AuditApi.class, deployment, token(Roles.AUDITOR, "auditor-1"));
        var checkIds = auditor.search(CLINIC, null, TODAY.minusDays(1).toString(), TODAY.plusDays(1).toString(), 0,
                1000).items().stream().filter(e -> e.kind().equals("BULK_ENTRY")).map(e -> e.checkId()).toList();
        bulk.results().stream().filter(r -> r.answer() != null)
                .forEach(r -> assertTrue(checkIds.contains(r.answer().checkId()), r.entryId() + " audited"));
        var verification = auditor.verify();
        assertTrue(verification.intact(), verification.broken().toString());
    }

    /**
     * The service's tomorrow, read when asked: {@code TODAY} is fixed when the class loads, and a run that crosses
     * midnight in Japan (15:00 UTC) would take the service's today for tomorrow (it did, in CI).
     */
    static LocalDate tomorrowInJapan() {
        return LocalDate.now(JAPAN).plusDays(1);
    }

    private BulkResult awaitDone(String receptionNumber) throws InterruptedException {
        return awaitDone(clinic, receptionNumber);
    }

    private static BulkResult awaitDone(EligibilityApi clinic, String receptionNumber) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            BulkResult result = clinic.bulk(receptionNumber, 0, 1000);
            if (result.status() == BulkStatus.DONE) {
                return result;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("bulk check " + receptionNumber + " not done within 2 minutes");
    }

    @Test
    void everyCheckIsInTheVerifiedAuditChainAndThePersonSeesWhoLooked() throws Exception {
        LookupResult check = clinic.lookup(byHousehold("東京", "100", "01", BIRTH, LocalDate.of(2025, 5, 1)));
        AuditApi auditor = client(AuditApi.class, deployment, token(Roles.AUDITOR, "auditor-1"));
        List<AuditEntryView> entries = auditor.search(CLINIC, null, TODAY.minusDays(1).toString(),
                TODAY.plusDays(1).toString(), 0, 1000).items();
        AuditEntryView entry = entries.stream().filter(e -> e.checkId().equals(check.checkId())).findFirst()
                .orElseThrow();
        assertEquals("LOOKUP", entry.kind());
        assertEquals("1", entry.result());
        assertEquals("CLINIC", entry.actorKind());
        assertEquals(HOUSEHOLD, entry.insurerNumber());
        // a refused check is on record too
        EligibilityApi refusedClinic = client(EligibilityApi.class, deployment, token(Roles.CLINIC, "clinic-302",
                Map.of(Roles.CLAIM_MEDICAL_INSTITUTION_CODE, "0110113719")));
        assertError(400, ErrorCodes.AS_OF_IN_FUTURE,
                () -> refusedClinic.lookup(byHousehold("東京", "100", "01", BIRTH, tomorrowInJapan())));
        assertTrue(auditor.search(CLINIC, null, TODAY.minusDays(1).toString(), TODAY.plusDays(1).toString(), 0, 1000)
                .items().stream().anyMatch(e -> e.result().equals(ErrorCodes.AS_OF_IN_FUTURE)), "refusal audited");
        var verification = auditor.verify();
        assertTrue(verification.intact(), verification.broken().toString());
        assertTrue(verification.entriesChecked() >= entries.size());
        assertError(403, ErrorCodes.FORBIDDEN_ROLE, () -> client(AuditApi.class, deployment,
                token(Roles.SSK_ADMIN, "ssk-301")).verify());
        // staff see the checks about their own organisation's insurers' people only
        String day = TODAY.toString();
        assertTrue(client(AuditApi.class, deployment, token(Roles.SSK_ADMIN, "ssk-301"))
                .search(CLINIC, null, day, day, 0, 1000).items().stream()
                .anyMatch(e -> e.checkId().equals(check.checkId())), "an SSK insurer's member");
        assertTrue(client(AuditApi.class, deployment, token(Roles.KOKUHO_ADMIN, "kokuho-301"))
                .search(CLINIC, null, day, day, 0, 1000).items().stream()
                .noneMatch(e -> e.checkId().equals(check.checkId())), "not a 国保 insurer's member");

        // the person, with the card, sees the clinic that looked
        AccessHistoryApi portal = ItSupport.anonymousClient(AccessHistoryApi.class, deployment);
        AccessChallenge challenge = portal.challenge();
        AccessHistory history = portal.history(new AccessHistoryRequest(fixture.p1Card().base64(),
                challenge.challenge(), fixture.p1Card().sign(challenge.challenge())));
        assertTrue(history.entries().stream().anyMatch(e -> e.medicalInstitutionCode().equals(CLINIC)
                && e.kind().equals("LOOKUP")), history.toString());
        // the person's reading of who looked is on the trail too, with the person and without a card number
        List<AuditEntryView> reads = auditor.search(null, entry.personId(), TODAY.minusDays(1).toString(),
                TODAY.plusDays(1).toString(), 0, 1000).items().stream()
                .filter(e -> e.kind().equals("ACCESS_HISTORY_READ")).toList();
        assertEquals(1, reads.size(), reads.toString());
        assertEquals("PERSON", reads.get(0).actorKind());
        assertEquals("ENTRIES " + history.entries().size(), reads.get(0).result());
        assertTrue(history.entries().stream().noneMatch(e -> e.kind().equals("ACCESS_HISTORY_READ")),
                "the person's own reads are not among the checks shown to the person");
        // a challenge is answered once
        assertError(401, ErrorCodes.CHALLENGE_INVALID, () -> portal.history(new AccessHistoryRequest(
                fixture.p1Card().base64(), challenge.challenge(), fixture.p1Card().sign(challenge.challenge()))));
        AccessChallenge fresh = portal.challenge();
        assertError(401, ErrorCodes.SIGNATURE_INVALID, () -> portal.history(new AccessHistoryRequest(
                fixture.p1Card().base64(), fresh.challenge(), fixture.unenrolled().sign(fresh.challenge()))));
        assertError(401, ErrorCodes.CHALLENGE_INVALID, () -> portal.history(new AccessHistoryRequest(
                fixture.p1Card().base64(), challenge.challenge() + "x", fixture.p1Card().sign(challenge.challenge()))));
    }

    /**
     * 照会番号 (issue 11 section 3): a clinic's own patient ids come back beside the qualifications in its single,
     * certificate and bulk answers, and to no other clinic; replaced, removed, all or nothing, audited.
     */
    @Test
    void aClinicsReferenceNumbersComeBackToItAloneInEveryKindOfAnswer() throws Exception {
        String desk = "0110113727";
        EligibilityApi mine = client(EligibilityApi.class, deployment, token(Roles.CLINIC, "clinic-ref",
                Map.of(Roles.CLAIM_MEDICAL_INSTITUTION_CODE, desk)));
        LocalDate may = LocalDate.of(2025, 5, 1);
        LocalDate november = LocalDate.of(2025, 11, 1);
        ReferenceNumbersResult stored = mine.putReferenceNumbers(new ReferenceNumbersRequest(List.of(
                new ReferenceNumberEntry(HOUSEHOLD, "東京", "100", "01", "P-0001"),
                new ReferenceNumberEntry(HOUSEHOLD, " 東京 ", "200", "01", "P-0002"),
                new ReferenceNumberEntry(HOUSEHOLD, "東京", "999", "01", "P-NOBODY"))));
        assertEquals(new ReferenceNumbersResult(3, 0, 3), stored, "stored without looking the cards up");

        assertEquals("P-0001", mine.lookup(byHousehold("東京", "100", "01", BIRTH, may)).qualification()
                .referenceNumber());
        assertNull(clinic.lookup(byHousehold("東京", "100", "01", BIRTH, may)).qualification().referenceNumber(),
                "never to another clinic");
        LookupResult moved = mine.lookup(byHousehold("東京", "100", "01", BIRTH, november));
        assertEquals(3, moved.validity());
        assertEquals("P-0001", moved.qualification().referenceNumber());
        assertNull(moved.current().referenceNumber(), "the new card is not registered");
        assertEquals("P-0002", mine.lookup(byHousehold("東京", "200", null, BIRTH, may)).qualification()
                .referenceNumber());
        CertificateLookupResult byCard = mine.certificateLookup(new CertificateLookupRequest(
                fixture.p1Card().base64(), may));
        assertEquals(List.of("P-0001"), byCard.qualifications().stream().map(QualificationView::referenceNumber)
                .toList());
        BulkResult bulk = awaitDone(mine, mine.submitBulk(new BulkLookupRequest(List.of(
                        new BulkEntry("a", HOUSEHOLD, "東京", "100", "01", null, BIRTH, november, null),
                        new BulkEntry("b", HOUSEHOLD, "東京", "200", "01", null, BIRTH, may, null),
                        new BulkEntry("c", HOUSEHOLD, "双子", "300", "02", null, BIRTH, may, null))))
                .readEntity(BulkReception.class).receptionNumber());
        assertEquals(Arrays.asList("P-0001", "P-0002", null), bulk.results().stream()
                .map(r -> r.answer().qualification().referenceNumber()).toList());

        // replaced and removed; a request that breaks a rule changes nothing
        assertEquals(new ReferenceNumbersResult(1, 1, 2), mine.putReferenceNumbers(new ReferenceNumbersRequest(
                List.of(new ReferenceNumberEntry(HOUSEHOLD, "東京", "100", "01", "P-0009"),
                        new ReferenceNumberEntry(HOUSEHOLD, "東京", "200", "01", null)))));
        assertError(400, ErrorCodes.INVALID_REQUEST, () -> mine.putReferenceNumbers(new ReferenceNumbersRequest(
                List.of(new ReferenceNumberEntry(HOUSEHOLD, "東京", "200", "01", "P-0003"),
                        new ReferenceNumberEntry(HOUSEHOLD, "東京", "200", "01", "P-0004")))));
        assertError(400, ErrorCodes.INVALID_INSURER_NUMBER, () -> mine.putReferenceNumbers(
                new ReferenceNumbersRequest(List.of(new ReferenceNumberEntry(HOUSEHOLD, "東京", "200", "01", "P-5"),
                        new ReferenceNumberEntry("0613001", "東京", "1", "01", "P-6")))));
        for (ReferenceNumberEntry bad : List.of(
                new ReferenceNumberEntry(HOUSEHOLD, "東京", "200", "01", "山田太郎"),
                new ReferenceNumberEntry(HOUSEHOLD, "東京", "200", "01", "P-012345678901234567890"),
                new ReferenceNumberEntry(HOUSEHOLD, "東京", "200", null, "P-7"),
                new ReferenceNumberEntry(HOUSEHOLD, "東京", " ", "01", "P-8"))) {
            assertError(400, ErrorCodes.INVALID_REQUEST, () -> mine.putReferenceNumbers(new ReferenceNumbersRequest(
                    List.of(bad))));
        }
        assertEquals("P-0009", mine.lookup(byHousehold("東京", "100", "01", BIRTH, may)).qualification()
                .referenceNumber());
        assertNull(mine.lookup(byHousehold("東京", "200", "01", BIRTH, may)).qualification().referenceNumber());

        List<String> changes = client(AuditApi.class, deployment, token(Roles.AUDITOR, "auditor-1"))
                .search(desk, null, TODAY.minusDays(1).toString(), TODAY.plusDays(1).toString(), 0, 1000).items()
                .stream().filter(e -> e.kind().equals("REFERENCE_NUMBERS")).map(AuditEntryView::result).toList();
        assertEquals(2, changes.size(), "one entry per change, none for the refused requests: " + changes);
        assertEquals(java.util.Set.of("STORED 1 REMOVED 1", "STORED 3 REMOVED 0"), java.util.Set.copyOf(changes));
    }

    /**
     * Issue 10 finding 1, on a server of its own with low limits (12 lookups a minute, 5 bulk entries a day, an
     * alert from 10 answers, in windows of a day): a clinic over its lookups gets 429 with Retry-After and the error body (a certificate
     * lookup too), another clinic goes on; a bulk check over the day's entries gets 429; each refused clinic is on
     * the audit trail once, however many requests it sends; a clinic whose answers find nobody raises exactly one
     * alert (audit entry, warning in the log, a row in clinic_alert).
     */
    @Test
    void clinicsAreLimitedAndAClinicFindingNobodyRaisesOneAlert() throws Exception {
        Path dataDir = Path.of(System.getProperty("oqs.it.data.dir") + "-limits");
        jp.oqs.devtools.EmbeddedTokens tokens = new jp.oqs.devtools.EmbeddedTokens(dataDir);
        tokens.ensureKey();
        String guesser = clinicCode("131100001");
        String neighbour = clinicCode("131100002");
        String bulkClinic = clinicCode("131100003");
        String guesserToken = tokens.issue(Roles.CLINIC, "guesser", Map.of(Roles.CLAIM_MEDICAL_INSTITUTION_CODE,
                guesser), Duration.ofHours(1));
        String neighbourToken = tokens.issue(Roles.CLINIC, "neighbour", Map.of(Roles.CLAIM_MEDICAL_INSTITUTION_CODE,
                neighbour), Duration.ofHours(1));
        String bulkToken = tokens.issue(Roles.CLINIC, "bulk", Map.of(Roles.CLAIM_MEDICAL_INSTITUTION_CODE,
                bulkClinic), Duration.ofHours(1));
        String auditorToken = tokens.issue(Roles.AUDITOR, "auditor-limits", Map.of(), Duration.ofHours(1));
        String unregistered = insurerNumber("06", "13", 999);
        JsonHttp http = new JsonHttp();
        String log = "micro-limits.log";
        try (MicroServer server = MicroServer.start(dataDir, log, List.of(
                "-Doqs.eligibility.limit.lookups-per-minute=12",
                "-Doqs.eligibility.limit.bulk-entries-per-day=5",
                "-Doqs.eligibility.alert.min-answers=10",
                "-Doqs.eligibility.alert.window-minutes=1440",
                "-Doqs.eligibility.reference-numbers.max-per-clinic=3"))) {
            // guessing: every answer finds nobody, until the clinic's minute is used up
            int answered = 0;
            java.net.http.HttpResponse<String> refused = null;
            for (int guess = 0; guess < 40 && refused == null; guess++) {
                java.net.http.HttpResponse<String> answer = http.post(server, "eligibility/lookups", guesserToken,
                        new LookupRequest(unregistered, "推測", String.valueOf(guess), null, null,
                                BIRTH.plusDays(guess), null, null));
                if (answer.statusCode() == 429) {
                    refused = answer;
                } else {
                    server.assertStatus(200, answer);
                    assertEquals(4, http.json.fromJson(answer.body(), LookupResult.class).validity());
                    answered++;
                }
            }
            assertNotNull(refused, "refused within 40 lookups");
            assertTrue(answered >= 12 && answered <= 20, answered + " answered before the first 429");
            long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
            assertTrue(retryAfter >= 1 && retryAfter <= 5, "one lookup every 5 s: Retry-After " + retryAfter);
            ErrorBody body = http.json.fromJson(refused.body(), ErrorBody.class);
            assertEquals(ErrorCodes.RATE_LIMITED, body.code());
            assertTrue(body.message().contains("上限") && body.hint().contains("lookups-per-minute"), body.toString());
            // a certificate lookup takes from the same allowance: refused before the certificate is read (should
            // a token come back meanwhile, that one is answered 400 and the next refused)
            java.net.http.HttpResponse<String> byCard = null;
            for (int i = 0; i < 3 && (byCard == null || byCard.statusCode() != 429); i++) {
                byCard = http.post(server, "eligibility/certificate-lookups", guesserToken,
                        new CertificateLookupRequest("AAAA", null));
            }
            assertEquals(429, byCard.statusCode(), byCard.body());
            assertEquals(ErrorCodes.RATE_LIMITED, http.json.fromJson(byCard.body(), ErrorBody.class).code());
            assertTrue(byCard.headers().firstValue("Retry-After").isPresent());
            int refusedMore = 0;
            for (int i = 0; i < 5; i++) {
                if (http.post(server, "eligibility/lookups", guesserToken, new LookupRequest(unregistered, "推測",
                        "x" + i, null, null, BIRTH, null, null)).statusCode() == 429) {
                    refusedMore++;
                }
            }
            assertTrue(refusedMore >= 4, refusedMore + " of 5 refused");
            // another clinic is not affected
            java.net.http.HttpResponse<String> other = http.post(server, "eligibility/lookups", neighbourToken,
                    new LookupRequest(unregistered, "隣", "1", null, null, BIRTH, null, null));
            server.assertStatus(200, other);

            // bulk: 5 entries a day per clinic
            server.assertStatus(202, http.post(server, "eligibility/bulk-lookups", bulkToken, bulk(unregistered, 3)));
            java.net.http.HttpResponse<String> overDay = http.post(server, "eligibility/bulk-lookups", bulkToken,
                    bulk(unregistered, 3));
            assertEquals(429, overDay.statusCode(), overDay.body());
            assertEquals(ErrorCodes.RATE_LIMITED, http.json.fromJson(overDay.body(), ErrorBody.class).code());
            long untilTomorrow = Long.parseLong(overDay.headers().firstValue("Retry-After").orElseThrow());
            assertTrue(untilTomorrow >= 1 && untilTomorrow <= 86_401, "until the next day: " + untilTomorrow);
            assertEquals(429, http.post(server, "eligibility/bulk-lookups", bulkToken, bulk(unregistered, 4))
                    .statusCode());
            server.assertStatus(202, http.post(server, "eligibility/bulk-lookups", bulkToken, bulk(unregistered, 2)));
            server.assertStatus(202, http.post(server, "eligibility/bulk-lookups", neighbourToken,
                    bulk(unregistered, 5)));

            // 照会番号: at most 3 per clinic; a request going over stores none of its entries
            server.assertStatus(200, http.put(server, "eligibility/reference-numbers", neighbourToken,
                    references(unregistered, 0, 1)));
            java.net.http.HttpResponse<String> full = http.put(server, "eligibility/reference-numbers",
                    neighbourToken, references(unregistered, 1, 3));
            assertEquals(409, full.statusCode(), full.body());
            assertEquals(ErrorCodes.REFERENCE_NUMBERS_FULL, http.json.fromJson(full.body(), ErrorBody.class).code());
            java.net.http.HttpResponse<String> fits = http.put(server, "eligibility/reference-numbers",
                    neighbourToken, references(unregistered, 1, 2));
            server.assertStatus(200, fits);
            assertEquals(new ReferenceNumbersResult(2, 0, 3), http.json.fromJson(fits.body(),
                    ReferenceNumbersResult.class), "the refused request left nothing behind");

            // on the audit trail: one alert, and one refusal per clinic and period
            List<AuditEntryView> trail = auditTrail(http, server, auditorToken, guesser);
            List<AuditEntryView> alerts = trail.stream().filter(e -> e.kind().equals("CLINIC_ALERT")).toList();
            assertEquals(1, alerts.size(), trail.toString());
            assertEquals("NOT_FOUND_RATIO 10/10", alerts.get(0).result());
            assertNull(alerts.get(0).personId());
            List<AuditEntryView> limited = trail.stream().filter(e -> e.kind().equals("CLINIC_LIMIT")).toList();
            assertEquals(1, limited.size(), "one entry for at least 6 refused requests: " + trail);
            assertEquals("RATE_LIMITED 12/min", limited.get(0).result());
            assertEquals(1, auditTrail(http, server, auditorToken, bulkClinic).stream()
                    .filter(e -> e.kind().equals("CLINIC_LIMIT") && e.result().equals("RATE_LIMITED 5/day")).count());
            assertTrue(auditTrail(http, server, auditorToken, neighbour).stream()
                    .noneMatch(e -> e.kind().startsWith("CLINIC_")));
        }
        // the alert is kept in its table, and logged as a warning naming the clinic only
        try (java.sql.Connection db = MicroServer.database(dataDir);
             java.sql.Statement sql = db.createStatement()) {
            assertEquals(1, MicroServer.count(sql, "SELECT COUNT(*) FROM clinic_alert"));
            assertEquals(1, MicroServer.count(sql, "SELECT COUNT(*) FROM clinic_alert WHERE clinic_code = '"
                    + guesser + "' AND not_found_count = 10 AND answer_count = 10 AND kind = 'NOT_FOUND_RATIO'"));
        }
        String serverLog = java.nio.file.Files.readString(dataDir.resolve(log));
        assertTrue(serverLog.contains("clinic " + guesser + ": 10 of 10 answers found nobody"), "warning logged");
    }

    private static String clinicCode(String nineDigits) {
        return nineDigits + CheckDigits.luhn(nineDigits);
    }

    private static ReferenceNumbersRequest references(String insurer, int from, int count) {
        List<ReferenceNumberEntry> list = new java.util.ArrayList<>();
        for (int i = from; i < from + count; i++) {
            list.add(new ReferenceNumberEntry(insurer, "受付", String.valueOf(i), "00", "P-" + i));
        }
        return new ReferenceNumbersRequest(list);
    }

    private static BulkLookupRequest bulk(String insurer, int entries) {
        List<BulkEntry> list = new java.util.ArrayList<>();
        for (int i = 0; i < entries; i++) {
            list.add(new BulkEntry("e" + i, insurer, "一括", String.valueOf(i), null, null, BIRTH,
                    LocalDate.of(2025, 5, 1), null));
        }
        return new BulkLookupRequest(list);
    }

    private static List<AuditEntryView> auditTrail(JsonHttp http, MicroServer server, String auditor, String actor)
            throws Exception {
        java.net.http.HttpResponse<String> response = http.get(server, "admin/audit?actor=" + actor + "&size=1000",
                auditor);
        server.assertStatus(200, response);
        return http.json.fromJson(response.body(), jp.oqs.api.audit.AuditPage.class).items();
    }

    private String body(LookupRequest request) {
        try (Response response = ItSupport.rawClient().target(ItSupport.api(deployment)).path("eligibility/lookups")
                .request().header("Authorization", "Bearer " + token(Roles.CLINIC, "clinic-301",
                        Map.of(Roles.CLAIM_MEDICAL_INSTITUTION_CODE, CLINIC)))
                .post(Entity.entity(request, MediaType.APPLICATION_JSON))) {
            assertEquals(200, response.getStatus());
            return response.readEntity(String.class);
        }
    }
}
