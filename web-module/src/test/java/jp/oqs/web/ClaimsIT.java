package jp.oqs.web;

import static jp.oqs.web.ItSupport.assertError;
import static jp.oqs.web.ItSupport.client;
import static jp.oqs.web.ItSupport.insurerNumber;
import static jp.oqs.web.ItSupport.token;
import static jp.oqs.web.SyncRecords.acquire;
import static jp.oqs.web.SyncRecords.batch;
import static jp.oqs.web.SyncRecords.lose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import jp.oqs.api.audit.AuditApi;
import jp.oqs.api.audit.AuditEntryView;
import jp.oqs.api.claims.Claim;
import jp.oqs.api.claims.ClaimDisposition;
import jp.oqs.api.claims.ClaimJobReception;
import jp.oqs.api.claims.ClaimJobResult;
import jp.oqs.api.claims.ClaimReason;
import jp.oqs.api.claims.ClaimResolution;
import jp.oqs.api.claims.ClaimResolutionRequest;
import jp.oqs.api.claims.ClaimSegment;
import jp.oqs.api.claims.ClaimsApi;
import jp.oqs.api.eligibility.BulkStatus;
import jp.oqs.api.error.ErrorCodes;
import jp.oqs.api.insurer.InsurerAdminApi;
import jp.oqs.api.insurer.NumberingRuleKind;
import jp.oqs.api.insurer.NumberingRuleRequest;
import jp.oqs.api.insurer.OnboardInsurerRequest;
import jp.oqs.api.security.Roles;
import jp.oqs.api.sync.LossReason;
import jp.oqs.api.sync.PersonData;
import jp.oqs.api.sync.QualificationData;
import jp.oqs.api.sync.Relationship;
import jp.oqs.api.sync.Sex;
import jp.oqs.api.sync.SyncApi;
import jp.oqs.api.sync.SyncBatchResult;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * レセプト振替・分割 through the contract, on histories built through the sync API: every disposition (the 1st of
 * the month, the month's last day, three insurers in one month, 公費, a wrong birth date), the organisations'
 * scopes, every resolution on the audit trail with its person, and the clinics' 資格確認結果連絡書.
 */
@ExtendWith(ArquillianExtension.class)
class ClaimsIT {

    private static final LocalDate BIRTH = SyncRecords.BIRTH;
    private static final LocalDate APRIL_2024 = LocalDate.of(2024, 4, 1);
    private static final String CLINIC = "0110113719";
    private static final String OTHER_CLINIC = "4410000012";
    // three employee insurers (支払基金) the people move between, and a 後期高齢者 insurer (国保中央会)
    private static final String S1 = insurerNumber("06", "44", 401);
    private static final String S2 = insurerNumber("06", "44", 402);
    private static final String S3 = insurerNumber("06", "44", 403);
    private static final String K1 = insurerNumber("39", "44", 401);
    private static final String SSK_STAFF = "claims-ssk-operator";

    private static boolean built;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.microWar();
    }

    @ArquillianResource
    private URL deployment;

    private ClaimsApi ssk;

    @BeforeEach
    void fixture() throws Exception {
        ssk = client(ClaimsApi.class, deployment, token(Roles.SSK_ADMIN, SSK_STAFF));
        synchronized (ClaimsIT.class) {
            if (!built) {
                build();
                built = true;
            }
        }
    }

    private static LocalDate may(int day) {
        return LocalDate.of(2025, 5, day);
    }

    private void build() throws Exception {
        InsurerAdminApi sskRegistry = client(InsurerAdminApi.class, deployment, token(Roles.SSK_ADMIN, "claims-ssk"));
        for (String number : List.of(S1, S2, S3)) {
            sskRegistry.onboard(new OnboardInsurerRequest(number, "振替試験保険者", "フリカエシケン", null,
                    new NumberingRuleRequest(NumberingRuleKind.HOUSEHOLD_BRANCH, LocalDate.of(2000, 1, 1), null,
                            null, null))).close();
            sskRegistry.activate(number);
        }
        InsurerAdminApi kokuhoRegistry = client(InsurerAdminApi.class, deployment,
                token(Roles.KOKUHO_ADMIN, "claims-kokuho"));
        kokuhoRegistry.onboard(new OnboardInsurerRequest(K1, "振替試験広域連合", "フリカエシケンコウイキ", null,
                new NumberingRuleRequest(NumberingRuleKind.LATE_ELDERLY_PADDED, LocalDate.of(2008, 4, 1), null, null,
                        null))).close();
        kokuhoRegistry.activate(K1);

        SyncApi sync = client(SyncApi.class, deployment, token(Roles.INSURER_SYNC, "claims-sync",
                Map.of(Roles.CLAIM_INSURER_NUMBERS, List.of(S1, S2, S3))));
        PersonData dependent = new PersonData("LK-CLM-C", BIRTH, Sex.FEMALE, "家族花子", "カゾクハナコ");
        accepted(sync.submit(batch(S1,
                acquire("k", "LK-CLM-K", "請求", "1", APRIL_2024),
                acquire("r", "LK-CLM-R", "請求", "2", APRIL_2024),
                acquire("p", "LK-CLM-P", "請求", "3", APRIL_2024),
                acquire("t", "LK-CLM-T", "請求", "4", APRIL_2024),
                acquire("c", dependent, new QualificationData("請求", "5", null, null, Relationship.DEPENDENT,
                        APRIL_2024, 30, null, null, null, null, null, null, null)),
                acquire("l", "LK-CLM-L", "請求", "6", APRIL_2024),
                lose("r-lost", "LK-CLM-R", may(1), LossReason.OTHER_INSURANCE),
                lose("p-lost", "LK-CLM-P", may(15), LossReason.OTHER_INSURANCE),
                lose("t-lost", "LK-CLM-T", may(10), LossReason.OTHER_INSURANCE),
                lose("l-lost", "LK-CLM-L", may(1), LossReason.OTHER))), 10);
        accepted(sync.submit(batch(S2,
                acquire("r2", "LK-CLM-R", "移動", "20", may(1)),
                acquire("p2", "LK-CLM-P", "移動", "30", may(15)),
                acquire("t2", "LK-CLM-T", "移動", "40", may(10)),
                lose("t2-lost", "LK-CLM-T", may(20), LossReason.OTHER_INSURANCE))), 4);
        accepted(sync.submit(batch(S3, acquire("t3", "LK-CLM-T", "三番", "400", may(20)))), 1);
    }

    private static void accepted(SyncBatchResult result, int expected) {
        assertEquals(expected, result.accepted(), () -> "fixture batch: " + result);
    }

    private static Claim claim(String id, String insurer, String number, LocalDate birth, Relationship relationship,
                               boolean publicExpense, LocalDate... dates) {
        String month = dates[0].toString().substring(0, 7);
        return new Claim(id, CLINIC, month, Arrays.asList(dates), insurer, "請求", number, null, null, birth,
                relationship, publicExpense);
    }

    private static Claim claim(String id, String number, LocalDate... dates) {
        return claim(id, S1, number, BIRTH, Relationship.SELF, false, dates);
    }

    /** Submits and waits until the job is DONE; returns its results in claim order. */
    private List<ClaimResolution> route(ClaimsApi api, List<Claim> claims) throws InterruptedException {
        String jobId;
        try (Response accepted = api.submitClaims(new ClaimResolutionRequest(claims))) {
            assertEquals(202, accepted.getStatus());
            ClaimJobReception reception = accepted.readEntity(ClaimJobReception.class);
            assertEquals(claims.size(), reception.total());
            jobId = reception.jobId();
        }
        ClaimJobResult job = waitDone(api, jobId);
        assertEquals(claims.size(), job.counts().resolved());
        return job.results();
    }

    private static ClaimJobResult waitDone(ClaimsApi api, String jobId) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            ClaimJobResult job = api.job(jobId, 0, 1000);
            if (job.status() == BulkStatus.DONE) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("job " + jobId + " not done within a minute");
    }

    @Test
    void everyDispositionThroughTheContract() throws Exception {
        List<ClaimResolution> results = route(ssk, List.of(
                claim("keep", "1", may(1), may(31)),
                claim("lost-on-the-1st-rerouted", "2", may(1), may(20)),
                claim("day-before-the-loss-kept", "2", LocalDate.of(2025, 4, 30)),
                claim("split", "3", may(2), may(14), may(15), may(20)),
                claim("public-expense", S1, "3", BIRTH, Relationship.SELF, true, may(2), may(20)),
                claim("three-insurers", "4", may(5), may(15), may(25)),
                claim("relationship", "5", may(3)),
                claim("lost-keep", "6", may(1), may(20)),
                claim("wrong-birth-date", S1, "1", BIRTH.plusDays(1), Relationship.SELF, false, may(1)),
                claim("unknown-number", "999", may(1))));
        assertEquals(10, results.size());
        assertResolution(results.get(0), ClaimDisposition.KEEP, ClaimReason.VALID);
        assertResolution(results.get(1), ClaimDisposition.REROUTE, ClaimReason.INSURER_CHANGED,
                new ClaimSegment(may(1), may(20), S2, "移動", "20", "01", null, Relationship.SELF));
        assertResolution(results.get(2), ClaimDisposition.KEEP, ClaimReason.VALID);
        assertResolution(results.get(3), ClaimDisposition.SPLIT, ClaimReason.CHANGED_WITHIN_MONTH,
                new ClaimSegment(may(2), may(14), S1, "請求", "3", "01", null, Relationship.SELF),
                new ClaimSegment(may(15), may(20), S2, "移動", "30", "01", null, Relationship.SELF));
        assertResolution(results.get(4), ClaimDisposition.KEEP, ClaimReason.PUBLIC_EXPENSE);
        assertResolution(results.get(5), ClaimDisposition.SPLIT, ClaimReason.CHANGED_WITHIN_MONTH,
                new ClaimSegment(may(5), may(5), S1, "請求", "4", "01", null, Relationship.SELF),
                new ClaimSegment(may(15), may(15), S2, "移動", "40", "01", null, Relationship.SELF),
                new ClaimSegment(may(25), may(25), S3, "三番", "400", "01", null, Relationship.SELF));
        assertResolution(results.get(6), ClaimDisposition.RELATIONSHIP_CORRECTED,
                ClaimReason.RELATIONSHIP_WRITTEN_WRONGLY,
                new ClaimSegment(may(3), may(3), S1, "請求", "5", "01", null, Relationship.DEPENDENT));
        assertResolution(results.get(7), ClaimDisposition.LOST_KEEP, ClaimReason.LOST_NO_OTHER);
        assertResolution(results.get(8), ClaimDisposition.NOT_FOUND, ClaimReason.NO_MATCHING_PERSON);
        assertResolution(results.get(9), ClaimDisposition.NOT_FOUND, ClaimReason.NO_MATCHING_PERSON);
        assertEquals("keep", results.get(0).claimId());
        assertEquals(CLINIC, results.get(0).medicalInstitutionCode());
        assertEquals("2025-05", results.get(0).serviceMonth());
    }

    private static void assertResolution(ClaimResolution result, ClaimDisposition disposition, ClaimReason reason,
                                         ClaimSegment... segments) {
        assertEquals(disposition, result.disposition(), () -> result.claimId() + ": " + result);
        assertEquals(reason, result.reason(), () -> result.claimId() + ": " + result);
        assertEquals(List.of(segments), result.segments(), () -> result.claimId() + ": " + result);
    }

    @Test
    void countsPerDispositionAndEveryResolutionAuditedWithThePersonRead() throws Exception {
        String operator = "claims-audited-operator";
        ClaimsApi api = client(ClaimsApi.class, deployment, token(Roles.SSK_ADMIN, operator));
        String jobId;
        try (Response accepted = api.submitClaims(new ClaimResolutionRequest(List.of(claim("a", "1", may(7)),
                claim("b", "2", may(7)), claim("c", "4", may(7), may(27)), claim("d", "999", may(7)))))) {
            jobId = accepted.readEntity(ClaimJobReception.class).jobId();
        }
        ClaimJobResult job = waitDone(api, jobId);
        assertEquals(new jp.oqs.api.claims.ClaimCounts(4, 4, 1, 1, 1, 0, 0, 1), job.counts());
        assertNotNull(job.completedAt());
        assertEquals(2, api.job(jobId, 1, 2).results().size(), "the second page of two");
        assertEquals("c", api.job(jobId, 1, 2).results().get(0).claimId());

        AuditApi audit = client(AuditApi.class, deployment, token(Roles.AUDITOR, "claims-audit-reader"));
        List<AuditEntryView> entries = audit.search(operator, null, null, null, 0, 100).items().stream()
                .filter(e -> e.kind().equals("CLAIM_RESOLUTION")).toList();
        assertEquals(List.of("KEEP", "NOT_FOUND", "REROUTE", "SPLIT"),
                entries.stream().map(AuditEntryView::result).sorted().toList(), "one entry per claim");
        assertTrue(entries.stream().allMatch(e -> e.actorKind().equals("STAFF") && S1.equals(e.insurerNumber())));
        assertEquals(3, entries.stream().filter(e -> e.personId() != null).count(),
                "each person whose history was read is named; the unknown card names nobody");
    }

    @Test
    void eachOrganisationRoutesOnlyClaimsAddressedToItsOwnInsurersAndSeesOnlyItsJobs() throws Exception {
        ClaimsApi kokuho = client(ClaimsApi.class, deployment, token(Roles.KOKUHO_ADMIN, "claims-kokuho-operator"));
        assertError(403, ErrorCodes.INSURER_OUT_OF_SCOPE, () -> ssk.submitClaims(new ClaimResolutionRequest(List.of(
                claim("mine", "1", may(1)), claim("theirs", K1, "1", BIRTH, null, false, may(1))))).close());
        assertError(403, ErrorCodes.INSURER_OUT_OF_SCOPE, () -> kokuho.submitClaims(new ClaimResolutionRequest(List.of(
                claim("theirs", "1", may(1))))).close());
        String unregistered = insurerNumber("06", "44", 499);
        assertError(403, ErrorCodes.INSURER_OUT_OF_SCOPE, () -> ssk.submitClaims(new ClaimResolutionRequest(List.of(
                claim("nobody's", unregistered, "1", BIRTH, null, false, may(1))))).close());

        String kokuhoJob;
        try (Response accepted = kokuho.submitClaims(new ClaimResolutionRequest(List.of(
                claim("elderly", K1, "1", BIRTH, null, false, may(1)))))) {
            kokuhoJob = accepted.readEntity(ClaimJobReception.class).jobId();
        }
        assertEquals(ClaimDisposition.NOT_FOUND, waitDone(kokuho, kokuhoJob).results().get(0).disposition());
        assertError(404, ErrorCodes.CLAIM_JOB_NOT_FOUND, () -> ssk.job(kokuhoJob, 0, 10));
        assertError(404, ErrorCodes.CLAIM_JOB_NOT_FOUND, () -> ssk.job("C2020010100000000001", 0, 10));
    }

    @Test
    void badClaimsRefuseTheWholeRequestNamingTheClaim() {
        var outside = assertError(400, ErrorCodes.CLAIM_INVALID, () -> ssk.submitClaims(new ClaimResolutionRequest(List.of(
                claim("ok", "1", may(1)), new Claim("june", CLINIC, "2025-05", List.of(LocalDate.of(2025, 6, 1)), S1,
                        "請求", "1", null, null, BIRTH, null, false)))).close());
        assertTrue(outside.hint().contains("claims[1]"), outside::hint);
        String wrongCheckDigit = S1.substring(0, 7) + ((S1.charAt(7) - '0' + 1) % 10);
        var invalid = assertError(400, ErrorCodes.INVALID_INSURER_NUMBER, () -> ssk.submitClaims(new ClaimResolutionRequest(
                List.of(claim("bad", wrongCheckDigit, "1", BIRTH, null, false, may(1))))).close());
        assertTrue(invalid.hint().contains("claims[0]"), invalid::hint);
        assertError(400, ErrorCodes.INVALID_REQUEST, () -> ssk.submitClaims(new ClaimResolutionRequest(List.of(
                new Claim("no-dates", CLINIC, "2025-05", List.of(), S1, "請求", "1", null, null, BIRTH, null,
                        false)))).close());
        assertError(400, ErrorCodes.INVALID_REQUEST, () -> ssk.submitClaims(new ClaimResolutionRequest(List.of(
                new Claim("bad-month", CLINIC, "2025-13", List.of(may(1)), S1, "請求", "1", null, null, BIRTH, null,
                        false)))).close());
    }

    @Test
    void theClinicNoticeListsEachChangedClaimOfTheClinicAndMonthWithWhy() throws Exception {
        List<Claim> claims = new ArrayList<>(List.of(
                claim("n-keep", "1", may(1)),
                claim("n-reroute", "2", may(20)),
                claim("n-split", "3", may(2), may(20)),
                claim("n-relationship", "5", may(3))));
        claims.add(new Claim("other-clinic", OTHER_CLINIC, "2025-05", List.of(may(20)), S1, "請求", "2", null, null,
                BIRTH, Relationship.SELF, false));
        String jobId;
        try (Response accepted = ssk.submitClaims(new ClaimResolutionRequest(claims))) {
            jobId = accepted.readEntity(ClaimJobReception.class).jobId();
        }
        waitDone(ssk, jobId);
        HttpResponse<String> notice = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        ItSupport.api(deployment) + "/" + ClaimsApi.PATH + "/" + jobId
                                + "/clinic-notices?medicalInstitutionCode=" + CLINIC + "&serviceMonth=2025-05"))
                .header("Authorization", "Bearer " + token(Roles.SSK_ADMIN, SSK_STAFF)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, notice.statusCode(), notice::body);
        assertTrue(notice.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        List<String> lines = notice.body().lines().toList();
        assertEquals("claimId,medicalInstitutionCode,serviceMonth,disposition,reason,writtenInsurerNumber,"
                + "writtenSymbol,writtenNumber,writtenBranchNumber,writtenIndividualNumber,from,to,insurerNumber,"
                + "symbol,number,branchNumber,individualNumber,relationship", lines.get(0));
        List<String> claimIds = lines.stream().skip(1).map(l -> l.substring(1, l.indexOf('"', 1))).toList();
        assertEquals(List.of("n-reroute", "n-split", "n-split", "n-relationship"), claimIds,
                "re-routed, split (a line per segment) and corrected claims of this clinic only; kept ones not");
        assertEquals("\"n-reroute\",\"" + CLINIC + "\",\"2025-05\",\"REROUTE\",\"INSURER_CHANGED\",\"" + S1
                + "\",\"請求\",\"2\",,,\"2025-05-20\",\"2025-05-20\",\"" + S2
                + "\",\"移動\",\"20\",\"01\",,\"SELF\"", lines.get(1));
        AuditApi audit = client(AuditApi.class, deployment, token(Roles.AUDITOR, "claims-audit-reader"));
        assertTrue(audit.search(SSK_STAFF, null, null, null, 0, 100).items().stream()
                .anyMatch(e -> e.kind().equals("CLAIM_NOTICE") && e.result().equals(CLINIC + " 2025-05 3")),
                "the notice's read is on the audit trail");
    }
}
