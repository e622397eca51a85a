package jp.oqs.web;

import static jp.oqs.web.ItSupport.client;
import static jp.oqs.web.ItSupport.insurerNumber;
import static jp.oqs.web.ItSupport.token;
import static jp.oqs.web.SyncRecords.attributes;
import static jp.oqs.web.SyncRecords.batch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.oqs.api.audit.AccessHistoryApi;
import jp.oqs.api.audit.AuditApi;
import jp.oqs.api.audit.AuditEntryView;
import jp.oqs.api.eligibility.BulkEntry;
import jp.oqs.api.eligibility.BulkLookupRequest;
import jp.oqs.api.eligibility.BulkReception;
import jp.oqs.api.eligibility.BulkResult;
import jp.oqs.api.eligibility.BulkStatus;
import jp.oqs.api.eligibility.CardConfirmation;
import jp.oqs.api.eligibility.CardSession;
import jp.oqs.api.eligibility.CardSessionApi;
import jp.oqs.api.eligibility.CardSessionResult;
import jp.oqs.api.eligibility.CertificateLookupRequest;
import jp.oqs.api.eligibility.ConsentCategory;
import jp.oqs.api.eligibility.ConsentChoices;
import jp.oqs.api.eligibility.ConsentView;
import jp.oqs.api.eligibility.EligibilityApi;
import jp.oqs.api.eligibility.LookupRequest;
import jp.oqs.api.eligibility.PrescriptionForm;
import jp.oqs.api.eligibility.QualificationView;
import jp.oqs.api.error.ErrorCodes;
import jp.oqs.api.insurer.InsurerAdminApi;
import jp.oqs.api.insurer.NumberingRuleKind;
import jp.oqs.api.insurer.NumberingRuleRequest;
import jp.oqs.api.insurer.OnboardInsurerRequest;
import jp.oqs.api.person.CardRegistrationApi;
import jp.oqs.api.person.CardRegistrationRequest;
import jp.oqs.api.security.Roles;
import jp.oqs.api.sync.CardClassification;
import jp.oqs.api.sync.CertificateGroup;
import jp.oqs.api.sync.ElderlyRecipient;
import jp.oqs.api.sync.LimitCategory;
import jp.oqs.api.sync.LimitCertificate;
import jp.oqs.api.sync.LimitCertificateClassification;
import jp.oqs.api.sync.PersonData;
import jp.oqs.api.sync.QualificationData;
import jp.oqs.api.sync.RecordResult;
import jp.oqs.api.sync.RecordStatus;
import jp.oqs.api.sync.Relationship;
import jp.oqs.api.sync.Sex;
import jp.oqs.api.sync.SpecificDisease;
import jp.oqs.api.sync.SpecificDiseaseCategory;
import jp.oqs.api.sync.SyncApi;
import jp.oqs.api.sync.SyncBatchResult;
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
 * What the desk needs to charge (窓口負担, issue 11 section 2), through the published contract on histories built
 * through the sync API: the card classification and the 高齢受給者証 kept effective-dated like the other attributes,
 * the rejections that say why, the copay ratio of the visit date and 未就学; the 限度額適用認定証 and 特定疾病療養受療証,
 * answered only under the patient's consent, which the answer echoes.
 */
@ExtendWith(ArquillianExtension.class)
class DeskChargeIT {

    private static final String CLINIC = "0110113719";
    static final String SOCIETY = insurerNumber("06", "32", 401);
    static final String LATE = insurerNumber("39", "32", 402);
    private static final LocalDate ACQUIRED = LocalDate.of(2020, 4, 1);
    /** 70 on 2024-06-15: a 高齢受給者証 from 2024-07-01. */
    private static final LocalDate SEVENTY = LocalDate.of(1954, 6, 15);
    private static final ElderlyRecipient FIRST_CERTIFICATE = new ElderlyRecipient(LocalDate.of(2024, 6, 20),
            LocalDate.of(2024, 7, 1), LocalDate.of(2025, 7, 31), 20);
    private static final ElderlyRecipient SECOND_CERTIFICATE = new ElderlyRecipient(LocalDate.of(2025, 7, 20),
            LocalDate.of(2025, 8, 1), LocalDate.of(2026, 7, 31), 30);
    private static final LocalDate CARD_CHANGED = LocalDate.of(2025, 10, 1);
    private static final LocalDate LIMIT_BIRTH = LocalDate.of(1980, 1, 1);
    private static final LimitCertificate A03 = new LimitCertificate(LimitCertificateClassification.LIMIT,
            LimitCategory.A03, LocalDate.of(2025, 3, 20), LocalDate.of(2025, 4, 1), LocalDate.of(2026, 7, 31), null);
    private static final LimitCertificate A02 = new LimitCertificate(
            LimitCertificateClassification.LIMIT_AND_MEAL_REDUCTION, LimitCategory.A02, LocalDate.of(2026, 7, 20),
            LocalDate.of(2026, 8, 1), LocalDate.of(2027, 7, 31), LocalDate.of(2026, 9, 1));
    private static final SpecificDisease DIALYSIS = new SpecificDisease(SpecificDiseaseCategory.CHRONIC_RENAL_FAILURE,
            LocalDate.of(2024, 3, 20), LocalDate.of(2024, 4, 1), LocalDate.of(2027, 3, 31), 10_000);

    private static boolean built;
    private static TestPki.Card limitCard;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.microWar();
    }

    @ArquillianResource
    private URL deployment;

    private EligibilityApi clinic;
    private SyncApi sync;

    @BeforeEach
    void clients() throws Throwable {
        clinic = client(EligibilityApi.class, deployment, token(Roles.CLINIC, "clinic-charge",
                Map.of(Roles.CLAIM_MEDICAL_INSTITUTION_CODE, CLINIC)));
        sync = client(SyncApi.class, deployment, token(Roles.INSURER_SYNC, "sync-charge",
                Map.of(Roles.CLAIM_INSURER_NUMBERS, List.of(SOCIETY, LATE))));
        synchronized (DeskChargeIT.class) {
            if (!built) {
                build();
                built = true;
            }
        }
    }

    /** The histories the lookups read (tests that add records use persons of their own). */
    private void build() throws Throwable {
        InsurerAdminApi ssk = client(InsurerAdminApi.class, deployment, token(Roles.SSK_ADMIN, "ssk-charge"));
        InsurerAdminApi kokuho = client(InsurerAdminApi.class, deployment, token(Roles.KOKUHO_ADMIN,
                "kokuho-charge"));
        for (String number : List.of(SOCIETY, LATE)) {
            InsurerAdminApi admin = number.equals(LATE) ? kokuho : ssk;
            admin.onboard(new OnboardInsurerRequest(number, "窓口負担試験保険者", "マドグチフタンシケン", null,
                    new NumberingRuleRequest(NumberingRuleKind.HOUSEHOLD_BRANCH, LocalDate.of(2000, 1, 1), null,
                            null, null))).close();
            admin.activate(number);
        }
        SyncBatchResult first = sync.submit(batch(SOCIETY,
                acquire("elder", person("LK-CH-ELDER", SEVENTY), "E", "1", ACQUIRED, CardClassification.GENERAL,
                        FIRST_CERTIFICATE),
                acquire("spring", person("LK-CH-APRIL2", LocalDate.of(2019, 4, 2)), "K", "2",
                        LocalDate.of(2019, 4, 2), null, null),
                acquire("early", person("LK-CH-APRIL1", LocalDate.of(2019, 4, 1)), "K", "3",
                        LocalDate.of(2019, 4, 1), null, null)));
        assertEquals(3, first.accepted(), first.toString());
        SyncBatchResult changes = sync.submit(batch(SOCIETY,
                change("elder-renewed", "LK-CH-ELDER", SECOND_CERTIFICATE.validFrom(),
                        attributes(null, null, SECOND_CERTIFICATE)),
                change("elder-card", "LK-CH-ELDER", CARD_CHANGED,
                        attributes(null, CardClassification.QUALIFICATION_CERTIFICATE, null))));
        assertEquals(2, changes.accepted(), changes.toString());

        SyncBatchResult limit = sync.submit(batch(SOCIETY, SyncRecords.acquire("limit",
                person("LK-CH-LIMIT", LIMIT_BIRTH), new QualificationData("L", "1", null, null, Relationship.SELF,
                        ACQUIRED, 30, null, null, CardClassification.GENERAL, null, A03, List.of(DIALYSIS),
                        null))));
        assertEquals(1, limit.accepted(), limit.toString());
        SyncBatchResult renewed = sync.submit(batch(SOCIETY, change("limit-renewed", "LK-CH-LIMIT", A02.validFrom(),
                new QualificationData(null, null, null, null, null, null, null, null, null, null, null, A02,
                        null, null))));
        assertEquals(1, renewed.accepted(), renewed.toString());

        TestPki ca = new TestPki("OQS Desk Charge CA");
        Instant now = Instant.now();
        limitCard = ca.issue("CH-LIMIT", now.minus(Duration.ofDays(100)), now.plus(Duration.ofDays(1000)));
        ca.trustAlso(Path.of(System.getProperty("oqs.it.data.dir")), "desk-charge-ca", List.of());
        CardRegistrationApi persons = ItSupport.anonymousClient(CardRegistrationApi.class, deployment);
        AccessHistoryApi challenges = ItSupport.anonymousClient(AccessHistoryApi.class, deployment);
        ItSupport.onceTrusted("desk charge registration", () -> {
            String challenge = challenges.challenge().challenge();
            persons.register(new CardRegistrationRequest(limitCard.base64(), challenge, limitCard.sign(challenge),
                    SOCIETY, "L", "1", "01", LIMIT_BIRTH));
        });
    }

    private static PersonData person(String linkKey, LocalDate birthDate) {
        return new PersonData(linkKey, birthDate, Sex.FEMALE, "窓口花子", "マドグチハナコ");
    }

    private static SyncRecord acquire(String recordId, PersonData person, String symbol, String number,
                                      LocalDate acquiredOn, CardClassification card, ElderlyRecipient elderly) {
        return SyncRecords.acquire(recordId, person, new QualificationData(symbol, number, null, null,
                Relationship.SELF, acquiredOn, 30, null, null, card, elderly, null, null, null));
    }

    private static SyncRecord acquireWithLimit(String recordId, PersonData person, String number,
                                               LocalDate acquiredOn, LimitCertificate limit) {
        return SyncRecords.acquire(recordId, person, new QualificationData("LC", number, null, null,
                Relationship.SELF, acquiredOn, 30, null, null, null, null, limit, null, null));
    }

    private static SyncRecord change(String recordId, String linkKey, LocalDate from, QualificationData data) {
        return new SyncRecord(recordId, SyncOperation.CHANGE, new PersonData(linkKey, null, null, null, null), data,
                from, null, null);
    }

    private QualificationView lookup(String insurer, String symbol, String number, LocalDate birthDate,
                                     LocalDate asOf) {
        var result = clinic.lookup(new LookupRequest(insurer, symbol, number, null, null, birthDate, asOf, null));
        assertEquals(1, result.validity(), result.toString());
        return result.qualification();
    }

    private QualificationView elder(LocalDate asOf) {
        return lookup(SOCIETY, "E", "1", SEVENTY, asOf);
    }

    @Test
    void theElderlyCertificateValidOnTheVisitDateSetsTheCopayRatio() {
        QualificationView before = elder(LocalDate.of(2024, 6, 30));
        assertNull(before.elderlyRecipient(), "not yet valid on the visit date");
        assertEquals(30, before.copayRatio(), "the qualification's ratio");

        QualificationView first = elder(LocalDate.of(2024, 7, 1));
        assertEquals(FIRST_CERTIFICATE, first.elderlyRecipient());
        assertEquals(20, first.copayRatio(), "the certificate's ratio overrides the qualification's");

        QualificationView renewed = elder(LocalDate.of(2025, 8, 1));
        assertEquals(SECOND_CERTIFICATE, renewed.elderlyRecipient(), "the CHANGE made a new version");
        assertEquals(30, renewed.copayRatio());
        assertEquals(FIRST_CERTIFICATE, elder(LocalDate.of(2025, 7, 31)).elderlyRecipient(),
                "the earlier version is kept: the past is not overwritten");
    }

    @Test
    void theCardClassificationIsEffectiveDatedAndAChangeKeepsTheOtherGroups() {
        QualificationView general = elder(CARD_CHANGED.minusDays(1));
        assertEquals(CardClassification.GENERAL, general.cardClassification());
        assertEquals("01", general.cardClassificationCode());

        QualificationView certificate = elder(CARD_CHANGED);
        assertEquals(CardClassification.QUALIFICATION_CERTIFICATE, certificate.cardClassification());
        assertEquals("05", certificate.cardClassificationCode());
        assertEquals(SECOND_CERTIFICATE, certificate.elderlyRecipient(), "a group not sent is kept");
        assertEquals(30, certificate.copayRatio());
    }

    /** 未就学 and its copay: 20 % (the insurer recorded 30 for these children) until that March 31, then 30. */
    @Test
    void preschoolUntilTheMarch31AfterTheChildReachesSix() {
        LocalDate aprilSecond = LocalDate.of(2019, 4, 2);
        QualificationView lastPreschoolDay = lookup(SOCIETY, "K", "2", aprilSecond, LocalDate.of(2026, 3, 31));
        assertTrue(lastPreschoolDay.preschool());
        assertEquals(20, lastPreschoolDay.copayRatio(), "a preschool child pays 20 %");
        QualificationView firstSchoolDay = lookup(SOCIETY, "K", "2", aprilSecond, LocalDate.of(2026, 4, 1));
        assertFalse(firstSchoolDay.preschool());
        assertEquals(30, firstSchoolDay.copayRatio(), "at school: the insurer's ratio");
        LocalDate aprilFirst = LocalDate.of(2019, 4, 1);
        QualificationView aYearEarlier = lookup(SOCIETY, "K", "3", aprilFirst, LocalDate.of(2025, 3, 31));
        assertTrue(aYearEarlier.preschool());
        assertEquals(20, aYearEarlier.copayRatio());
        QualificationView atSchool = lookup(SOCIETY, "K", "3", aprilFirst, LocalDate.of(2025, 4, 1));
        assertFalse(atSchool.preschool(), "born on April 1: school a year earlier");
        assertEquals(30, atSchool.copayRatio());
        assertFalse(elder(LocalDate.of(2025, 4, 1)).preschool());
    }

    @Test
    void aBulkCheckAnswersTheGroupsOfEachEntrysServiceDate() {
        List<BulkEntry> entries = List.of(
                new BulkEntry("e-before", SOCIETY, "E", "1", null, null, SEVENTY, LocalDate.of(2024, 6, 30), null),
                new BulkEntry("e-first", SOCIETY, "E", "1", null, null, SEVENTY, LocalDate.of(2024, 7, 1), null),
                new BulkEntry("e-card", SOCIETY, "E", "1", null, null, SEVENTY, CARD_CHANGED, null));
        BulkResult result = awaitBulk(entries);
        for (int i = 0; i < entries.size(); i++) {
            assertEquals(elder(entries.get(i).serviceDate()), result.results().get(i).answer().qualification(),
                    "entry " + i + " as a single check of its service date");
        }
    }

    @Test
    void anElderlyCertificateForSomeoneNotAged70To74IsRejectedWithTheReason() {
        ElderlyRecipient certificate = new ElderlyRecipient(ACQUIRED, ACQUIRED, ACQUIRED.plusYears(1), 20);
        RecordResult sixty = rejected(SOCIETY, acquire("sixty", person("LK-CH-60", LocalDate.of(1960, 1, 1)),
                "R", "60", ACQUIRED, null, certificate));
        assertTrue(sixty.message().contains("70歳以上75歳未満") && sixty.message().contains("（60歳）"), sixty.message());
        RecordResult seventyFive = rejected(SOCIETY, acquire("seventy-five",
                person("LK-CH-75", LocalDate.of(1945, 4, 1)), "R", "75", ACQUIRED, null, certificate));
        assertTrue(seventyFive.message().contains("（75歳）"), seventyFive.message());
        RecordResult late = rejected(LATE, acquire("late", person("LK-CH-LATE", LocalDate.of(1950, 1, 1)),
                "L", "1", ACQUIRED, null, new ElderlyRecipient(ACQUIRED, ACQUIRED, ACQUIRED.plusYears(1), 20)));
        assertTrue(late.message().contains("後期高齢者"), late.message());
    }

    @Test
    void anElderlyCertificateNeedsARatioOf20Or30AndDatesInsideTheQualification() {
        PersonData elder = person("LK-CH-BAD", LocalDate.of(1950, 1, 1));
        LocalDate from = LocalDate.of(2021, 4, 1);
        RecordResult ratio = rejected(SOCIETY, acquire("ratio", elder, "B", "1", from, null,
                new ElderlyRecipient(from, from, from.plusYears(1), 10)));
        assertTrue(ratio.message().contains("20・30"), ratio.message());
        RecordResult early = rejected(SOCIETY, acquire("early", elder, "B", "1", from, null,
                new ElderlyRecipient(from, from.minusDays(1), from.plusYears(1), 20)));
        assertTrue(early.message().contains("資格取得日"), early.message());
        RecordResult reversed = rejected(SOCIETY, acquire("reversed", elder, "B", "1", from, null,
                new ElderlyRecipient(from, from.plusYears(1), from, 20)));
        assertTrue(reversed.message().contains("有効終了日が有効開始日より前"), reversed.message());
        RecordResult incomplete = rejected(SOCIETY, acquire("incomplete", elder, "B", "1", from, null,
                new ElderlyRecipient(from, from, from.plusYears(1), null)));
        assertTrue(incomplete.message().contains("ratio"), incomplete.message());
    }

    @Test
    void aRejectedChangeLeavesTheHistoryAsItWas() {
        QualificationView before = elder(LocalDate.of(2025, 12, 1));
        RecordResult ratio = rejected(SOCIETY, change("elder-bad", "LK-CH-ELDER", LocalDate.of(2025, 12, 1),
                attributes(null, null, new ElderlyRecipient(LocalDate.of(2025, 11, 1), LocalDate.of(2025, 12, 1),
                        LocalDate.of(2026, 11, 30), 25))));
        assertTrue(ratio.message().contains("20・30"), ratio.message());
        assertEquals(before, elder(LocalDate.of(2025, 12, 1)));
    }

    @Test
    void aCardClassificationTheInsurerDoesNotIssueIsRejected() {
        for (CardClassification card : List.of(CardClassification.SELF_DEFENSE_FORCES,
                CardClassification.SPECIAL_RETIREE, CardClassification.RETIREE, CardClassification.SHORT_TERM)) {
            RecordResult refused = rejected(SOCIETY, acquire("card-" + card, person("LK-CH-CARD-" + card,
                    LocalDate.of(1980, 1, 1)), "C", card.code(), ACQUIRED, card, null));
            assertTrue(refused.message().contains(card.code()), refused.message());
        }
        SyncBatchResult shortTerm = sync.submit(batch(LATE, acquire("late-short", person("LK-CH-SHORT",
                LocalDate.of(1945, 1, 1)), "S", "1", ACQUIRED, CardClassification.SHORT_TERM, null)));
        assertEquals(1, shortTerm.accepted(), "後期高齢者 issue 短期被保険者証: " + shortTerm);
    }

    private QualificationView limited(LocalDate asOf, Boolean consent) {
        var result = clinic.lookup(new LookupRequest(SOCIETY, "L", "1", null, null, LIMIT_BIRTH, asOf, consent));
        assertEquals(1, result.validity(), result.toString());
        return result.qualification();
    }

    @Test
    void theLimitGroupsOfACheckByNumbersAreAnsweredOnlyWithTheRequestsConsentFlag() {
        LocalDate may = LocalDate.of(2025, 5, 1);
        for (Boolean none : java.util.Arrays.asList(null, false)) {
            QualificationView without = limited(may, none);
            assertFalse(without.limitCertificateConsent(), "the answer says it was not asked with consent");
            assertNull(without.limitCertificate());
            assertFalse(without.specificDiseasesConsent());
            assertNull(without.specificDiseases());
        }
        QualificationView with = limited(may, true);
        String checkId = clinic.lookup(new LookupRequest(SOCIETY, "L", "1", null, null, LIMIT_BIRTH, may, true))
                .checkId();
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Tokyo"));
        AuditEntryView use = client(AuditApi.class, deployment, token(Roles.AUDITOR, "auditor-charge"))
                .search(CLINIC, null, today.minusDays(1).toString(), today.plusDays(1).toString(), 0, 1000).items()
                .stream().filter(e -> e.checkId().equals(checkId)).findFirst().orElseThrow();
        assertEquals("1 LIMIT_CERTIFICATE SPECIFIC_DISEASES", use.result(), "each use of the consent is audited");
        assertTrue(with.limitCertificateConsent());
        assertEquals(A03, with.limitCertificate());
        assertTrue(with.specificDiseasesConsent());
        assertEquals(List.of(DIALYSIS), with.specificDiseases());

        assertEquals(A02, limited(LocalDate.of(2026, 8, 1), true).limitCertificate(), "the CHANGE made a version");
        assertEquals(A03, limited(LocalDate.of(2026, 7, 31), true).limitCertificate(), "the earlier one is kept");
        QualificationView before = limited(DIALYSIS.validFrom().minusDays(1), true);
        assertNull(before.limitCertificate(), "no certificate valid that day");
        assertEquals(List.of(), before.specificDiseases(), "asked with consent: none valid that day");

        List<BulkEntry> entries = List.of(
                new BulkEntry("l-none", SOCIETY, "L", "1", null, null, LIMIT_BIRTH, may, null),
                new BulkEntry("l-consent", SOCIETY, "L", "1", null, null, LIMIT_BIRTH, may, true));
        BulkResult bulk = awaitBulk(entries);
        assertEquals(limited(may, null), bulk.results().get(0).answer().qualification());
        assertEquals(with, bulk.results().get(1).answer().qualification());
    }

    @Test
    void atTheReaderEachGroupIsAnsweredOnlyWithItsCategorysLiveConsent() throws Exception {
        CardSessionApi desk = as(CardSessionApi.class, CLINIC);
        LocalDate may = LocalDate.of(2025, 5, 1);
        QualificationView limitOnly = atReader(desk, may, new ConsentChoices(true, false, null, null))
                .eligibility().qualifications().get(0);
        assertTrue(limitOnly.limitCertificateConsent());
        assertEquals(A03, limitOnly.limitCertificate());
        assertFalse(limitOnly.specificDiseasesConsent());
        assertNull(limitOnly.specificDiseases());

        QualificationView diseasesOnly = atReader(desk, may, new ConsentChoices(false, true, null, null))
                .eligibility().qualifications().get(0);
        assertFalse(diseasesOnly.limitCertificateConsent(), "answered no at the reader: the consent ended");
        assertNull(diseasesOnly.limitCertificate());
        assertTrue(diseasesOnly.specificDiseasesConsent());
        assertEquals(List.of(DIALYSIS), diseasesOnly.specificDiseases());
    }

    /**
     * Consent is per clinic: what the patient allowed at clinic A's reader opens nothing to clinic B, by any path
     * (B's card session, certificate lookup, single and bulk lookups by numbers without B's own flag), and B's
     * "no" at its reader does not end A's consent.
     */
    @Test
    void aConsentGivenAtOneClinicsReaderOpensNothingToAnotherClinic() throws Exception {
        String codeA = "011011373" + CheckDigits.luhn("011011373");
        String codeB = "011011374" + CheckDigits.luhn("011011374");
        CardSessionApi deskA = as(CardSessionApi.class, codeA);
        CardSessionApi deskB = as(CardSessionApi.class, codeB);
        EligibilityApi clinicA = as(EligibilityApi.class, codeA);
        EligibilityApi clinicB = as(EligibilityApi.class, codeB);
        LocalDate may = LocalDate.of(2025, 5, 1);

        QualificationView shownToA = atReader(deskA, may, new ConsentChoices(true, true, null, null))
                .eligibility().qualifications().get(0);
        assertEquals(A03, shownToA.limitCertificate(), "the clinic the patient consented to");
        assertEquals(List.of(DIALYSIS), shownToA.specificDiseases());

        var sessionB = atReader(deskB, may, new ConsentChoices(false, false, null, null));
        assertWithheld(sessionB.eligibility().qualifications().get(0), "B's card session");
        assertEquals(new ConsentView(ConsentCategory.LIMIT_CERTIFICATE, false, null, null, null), sessionB.consents().get(0), "B never had a consent to end");
        @SuppressWarnings("deprecation")
        var certificateB = clinicB.certificateLookup(new CertificateLookupRequest(limitCard.base64(),
                null));
        assertWithheld(certificateB.qualifications().get(0), "B's certificate lookup");
        assertWithheld(clinicB.lookup(new LookupRequest(SOCIETY, "L", "1", null, null, LIMIT_BIRTH, may, null))
                .qualification(), "B's lookup by numbers without its own flag");
        assertWithheld(awaitBulk(clinicB, List.of(new BulkEntry("b", SOCIETY, "L", "1", null, null, LIMIT_BIRTH, may,
                null))).results().get(0).answer().qualification(), "B's bulk entry without its own flag");

        @SuppressWarnings("deprecation")
        var certificateA = clinicA.certificateLookup(new CertificateLookupRequest(limitCard.base64(),
                null));
        assertTrue(certificateA.qualifications().get(0).limitCertificateConsent(), "A's consent is still live");
        assertTrue(certificateA.qualifications().get(0).specificDiseasesConsent());

        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Tokyo"));
        List<AuditEntryView> trailB = client(AuditApi.class, deployment, token(Roles.AUDITOR, "auditor-charge"))
                .search(codeB, null, today.minusDays(1).toString(), today.plusDays(1).toString(), 0, 1000).items();
        List<String> answersToB = trailB.stream().filter(e -> List.of("CARD_SESSION", "CERTIFICATE_LOOKUP", "LOOKUP",
                "BULK_ENTRY").contains(e.kind()) && !e.result().equals("OPENED")).map(AuditEntryView::result).toList();
        assertEquals(List.of("1", "1", "1", "1"), answersToB, "no answer to B carried a group: " + trailB);
        assertTrue(trailB.stream().noneMatch(e -> e.kind().startsWith("CONSENT_")), trailB.toString());
    }

    /** A client of the contract as the clinic {@code code}. */
    private <T> T as(Class<T> api, String code) {
        return client(api, deployment, token(Roles.CLINIC, "clinic-" + code,
                Map.of(Roles.CLAIM_MEDICAL_INSTITUTION_CODE, code)));
    }

    /** The limit card at the clinic's reader: a session opened and confirmed with the patient's choices. */
    private static CardSessionResult atReader(CardSessionApi desk, LocalDate asOf, ConsentChoices choices)
            throws Exception {
        CardSession session = desk.open();
        return desk.confirm(session.sessionId(), new CardConfirmation(limitCard.base64(),
                limitCard.sign(session.nonce()), asOf, choices, PrescriptionForm.PAPER));
    }

    private static void assertWithheld(QualificationView answer, String path) {
        assertFalse(answer.limitCertificateConsent(), path + " echoes no consent");
        assertNull(answer.limitCertificate(), path);
        assertFalse(answer.specificDiseasesConsent(), path);
        assertNull(answer.specificDiseases(), path);
    }

    @Test
    void aSeventyYearOldHasBCodesAndAnyoneElseACodes() {
        PersonData seventy = person("LK-CH-B03", LocalDate.of(1955, 1, 10));
        LocalDate from = LocalDate.of(2025, 2, 1);
        LimitCertificate b03 = new LimitCertificate(LimitCertificateClassification.LIMIT, LimitCategory.B03, from,
                from, from.plusYears(1), null);
        RecordResult aCode = rejected(SOCIETY, acquireWithLimit("b-wrong", seventy, "70", ACQUIRED,
                new LimitCertificate(LimitCertificateClassification.LIMIT, LimitCategory.A01, from, from,
                        from.plusYears(1), null)));
        assertTrue(aCode.message().contains("A01は70歳未満") && aCode.message().contains("70歳）"), aCode.message());
        SyncBatchResult accepted = sync.submit(batch(SOCIETY, acquireWithLimit("b03", seventy, "70", ACQUIRED, b03)));
        assertEquals(1, accepted.accepted(), accepted.toString());
        var answer = clinic.lookup(new LookupRequest(SOCIETY, "LC", "70", null, null, seventy.birthDate(), from,
                true));
        assertEquals(b03, answer.qualification().limitCertificate());

        RecordResult bCode = rejected(SOCIETY, acquireWithLimit("b-young", person("LK-CH-B-YOUNG", LIMIT_BIRTH),
                "45", ACQUIRED, b03));
        assertTrue(bCode.message().contains("B03は70歳以上"), bCode.message());
    }

    @Test
    void aCodeOfTheWrongFamilyForTheInsurerIsRejected() {
        LocalDate from = LocalDate.of(2025, 2, 1);
        RecordResult lateOnly = rejected(SOCIETY, acquireWithLimit("b09", person("LK-CH-B09",
                LocalDate.of(1950, 1, 1)), "9", ACQUIRED, new LimitCertificate(LimitCertificateClassification.LIMIT,
                LimitCategory.B09, from, from, from.plusYears(1), null)));
        assertTrue(lateOnly.message().contains("後期高齢者医療のみ"), lateOnly.message());
        RecordResult aAtLate = rejected(LATE, acquireWithLimit("late-a", person("LK-CH-LATE-A",
                LocalDate.of(1945, 1, 1)), "1", ACQUIRED, new LimitCertificate(LimitCertificateClassification.LIMIT,
                LimitCategory.A05, from, from, from.plusYears(1), null)));
        assertTrue(aAtLate.message().contains("B01～B10"), aAtLate.message());
        SyncBatchResult b10 = sync.submit(batch(LATE, acquireWithLimit("late-b10", person("LK-CH-LATE-B",
                LocalDate.of(1945, 1, 1)), "2", ACQUIRED, new LimitCertificate(
                LimitCertificateClassification.LIMIT, LimitCategory.B10, from, from, from.plusYears(1), null))));
        assertEquals(1, b10.accepted(), b10.toString());
    }

    @Test
    void specificDiseasesAreOnePerCategoryWithALimitOf10000Or20000Yen() {
        LocalDate from = LocalDate.of(2024, 4, 1);
        SpecificDisease hemophilia = new SpecificDisease(SpecificDiseaseCategory.CONGENITAL_COAGULATION_DISORDER,
                from, from, from.plusYears(1), 10_000);
        RecordResult twice = rejected(SOCIETY, SyncRecords.acquire("twice", person("LK-CH-SD", LIMIT_BIRTH),
                new QualificationData("SD", "1", null, null, Relationship.SELF, ACQUIRED, 30, null, null, null, null,
                        null, List.of(hemophilia, hemophilia), null)));
        assertTrue(twice.message().contains("重複"), twice.message());
        RecordResult limit = rejected(SOCIETY, SyncRecords.acquire("limit", person("LK-CH-SD", LIMIT_BIRTH),
                new QualificationData("SD", "1", null, null, Relationship.SELF, ACQUIRED, 30, null, null, null, null,
                        null, List.of(new SpecificDisease(SpecificDiseaseCategory.HIV_FROM_BLOOD_PRODUCTS, from, from,
                        from.plusYears(1), 15_000)), null)));
        assertTrue(limit.message().contains("10000円・20000円"), limit.message());
    }

    @Test
    void aBulkAnswerSaysWhetherTheLimitDataChangedSinceTheClinicsPreviousOne() {
        String code = "011011372" + CheckDigits.luhn("011011372");
        EligibilityApi another = as(EligibilityApi.class, code);
        LocalDate may = LocalDate.of(2025, 5, 1);
        LocalDate august = A02.validFrom();
        BulkResult first = awaitBulk(another, List.of(
                new BulkEntry("may", SOCIETY, "L", "1", null, null, LIMIT_BIRTH, may, true),
                new BulkEntry("may-again", SOCIETY, "L", "1", null, null, LIMIT_BIRTH, may, true),
                new BulkEntry("august", SOCIETY, "L", "1", null, null, LIMIT_BIRTH, august, true),
                new BulkEntry("no-consent", SOCIETY, "L", "1", null, null, LIMIT_BIRTH, may, null),
                new BulkEntry("unknown", SOCIETY, "L", "999", null, null, LIMIT_BIRTH, may, true)));
        assertEquals(java.util.Arrays.asList(true, false, true, null, null), first.results().stream()
                .map(r -> r.limitCertificateChanged()).toList(), "first answer, same, A02 instead, not asked, none");
        BulkResult second = awaitBulk(another, List.of(
                new BulkEntry("august", SOCIETY, "L", "1", null, null, LIMIT_BIRTH, august, true),
                new BulkEntry("may", SOCIETY, "L", "1", null, null, LIMIT_BIRTH, may, true)));
        assertEquals(List.of(false, true), second.results().stream().map(r -> r.limitCertificateChanged()).toList(),
                "compared with the previous answer: A02 again, then A03 instead of A02");
    }

    /**
     * A CHANGE ends a certificate explicitly ({@code endCertificates}): from its date the group is gone, a group
     * not named is kept, and a lookup of an earlier date still sees the certificate.
     */
    @Test
    void aChangeEndsACertificateExplicitlyFromItsDateAndKeepsTheHistory() {
        SyncBatchResult acquired = sync.submit(batch(SOCIETY,
                SyncRecords.acquire("end-limit", person("LK-CH-END", LIMIT_BIRTH), new QualificationData("END", "1",
                        null, null, Relationship.SELF, ACQUIRED, 30, null, null, null, null, A03, List.of(DIALYSIS),
                        null)),
                acquire("end-elder", person("LK-CH-END-ELDER", SEVENTY), "END", "2", ACQUIRED, null,
                        FIRST_CERTIFICATE)));
        assertEquals(2, acquired.accepted(), acquired.toString());
        LocalDate limitEnds = LocalDate.of(2025, 10, 1);
        LocalDate diseasesEnd = LocalDate.of(2025, 11, 1);
        LocalDate elderlyEnds = LocalDate.of(2025, 1, 1);
        SyncBatchResult ended = sync.submit(batch(SOCIETY,
                change("end-limit-1", "LK-CH-END", limitEnds, ends(CertificateGroup.LIMIT_CERTIFICATE)),
                change("end-limit-2", "LK-CH-END", diseasesEnd, ends(CertificateGroup.SPECIFIC_DISEASES)),
                change("end-elder-1", "LK-CH-END-ELDER", elderlyEnds, ends(CertificateGroup.ELDERLY_RECIPIENT))));
        assertEquals(3, ended.accepted(), ended.toString());

        QualificationView before = certificatesEnded(limitEnds.minusDays(1));
        assertEquals(A03, before.limitCertificate(), "the day before: the certificate as it was");
        QualificationView limitGone = certificatesEnded(limitEnds);
        assertNull(limitGone.limitCertificate(), "ended from the CHANGE's date, though its own validTo is later");
        assertEquals(List.of(DIALYSIS), limitGone.specificDiseases(), "a group not named is kept");
        assertEquals(List.of(DIALYSIS), certificatesEnded(diseasesEnd.minusDays(1)).specificDiseases());
        QualificationView diseasesGone = certificatesEnded(diseasesEnd);
        assertEquals(List.of(), diseasesGone.specificDiseases());
        assertNull(diseasesGone.limitCertificate(), "ended before stays ended");

        QualificationView elderBefore = lookup(SOCIETY, "END", "2", SEVENTY, elderlyEnds.minusDays(1));
        assertEquals(FIRST_CERTIFICATE, elderBefore.elderlyRecipient());
        assertEquals(20, elderBefore.copayRatio());
        QualificationView elderAfter = lookup(SOCIETY, "END", "2", SEVENTY, elderlyEnds);
        assertNull(elderAfter.elderlyRecipient());
        assertEquals(30, elderAfter.copayRatio(), "without the certificate: the qualification's ratio");
    }

    @Test
    void endingACertificateItAlsoSendsOrOnAnAcquireIsRejectedWithTheReason() {
        QualificationData both = new QualificationData(null, null, null, null, null, null, null, null, null, null,
                null, A02, null, List.of(CertificateGroup.LIMIT_CERTIFICATE));
        RecordResult contradiction = rejected(SOCIETY, change("end-both", "LK-CH-LIMIT", LocalDate.of(2026, 11, 1),
                both));
        assertTrue(contradiction.message().contains("LIMIT_CERTIFICATE"), contradiction.message());
        assertEquals(A02, limited(LocalDate.of(2026, 11, 1), true).limitCertificate(), "nothing changed");
        RecordResult acquire = rejected(SOCIETY, SyncRecords.acquire("end-acquire", person("LK-CH-END-NEW",
                LIMIT_BIRTH), new QualificationData("END", "3", null, null, Relationship.SELF, ACQUIRED, 30, null,
                null, null, null, null, null, List.of(CertificateGroup.ELDERLY_RECIPIENT))));
        assertTrue(acquire.message().contains("endCertificates"), acquire.message());
    }

    private static QualificationData ends(CertificateGroup group) {
        return new QualificationData(null, null, null, null, null, null, null, null, null, null, null, null, null,
                List.of(group));
    }

    private QualificationView certificatesEnded(LocalDate asOf) {
        var result = clinic.lookup(new LookupRequest(SOCIETY, "END", "1", null, null, LIMIT_BIRTH, asOf, true));
        assertEquals(1, result.validity(), result.toString());
        return result.qualification();
    }

    /**
     * The bulk flag compares with the clinic's previous answer of any kind that showed the 限度額 data (both groups
     * under consent): a single lookup with the flag and a card session with both consents count; a card session with
     * the 限度額 consent only does not (it showed half of the data).
     */
    @Test
    void theBulkFlagComparesWithTheClinicsPreviousAnswerOfAnyKind() throws Exception {
        String code = "011011375" + CheckDigits.luhn("011011375");
        EligibilityApi lookups = as(EligibilityApi.class, code);
        CardSessionApi desk = as(CardSessionApi.class, code);
        LocalDate may = LocalDate.of(2025, 5, 1);
        LocalDate august = A02.validFrom();
        BulkEntry mayEntry = new BulkEntry("may", SOCIETY, "L", "1", null, null, LIMIT_BIRTH, may, true);

        assertEquals(A03, lookups.lookup(new LookupRequest(SOCIETY, "L", "1", null, null, LIMIT_BIRTH, may, true))
                .qualification().limitCertificate());
        assertEquals(false, awaitBulk(lookups, List.of(mayEntry)).results().get(0).limitCertificateChanged(),
                "the single lookup showed the same A03");

        QualificationView shownInAugust = atReader(desk, august, new ConsentChoices(true, true, null, null))
                .eligibility().qualifications().get(0);
        assertEquals(A02, shownInAugust.limitCertificate());
        assertEquals(true, awaitBulk(lookups, List.of(mayEntry)).results().get(0).limitCertificateChanged(),
                "the card session showed A02 since");

        assertEquals(A02, atReader(desk, august, new ConsentChoices(true, false, null, null)).eligibility()
                .qualifications().get(0).limitCertificate());
        assertEquals(false, awaitBulk(lookups, List.of(mayEntry)).results().get(0).limitCertificateChanged(),
                "an answer with the 限度額 group only is not compared with: A03 as the bulk answer before");
    }

    /** The OpenAPI document describes the new fields, and each code list with the real interface's codes. */
    @Test
    void theOpenApiDocumentListsTheCodes() throws Exception {
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(ItSupport.server(deployment).resolve("openapi"))
                        .header("Accept", "application/json").build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        jakarta.json.JsonObject schemas;
        try (jakarta.json.JsonReader reader = jakarta.json.Json.createReader(new java.io.StringReader(
                response.body()))) {
            schemas = reader.readObject().getJsonObject("components").getJsonObject("schemas");
        }
        jakarta.json.JsonObject data = schemas.getJsonObject("QualificationData").getJsonObject("properties");
        assertTrue(data.getJsonObject("cardClassification").getString("description")
                .contains("GENERAL=01, RETIREE=02, SHORT_TERM=03"), data.toString());
        for (String group : List.of("elderlyRecipient", "limitCertificate", "specificDiseases")) {
            assertTrue(data.containsKey(group), group);
        }
        assertEquals(List.of("ELDERLY_RECIPIENT", "LIMIT_CERTIFICATE", "SPECIFIC_DISEASES"),
                data.getJsonObject("endCertificates").getJsonObject("items").getJsonArray("enum")
                        .getValuesAs(jakarta.json.JsonString::getString), data.toString());
        assertTrue(data.getJsonObject("endCertificates").getString("description").contains("never dropped"));
        jakarta.json.JsonObject view = schemas.getJsonObject("QualificationView").getJsonObject("properties");
        assertTrue(view.getJsonObject("copayRatio").getString("description").contains("20 for a preschool child"),
                view.toString());
        assertTrue(schemas.getJsonObject("BulkEntryResult").getJsonObject("properties")
                .getJsonObject("limitCertificateChanged").getString("description").contains("of any kind"));
        assertTrue(schemas.getJsonObject("SpecificDisease").getJsonObject("properties").getJsonObject("category")
                .getString("description").contains("CHRONIC_RENAL_FAILURE=1"));
        assertTrue(schemas.getJsonObject("LookupRequest").getJsonObject("properties")
                .containsKey("limitCertificateConsent"));
        assertTrue(schemas.getJsonObject("BulkEntryResult").getJsonObject("properties")
                .containsKey("limitCertificateChanged"));
    }

    private BulkResult awaitBulk(List<BulkEntry> entries) {
        return awaitBulk(clinic, entries);
    }

    private static BulkResult awaitBulk(EligibilityApi clinic, List<BulkEntry> entries) {
        String reception = clinic.submitBulk(new BulkLookupRequest(entries)).readEntity(BulkReception.class)
                .receptionNumber();
        try {
            for (int i = 0; i < 600; i++) {
                BulkResult result = clinic.bulk(reception, 0, 100);
                if (result.status() == BulkStatus.DONE) {
                    return result;
                }
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new AssertionError("bulk check " + reception + " not done within 2 minutes");
    }

    private RecordResult rejected(String insurer, SyncRecord record) {
        SyncBatchResult result = sync.submit(batch(insurer, record));
        assertEquals(1, result.rejected(), result.toString());
        RecordResult rejection = result.results().get(0);
        assertEquals(RecordStatus.REJECTED, rejection.status());
        assertEquals(ErrorCodes.RECORD_INVALID, rejection.code(), rejection.toString());
        assertNotNull(rejection.message());
        return rejection;
    }
}
