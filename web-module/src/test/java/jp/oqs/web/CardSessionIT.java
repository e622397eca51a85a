package jp.oqs.web;

import static jp.oqs.web.ItSupport.assertError;
import static jp.oqs.web.ItSupport.client;
import static jp.oqs.web.ItSupport.insurerNumber;
import static jp.oqs.web.ItSupport.token;
import static jp.oqs.web.SyncRecords.acquire;
import static jp.oqs.web.SyncRecords.batch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.WebApplicationException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import jp.oqs.api.audit.AccessEntry;
import jp.oqs.api.audit.AccessHistory;
import jp.oqs.api.audit.AccessHistoryApi;
import jp.oqs.api.audit.AccessHistoryRequest;
import jp.oqs.api.audit.AuditApi;
import jp.oqs.api.audit.AuditEntryView;
import jp.oqs.api.eligibility.CardConfirmation;
import jp.oqs.api.eligibility.CardSession;
import jp.oqs.api.eligibility.CardSessionApi;
import jp.oqs.api.eligibility.CardSessionResult;
import jp.oqs.api.eligibility.CardWarning;
import jp.oqs.api.eligibility.CertificateLookupRequest;
import jp.oqs.api.eligibility.CertificateLookupResult;
import jp.oqs.api.eligibility.ConsentCategory;
import jp.oqs.api.eligibility.ConsentChoices;
import jp.oqs.api.eligibility.ConsentView;
import jp.oqs.api.eligibility.EligibilityApi;
import jp.oqs.api.eligibility.PrescriptionForm;
import jp.oqs.api.eligibility.QualificationView;
import jp.oqs.api.error.ErrorCodes;
import jp.oqs.api.insurer.InsurerAdminApi;
import jp.oqs.api.insurer.NumberingRuleKind;
import jp.oqs.api.insurer.NumberingRuleRequest;
import jp.oqs.api.insurer.OnboardInsurerRequest;
import jp.oqs.api.person.CardRegistration;
import jp.oqs.api.person.CardRegistrationApi;
import jp.oqs.api.person.CardRegistrationRequest;
import jp.oqs.api.person.ConsentApi;
import jp.oqs.api.person.ConsentWithdrawal;
import jp.oqs.api.security.Roles;
import jp.oqs.api.sync.LimitCategory;
import jp.oqs.api.sync.LimitCertificate;
import jp.oqs.api.sync.LimitCertificateClassification;
import jp.oqs.api.sync.PersonData;
import jp.oqs.api.sync.QualificationData;
import jp.oqs.api.sync.SyncApi;
import jp.oqs.api.sync.SyncOperation;
import jp.oqs.api.sync.SyncRecord;
import jp.oqs.identifier.CheckDigits;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The My Number card at the reception desk (issue 11 §1), through the published contract: a session the card
 * signs, confirmed once, by its own clinic only; validity and revocation judged now whatever the visit date; the
 * card registered by the person (健康保険証利用登録) and withdrawn; consents per category given at the reader and
 * withdrawn with the card; the certificate's expiry warning; every step on the audit trail and in the person's
 * access history. An expired session and {@code oqs.certificates.require-session} on a server of their own.
 */
@ExtendWith(ArquillianExtension.class)
class CardSessionIT {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final LocalDate TODAY = LocalDate.now(JAPAN);
    private static final LocalDate BIRTH = SyncRecords.BIRTH;
    private static final LocalDate APRIL_2024 = LocalDate.of(2024, 4, 1);
    private static final String INSURER = insurerNumber("06", "30", 311);
    private static final String CLINIC = clinicCode("0001");
    private static final String OTHER_CLINIC = clinicCode("0002");
    private static final String CONSENT_CLINIC = clinicCode("0003");
    private static final String FLOOD_CLINIC = clinicCode("0004");
    private static final ConsentChoices NONE = new ConsentChoices(false, false, false, false);
    /** Lifetime of a consent on the server of its own: long enough to be answered once, short to wait for. */
    private static final int CONSENT_SECONDS = 4;

    /** The person, cards and registrations every test reads; built once per server. */
    private static Fixture fixture;

    private record Fixture(TestPki.Card p1, TestPki.Card recent, TestPki.Card soon, TestPki.Card expired,
                           TestPki.Card revoked, TestPki.Card unregistered, TestPki.Card p3, TestPki.Card p4) {
    }

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.microWar();
    }

    @ArquillianResource
    private URL deployment;

    private CardSessionApi desk;
    private CardSessionApi otherDesk;
    private CardRegistrationApi registration;
    private AccessHistoryApi portal;

    private static String clinicCode(String serial) {
        String body = "30110" + serial;
        return body + CheckDigits.luhn(body);
    }

    @BeforeEach
    void clients() throws Throwable {
        desk = desk(CLINIC);
        otherDesk = desk(OTHER_CLINIC);
        registration = ItSupport.anonymousClient(CardRegistrationApi.class, deployment);
        portal = ItSupport.anonymousClient(AccessHistoryApi.class, deployment);
        synchronized (CardSessionIT.class) {
            if (fixture == null) {
                fixture = build(ItSupport.api(deployment), ItSupport::token,
                        Path.of(System.getProperty("oqs.it.data.dir")));
            }
        }
    }

    private CardSessionApi desk(String clinic) {
        return client(CardSessionApi.class, deployment, token(Roles.CLINIC, "desk-" + clinic,
                Map.of(Roles.CLAIM_MEDICAL_INSTITUTION_CODE, clinic)));
    }

    /**
     * An insurer with P1, P2 (no card registered) and P3 (registers during a test), and P4 (registered here, for
     * the server of its own); a CA of this test's own, trusted besides the others, revoking one card.
     */
    private static Fixture build(URI api, ItSupport.Tokens tokens, Path dataDir) throws Throwable {
        TestPki ca = new TestPki("OQS Card Session CA");
        Instant now = Instant.now();
        TestPki.Card p1 = ca.issue("CS-P1", now.minus(Duration.ofDays(1000)), now.plus(Duration.ofDays(1000)));
        TestPki.Card recent = ca.issue("CS-P1-recent", now.minus(Duration.ofDays(10)), now.plus(Duration.ofDays(1000)));
        TestPki.Card soon = ca.issue("CS-P1-soon", now.minus(Duration.ofDays(1000)), now.plus(Duration.ofDays(30)));
        TestPki.Card expired = ca.issue("CS-P1-old", now.minus(Duration.ofDays(1000)), now.minus(Duration.ofDays(2)));
        TestPki.Card revoked = ca.issue("CS-P1-lost", now.minus(Duration.ofDays(1000)), now.plus(Duration.ofDays(1000)));
        TestPki.Card unregistered = ca.issue("CS-P2", now.minus(Duration.ofDays(1000)), now.plus(Duration.ofDays(1000)));
        TestPki.Card p3 = ca.issue("CS-P3", now.minus(Duration.ofDays(1000)), now.plus(Duration.ofDays(1000)));
        TestPki.Card p4 = ca.issue("CS-P4", now.minus(Duration.ofDays(1000)), now.plus(Duration.ofDays(1000)));
        ca.trustAlso(dataDir, "card-session-ca", List.of(revoked));

        InsurerAdminApi ssk = client(InsurerAdminApi.class, api, tokens.issue(Roles.SSK_ADMIN, "ssk-311", Map.of()));
        ssk.onboard(new OnboardInsurerRequest(INSURER, "カード試験保険者", "カードシケン", null,
                new NumberingRuleRequest(NumberingRuleKind.HOUSEHOLD_BRANCH, LocalDate.of(2000, 1, 1), null, null,
                        null))).close();
        ssk.activate(INSURER);
        SyncApi sync = client(SyncApi.class, api, tokens.issue(Roles.INSURER_SYNC, "sync-311",
                Map.of(Roles.CLAIM_INSURER_NUMBERS, List.of(INSURER))));
        assertEquals(4, sync.submit(batch(INSURER,
                acquire("p1", "LK-311-P1", "和歌山", "100", APRIL_2024),
                acquire("p2", "LK-311-P2", "和歌山", "200", APRIL_2024),
                acquire("p3", "LK-311-P3", "和歌山", "300", APRIL_2024),
                acquire("p4", "LK-311-P4", "和歌山", "400", APRIL_2024))).accepted());

        CardRegistrationApi persons = ItSupport.anonymousClient(CardRegistrationApi.class, api);
        AccessHistoryApi challenges = ItSupport.anonymousClient(AccessHistoryApi.class, api);
        for (TestPki.Card card : List.of(p1, recent, soon)) {
            ItSupport.onceTrusted("fixture registration", () -> persons.register(registrationOf(card, challenges,
                    "100", BIRTH)));
        }
        ItSupport.onceTrusted("fixture registration", () -> persons.register(registrationOf(p4, challenges, "400",
                BIRTH)));
        return new Fixture(p1, recent, soon, expired, revoked, unregistered, p3, p4);
    }

    private static CardRegistrationRequest registrationOf(TestPki.Card card, AccessHistoryApi challenges,
                                                          String number, LocalDate birth) throws Exception {
        String challenge = challenges.challenge().challenge();
        return new CardRegistrationRequest(card.base64(), challenge, card.sign(challenge), INSURER, "和歌山", number,
                "01", birth);
    }

    private static CardConfirmation confirmation(TestPki.Card card, CardSession session, LocalDate asOf,
                                                 ConsentChoices consents) throws Exception {
        return new CardConfirmation(card.base64(), card.sign(session.nonce()), asOf, consents, PrescriptionForm.PAPER);
    }

    private static ConsentView consent(CardSessionResult result, ConsentCategory category) {
        return result.consents().stream().filter(c -> c.category() == category).findFirst().orElseThrow();
    }

    private AuditApi auditor() {
        return client(AuditApi.class, deployment, token(Roles.AUDITOR, "auditor-311"));
    }

    private List<AuditEntryView> auditOf(String actor) {
        return auditor().search(actor, null, TODAY.minusDays(1).toString(), TODAY.plusDays(1).toString(), 0, 1000)
                .items();
    }

    private AccessHistory historyOf(TestPki.Card card) throws Exception {
        String challenge = portal.challenge().challenge();
        return portal.history(new AccessHistoryRequest(card.base64(), challenge, card.sign(challenge)));
    }

    @Test
    void aConfirmedSessionAnswersTheQualificationWithTheConsentsGivenAtTheReader() throws Exception {
        Instant before = Instant.now();
        CardSession session = desk.open();
        assertNotNull(session.sessionId());
        assertTrue(session.nonce().length() >= 40, session.nonce());
        assertTrue(session.expiresAt().isAfter(before.plus(Duration.ofSeconds(100)))
                && session.expiresAt().isBefore(Instant.now().plus(Duration.ofSeconds(130))),
                "two minutes: " + session.expiresAt());
        CardSessionResult result = desk.confirm(session.sessionId(), new CardConfirmation(fixture.p1().base64(),
                fixture.p1().sign(session.nonce()), null, new ConsentChoices(true, false, null, true),
                PrescriptionForm.ELECTRONIC));

        assertEquals(session.sessionId(), result.sessionId());
        assertEquals(1, result.eligibility().validity());
        assertEquals(TODAY, result.eligibility().asOf());
        assertEquals(1, result.eligibility().qualifications().size());
        assertEquals(INSURER, result.eligibility().qualifications().get(0).insurerNumber());
        assertEquals("100", result.eligibility().qualifications().get(0).number());
        assertEquals(PrescriptionForm.ELECTRONIC, result.prescriptionForm());
        assertEquals(List.of(), result.warnings());
        assertEquals(List.of(ConsentCategory.values()), result.consents().stream().map(ConsentView::category).toList());
        for (ConsentCategory granted : List.of(ConsentCategory.LIMIT_CERTIFICATE, ConsentCategory.MEDICATIONS)) {
            ConsentView view = consent(result, granted);
            assertTrue(view.granted(), view.toString());
            assertEquals(Duration.ofHours(24), Duration.between(view.grantedAt(), view.expiresAt()));
            assertFalse(view.grantedAt().isBefore(before.minusSeconds(5)), view.toString());
        }
        for (ConsentCategory refused : List.of(ConsentCategory.SPECIFIC_DISEASES, ConsentCategory.CHECKUPS)) {
            assertEquals(new ConsentView(refused, false, null, null, null), consent(result, refused));
        }

        // the same qualification answer a certificate lookup gives (the answer is built once, in EligibilityService)
        @SuppressWarnings("deprecation")
        CertificateLookupResult bare = client(EligibilityApi.class, deployment, token(Roles.CLINIC, "desk-bare",
                Map.of(Roles.CLAIM_MEDICAL_INSTITUTION_CODE, CLINIC)))
                .certificateLookup(new CertificateLookupRequest(fixture.p1().base64(), null));
        assertEquals(bare.qualifications(), result.eligibility().qualifications());
        assertEquals(bare.validityName(), result.eligibility().validityName());

        // on the trail: the opening, the answer with the person, each consent given
        List<AuditEntryView> trail = auditOf(CLINIC);
        AuditEntryView answer = trail.stream().filter(e -> e.checkId().equals(result.eligibility().checkId()))
                .findFirst().orElseThrow(() -> new AssertionError("the answer's check id is on the trail"));
        assertEquals("CARD_SESSION", answer.kind());
        assertEquals("1 LIMIT_CERTIFICATE", answer.result(), "the validity and the consent-bound group it carried");
        assertNotNull(answer.personId());
        assertTrue(trail.stream().anyMatch(e -> e.kind().equals("CARD_SESSION") && e.result().equals("OPENED")));
        List<String> granted = trail.stream().filter(e -> e.kind().equals("CONSENT_GRANTED")
                && answer.personId().equals(e.personId())).map(AuditEntryView::result).toList();
        assertTrue(granted.stream().anyMatch(r -> r.startsWith("LIMIT_CERTIFICATE UNTIL ")), granted.toString());
        assertTrue(granted.stream().anyMatch(r -> r.startsWith("MEDICATIONS UNTIL ")), granted.toString());

        // and in the person's access history
        List<AccessEntry> history = historyOf(fixture.p1()).entries();
        assertTrue(history.stream().anyMatch(e -> CLINIC.equals(e.medicalInstitutionCode())
                && e.kind().equals("CARD_SESSION") && e.result().equals("1 LIMIT_CERTIFICATE")), history.toString());
        assertTrue(history.stream().anyMatch(e -> CLINIC.equals(e.medicalInstitutionCode())
                && e.kind().equals("CONSENT_GRANTED") && e.result().startsWith("MEDICATIONS")), history.toString());
    }

    /** Validity and revocation are judged now; asOf only selects the qualification. */
    @Test
    void theVisitDateSelectsTheQualificationButTheCardIsJudgedNow() throws Exception {
        LocalDate lastYear = TODAY.minusYears(1);
        CardSession session = desk.open();
        CardSessionResult result = desk.confirm(session.sessionId(), confirmation(fixture.recent(), session, lastYear,
                NONE));
        assertEquals(lastYear, result.eligibility().asOf());
        assertEquals(1, result.eligibility().validity());
        // the bare lookup judges the card on the visit date, when this card did not exist yet
        @SuppressWarnings("deprecation")
        org.junit.jupiter.api.function.Executable bare = () -> client(EligibilityApi.class, deployment, token(Roles.CLINIC, "desk-bare",
                Map.of(Roles.CLAIM_MEDICAL_INSTITUTION_CODE, CLINIC)))
                .certificateLookup(new CertificateLookupRequest(fixture.recent().base64(), lastYear));
        assertError(400, ErrorCodes.CERTIFICATE_EXPIRED, bare);

        CardSession beforeAcquisition = desk.open();
        assertEquals(2, desk.confirm(beforeAcquisition.sessionId(), confirmation(fixture.p1(), beforeAcquisition,
                APRIL_2024.minusDays(1), NONE)).eligibility().validity(), "no qualification valid on that day");
        CardSession future = desk.open();
        assertError(400, ErrorCodes.AS_OF_IN_FUTURE, () -> desk.confirm(future.sessionId(),
                confirmation(fixture.p1(), future, EligibilityIT.tomorrowInJapan(), NONE)));
    }

    @Test
    void aSessionIsConfirmedOnce() throws Exception {
        CardSession session = desk.open();
        CardConfirmation confirmation = confirmation(fixture.p1(), session, null, NONE);
        assertEquals(1, desk.confirm(session.sessionId(), confirmation).eligibility().validity());
        assertError(401, ErrorCodes.CHALLENGE_INVALID, () -> desk.confirm(session.sessionId(), confirmation));
        assertTrue(auditOf(CLINIC).stream().anyMatch(e -> e.kind().equals("CARD_SESSION")
                && e.result().equals(ErrorCodes.CHALLENGE_INVALID)), "the replay is on the trail");
    }

    @Test
    void aSessionOfAnotherClinicIsNotFoundAndStaysOpenForItsOwn() throws Exception {
        CardSession session = desk.open();
        CardConfirmation confirmation = confirmation(fixture.p1(), session, null, NONE);
        var another = assertError(404, ErrorCodes.CARD_SESSION_NOT_FOUND,
                () -> otherDesk.confirm(session.sessionId(), confirmation));
        var missing = assertError(404, ErrorCodes.CARD_SESSION_NOT_FOUND,
                () -> otherDesk.confirm(java.util.UUID.randomUUID().toString(), confirmation));
        assertEquals(missing, another, "another clinic's session answers exactly as a missing one");
        assertTrue(auditOf(OTHER_CLINIC).stream().anyMatch(e -> e.kind().equals("ACCESS_REFUSED")
                && e.result().equals("404 CARD_SESSION_NOT_FOUND POST eligibility/card-sessions/{sessionId}/confirmation")));
        assertEquals(1, desk.confirm(session.sessionId(), confirmation).eligibility().validity());
        assertError(400, ErrorCodes.INVALID_REQUEST, () -> desk.confirm("NOT-A-SESSION", confirmation));
    }

    @Test
    void aWrongSignatureIsRefusedAndLeavesTheSessionOpen() throws Exception {
        CardSession session = desk.open();
        assertError(401, ErrorCodes.SIGNATURE_INVALID, () -> desk.confirm(session.sessionId(), new CardConfirmation(
                fixture.p1().base64(), fixture.unregistered().sign(session.nonce()), null, NONE,
                PrescriptionForm.PAPER)));
        CardSession other = desk.open(); // a signature over its nonce proves nothing about this session
        assertError(401, ErrorCodes.SIGNATURE_INVALID, () -> desk.confirm(session.sessionId(), new CardConfirmation(
                fixture.p1().base64(), fixture.p1().sign(other.nonce()), null, NONE, PrescriptionForm.PAPER)));
        assertEquals(1, desk.confirm(session.sessionId(), confirmation(fixture.p1(), session, null, NONE))
                .eligibility().validity());
    }

    /**
     * Each refused confirmation is audited after its transaction rolled back, not in a transaction nested in it:
     * nested, each held a connection and the session's row while it waited for a second connection, and 64 at once
     * emptied the pool of 32 for its 60 s wait (the node's other callers waited too; 8 were answered 500).
     */
    @Test
    void manyBadConfirmationsOfOneSessionAtOnceAreEachRefusedQuicklyAndAudited() throws Exception {
        CardSessionApi flood = desk(FLOOD_CLINIC);
        CardSession session = flood.open();
        CardConfirmation garbage = new CardConfirmation("AAAA", "AAAA", null, NONE, PrescriptionForm.PAPER);
        ItSupport.assertRefusedAtOnce("bad confirmations of one session", 400, ErrorCodes.CERTIFICATE_INVALID,
                () -> flood.confirm(session.sessionId(), garbage));
        assertEquals(ItSupport.REFUSALS_AT_ONCE, auditOf(FLOOD_CLINIC).stream().filter(e -> e.kind().equals("CARD_SESSION")
                && e.result().equals(ErrorCodes.CERTIFICATE_INVALID)).count(), "every refusal on the trail");
        assertEquals(1, flood.confirm(session.sessionId(), confirmation(fixture.p1(), session, null, NONE))
                .eligibility().validity(), "the session is still open for the card");
    }

    @Test
    void anExpiredOrRevokedCardIsRefused() throws Exception {
        CardSession session = desk.open();
        assertError(400, ErrorCodes.CERTIFICATE_EXPIRED, () -> desk.confirm(session.sessionId(),
                confirmation(fixture.expired(), session, null, NONE)));
        // judged now, even for a visit date when it was valid
        assertError(400, ErrorCodes.CERTIFICATE_EXPIRED, () -> desk.confirm(session.sessionId(),
                confirmation(fixture.expired(), session, TODAY.minusYears(1), NONE)));
        assertError(400, ErrorCodes.CERTIFICATE_REVOKED, () -> desk.confirm(session.sessionId(),
                confirmation(fixture.revoked(), session, null, NONE)));
    }

    @Test
    void anUnregisteredCardIsToldToRegister() throws Exception {
        CardSession session = desk.open();
        var body = assertError(404, ErrorCodes.CARD_NOT_REGISTERED, () -> desk.confirm(session.sessionId(),
                confirmation(fixture.unregistered(), session, null, NONE)));
        assertTrue(body.message().contains("利用登録"), body.message());
    }

    @Test
    void thePersonRegistersTheCardAndWithdrawsTheRegistration() throws Exception {
        TestPki.Card card = fixture.p3();
        CardSession first = desk.open();
        assertError(404, ErrorCodes.CARD_NOT_REGISTERED, () -> desk.confirm(first.sessionId(),
                confirmation(card, first, null, NONE)));
        assertError(404, ErrorCodes.PERSON_NOT_FOUND,
                () -> registration.register(registrationOf(card, portal, "300", BIRTH.plusDays(1))));
        assertError(404, ErrorCodes.PERSON_NOT_FOUND,
                () -> registration.register(registrationOf(card, portal, "999", BIRTH)));
        CardRegistrationRequest request = registrationOf(card, portal, "300", BIRTH);
        CardRegistration registered = registration.register(request);
        assertNotNull(registered.registeredAt());
        assertNull(registered.withdrawnAt());
        assertError(401, ErrorCodes.CHALLENGE_INVALID, () -> registration.register(request));
        assertEquals(registered.registeredAt(), registration.register(registrationOf(card, portal, "300", BIRTH))
                .registeredAt(), "registering again changes nothing");
        assertError(409, ErrorCodes.CERTIFICATE_ALREADY_ENROLLED,
                () -> registration.register(registrationOf(card, portal, "100", BIRTH)));

        CardSession second = desk.open();
        CardSessionResult answered = desk.confirm(second.sessionId(), confirmation(card, second, null, NONE));
        assertEquals("300", answered.eligibility().qualifications().get(0).number());

        String challenge = portal.challenge().challenge();
        CardRegistration withdrawn = registration.withdraw(new AccessHistoryRequest(card.base64(), challenge,
                card.sign(challenge)));
        assertNotNull(withdrawn.withdrawnAt());
        CardSession third = desk.open();
        assertError(404, ErrorCodes.CARD_NOT_REGISTERED, () -> desk.confirm(third.sessionId(),
                confirmation(card, third, null, NONE)));
        String again = portal.challenge().challenge();
        assertError(404, ErrorCodes.CARD_NOT_REGISTERED, () -> registration.withdraw(new AccessHistoryRequest(
                card.base64(), again, card.sign(again))));

        Long person = auditOf(CLINIC).stream().filter(e -> e.checkId().equals(answered.eligibility().checkId()))
                .findFirst().orElseThrow().personId();
        List<String> own = auditor().search(null, person, TODAY.minusDays(1).toString(),
                TODAY.plusDays(1).toString(), 0, 1000).items().stream()
                .filter(e -> e.actorKind().equals("PERSON")).map(e -> e.kind() + " " + e.result()).toList();
        assertTrue(own.contains("CARD_REGISTRATION REGISTERED"), own.toString());
        assertTrue(own.contains("CARD_DEREGISTRATION WITHDRAWN"), own.toString());
    }

    @Test
    void aWithdrawnConsentEndsAtOnceAndIsInTheAccessHistory() throws Exception {
        CardSessionApi consentDesk = desk(CONSENT_CLINIC);
        ConsentApi consents = ItSupport.anonymousClient(ConsentApi.class, deployment);
        CardSession session = consentDesk.open();
        CardSessionResult result = consentDesk.confirm(session.sessionId(), confirmation(fixture.p1(), session, null,
                new ConsentChoices(false, true, true, false)));
        assertTrue(consent(result, ConsentCategory.CHECKUPS).granted());

        String challenge = portal.challenge().challenge();
        ConsentView withdrawn = consents.withdraw(new ConsentWithdrawal(fixture.p1().base64(), challenge,
                fixture.p1().sign(challenge), CONSENT_CLINIC, ConsentCategory.CHECKUPS));
        assertFalse(withdrawn.granted());
        assertNotNull(withdrawn.withdrawnAt());
        String again = portal.challenge().challenge();
        // withdrawn at once: nothing left to withdraw
        assertError(404, ErrorCodes.CONSENT_NOT_FOUND, () -> consents.withdraw(new ConsentWithdrawal(
                fixture.p1().base64(), again, fixture.p1().sign(again), CONSENT_CLINIC, ConsentCategory.CHECKUPS)));
        String another = portal.challenge().challenge();
        assertError(404, ErrorCodes.CONSENT_NOT_FOUND, () -> consents.withdraw(new ConsentWithdrawal(
                fixture.p1().base64(), another, fixture.p1().sign(another), OTHER_CLINIC,
                ConsentCategory.SPECIFIC_DISEASES))); // given to one clinic, not to another

        // a "no" at the reader ends the clinic's consent still in force
        CardSession next = consentDesk.open();
        CardSessionResult declined = consentDesk.confirm(next.sessionId(), confirmation(fixture.p1(), next, null,
                NONE));
        assertFalse(consent(declined, ConsentCategory.SPECIFIC_DISEASES).granted());
        assertNotNull(consent(declined, ConsentCategory.SPECIFIC_DISEASES).withdrawnAt());

        List<AccessEntry> history = historyOf(fixture.p1()).entries();
        assertTrue(history.stream().anyMatch(e -> e.medicalInstitutionCode() == null
                && e.kind().equals("CONSENT_WITHDRAWN")
                && e.result().equals("CHECKUPS " + CONSENT_CLINIC + " BY_CARD")), history.toString());
        assertTrue(history.stream().anyMatch(e -> e.kind().equals("CONSENT_WITHDRAWN")
                && e.result().equals("SPECIFIC_DISEASES " + CONSENT_CLINIC + " AT_READER")), history.toString());
    }

    @Test
    void aCardWhoseCertificateEndsWithinThreeMonthsIsAnsweredWithAWarning() throws Exception {
        CardSession session = desk.open();
        CardSessionResult result = desk.confirm(session.sessionId(), confirmation(fixture.soon(), session, null,
                NONE));
        assertEquals(1, result.eligibility().validity());
        assertEquals(List.of(CardWarning.CERTIFICATE_EXPIRES_SOON),
                result.warnings().stream().map(CardWarning::code).toList());
        assertTrue(result.warnings().get(0).message().contains(
                fixture.soon().certificate().getNotAfter().toInstant().atZone(JAPAN).toLocalDate().toString()));
    }

    /** The bare certificate lookup is deprecated in the OpenAPI document; the card sessions are there. */
    @Test
    void theOpenApiDocumentDeprecatesTheBareCertificateLookup() throws Exception {
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(ItSupport.server(deployment).resolve("openapi"))
                        .header("Accept", "application/json").build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        jakarta.json.JsonObject paths;
        try (jakarta.json.JsonReader reader = jakarta.json.Json.createReader(new java.io.StringReader(
                response.body()))) {
            paths = reader.readObject().getJsonObject("paths");
        }
        String prefix = "/" + jp.oqs.api.ApiVersion.V1 + "/";
        jakarta.json.JsonObject bare = paths.getJsonObject(prefix + "eligibility/certificate-lookups")
                .getJsonObject("post");
        assertTrue(bare.getBoolean("deprecated", false), bare.toString());
        assertTrue(bare.getString("description").contains(ErrorCodes.CARD_SESSION_REQUIRED), bare.toString());
        jakarta.json.JsonObject confirm = paths.getJsonObject(prefix
                + "eligibility/card-sessions/{sessionId}/confirmation").getJsonObject("post");
        assertFalse(confirm.getBoolean("deprecated", false));
        assertTrue(confirm.getString("description").contains(ErrorCodes.CARD_NOT_REGISTERED), confirm.toString());
    }

    /**
     * On a server of its own with sessions of five seconds, consents of {@value #CONSENT_SECONDS} seconds and {@code
     * oqs.certificates.require-session=true}: a session confirmed after its lifetime is refused with {@code
     * CARD_SESSION_EXPIRED}; a bare certificate lookup is refused until the clinic confirmed a session with that
     * card, and answered after it (for that clinic only); the 限度額 group is answered while the consent given at
     * the reader lives and not after it expired, the answers saying so, on the audit trail and in the person's
     * access history.
     */
    @Test
    void anExpiredSessionIsRefusedAndRequireSessionRefusesABareCertificate() throws Throwable {
        Path dataDir = Path.of(System.getProperty("oqs.it.data.dir") + "-card-sessions");
        ItSupport.Tokens issuer = ItSupport.ownTokens(dataDir);
        try (MicroServer server = MicroServer.start(dataDir, "micro-card-sessions.log", List.of(
                "-Doqs.card-sessions.lifetime-seconds=5",
                "-Doqs.consents.lifetime-seconds=" + CONSENT_SECONDS,
                "-Doqs.certificates.require-session=true"))) {
            Fixture own = build(server.api(), issuer, dataDir);
            CardSessionApi ownDesk = client(CardSessionApi.class, server.api(), issuer.issue(Roles.CLINIC, "desk",
                    Map.of(Roles.CLAIM_MEDICAL_INSTITUTION_CODE, CLINIC)));
            EligibilityApi bareDesk = client(EligibilityApi.class, server.api(), issuer.issue(Roles.CLINIC, "bare",
                    Map.of(Roles.CLAIM_MEDICAL_INSTITUTION_CODE, CLINIC)));
            EligibilityApi otherBareDesk = client(EligibilityApi.class, server.api(), issuer.issue(Roles.CLINIC,
                    "other", Map.of(Roles.CLAIM_MEDICAL_INSTITUTION_CODE, OTHER_CLINIC)));
            CertificateLookupRequest bare = new CertificateLookupRequest(own.p4().base64(), null);

            CardSession late = ownDesk.open();
            Thread.sleep(Duration.ofSeconds(6).toMillis());
            assertError(401, ErrorCodes.CARD_SESSION_EXPIRED, () -> ownDesk.confirm(late.sessionId(),
                    confirmation(own.p4(), late, null, NONE)));
            assertError(401, ErrorCodes.CARD_SESSION_REQUIRED, () -> bareLookup(bareDesk, bare));

            CardSession inTime = ownDesk.open();
            assertEquals(1, ownDesk.confirm(inTime.sessionId(), confirmation(own.p4(), inTime, null, NONE))
                    .eligibility().validity());
            assertEquals(1, bareLookup(bareDesk, bare).validity(), "backed by the confirmed session");
            assertError(401, ErrorCodes.CARD_SESSION_REQUIRED, () -> bareLookup(otherBareDesk, bare));

            aConsentThatExpiredOpensTheLimitGroupNoMore(server.api(), issuer, own.p4(), ownDesk, bareDesk, bare);
        }
    }

    /**
     * P4 holds a 限度額適用認定証; the patient consents at the reader: the session's answer carries it. Once the
     * consent's lifetime has passed (polled, no longer than needed), the same clinic's answer carries it no more and
     * says no consent is live; the trail and the access history show the answer with the group, the grant, and the
     * later answer without it; the expired consent was not withdrawn by anyone.
     */
    private static void aConsentThatExpiredOpensTheLimitGroupNoMore(URI api, ItSupport.Tokens issuer,
                                                                    TestPki.Card card, CardSessionApi ownDesk,
                                                                    EligibilityApi bareDesk, CertificateLookupRequest bare)
            throws Throwable {
        LimitCertificate a03 = new LimitCertificate(LimitCertificateClassification.LIMIT, LimitCategory.A03,
                APRIL_2024, APRIL_2024, TODAY.plusYears(1), null);
        SyncApi sync = client(SyncApi.class, api, issuer.issue(Roles.INSURER_SYNC, "sync-311",
                Map.of(Roles.CLAIM_INSURER_NUMBERS, List.of(INSURER))));
        assertEquals(1, sync.submit(batch(INSURER, new SyncRecord("p4-limit", SyncOperation.CHANGE,
                new PersonData("LK-311-P4", null, null, null, null), new QualificationData(null, null, null, null,
                null, null, null, null, null, null, null, a03, null, null), TODAY.minusDays(1), null, null)))
                .accepted());

        CardSession consenting = ownDesk.open();
        CardSessionResult given = ownDesk.confirm(consenting.sessionId(), confirmation(card, consenting, null,
                new ConsentChoices(true, false, null, null)));
        ConsentView consent = consent(given, ConsentCategory.LIMIT_CERTIFICATE);
        assertTrue(consent.granted(), consent.toString());
        assertEquals(Duration.ofSeconds(CONSENT_SECONDS), Duration.between(consent.grantedAt(),
                consent.expiresAt()), "the configured lifetime");
        QualificationView live = given.eligibility().qualifications().get(0);
        assertTrue(live.limitCertificateConsent());
        assertEquals(a03, live.limitCertificate(), "answered while the consent lives");

        CertificateLookupResult expired = null;
        while (expired == null) {
            CertificateLookupResult answer = bareLookup(bareDesk, bare);
            if (!answer.qualifications().get(0).limitCertificateConsent()) {
                expired = answer;
            } else {
                assertTrue(Instant.now().isBefore(consent.expiresAt().plusSeconds(30)),
                        "the consent still opens the group 30 s after it expired");
                Thread.sleep(250);
            }
        }
        assertFalse(Instant.now().isBefore(consent.expiresAt()), "not closed before the consent expired");
        QualificationView after = expired.qualifications().get(0);
        assertEquals(1, expired.validity());
        assertNull(after.limitCertificate(), "not answered once the consent expired");
        assertFalse(after.specificDiseasesConsent());

        // at the reader again without consent: the expired consent shows as not given, and nobody withdrew it
        CardSession declined = ownDesk.open();
        CardSessionResult again = ownDesk.confirm(declined.sessionId(), confirmation(card, declined, null, NONE));
        assertEquals(new ConsentView(ConsentCategory.LIMIT_CERTIFICATE, false, null, null, null),
                consent(again, ConsentCategory.LIMIT_CERTIFICATE));
        assertFalse(again.eligibility().qualifications().get(0).limitCertificateConsent());

        List<AuditEntryView> trail = client(AuditApi.class, api, issuer.issue(Roles.AUDITOR, "auditor-311",
                Map.of())).search(CLINIC, null, TODAY.minusDays(1).toString(), TODAY.plusDays(1).toString(), 0,
                1000).items();
        assertEquals("1 LIMIT_CERTIFICATE", resultOf(trail, given.eligibility().checkId()));
        assertEquals("1", resultOf(trail, expired.checkId()), "the answer after expiry carried no consent-bound group");
        assertTrue(trail.stream().anyMatch(e -> e.kind().equals("CONSENT_GRANTED")
                && e.result().equals("LIMIT_CERTIFICATE UNTIL " + consent.expiresAt())), trail.toString());

        AccessHistoryApi portal = ItSupport.anonymousClient(AccessHistoryApi.class, api);
        String challenge = portal.challenge().challenge();
        List<AccessEntry> history = portal.history(new AccessHistoryRequest(card.base64(), challenge,
                card.sign(challenge))).entries();
        assertTrue(history.stream().anyMatch(e -> CLINIC.equals(e.medicalInstitutionCode())
                && e.kind().equals("CARD_SESSION") && e.result().equals("1 LIMIT_CERTIFICATE")), history.toString());
        assertTrue(history.stream().anyMatch(e -> e.kind().equals("CONSENT_GRANTED")
                && e.result().startsWith("LIMIT_CERTIFICATE UNTIL ")), history.toString());
        assertTrue(history.stream().anyMatch(e -> CLINIC.equals(e.medicalInstitutionCode())
                && e.kind().equals("CERTIFICATE_LOOKUP") && e.result().equals("1")), history.toString());
        assertTrue(history.stream().noneMatch(e -> e.kind().equals("CONSENT_WITHDRAWN")),
                "an expired consent is not a withdrawal: " + history);
    }

    private static String resultOf(List<AuditEntryView> trail, String checkId) {
        return trail.stream().filter(e -> checkId.equals(e.checkId())).findFirst()
                .orElseThrow(() -> new AssertionError(checkId + " is on the trail")).result();
    }

    @SuppressWarnings("deprecation")
    private static CertificateLookupResult bareLookup(EligibilityApi desk, CertificateLookupRequest request) {
        return desk.certificateLookup(request);
    }
}
