package jp.oqs.web;

import static jp.oqs.web.ItSupport.client;
import static jp.oqs.web.ItSupport.insurerNumber;
import static jp.oqs.web.ItSupport.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jp.oqs.api.audit.AccessHistoryApi;
import jp.oqs.api.claims.Claim;
import jp.oqs.api.claims.ClaimJobReception;
import jp.oqs.api.claims.ClaimResolutionRequest;
import jp.oqs.api.claims.ClaimsApi;
import jp.oqs.api.eligibility.BulkStatus;
import jp.oqs.api.audit.AccessHistoryRequest;
import jp.oqs.api.eligibility.CardConfirmation;
import jp.oqs.api.eligibility.CardSession;
import jp.oqs.api.eligibility.CardSessionApi;
import jp.oqs.api.eligibility.ConsentCategory;
import jp.oqs.api.eligibility.ConsentChoices;
import jp.oqs.api.eligibility.PrescriptionForm;
import jp.oqs.api.person.CardRegistrationApi;
import jp.oqs.api.person.CardRegistrationRequest;
import jp.oqs.api.person.ConsentWithdrawal;
import jp.oqs.api.audit.AuditApi;
import jp.oqs.api.audit.AuditEntryView;
import jp.oqs.api.eligibility.BulkEntry;
import jp.oqs.api.eligibility.BulkLookupRequest;
import jp.oqs.api.eligibility.BulkReception;
import jp.oqs.api.eligibility.CertificateLookupRequest;
import jp.oqs.api.eligibility.EligibilityApi;
import jp.oqs.api.eligibility.LookupRequest;
import jp.oqs.api.eligibility.ReferenceNumberEntry;
import jp.oqs.api.eligibility.ReferenceNumbersRequest;
import jp.oqs.api.error.ErrorCodes;
import jp.oqs.api.health.CheckupBatchRequest;
import jp.oqs.api.health.CheckupItem;
import jp.oqs.api.health.CheckupRecord;
import jp.oqs.api.health.CheckupValue;
import jp.oqs.api.health.ClinicHealthRequest;
import jp.oqs.api.health.DrugCodeKind;
import jp.oqs.api.health.MedicationBatchRequest;
import jp.oqs.api.health.MedicationRecord;
import jp.oqs.api.insurer.DissolutionRequest;
import jp.oqs.api.insurer.InsurerAdminApi;
import jp.oqs.api.insurer.MergerRequest;
import jp.oqs.api.insurer.NumberingRuleKind;
import jp.oqs.api.insurer.NumberingRuleRequest;
import jp.oqs.api.insurer.OnboardInsurerRequest;
import jp.oqs.api.security.Roles;
import jp.oqs.api.sync.CertificateEnrolment;
import jp.oqs.api.sync.NoticeView;
import jp.oqs.api.sync.SyncApi;
import jp.oqs.identifier.CheckDigits;
import jp.oqs.web.ApiEndpoints.Endpoint;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The authorization matrix: every endpoint of the API (enumerated from the resource classes, as
 * {@code HostileInputIT} does: an endpoint missing from {@link #MATRIX} fails the test) × every kind of caller —
 * none, each role, a clinic reaching for another clinic's bulk check, a sync job reaching for another insurer's
 * batch, notice, changes or person, 支払基金 staff on a 国保 insurer (and 国保中央会 staff on an employee insurer),
 * a disabled console account's session — answers exactly what the table says: the allowed answer, or the
 * documented 401, 403 or 404. An object that is another's answers exactly as a missing one (the body compared with
 * the answer for an id that does not exist). A refusal body is the error body and nothing else, and names nothing
 * of the other party. Every refusal of an authenticated caller is on the audit trail (read back through the
 * auditor's audit search): {@code ACCESS_REFUSED} with status, code, method and path template, or the registry's
 * own {@code REGISTRY_ACCESS}; an anonymous 401 is not. The disabled account is also checked on every console page
 * (the console is where accounts exist): its open session answers the sign-in redirect. Prints
 * {@code [authz] N cells, 0 leaks}.
 */
@ExtendWith(ArquillianExtension.class)
class AuthorizationMatrixIT {

    // the callers (columns of the matrix)
    private static final String ANONYMOUS = "anonymous";
    private static final String CLINIC = "clinic";
    private static final String SYNC = "insurer-sync";
    private static final String SSK = "ssk-admin";
    private static final String KOKUHO = "kokuho-admin";
    private static final String AUDITOR = "auditor";
    private static final String CLINIC_ON_OTHER = "clinic→other clinic";
    private static final String SYNC_ON_OTHER = "sync→other insurer";
    private static final String SSK_ON_KOKUHO = "ssk-admin→国保";
    private static final String KOKUHO_ON_SSK = "kokuho-admin→健保";
    private static final String DISABLED = "disabled account";
    private static final List<String> CALLERS = List.of(ANONYMOUS, CLINIC, SYNC, SSK, KOKUHO, AUDITOR,
            CLINIC_ON_OTHER, SYNC_ON_OTHER, SSK_ON_KOKUHO, KOKUHO_ON_SSK, DISABLED);

    /** What a cell must answer: a status, the error code of a refusal, and whether it must equal "not there". */
    record Expect(int status, String code, boolean sameAsMissing) {

        boolean refusal() {
            return status >= 400;
        }

        @Override
        public String toString() {
            return status + (code == null ? "" : " " + code) + (sameAsMissing ? " (as missing)" : "");
        }
    }

    private static Expect ok(int status) {
        return new Expect(status, null, false);
    }

    private static final Expect ___ = null; // not a case of this column
    private static final Expect UNAUTH = new Expect(401, ErrorCodes.UNAUTHENTICATED, false);
    private static final Expect ROLE = new Expect(403, ErrorCodes.FORBIDDEN_ROLE, false);
    private static final Expect SCOPE = new Expect(403, ErrorCodes.INSURER_OUT_OF_SCOPE, false);
    private static final Expect NO_BATCH = new Expect(404, ErrorCodes.BATCH_NOT_FOUND, true);
    private static final Expect NO_NOTICE = new Expect(404, ErrorCodes.NOTICE_NOT_FOUND, true);
    private static final Expect NO_PERSON = new Expect(404, ErrorCodes.PERSON_NOT_FOUND, true);
    private static final Expect NO_RECEPTION = new Expect(404, ErrorCodes.RECEPTION_NOT_FOUND, true);
    private static final Expect NO_SESSION = new Expect(404, ErrorCodes.CARD_SESSION_NOT_FOUND, true);
    private static final Expect NO_CLAIM_JOB = new Expect(404, ErrorCodes.CLAIM_JOB_NOT_FOUND, true);
    private static final Expect OK = ok(200);
    private static final Expect CREATED = ok(201);
    private static final Expect ACCEPTED = ok(202);

    /**
     * The matrix. Roles per endpoint from the README's roles table and the resources' {@code @RolesAllowed}: the
     * registry for both administrators (each its own organisation's insurers) and, read-only, auditors; sync for
     * {@code insurer-sync} (its token's insurers); eligibility for clinics; the audit trail for auditors (and
     * administrators' search, limited to their insurers), its verification for auditors only; a person's access
     * history for anyone holding the card (no token). ROLE = 403 FORBIDDEN_ROLE, SCOPE = 403 INSURER_OUT_OF_SCOPE
     * (insurer numbers are public: a number named in the request may be refused as another's), NO_* = 404 exactly
     * as for an id that does not exist.
     */
    private static final Map<String, List<Expect>> MATRIX = matrix(
            //                                                     anonymous clinic sync  ssk      kokuho   auditor | clinic→ sync→     ssk→国保 kokuho→健保 | disabled
            row("POST admin/insurers",                               UNAUTH, ROLE, ROLE, CREATED, CREATED, SCOPE,   ___, ___,       SCOPE, SCOPE, UNAUTH),
            row("GET admin/insurers",                                UNAUTH, ROLE, ROLE, OK,      OK,      OK,      ___, ___,       OK,    OK,    UNAUTH),
            row("GET admin/insurers/{insurerNumber}",                UNAUTH, ROLE, ROLE, OK,      OK,      OK,      ___, ___,       SCOPE, SCOPE, UNAUTH),
            row("POST admin/insurers/{insurerNumber}/activation",    UNAUTH, ROLE, ROLE, OK,      OK,      SCOPE,   ___, ___,       SCOPE, SCOPE, UNAUTH),
            row("POST admin/insurers/{insurerNumber}/suspension",    UNAUTH, ROLE, ROLE, OK,      OK,      SCOPE,   ___, ___,       SCOPE, SCOPE, UNAUTH),
            row("POST admin/insurers/{insurerNumber}/merger",        UNAUTH, ROLE, ROLE, OK,      OK,      SCOPE,   ___, ___,       SCOPE, SCOPE, UNAUTH),
            row("POST admin/insurers/{insurerNumber}/dissolution",   UNAUTH, ROLE, ROLE, OK,      OK,      SCOPE,   ___, ___,       SCOPE, SCOPE, UNAUTH),
            row("POST admin/insurers/{insurerNumber}/numbering-rules", UNAUTH, ROLE, ROLE, CREATED, CREATED, SCOPE, ___, ___,       SCOPE, SCOPE, UNAUTH),
            row("GET admin/insurers/{insurerNumber}/numbering-rules", UNAUTH, ROLE, ROLE, OK,     OK,      OK,      ___, ___,       SCOPE, SCOPE, UNAUTH),
            row("GET callers/me",                                    UNAUTH, OK,   OK,   OK,      OK,      OK,      ___, ___,       ___,   ___,   UNAUTH),
            row("POST sync/batches",                                 UNAUTH, ROLE, OK,   ROLE,    ROLE,    ROLE,    ___, SCOPE,     ___,   ___,   UNAUTH),
            row("GET sync/batches/{batchId}",                        UNAUTH, ROLE, OK,   ROLE,    ROLE,    ROLE,    ___, NO_BATCH,  ___,   ___,   UNAUTH),
            row("GET sync/notices",                                  UNAUTH, ROLE, OK,   ROLE,    ROLE,    ROLE,    ___, SCOPE,     ___,   ___,   UNAUTH),
            row("POST sync/notices/{id}/acknowledgement",            UNAUTH, ROLE, OK,   ROLE,    ROLE,    ROLE,    ___, NO_NOTICE, ___,   ___,   UNAUTH),
            row("POST sync/certificates",                            UNAUTH, ROLE, CREATED, ROLE, ROLE,    ROLE,    ___, NO_PERSON, ___,   ___,   UNAUTH),
            row("POST sync/certificates/revocation",                 UNAUTH, ROLE, OK,   ROLE,    ROLE,    ROLE,    ___, NO_PERSON, ___,   ___,   UNAUTH),
            row("GET sync/changes",                                  UNAUTH, ROLE, OK,   ROLE,    ROLE,    ROLE,    ___, SCOPE,     ___,   ___,   UNAUTH),
            row("POST eligibility/lookups",                          UNAUTH, OK,   ROLE, ROLE,    ROLE,    ROLE,    ___, ___,       ___,   ___,   UNAUTH),
            row("POST eligibility/certificate-lookups",              UNAUTH, OK,   ROLE, ROLE,    ROLE,    ROLE,    ___, ___,       ___,   ___,   UNAUTH),
            row("POST eligibility/bulk-lookups",                     UNAUTH, ACCEPTED, ROLE, ROLE, ROLE,   ROLE,    ___, ___,       ___,   ___,   UNAUTH),
            row("GET eligibility/bulk-lookups/{receptionNumber}",    UNAUTH, OK,   ROLE, ROLE,    ROLE,    ROLE,    NO_RECEPTION, ___, ___, ___,  UNAUTH),
            row("PUT eligibility/reference-numbers",                 UNAUTH, OK,   ROLE, ROLE,    ROLE,    ROLE,    ___, ___,       ___,   ___,   UNAUTH),
            row("GET admin/audit",                                   UNAUTH, ROLE, ROLE, OK,      OK,      OK,      ___, ___,       ___,   ___,   UNAUTH),
            row("GET admin/audit/verification",                      UNAUTH, ROLE, ROLE, ROLE,    ROLE,    OK,      ___, ___,       ___,   ___,   UNAUTH),
            row("GET persons/access-history/challenge",              OK,     OK,   OK,   OK,      OK,      OK,      ___, ___,       ___,   ___,   OK),
            row("POST persons/access-history",                       OK,     OK,   OK,   OK,      OK,      OK,      ___, ___,       ___,   ___,   OK),
            row("POST eligibility/card-sessions",                    UNAUTH, OK,   ROLE, ROLE,    ROLE,    ROLE,    ___, ___,       ___,   ___,   UNAUTH),
            row("POST eligibility/card-sessions/{sessionId}/confirmation", UNAUTH, OK, ROLE, ROLE, ROLE,   ROLE,    NO_SESSION, ___, ___,  ___,   UNAUTH),
            row("POST persons/card-registration",                    OK,     OK,   OK,   OK,      OK,      OK,      ___, ___,       ___,   ___,   OK),
            row("POST persons/card-registration/withdrawal",         OK,     OK,   OK,   OK,      OK,      OK,      ___, ___,       ___,   ___,   OK),
            row("POST persons/consents/withdrawal",                  OK,     OK,   OK,   OK,      OK,      OK,      ___, ___,       ___,   ___,   OK),
            row("POST sync/checkups",                                UNAUTH, ROLE, OK,   ROLE,    ROLE,    ROLE,    ___, SCOPE,     ___,   ___,   UNAUTH),
            row("POST sync/medications",                             UNAUTH, ROLE, OK,   ROLE,    ROLE,    ROLE,    ___, SCOPE,     ___,   ___,   UNAUTH),
            row("POST persons/checkups",                             OK,     OK,   OK,   OK,      OK,      OK,      ___, ___,       ___,   ___,   OK),
            row("POST persons/checkups/print",                       OK,     OK,   OK,   OK,      OK,      OK,      ___, ___,       ___,   ___,   OK),
            row("POST persons/medications",                          OK,     OK,   OK,   OK,      OK,      OK,      ___, ___,       ___,   ___,   OK),
            row("POST eligibility/checkups",                         UNAUTH, OK,   ROLE, ROLE,    ROLE,    ROLE,    NO_SESSION, ___, ___,  ___,   UNAUTH),
            row("POST eligibility/medications",                      UNAUTH, OK,   ROLE, ROLE,    ROLE,    ROLE,    NO_SESSION, ___, ___,  ___,   UNAUTH),
            row("POST claims/qualification-resolutions",             UNAUTH, ROLE, ROLE, ACCEPTED, ACCEPTED, ROLE,  ___, ___,       SCOPE, SCOPE, UNAUTH),
            row("GET claims/qualification-resolutions/{jobId}",      UNAUTH, ROLE, ROLE, OK,      OK,      ROLE,    ___, ___,       NO_CLAIM_JOB, NO_CLAIM_JOB, UNAUTH),
            row("GET claims/qualification-resolutions/{jobId}/clinic-notices", UNAUTH, ROLE, ROLE, OK, OK, ROLE,  ___, ___,       NO_CLAIM_JOB, NO_CLAIM_JOB, UNAUTH));

    /** Console pages (every page of {@code src/main/webapp/console}, and the CSV export) for the disabled account. */
    private static final Map<String, String> CONSOLE_PAGES = new TreeMap<>(Map.of(
            "signin.xhtml", "signin.xhtml",
            "insurers.xhtml", "insurers.xhtml",
            "onboard.xhtml", "onboard.xhtml",
            "insurer.xhtml", "insurer.xhtml?number=@READ@",
            "persons.xhtml", "persons.xhtml",
            "activity.xhtml", "activity.xhtml?insurer=@SYNC@",
            "audit.xhtml", "audit.xhtml",
            "accounts.xhtml", "accounts.xhtml",
            "home.xhtml", "home.xhtml",
            "insurers.csv", "insurers.csv"));

    static {
        CONSOLE_PAGES.put("claims.xhtml", "claims.xhtml");
        CONSOLE_PAGES.put("claims.csv", "claims.csv?job=C2020010100000000001");
    }

    /** The bootstrap 支払基金 administrator of the Arquillian server (arquillian.xml). */
    private static final String CONSOLE_ADMIN = "it-ssk-admin";
    private static final String CONSOLE_ADMIN_PASSWORD = "it-ssk-admin-password-5d1c";
    private static final String DISABLED_USER = "authz-disabled";
    private static final String DISABLED_PASSWORD = "authz-disabled-password-93af";

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));
    private static final LocalDate BIRTH = SyncRecords.BIRTH;
    private static final LocalDate APRIL_2024 = LocalDate.of(2024, 4, 1);

    // employee-insurance insurers (支払基金): read, activate, suspend, merge, dissolve; onboarded by the cells
    private static final String S_READ = insurerNumber("01", "47", 701);
    private static final String S_ACTIVATE = insurerNumber("01", "47", 702);
    private static final String S_SUSPEND = insurerNumber("01", "47", 703);
    private static final String S_MERGE = insurerNumber("01", "47", 704);
    private static final String S_DISSOLVE = insurerNumber("01", "47", 705);
    // 後期高齢者 insurers (国保中央会), the same roles
    private static final String K_READ = insurerNumber("39", "47", 711);
    private static final String K_ACTIVATE = insurerNumber("39", "47", 712);
    private static final String K_SUSPEND = insurerNumber("39", "47", 713);
    private static final String K_MERGE = insurerNumber("39", "47", 714);
    private static final String K_DISSOLVE = insurerNumber("39", "47", 715);
    // the sync job's insurer and another insurer
    private static final String Y_MINE = insurerNumber("06", "47", 721);
    private static final String Y_OTHER = insurerNumber("06", "47", 722);

    private static final String CLINIC_A = clinicCode("000701");
    private static final String CLINIC_B = clinicCode("000702");
    private static final String CLINIC_C = clinicCode("000703");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.microWar();
    }

    @ArquillianResource
    private URL deployment;

    private final Jsonb jsonb = JsonbBuilder.create();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    private final AtomicInteger people = new AtomicInteger();

    /** A valid 医療機関コード of Okinawa (47), 医科 (1). */
    private static String clinicCode(String serial) {
        String body = "471" + serial;
        return body + CheckDigits.luhn(body);
    }

    // ------------------------------------------------------------------------------------------------------------
    // the fixture: what the callers own

    /** Registry targets of one caller's perspective. */
    record Registry(String read, String activate, String suspend, String merge, String successor, String dissolve,
                    String onboard, NumberingRuleKind kind, LocalDate ruleFrom) {
    }

    /** Sync and clinic objects of one caller's perspective. */
    record Owned(String syncInsurer, String batchId, long noticeId, String enrolLinkKey, TestPki.Card enrolCard,
                    String revokeLinkKey, TestPki.Card revokeCard, String reception) {
    }

    /** What one caller sends: its authorization and the objects its requests name. */
    record Caller(String name, String authorization, String cookie, ActorId actor, Registry registry,
                  Owned objects) {
    }

    /** How the audit trail names an authenticated caller. */
    record ActorId(String kind, String name) {
    }

    private record Fixture(Map<String, Caller> callers, TestPki.Card lookupCard, String symbol, String number,
                           String auditorToken, List<String> secrets, TestPki ca) {
    }

    private Fixture fixture() throws Throwable {
        // first, so that the service's next look at its trust anchors (every 30 s) comes while the rest is set up
        TestPki ca = new TestPki("OQS Authorization Matrix CA");
        ca.trustAlso(Path.of(System.getProperty("oqs.it.data.dir")), "authz-ca");
        String sskToken = token(Roles.SSK_ADMIN, "authz-fixture-ssk");
        String kokuhoToken = token(Roles.KOKUHO_ADMIN, "authz-fixture-kokuho");
        InsurerAdminApi ssk = client(InsurerAdminApi.class, deployment, sskToken);
        InsurerAdminApi kokuho = client(InsurerAdminApi.class, deployment, kokuhoToken);
        LocalDate from = LocalDate.of(2000, 1, 1);
        for (String number : List.of(S_READ, S_ACTIVATE, S_SUSPEND, S_MERGE, S_DISSOLVE, Y_MINE, Y_OTHER)) {
            ssk.onboard(new OnboardInsurerRequest(number, "認可試験保険者", "ニンカシケン", null,
                    new NumberingRuleRequest(number.startsWith("06") ? NumberingRuleKind.HOUSEHOLD_BRANCH
                            : NumberingRuleKind.CENTRAL_GENERATED, from, null, null, null))).close();
            if (!number.equals(S_ACTIVATE)) {
                ssk.activate(number);
            }
        }
        for (String number : List.of(K_READ, K_ACTIVATE, K_SUSPEND, K_MERGE, K_DISSOLVE)) {
            kokuho.onboard(new OnboardInsurerRequest(number, "認可試験広域連合", "ニンカシケンコウイキ", null,
                    new NumberingRuleRequest(NumberingRuleKind.LATE_ELDERLY_PADDED, LocalDate.of(2008, 4, 1), null,
                            null, null))).close();
            if (!number.equals(K_ACTIVATE)) {
                kokuho.activate(number);
            }
        }

        // persons: P_E at mine (certificates, lookups), P_O only at the other insurer; a notice each way
        SyncApi mineJob = client(SyncApi.class, deployment, token(Roles.INSURER_SYNC, "authz-fixture-sync-mine",
                Map.of(Roles.CLAIM_INSURER_NUMBERS, List.of(Y_MINE))));
        SyncApi otherJob = client(SyncApi.class, deployment, token(Roles.INSURER_SYNC, "authz-fixture-sync-other",
                Map.of(Roles.CLAIM_INSURER_NUMBERS, List.of(Y_OTHER))));
        var mineBatch = mineJob.submit(SyncRecords.batch(Y_MINE,
                SyncRecords.acquire("e", "LK-AUTHZ-E", "認可", "100", APRIL_2024),
                SyncRecords.acquire("x", "LK-AUTHZ-X", "認可", "101", APRIL_2024)));
        assertEquals(2, mineBatch.accepted(), () -> "fixture batch of mine: " + mineBatch);
        var otherBatch = otherJob.submit(SyncRecords.batch(Y_OTHER,
                SyncRecords.acquire("o", "LK-AUTHZ-O", "他所", "200", APRIL_2024),
                SyncRecords.acquire("y", "LK-AUTHZ-Y", "他所", "201", APRIL_2024)));
        assertEquals(2, otherBatch.accepted(), () -> "fixture batch of the other: " + otherBatch);
        // X moves to the other insurer (a notice for mine), Y to mine (a notice for the other)
        LocalDate moved = TODAY.minusDays(10);
        assertEquals(1, otherJob.submit(SyncRecords.batch(Y_OTHER,
                SyncRecords.acquire("x2", "LK-AUTHZ-X", "他所", "202", moved))).accepted());
        assertEquals(1, mineJob.submit(SyncRecords.batch(Y_MINE,
                SyncRecords.acquire("y2", "LK-AUTHZ-Y", "認可", "102", moved))).accepted());
        List<NoticeView> mineNotices = mineJob.notices(Y_MINE, 0, 100).items();
        List<NoticeView> otherNotices = otherJob.notices(Y_OTHER, 0, 100).items();
        assertTrue(!mineNotices.isEmpty() && !otherNotices.isEmpty(), "a notice for each insurer");

        // cards: one to look up with (enrolled), one to revoke (enrolled), one to enrol; the other insurer's
        Instant now = Instant.now();
        TestPki.Card lookupCard = ca.issue("AUTHZ-LOOKUP", now.minus(Duration.ofDays(100)), now.plus(Duration.ofDays(100)));
        TestPki.Card revokeCard = ca.issue("AUTHZ-REVOKE", now.minus(Duration.ofDays(100)), now.plus(Duration.ofDays(100)));
        TestPki.Card enrolCard = ca.issue("AUTHZ-ENROL", now.minus(Duration.ofDays(100)), now.plus(Duration.ofDays(100)));
        TestPki.Card otherCard = ca.issue("AUTHZ-OTHER", now.minus(Duration.ofDays(100)), now.plus(Duration.ofDays(100)));
        TestPki.Card crossCard = ca.issue("AUTHZ-CROSS", now.minus(Duration.ofDays(100)), now.plus(Duration.ofDays(100)));
        String lookupCertificate = lookupCard.base64();
        String revokeCertificate = revokeCard.base64();
        String otherCertificate = otherCard.base64();
        ItSupport.onceTrusted("fixture enrolment", () -> mineJob.enrol(
                new CertificateEnrolment("LK-AUTHZ-E", lookupCertificate)).close());
        ItSupport.onceTrusted("fixture enrolment", () -> mineJob.enrol(
                new CertificateEnrolment("LK-AUTHZ-E", revokeCertificate)).close());
        ItSupport.onceTrusted("fixture enrolment", () -> otherJob.enrol(
                new CertificateEnrolment("LK-AUTHZ-O", otherCertificate)).close());

        // a claims job of each organisation, addressed to its insurer to read, routed before the cells
        for (String number : List.of(S_READ, K_READ)) {
            ClaimsApi operator = client(ClaimsApi.class, deployment, token(number.equals(S_READ) ? Roles.SSK_ADMIN
                    : Roles.KOKUHO_ADMIN, "authz-fixture-claims"));
            String jobId;
            try (var accepted = operator.submitClaims(claims(number))) {
                jobId = accepted.readEntity(ClaimJobReception.class).jobId();
            }
            for (int i = 0; operator.job(jobId, 0, 1).status() != BulkStatus.DONE; i++) {
                assertTrue(i < 300, "the fixture's claims job is routed within a minute");
                Thread.sleep(200);
            }
            claimJobs.put(number, jobId);
        }

        // bulk checks of clinics A (the clinic column) and B (the other clinic)
        String receptionA = bulk(CLINIC_A, "authz-fixture-clinic-a");
        String receptionB = bulk(CLINIC_B, "authz-fixture-clinic-b");

        Registry sskOwn = new Registry(S_READ, S_ACTIVATE, S_SUSPEND, S_MERGE, S_READ, S_DISSOLVE,
                insurerNumber("01", "47", 706), NumberingRuleKind.CENTRAL_GENERATED, from);
        Registry kokuhoOwn = new Registry(K_READ, K_ACTIVATE, K_SUSPEND, K_MERGE, K_READ, K_DISSOLVE,
                insurerNumber("39", "47", 716), NumberingRuleKind.LATE_ELDERLY_PADDED, LocalDate.of(2008, 4, 1));
        Owned mine = new Owned(Y_MINE, mineBatch.batchId().toString(), mineNotices.get(0).id(), "LK-AUTHZ-E",
                enrolCard, "LK-AUTHZ-E", revokeCard, receptionA);
        Owned others = new Owned(Y_OTHER, otherBatch.batchId().toString(), otherNotices.get(0).id(),
                "LK-AUTHZ-O", crossCard, "LK-AUTHZ-O", otherCard, receptionB);

        Map<String, Caller> callers = new LinkedHashMap<>();
        String disabledSession = disabledConsoleSession();
        callers.put(ANONYMOUS, new Caller(ANONYMOUS, null, null, null, withOnboard(sskOwn, 709), mine));
        callers.put(CLINIC, bearer(CLINIC, token(Roles.CLINIC, "authz-clinic", Map.of(
                Roles.CLAIM_MEDICAL_INSTITUTION_CODE, CLINIC_A)), new ActorId("CLINIC", CLINIC_A),
                withOnboard(sskOwn, 709), mine));
        callers.put(SYNC, bearer(SYNC, token(Roles.INSURER_SYNC, "authz-sync", Map.of(Roles.CLAIM_INSURER_NUMBERS,
                List.of(Y_MINE))), new ActorId("SYNC_JOB", "authz-sync"), withOnboard(sskOwn, 709), mine));
        callers.put(SSK, bearer(SSK, token(Roles.SSK_ADMIN, "authz-ssk"), new ActorId("STAFF", "authz-ssk"),
                sskOwn, mine));
        callers.put(KOKUHO, bearer(KOKUHO, token(Roles.KOKUHO_ADMIN, "authz-kokuho"),
                new ActorId("STAFF", "authz-kokuho"), kokuhoOwn, mine));
        callers.put(AUDITOR, bearer(AUDITOR, token(Roles.AUDITOR, "authz-auditor"),
                new ActorId("STAFF", "authz-auditor"), withOnboard(sskOwn, 708), mine));
        callers.put(CLINIC_ON_OTHER, bearer(CLINIC_ON_OTHER, token(Roles.CLINIC, "authz-clinic-c", Map.of(
                Roles.CLAIM_MEDICAL_INSTITUTION_CODE, CLINIC_C)), new ActorId("CLINIC", CLINIC_C),
                withOnboard(sskOwn, 709), others));
        callers.put(SYNC_ON_OTHER, bearer(SYNC_ON_OTHER, token(Roles.INSURER_SYNC, "authz-sync-cross",
                Map.of(Roles.CLAIM_INSURER_NUMBERS, List.of(Y_MINE))), new ActorId("SYNC_JOB", "authz-sync-cross"),
                withOnboard(sskOwn, 709), others));
        callers.put(SSK_ON_KOKUHO, bearer(SSK_ON_KOKUHO, token(Roles.SSK_ADMIN, "authz-ssk-cross"),
                new ActorId("STAFF", "authz-ssk-cross"), withOnboard(kokuhoOwn, 717), mine));
        callers.put(KOKUHO_ON_SSK, bearer(KOKUHO_ON_SSK, token(Roles.KOKUHO_ADMIN, "authz-kokuho-cross"),
                new ActorId("STAFF", "authz-kokuho-cross"), withOnboard(sskOwn, 707), mine));
        callers.put(DISABLED, new Caller(DISABLED, null, disabledSession, null, withOnboard(sskOwn, 709), mine));

        // what no refusal may show: the other party's people, numbers and ids
        List<String> secrets = List.of("LK-AUTHZ", "他所", "認可試験", CLINIC_B, others.batchId(), receptionB, "AUTHZ-OTHER", "ヤマダタロウ", "山田太郎");
        return new Fixture(callers, lookupCard, "認可", "100", token(Roles.AUDITOR, "authz-audit-reader"), secrets,
                ca);
    }

    /** Each organisation's claims job, by the insurer its claims are addressed to (the registry's "read"). */
    private final Map<String, String> claimJobs = new HashMap<>();

    private static ClaimResolutionRequest claims(String insurerNumber) {
        return new ClaimResolutionRequest(List.of(new Claim("authz-1", CLINIC_A, TODAY.toString().substring(0, 7),
                List.of(TODAY), insurerNumber, "認可", "100", null, null, BIRTH, null, false)));
    }

    private static Registry withOnboard(Registry registry, int serial) {
        String prefix = registry.read().substring(0, 2);
        return new Registry(registry.read(), registry.activate(), registry.suspend(), registry.merge(),
                registry.successor(), registry.dissolve(), insurerNumber(prefix, "47", serial), registry.kind(),
                registry.ruleFrom());
    }

    private static Caller bearer(String name, String token, ActorId actor, Registry registry, Owned objects) {
        return new Caller(name, "Bearer " + token, null, actor, registry, objects);
    }

    private String bulk(String clinicCode, String subject) throws Exception {
        EligibilityApi clinic = client(EligibilityApi.class, deployment, token(Roles.CLINIC, subject,
                Map.of(Roles.CLAIM_MEDICAL_INSTITUTION_CODE, clinicCode)));
        try (var accepted = clinic.submitBulk(new BulkLookupRequest(List.of(new BulkEntry("e1", Y_MINE, "認可", "100",
                null, null, BIRTH, TODAY, null))))) {
            return accepted.readEntity(BulkReception.class).receptionNumber();
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // the test

    /** One request of the matrix and what it must answer. */
    record Cell(String endpoint, String caller, String method, String target, String body, Expect expect,
                String requestedId, boolean reference) {

        @Override
        public String toString() {
            return endpoint + " × " + caller + (reference ? " (missing id)" : "");
        }
    }

    @Test
    void everyEndpointAnswersEveryCallerAsTheMatrixSaysAndEveryRefusalIsAudited() throws Throwable {
        List<Endpoint> endpoints = ApiEndpoints.all();
        Set<String> served = endpoints.stream().map(Endpoint::key).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(served, new TreeSet<>(MATRIX.keySet()),
                "every endpoint the resource classes serve has its row in the matrix (and no row is stale)");
        for (Endpoint endpoint : endpoints) { // the table agrees with the declared roles
            List<Expect> row = MATRIX.get(endpoint.key());
            for (int column = 1; column <= 5; column++) {
                String role = CALLERS.get(column);
                boolean allowed = endpoint.anonymous() || endpoint.roles().contains(role);
                assertEquals(allowed, row.get(column) != ROLE, () -> endpoint.key() + " × " + role
                        + ": the matrix and @RolesAllowed disagree");
            }
        }

        Fixture fixture = fixture();
        List<String> problems = new ArrayList<>();
        Map<ActorId, List<String>> expectedAudit = new HashMap<>();
        int cells = 0;
        for (Endpoint endpoint : endpoints) {
            List<Expect> row = MATRIX.get(endpoint.key());
            for (int column = 0; column < CALLERS.size(); column++) {
                Expect expect = row.get(column);
                if (expect == null) {
                    continue;
                }
                Caller caller = fixture.callers().get(CALLERS.get(column));
                Cell cell = cell(endpoint, caller, expect, fixture, false);
                HttpResponse<String> answer = send(cell, caller);
                cells++;
                judge(cell, answer, fixture, problems);
                audited(cell, caller, endpoint, expectedAudit);
                if (expect.sameAsMissing()) {
                    Cell missing = cell(endpoint, caller, expect, fixture, true);
                    HttpResponse<String> reference = send(missing, caller);
                    cells++;
                    judge(missing, reference, fixture, problems);
                    audited(missing, caller, endpoint, expectedAudit);
                    String mine = normalised(answer.body(), cell.requestedId());
                    String missingBody = normalised(reference.body(), missing.requestedId());
                    if (!mine.equals(missingBody)) {
                        problems.add(cell + ": another's object does not answer exactly as a missing one: "
                                + answer.body() + " vs " + reference.body());
                    }
                }
            }
        }
        int consoleCells = consolePages(fixture, problems);
        int refusals = expectedAudit.values().stream().mapToInt(List::size).sum();
        checkAuditTrail(fixture, expectedAudit, problems);

        System.out.println("[authz] " + (cells + consoleCells) + " cells, " + problems.size() + " leaks");
        System.out.println("[authz] " + endpoints.size() + " endpoints × " + CALLERS.size() + " callers ("
                + cells + " API cells, " + consoleCells + " console cells); " + refusals
                + " refusals of authenticated callers, each on the audit trail; anonymous 401s are not");
        assertTrue(problems.isEmpty(), () -> problems.size() + " leaks:\n" + String.join("\n", problems));
    }

    /** The request of one cell (with a missing id instead of the caller's object when {@code missing}). */
    private Cell cell(Endpoint endpoint, Caller caller, Expect expect, Fixture fixture, boolean missing)
            throws Exception {
        Registry r = caller.registry();
        Owned o = caller.objects();
        String key = endpoint.key();
        String target;
        Object body = null;
        String requested = null;
        switch (key) {
            case "POST admin/insurers" -> {
                target = "admin/insurers";
                body = new OnboardInsurerRequest(r.onboard(), "認可試験新規", "ニンカシケンシンキ", null,
                        new NumberingRuleRequest(r.kind(), r.ruleFrom(), null, null, null));
            }
            case "GET admin/insurers" -> target = "admin/insurers?q=" + r.read();
            case "GET admin/insurers/{insurerNumber}" -> target = "admin/insurers/" + r.read();
            case "POST admin/insurers/{insurerNumber}/activation" -> target = "admin/insurers/" + r.activate()
                    + "/activation";
            case "POST admin/insurers/{insurerNumber}/suspension" -> target = "admin/insurers/" + r.suspend()
                    + "/suspension";
            case "POST admin/insurers/{insurerNumber}/merger" -> {
                target = "admin/insurers/" + r.merge() + "/merger";
                body = new MergerRequest(r.successor(), TODAY.plusDays(30));
            }
            case "POST admin/insurers/{insurerNumber}/dissolution" -> {
                target = "admin/insurers/" + r.dissolve() + "/dissolution";
                body = new DissolutionRequest(TODAY.plusDays(30));
            }
            case "POST admin/insurers/{insurerNumber}/numbering-rules" -> {
                target = "admin/insurers/" + r.read() + "/numbering-rules";
                body = new NumberingRuleRequest(r.kind(), TODAY.plusDays(60), null, null, null);
            }
            case "GET admin/insurers/{insurerNumber}/numbering-rules" -> target = "admin/insurers/" + r.read()
                    + "/numbering-rules";
            case "GET callers/me" -> target = "callers/me";
            case "POST sync/batches" -> {
                target = "sync/batches";
                int n = people.incrementAndGet();
                body = SyncRecords.batch(o.syncInsurer(), SyncRecords.acquire("r" + n, "LK-AUTHZ-NEW-" + n, "認可",
                        String.valueOf(500 + n), APRIL_2024));
            }
            case "GET sync/batches/{batchId}" -> {
                requested = missing ? UUID.randomUUID().toString() : o.batchId();
                target = "sync/batches/" + requested;
            }
            case "GET sync/notices" -> target = "sync/notices?insurerNumber=" + o.syncInsurer();
            case "POST sync/notices/{id}/acknowledgement" -> {
                requested = missing ? "987654321" : String.valueOf(o.noticeId());
                target = "sync/notices/" + requested + "/acknowledgement";
            }
            case "POST sync/certificates" -> {
                target = "sync/certificates";
                body = new CertificateEnrolment(missing ? "LK-AUTHZ-NOBODY" : o.enrolLinkKey(),
                        o.enrolCard().base64());
            }
            case "POST sync/certificates/revocation" -> {
                target = "sync/certificates/revocation";
                body = new CertificateEnrolment(missing ? "LK-AUTHZ-NOBODY" : o.revokeLinkKey(),
                        o.revokeCard().base64());
            }
            case "GET sync/changes" -> target = "sync/changes?insurerNumber=" + o.syncInsurer();
            case "POST eligibility/lookups" -> {
                target = "eligibility/lookups";
                body = new LookupRequest(Y_MINE, fixture.symbol(), fixture.number(), null, null, BIRTH, null, null);
            }
            case "POST eligibility/certificate-lookups" -> {
                target = "eligibility/certificate-lookups";
                body = new CertificateLookupRequest(fixture.lookupCard().base64(), null);
            }
            case "POST eligibility/bulk-lookups" -> {
                target = "eligibility/bulk-lookups";
                body = new BulkLookupRequest(List.of(new BulkEntry("e1", Y_MINE, fixture.symbol(), fixture.number(),
                        null, null, BIRTH, TODAY, null)));
            }
            case "GET eligibility/bulk-lookups/{receptionNumber}" -> {
                requested = missing ? "R2020010100000000001" : o.reception();
                target = "eligibility/bulk-lookups/" + requested;
            }
            case "PUT eligibility/reference-numbers" -> {
                target = "eligibility/reference-numbers";
                body = new ReferenceNumbersRequest(List.of(new ReferenceNumberEntry(Y_MINE, fixture.symbol(),
                        fixture.number(), "00", "P-AUTHZ-1")));
            }
            case "GET admin/audit" -> target = "admin/audit?size=5";
            case "GET admin/audit/verification" -> target = "admin/audit/verification";
            case "GET persons/access-history/challenge" -> target = "persons/access-history/challenge";
            case "POST persons/access-history" -> {
                target = "persons/access-history";
                String challenge = ItSupport.anonymousClient(AccessHistoryApi.class, deployment).challenge()
                        .challenge();
                body = new AccessHistoryRequest(fixture.lookupCard().base64(), challenge,
                        fixture.lookupCard().sign(challenge));
            }
            case "POST eligibility/card-sessions" -> target = "eligibility/card-sessions";
            case "POST eligibility/card-sessions/{sessionId}/confirmation" -> {
                // the other clinic's column names a session of clinic B; every other column one of clinic A
                CardSession session = openSession(caller.name().equals(CLINIC_ON_OTHER) ? CLINIC_B : CLINIC_A);
                requested = missing ? UUID.randomUUID().toString() : session.sessionId();
                target = "eligibility/card-sessions/" + requested + "/confirmation";
                body = new CardConfirmation(fixture.lookupCard().base64(), fixture.lookupCard().sign(session.nonce()),
                        null, new ConsentChoices(false, false, false, true), PrescriptionForm.PAPER);
            }
            case "POST persons/card-registration" -> {
                // the card the lookups use, registered again for its own person: changes nothing
                target = "persons/card-registration";
                String challenge = challenge();
                body = new CardRegistrationRequest(fixture.lookupCard().base64(), challenge,
                        fixture.lookupCard().sign(challenge), Y_MINE, fixture.symbol(), fixture.number(), "01", BIRTH);
            }
            case "POST persons/card-registration/withdrawal" -> {
                // a card of its own for each cell, registered first
                target = "persons/card-registration/withdrawal";
                TestPki.Card card = registeredCard(fixture);
                String challenge = challenge();
                body = new AccessHistoryRequest(card.base64(), challenge, card.sign(challenge));
            }
            case "POST persons/consents/withdrawal" -> {
                // a consent of its own for each cell, given at clinic A's reader first
                target = "persons/consents/withdrawal";
                CardSession session = openSession(CLINIC_A);
                client(CardSessionApi.class, deployment, clinicToken(CLINIC_A)).confirm(session.sessionId(),
                        new CardConfirmation(fixture.lookupCard().base64(), fixture.lookupCard().sign(session.nonce()),
                                null, new ConsentChoices(false, false, true, false), PrescriptionForm.PAPER));
                String challenge = challenge();
                body = new ConsentWithdrawal(fixture.lookupCard().base64(), challenge,
                        fixture.lookupCard().sign(challenge), CLINIC_A, ConsentCategory.CHECKUPS);
            }
            case "POST sync/checkups" -> {
                target = "sync/checkups";
                body = new CheckupBatchRequest(UUID.randomUUID(), o.syncInsurer(), List.of(new CheckupRecord("c1",
                        "LK-AUTHZ-E", TODAY.minusDays(1), List.of(new CheckupValue(
                        CheckupItem.WEIGHT.code(), "60.0", "kg")))));
            }
            case "POST sync/medications" -> {
                target = "sync/medications";
                body = new MedicationBatchRequest(UUID.randomUUID(), o.syncInsurer(), List.of(new MedicationRecord(
                        "m1", "LK-AUTHZ-E", TODAY.minusDays(1), CLINIC_A, DrugCodeKind.RECEIPT, "620000001", "認可薬",
                        "1", "錠", 7)));
            }
            case "POST persons/checkups", "POST persons/checkups/print", "POST persons/medications" -> {
                target = key.substring("POST ".length());
                String challenge = challenge();
                body = new AccessHistoryRequest(fixture.lookupCard().base64(), challenge,
                        fixture.lookupCard().sign(challenge));
            }
            case "POST eligibility/checkups", "POST eligibility/medications" -> {
                // a session confirmed with the consent of both categories: of clinic B for the other clinic's
                // column (clinic A reaching for it), of clinic A for the others
                String clinic = caller.name().equals(CLINIC_ON_OTHER) ? CLINIC_B : CLINIC_A;
                CardSession session = openSession(clinic);
                client(CardSessionApi.class, deployment, clinicToken(clinic)).confirm(session.sessionId(),
                        new CardConfirmation(fixture.lookupCard().base64(), fixture.lookupCard().sign(session.nonce()),
                                null, new ConsentChoices(false, false, true, true), PrescriptionForm.PAPER));
                requested = missing ? UUID.randomUUID().toString() : session.sessionId();
                target = key.substring("POST ".length());
                body = new ClinicHealthRequest(requested);
            }
            case "POST claims/qualification-resolutions" -> {
                target = "claims/qualification-resolutions";
                body = claims(r.read());
            }
            case "GET claims/qualification-resolutions/{jobId}" -> {
                requested = missing ? "C2020010100000000001" : claimJobs.get(r.read());
                target = "claims/qualification-resolutions/" + requested;
            }
            case "GET claims/qualification-resolutions/{jobId}/clinic-notices" -> {
                requested = missing ? "C2020010100000000001" : claimJobs.get(r.read());
                target = "claims/qualification-resolutions/" + requested + "/clinic-notices?medicalInstitutionCode="
                        + CLINIC_A + "&serviceMonth=" + TODAY.toString().substring(0, 7);
            }
            default -> throw new AssertionError("no request for " + key + ": add one to cell()");
        }
        return new Cell(key, caller.name(), endpoint.method(), target, body == null ? null : jsonb.toJson(body),
                expect, requested, missing);
    }

    private static String clinicToken(String clinicCode) {
        return token(Roles.CLINIC, "authz-fixture-desk-" + clinicCode, Map.of(Roles.CLAIM_MEDICAL_INSTITUTION_CODE,
                clinicCode));
    }

    private CardSession openSession(String clinicCode) {
        return client(CardSessionApi.class, deployment, clinicToken(clinicCode)).open();
    }

    private String challenge() {
        return ItSupport.anonymousClient(AccessHistoryApi.class, deployment).challenge().challenge();
    }

    /** A new card of the fixture's CA, registered by the person of the lookups. */
    private TestPki.Card registeredCard(Fixture fixture) throws Exception {
        Instant now = Instant.now();
        TestPki.Card card = fixture.ca().issue("AUTHZ-REGISTER-" + people.incrementAndGet(),
                now.minus(Duration.ofDays(100)), now.plus(Duration.ofDays(100)));
        String challenge = challenge();
        ItSupport.anonymousClient(CardRegistrationApi.class, deployment).register(new CardRegistrationRequest(
                card.base64(), challenge, card.sign(challenge), Y_MINE, fixture.symbol(), fixture.number(), "01",
                BIRTH));
        return card;
    }

    private HttpResponse<String> send(Cell cell, Caller caller) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ItSupport.api(deployment) + "/"
                        + cell.target())).timeout(Duration.ofSeconds(30))
                .header("Accept", cell.target().endsWith("/print") ? "text/html"
                        : cell.target().contains("/clinic-notices?") ? ClaimsApi.CSV + ", application/json"
                        : "application/json");
        if (caller.authorization() != null) {
            request.header("Authorization", caller.authorization());
        }
        if (caller.cookie() != null) {
            request.header("Cookie", "JSESSIONID=" + caller.cookie());
        }
        if (cell.body() != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(cell.method(), cell.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(cell.body()));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Adds a problem when the answer is not the expected one or shows what it must not. */
    private void judge(Cell cell, HttpResponse<String> answer, Fixture fixture, List<String> problems) {
        Expect expect = cell.expect();
        String body = answer.body();
        if (answer.statusCode() != expect.status()) {
            problems.add(cell + ": " + answer.statusCode() + " instead of " + expect + " → " + shortened(body));
            return;
        }
        if (expect.refusal()) {
            JsonObject error;
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                error = reader.readObject();
            } catch (RuntimeException notJson) {
                problems.add(cell + ": not the error body → " + shortened(body));
                return;
            }
            if (!error.keySet().equals(Set.of("code", "message", "hint"))) {
                problems.add(cell + ": a refusal with more than the error body → " + shortened(body));
            }
            if (!expect.code().equals(error.getString("code", null))) {
                problems.add(cell + ": code " + error.getString("code", null) + " instead of " + expect.code());
            }
            String shown = normalised(body, cell.requestedId());
            for (String secret : fixture.secrets()) {
                if (shown.contains(secret)) {
                    problems.add(cell + ": the refusal shows \"" + secret + "\" → " + shortened(body));
                }
            }
        } else if (cell.endpoint().equals("GET admin/insurers")) {
            // a search is allowed for both administrators, but finds only its own organisation's insurers
            String searched = cell.target().substring(cell.target().indexOf("q=") + 2);
            boolean own = !cell.caller().equals(SSK_ON_KOKUHO) && !cell.caller().equals(KOKUHO_ON_SSK);
            if (body.contains("\"" + searched + "\"") != own) {
                problems.add(cell + ": the search " + (own ? "misses its own" : "shows another organisation's")
                        + " insurer " + searched + " → " + shortened(body));
            }
        }
    }

    /** Records the audit entry the cell must have left: a refusal of an authenticated caller. */
    private static void audited(Cell cell, Caller caller, Endpoint endpoint, Map<ActorId, List<String>> expected) {
        Expect expect = cell.expect();
        if (caller.actor() == null || !(expect.status() == 403 || expect.status() == 404)) {
            return;
        }
        String entry;
        if (endpoint.path().startsWith(InsurerAdminApi.PATH) && ErrorCodes.INSURER_OUT_OF_SCOPE.equals(expect.code())) {
            // the registry puts its scope refusals on the trail itself, naming the insurer
            String target = cell.target();
            String number = target.equals("admin/insurers") ? caller.registry().onboard()
                    : target.split("/")[2];
            entry = "REGISTRY_ACCESS " + ErrorCodes.INSURER_OUT_OF_SCOPE + " " + number;
        } else {
            entry = "ACCESS_REFUSED " + expect.status() + " " + expect.code() + " " + endpoint.method() + " "
                    + endpoint.path();
        }
        expected.computeIfAbsent(caller.actor(), a -> new ArrayList<>()).add(entry);
    }

    /** Each authenticated caller's refusals are on the trail, once each, and nothing else is recorded as one. */
    private void checkAuditTrail(Fixture fixture, Map<ActorId, List<String>> expected, List<String> problems) {
        AuditApi audit = client(AuditApi.class, deployment, fixture.auditorToken());
        for (Caller caller : fixture.callers().values()) {
            if (caller.actor() == null) {
                continue;
            }
            List<AuditEntryView> entries = audit.search(caller.actor().name(), null, null, null, 0, 1000).items();
            List<String> found = entries.stream()
                    .filter(e -> e.kind().equals("ACCESS_REFUSED") || e.kind().equals("REGISTRY_ACCESS"))
                    .filter(e -> e.actorKind().equals(caller.actor().kind()))
                    .map(e -> e.kind() + " " + e.result()).sorted().toList();
            List<String> wanted = expected.getOrDefault(caller.actor(), List.of()).stream().sorted().toList();
            if (!found.equals(wanted)) {
                List<String> missingEntries = new ArrayList<>(wanted);
                found.forEach(missingEntries::remove);
                List<String> extra = new ArrayList<>(found);
                wanted.forEach(extra::remove);
                problems.add("audit trail of " + caller.name() + " (" + caller.actor().name() + "): missing "
                        + missingEntries + ", unexpected " + extra);
            }
            entries.stream().filter(e -> e.kind().equals("ACCESS_REFUSED") && e.personId() != null)
                    .forEach(e -> problems.add("an ACCESS_REFUSED entry names a person: " + e));
        }
    }

    /** The body with the requested id (echoed back, which tells nothing) replaced. */
    private static String normalised(String body, String requestedId) {
        return requestedId == null ? body : body.replace(requestedId, "{id}");
    }

    // ------------------------------------------------------------------------------------------------------------
    // the console: a disabled account's session

    /** Every console page answers the disabled account's session, and no session, with the sign-in redirect. */
    private int consolePages(Fixture fixture, List<String> problems) throws Exception {
        Set<String> pages = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/webapp/console"))) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".xhtml")).forEach(pages::add);
        }
        pages.add("insurers.csv");
        pages.add("claims.csv");
        assertEquals(pages, CONSOLE_PAGES.keySet(), "every console page is in the console matrix");
        int cells = 0;
        for (Map.Entry<String, String> page : CONSOLE_PAGES.entrySet()) {
            String path = page.getValue().replace("@READ@", S_READ).replace("@SYNC@", Y_MINE);
            for (String session : new String[] {null, fixture.callers().get(DISABLED).cookie()}) {
                HttpResponse<String> answer = console(path, session, null);
                cells++;
                String who = session == null ? ANONYMOUS : DISABLED;
                if (page.getKey().equals("signin.xhtml")) {
                    if (answer.statusCode() != 200) {
                        problems.add("console " + path + " × " + who + ": " + answer.statusCode()
                                + " instead of the sign-in page");
                    }
                } else if (answer.statusCode() != 302 || !answer.headers().firstValue("Location").orElse("")
                        .contains("/console/signin.xhtml")) {
                    problems.add("console " + path + " × " + who + ": " + answer.statusCode() + " "
                            + answer.headers().firstValue("Location").orElse("") + " instead of the sign-in redirect");
                } else if (answer.body().contains(S_READ) || answer.body().contains("認可試験")) {
                    problems.add("console " + path + " × " + who + ": the redirect shows data");
                }
            }
        }
        return cells;
    }

    /**
     * Signs in the bootstrap administrator, creates an account, signs it in (its session works), disables it from
     * the administrator's session and returns the disabled account's still-open session id.
     */
    private String disabledConsoleSession() throws Exception {
        String admin = signIn(CONSOLE_ADMIN, CONSOLE_ADMIN_PASSWORD);
        HttpResponse<String> list = console("insurers.xhtml", admin, null);
        assertEquals(200, list.statusCode(), "the administrator is signed in");
        String accountsLink = attribute(list.body(), "<a[^>]*id=\"nav-accounts\"[^>]*>", "href");
        HttpResponse<String> accounts = console(accountsLink.replaceFirst("^.*/console/", ""), admin, null);
        assertEquals(200, accounts.statusCode(), "the accounts page");
        Map<String, String> create = new LinkedHashMap<>();
        create.put("create", "create");
        create.put("create:username", DISABLED_USER);
        create.put("create:displayName", "認可 無効");
        create.put("create:role", Roles.SSK_ADMIN);
        create.put("create:password", DISABLED_PASSWORD);
        create.put("create:submit", "create");
        HttpResponse<String> created = post(accounts.body(), "create", create, admin);
        assertTrue(created.body().contains(DISABLED_USER), () -> "account created: " + shortened(created.body()));

        String session = signIn(DISABLED_USER, DISABLED_PASSWORD);
        assertEquals(200, console("insurers.xhtml", session, null).statusCode(), "its session works while enabled");

        Matcher row = Pattern.compile("<tr[^>]*>(?:(?!</tr>).)*?<td>\\s*" + DISABLED_USER
                + "\\s*</td>(?:(?!</tr>).)*?<input[^>]*name=\"([^\"]+)\"", Pattern.DOTALL).matcher(created.body());
        assertTrue(row.find(), "a disable button for the account");
        Map<String, String> disable = new LinkedHashMap<>();
        disable.put("accounts", "accounts");
        disable.put(row.group(1), "disable");
        HttpResponse<String> disabled = post(created.body(), "accounts", disable, admin);
        assertEquals(200, disabled.statusCode(), "disabled");
        return session;
    }

    /** Signs in on the console's form; returns the session id. */
    private String signIn(String username, String password) throws Exception {
        HttpResponse<String> page = console("signin.xhtml", null, null);
        String session = sessionOf(page, null);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("signin", "signin");
        form.put("signin:username", username);
        form.put("signin:password", password);
        form.put("signin:submit", "signin");
        HttpResponse<String> answer = post(page.body(), "signin", form, session);
        assertEquals(302, answer.statusCode(), () -> "signed in as " + username + ": " + shortened(answer.body()));
        return sessionOf(answer, session);
    }

    /** Posts a form of the page (its action and view state) with the fields. */
    private HttpResponse<String> post(String page, String formId, Map<String, String> fields, String session)
            throws Exception {
        String action = attribute(page, "<form[^>]*id=\"" + formId + "\"[^>]*>", "action");
        String viewState = attribute(page, "<input[^>]*name=\"jakarta.faces.ViewState\"[^>]*>", "value");
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("jakarta.faces.ViewState", viewState);
        String form = all.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return console(action.replaceFirst("^.*/console/", ""), session, form);
    }

    private HttpResponse<String> console(String path, String session, String form) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(ItSupport.server(deployment).resolve("oqs/console/"
                + path)).timeout(Duration.ofSeconds(30));
        if (session != null) {
            request.header("Cookie", "JSESSIONID=" + session);
        }
        if (form != null) {
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String sessionOf(HttpResponse<String> answer, String current) {
        for (String cookie : answer.headers().allValues("Set-Cookie")) {
            if (cookie.startsWith("JSESSIONID=")) {
                return cookie.substring("JSESSIONID=".length(), cookie.indexOf(';') < 0 ? cookie.length()
                        : cookie.indexOf(';'));
            }
        }
        return current;
    }

    private static String attribute(String html, String tagPattern, String name) {
        Matcher tag = Pattern.compile(tagPattern).matcher(html);
        assertTrue(tag.find(), () -> "no " + tagPattern + " in " + shortened(html));
        Matcher value = Pattern.compile("\\s" + name + "=\"([^\"]*)\"").matcher(tag.group());
        assertTrue(value.find(), () -> "no " + name + " in " + tag.group());
        return value.group(1).replace("&amp;", "&");
    }

    // ------------------------------------------------------------------------------------------------------------

    private static Map.Entry<String, List<Expect>> row(String endpoint, Expect... cells) {
        assertEquals(CALLERS.size(), cells.length, () -> endpoint + ": one cell per caller");
        return Map.entry(endpoint, java.util.Arrays.asList(cells));
    }

    @SafeVarargs
    private static Map<String, List<Expect>> matrix(Map.Entry<String, List<Expect>>... rows) {
        Map<String, List<Expect>> matrix = new LinkedHashMap<>();
        for (Map.Entry<String, List<Expect>> row : rows) {
            matrix.put(row.getKey(), row.getValue());
        }
        return matrix;
    }

    private static String shortened(String text) {
        return text.length() > 400 ? text.substring(0, 400) + "…" : text;
    }
}
