package jp.oqs.web;

import static jp.oqs.web.ItSupport.assertError;
import static jp.oqs.web.ItSupport.client;
import static jp.oqs.web.ItSupport.insurerNumber;
import static jp.oqs.web.ItSupport.kokuhoNumber;
import static jp.oqs.web.ItSupport.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URL;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import jp.oqs.api.audit.AuditApi;
import jp.oqs.api.audit.AuditEntryView;
import jp.oqs.api.insurer.MergerRequest;
import jp.oqs.api.error.ErrorBody;
import jp.oqs.api.error.ErrorCodes;
import jp.oqs.api.insurer.CharacterClass;
import jp.oqs.api.insurer.CheckDigitScheme;
import jp.oqs.api.insurer.Contact;
import jp.oqs.api.insurer.InsurerAdminApi;
import jp.oqs.api.insurer.InsurerCategory;
import jp.oqs.api.insurer.InsurerPage;
import jp.oqs.api.insurer.InsurerStatus;
import jp.oqs.api.insurer.InsurerView;
import jp.oqs.api.insurer.ManagingOrganisation;
import jp.oqs.api.insurer.NumberingRuleKind;
import jp.oqs.api.insurer.NumberingRuleRequest;
import jp.oqs.api.insurer.NumberingRuleView;
import jp.oqs.api.insurer.OnboardInsurerRequest;
import jp.oqs.api.security.Roles;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The insurer registry through the published contract, on Payara Micro, with the admin roles. */
@ExtendWith(ArquillianExtension.class)
class InsurerRegistryIT {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.microWar();
    }

    @ArquillianResource
    private URL deployment;

    private InsurerAdminApi ssk;
    private InsurerAdminApi kokuho;
    private InsurerAdminApi auditor;

    @BeforeEach
    void clients() {
        ssk = client(InsurerAdminApi.class, deployment, token(Roles.SSK_ADMIN, "ssk-staff-1"));
        kokuho = client(InsurerAdminApi.class, deployment, token(Roles.KOKUHO_ADMIN, "kokuho-staff-1"));
        auditor = client(InsurerAdminApi.class, deployment, token(Roles.AUDITOR, "auditor-1"));
    }

    private static OnboardInsurerRequest onboarding(String number, NumberingRuleRequest rule) {
        return new OnboardInsurerRequest(number, "テスト健康保険組合", "テストケンコウホケンクミアイ",
                new Contact("適用課", "山田太郎", "03-1234-5678", "tekiyo@example.jp"), rule);
    }

    private static NumberingRuleRequest rule(NumberingRuleKind kind, LocalDate from) {
        return new NumberingRuleRequest(kind, from, null, null, null);
    }

    @Test
    void staffOnboardAndActivateAnInsurerAndReadItBack() {
        String number = insurerNumber("06", "13", 101);
        try (Response created = ssk.onboard(onboarding(number,
                rule(NumberingRuleKind.HOUSEHOLD_BRANCH, LocalDate.of(2021, 4, 1))))) {
            assertEquals(201, created.getStatus());
            assertTrue(created.getLocation().getPath().endsWith("/oqs/api/v1/admin/insurers/" + number),
                    created.getLocation().toString());
            InsurerView view = created.readEntity(InsurerView.class);
            assertEquals(InsurerStatus.ONBOARDING, view.status());
            assertEquals(InsurerCategory.HEALTH_INSURANCE_SOCIETY, view.category());
            assertEquals(ManagingOrganisation.SSK, view.managingOrganisation());
            assertEquals("13", view.prefectureCode());
            assertEquals(NumberingRuleKind.HOUSEHOLD_BRANCH, view.currentNumberingRule().kind());
            assertEquals("ssk-staff-1", view.currentNumberingRule().registeredBy());
        }
        InsurerView active = ssk.activate(number);
        assertEquals(InsurerStatus.ACTIVE, active.status());

        InsurerView read = auditor.get(number);
        assertEquals(InsurerStatus.ACTIVE, read.status());
        assertEquals("テストケンコウホケンクミアイ", read.nameKana());
        assertEquals("03-1234-5678", read.contact().phone());
    }

    @Test
    void onboardingTheSameNumberTwiceIsAConflict() {
        String number = insurerNumber("01", "27", 102);
        ssk.onboard(onboarding(number, null)).close();
        ErrorBody error = assertError(409, ErrorCodes.INSURER_ALREADY_REGISTERED,
                () -> ssk.onboard(onboarding(number, null)));
        assertTrue(error.hint().contains(number), error.hint());
    }

    @Test
    void aBadCheckDigitIsRefusedNamingTheRule() {
        ErrorBody error = assertError(400, ErrorCodes.INVALID_INSURER_NUMBER,
                () -> ssk.onboard(onboarding("33120016", null)));
        assertTrue(error.hint().contains("検証番号") && error.hint().contains("expected 5, got 6"), error.hint());
        assertFalse(error.message().isBlank());
    }

    @Test
    void eachOrganisationSeesAndChangesOnlyItsOwnInsurers() {
        String kokuhoNumber = kokuhoNumber("14", 103);
        String sskNumber = insurerNumber("31", "14", 103);
        assertError(403, ErrorCodes.INSURER_OUT_OF_SCOPE, () -> ssk.onboard(onboarding(kokuhoNumber, null)));
        assertError(403, ErrorCodes.INSURER_OUT_OF_SCOPE, () -> kokuho.onboard(onboarding(sskNumber, null)));
        kokuho.onboard(onboarding(kokuhoNumber, rule(NumberingRuleKind.CENTRAL_GENERATED, TODAY))).close();
        ssk.onboard(onboarding(sskNumber, rule(NumberingRuleKind.CENTRAL_GENERATED, TODAY))).close();

        String padded = "00" + kokuhoNumber;
        assertError(403, ErrorCodes.INSURER_OUT_OF_SCOPE, () -> ssk.get(padded));
        assertError(403, ErrorCodes.INSURER_OUT_OF_SCOPE, () -> ssk.activate(padded));
        assertError(403, ErrorCodes.INSURER_OUT_OF_SCOPE, () -> ssk.numberingRules(padded));
        assertError(403, ErrorCodes.INSURER_OUT_OF_SCOPE, () -> kokuho.get(sskNumber));
        assertEquals(0, ssk.search(null, null, null, kokuhoNumber, 0, 50).total());
        assertEquals(0, ssk.search(ManagingOrganisation.KOKUHO_CHUOKAI, null, null, null, 0, 50).total());
        assertEquals(List.of(padded), kokuho.search(null, null, null, kokuhoNumber, 0, 50).items().stream()
                .map(InsurerView::insurerNumber).toList());

        // the auditor reads both and changes neither
        assertEquals(ManagingOrganisation.KOKUHO_CHUOKAI, auditor.get(padded).managingOrganisation());
        assertEquals(ManagingOrganisation.SSK, auditor.get(sskNumber).managingOrganisation());
        assertError(403, ErrorCodes.INSURER_OUT_OF_SCOPE, () -> auditor.activate(sskNumber));
        assertEquals(InsurerStatus.ONBOARDING, kokuho.get(padded).status());
    }

    /**
     * A scope refusal is audited after the refused transaction rolled back, not in a transaction nested in it (which
     * held a connection while waiting for a second one): 64 at once are each a quick 403 and each on the trail.
     */
    @Test
    void manyOutOfScopeChangesAtOnceAreEachRefusedQuicklyAndAudited() throws Exception {
        String number = kokuhoNumber("14", 105);
        kokuho.onboard(onboarding(number, rule(NumberingRuleKind.CENTRAL_GENERATED, TODAY))).close();
        InsurerAdminApi intruder = client(InsurerAdminApi.class, deployment, token(Roles.SSK_ADMIN, "ssk-flood-105"));
        ItSupport.assertRefusedAtOnce("out-of-scope activations", 403, ErrorCodes.INSURER_OUT_OF_SCOPE,
                () -> intruder.activate(number));
        String day = TODAY.toString();
        assertEquals(ItSupport.REFUSALS_AT_ONCE, client(AuditApi.class, deployment, token(Roles.AUDITOR, "auditor-flood-105"))
                .search("ssk-flood-105", null, day, day, 0, 100).items().stream()
                .filter(e -> e.kind().equals("REGISTRY_ACCESS")
                        && e.result().startsWith(ErrorCodes.INSURER_OUT_OF_SCOPE + " ")).count());
        assertEquals(InsurerStatus.ONBOARDING, kokuho.get(number).status(), "no refused call changed it");
    }

    @Test
    void aRuleChangeDatedTodayOrInThePastIsRefusedAndTheHistoryIsKept() {
        String number = insurerNumber("06", "01", 104);
        LocalDate first = LocalDate.of(2020, 10, 1);
        ssk.onboard(onboarding(number, rule(NumberingRuleKind.HOUSEHOLD_BRANCH, first))).close();
        ssk.activate(number);

        assertError(400, ErrorCodes.NUMBERING_RULE_DATE_NOT_IN_FUTURE,
                () -> ssk.addNumberingRule(number, rule(NumberingRuleKind.CENTRAL_GENERATED, TODAY.minusDays(1))));
        assertError(400, ErrorCodes.NUMBERING_RULE_DATE_NOT_IN_FUTURE,
                () -> ssk.addNumberingRule(number, rule(NumberingRuleKind.CENTRAL_GENERATED, TODAY)));

        LocalDate change = TODAY.plusMonths(4).withDayOfMonth(1);
        try (Response created = ssk.addNumberingRule(number, new NumberingRuleRequest(NumberingRuleKind.INSURER_RULE,
                change, 12, CharacterClass.DIGITS, CheckDigitScheme.MOD11))) {
            assertEquals(201, created.getStatus());
            assertFalse(created.readEntity(NumberingRuleView.class).inForce());
        }
        assertError(400, ErrorCodes.NUMBERING_RULE_DATE_NOT_AFTER_LATEST,
                () -> ssk.addNumberingRule(number, rule(NumberingRuleKind.CENTRAL_GENERATED, change.minusDays(1))));

        List<NumberingRuleView> history = ssk.numberingRules(number);
        assertEquals(2, history.size());
        assertEquals(NumberingRuleKind.HOUSEHOLD_BRANCH, history.get(0).kind());
        assertEquals(first, history.get(0).effectiveFrom());
        assertEquals(change.minusDays(1), history.get(0).effectiveTo());
        assertTrue(history.get(0).inForce());
        assertEquals(NumberingRuleKind.INSURER_RULE, history.get(1).kind());
        assertEquals(12, history.get(1).length());
        assertEquals(CheckDigitScheme.MOD11, history.get(1).checkDigitScheme());
        assertNull(history.get(1).effectiveTo());
        assertEquals(NumberingRuleKind.HOUSEHOLD_BRANCH, ssk.get(number).currentNumberingRule().kind());
    }

    @Test
    void anInsurerCannotBecomeActiveWithoutARule() {
        String number = insurerNumber("02", "13", 105);
        ssk.onboard(onboarding(number, null)).close();
        assertError(409, ErrorCodes.NUMBERING_RULE_REQUIRED, () -> ssk.activate(number));
        assertEquals(InsurerStatus.ONBOARDING, ssk.get(number).status());
    }

    @Test
    void lifecycleEndsInAMergerWithAnActiveSuccessor() {
        String merged = insurerNumber("06", "23", 106);
        String successor = insurerNumber("06", "23", 107);
        for (String number : List.of(merged, successor)) {
            ssk.onboard(onboarding(number, rule(NumberingRuleKind.CENTRAL_GENERATED, TODAY))).close();
            ssk.activate(number);
        }
        assertEquals(InsurerStatus.SUSPENDED, ssk.suspend(merged).status());
        InsurerView view = ssk.merge(merged, new jp.oqs.api.insurer.MergerRequest(successor, TODAY.plusDays(30)));
        assertEquals(InsurerStatus.MERGED, view.status());
        assertEquals(successor, view.successorInsurerNumber());
        assertError(409, ErrorCodes.INSURER_LIFECYCLE_VIOLATION, () -> ssk.activate(merged));
    }

    @Test
    void everyRegistryChangeIsOnTheAuditTrailAndARefusedOneIsNot() {
        String number = insurerNumber("06", "23", 131);
        String successor = insurerNumber("06", "23", 132);
        String dissolved = insurerNumber("06", "23", 133);
        InsurerAdminApi staff = client(InsurerAdminApi.class, deployment, token(Roles.SSK_ADMIN, "ssk-changes-131"));
        staff.onboard(onboarding(number, rule(NumberingRuleKind.CENTRAL_GENERATED, LocalDate.of(2024, 4, 1))))
                .close();
        LocalDate ruleFrom = TODAY.plusMonths(2).withDayOfMonth(1);
        staff.addNumberingRule(number, rule(NumberingRuleKind.HOUSEHOLD_BRANCH, ruleFrom)).close();
        staff.activate(number);
        staff.suspend(number);
        for (String other : List.of(successor, dissolved)) {
            staff.onboard(onboarding(other, rule(NumberingRuleKind.CENTRAL_GENERATED, TODAY))).close();
            staff.activate(other);
        }
        staff.merge(number, new MergerRequest(successor, TODAY.plusDays(30)));
        staff.dissolve(dissolved, new jp.oqs.api.insurer.DissolutionRequest(TODAY.plusDays(10)));
        // a refused change decides nothing and is not a change
        assertError(409, ErrorCodes.INSURER_LIFECYCLE_VIOLATION, () -> staff.activate(number));

        AuditApi trail = client(AuditApi.class, deployment, token(Roles.AUDITOR, "auditor-changes-131"));
        String day = TODAY.toString();
        List<AuditEntryView> changes = trail.search("ssk-changes-131", null, day, day, 0, 100).items().stream()
                .filter(e -> e.kind().equals("REGISTRY_CHANGE")).toList();
        List<String> ofNumber = changes.stream().filter(e -> number.equals(e.insurerNumber()))
                .map(AuditEntryView::result).toList();
        assertEquals(List.of("MERGED_INTO " + successor + " " + TODAY.plusDays(30), "SUSPENDED", "ACTIVATED",
                "RULE HOUSEHOLD_BRANCH " + ruleFrom, "ONBOARDED CENTRAL_GENERATED 2024-04-01"), ofNumber,
                changes.toString());
        assertTrue(changes.stream().anyMatch(e -> dissolved.equals(e.insurerNumber())
                && e.result().equals("DISSOLVED " + TODAY.plusDays(10))), changes.toString());
        assertTrue(changes.stream().allMatch(e -> e.actorKind().equals("STAFF") && e.personId() == null),
                changes.toString());
        // the organisation's own staff see the changes of its insurers too
        assertEquals(ofNumber, client(AuditApi.class, deployment, token(Roles.SSK_ADMIN, "ssk-reader-131"))
                .search("ssk-changes-131", null, day, day, 0, 100).items().stream()
                .filter(e -> e.kind().equals("REGISTRY_CHANGE") && number.equals(e.insurerNumber()))
                .map(AuditEntryView::result).toList());
    }

    @Test
    void everySearchAndVerificationOfTheAuditTrailIsOnIt() {
        // auditing the auditors
        AuditApi trail = client(AuditApi.class, deployment, token(Roles.AUDITOR, "auditor-reads-132"));
        String day = TODAY.toString();
        trail.search("someone-else", null, day, day, 0, 10);
        trail.search(null, 4242L, day, day, 0, 10);
        assertTrue(trail.verify().intact());
        List<AuditEntryView> reads = trail.search("auditor-reads-132", null, day, day, 0, 100).items().stream()
                .filter(e -> e.kind().equals("AUDIT_READ")).toList();
        assertEquals(3, reads.size(), reads.toString());
        assertTrue(reads.get(0).result().startsWith("VERIFY INTACT "), reads.toString());
        assertTrue(reads.get(1).result().startsWith("SEARCH ") && Long.valueOf(4242).equals(reads.get(1).personId()),
                "a search for a person names the person: " + reads);
        assertTrue(reads.get(2).result().startsWith("SEARCH ") && reads.get(2).personId() == null, reads.toString());
        assertTrue(reads.stream().allMatch(e -> e.actorKind().equals("STAFF") && e.insurerNumber() == null),
                reads.toString());
    }

    @Test
    void searchFiltersAndPagesOnTheServer() {
        for (int serial = 110; serial < 115; serial++) {
            kokuho.onboard(onboarding(insurerNumber("39", "40", serial), null)).close();
        }
        InsurerPage firstPage = kokuho.search(null, InsurerCategory.LATE_ELDERLY, InsurerStatus.ONBOARDING, "3940", 0, 2);
        assertEquals(5, firstPage.total());
        assertEquals(List.of(insurerNumber("39", "40", 110), insurerNumber("39", "40", 111)),
                firstPage.items().stream().map(InsurerView::insurerNumber).toList());
        InsurerPage lastPage = kokuho.search(null, InsurerCategory.LATE_ELDERLY, InsurerStatus.ONBOARDING, "3940", 2, 2);
        assertEquals(List.of(insurerNumber("39", "40", 114)),
                lastPage.items().stream().map(InsurerView::insurerNumber).toList());
        assertEquals(0, kokuho.search(null, null, InsurerStatus.ACTIVE, "3940", 0, 50).total());
    }

    @Test
    void malformedRequestsGetAClearErrorBody() {
        var target = ItSupport.rawClient().target(ItSupport.api(deployment)).path("admin/insurers");
        String bearer = "Bearer " + token(Roles.SSK_ADMIN, "ssk-staff-1");
        assertError(400, ErrorCodes.MALFORMED_JSON, target.request().header("Authorization", bearer)
                .post(Entity.entity("{\"insurerNumber\":", MediaType.APPLICATION_JSON)));
        assertError(400, ErrorCodes.MALFORMED_JSON, target.request().header("Authorization", bearer)
                .post(Entity.entity("{\"insurerNumber\":\"01130012\",\"numberingRule\":{\"kind\":\"CENTRAL_GENERATED\","
                        + "\"effectiveFrom\":\"2026-13-45\"}}", MediaType.APPLICATION_JSON)));
        ErrorBody missing = assertError(400, ErrorCodes.INVALID_REQUEST, target.request()
                .header("Authorization", bearer).post(Entity.entity("{\"insurerNumber\":\"01130012\"}",
                        MediaType.APPLICATION_JSON)));
        assertTrue(missing.hint().contains("nameKanji") && missing.hint().contains("nameKana"), missing.hint());
        assertError(400, ErrorCodes.INVALID_REQUEST, target.queryParam("status", "SOMETIMES").request()
                .header("Authorization", bearer).get());
        assertError(400, ErrorCodes.INVALID_REQUEST, target.queryParam("size", "100000").request()
                .header("Authorization", bearer).get());
        assertError(415, ErrorCodes.UNSUPPORTED_MEDIA_TYPE, target.request().header("Authorization", bearer)
                .post(Entity.entity("insurerNumber=01130012", MediaType.APPLICATION_FORM_URLENCODED)));
        assertError(404, ErrorCodes.NOT_FOUND, target.path("no/such/path").request()
                .header("Authorization", bearer).get());
    }
}
