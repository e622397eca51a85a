package jp.oqs.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import jp.oqs.api.error.ErrorCodes;
import jp.oqs.api.insurer.InsurerCategory;
import jp.oqs.api.sync.CardClassification;
import jp.oqs.api.sync.ElderlyRecipient;
import jp.oqs.api.sync.LimitCategory;
import jp.oqs.api.sync.LimitCertificate;
import jp.oqs.api.sync.LimitCertificateClassification;
import jp.oqs.api.sync.SpecificDisease;
import jp.oqs.api.sync.SpecificDiseaseCategory;
import jp.oqs.qualification.RecordRejectedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ChargeGroupsTest {

    private static final LocalDate LATEST = LocalDate.of(2027, 12, 31);
    private static final LocalDate ACQUIRED = LocalDate.of(2020, 4, 1);
    private static final LocalDate FROM = LocalDate.of(2025, 2, 1);
    /** 70 on 2025-01-10. */
    private static final ChargeGroups.Holder SEVENTY = new ChargeGroups.Holder(LocalDate.of(1955, 1, 10),
            InsurerCategory.HEALTH_INSURANCE_SOCIETY, ACQUIRED, null);
    private static final ChargeGroups.Holder FORTY_FIVE = new ChargeGroups.Holder(LocalDate.of(1980, 1, 1),
            InsurerCategory.HEALTH_INSURANCE_SOCIETY, ACQUIRED, null);
    private static final ChargeGroups.Holder LATE = new ChargeGroups.Holder(LocalDate.of(1945, 1, 1),
            InsurerCategory.LATE_ELDERLY, ACQUIRED, null);

    private static LimitCertificate limit(LimitCategory category) {
        return new LimitCertificate(LimitCertificateClassification.LIMIT, category, FROM, FROM, FROM.plusYears(1),
                null);
    }

    private static String invalid(Executable call) {
        RecordRejectedException e = assertThrows(RecordRejectedException.class, call);
        assertEquals(ErrorCodes.RECORD_INVALID, e.code(), e.getMessage());
        return e.getMessage() + " / " + e.hint();
    }

    @Test
    void theLimitCategoryFamilyFollowsTheAgeOnValidFromAndTheInsurer() throws Exception {
        assertEquals(limit(LimitCategory.B03), ChargeGroups.limitCertificate(limit(LimitCategory.B03), SEVENTY,
                LATEST));
        assertEquals(limit(LimitCategory.A01), ChargeGroups.limitCertificate(limit(LimitCategory.A01), FORTY_FIVE,
                LATEST));
        assertEquals(limit(LimitCategory.B10), ChargeGroups.limitCertificate(limit(LimitCategory.B10), LATE, LATEST));
        assertTrue(invalid(() -> ChargeGroups.limitCertificate(limit(LimitCategory.A01), SEVENTY, LATEST))
                .contains("under 70"));
        assertTrue(invalid(() -> ChargeGroups.limitCertificate(limit(LimitCategory.B08), FORTY_FIVE, LATEST))
                .contains("70 and over"));
        assertTrue(invalid(() -> ChargeGroups.limitCertificate(limit(LimitCategory.B09), SEVENTY, LATEST))
                .contains("LATE_ELDERLY insurers only"));
        assertTrue(invalid(() -> ChargeGroups.limitCertificate(limit(LimitCategory.A05), LATE, LATEST))
                .contains("B codes only"));
    }

    @Test
    void anElderlyCertificateIsForAges70To74AndNeverAtALateElderlyInsurer() throws Exception {
        ElderlyRecipient certificate = new ElderlyRecipient(FROM, FROM, FROM.plusYears(1), 20);
        assertEquals(certificate, ChargeGroups.elderlyRecipient(certificate, SEVENTY, LATEST));
        assertTrue(invalid(() -> ChargeGroups.elderlyRecipient(certificate, FORTY_FIVE, LATEST)).contains("45"));
        assertTrue(invalid(() -> ChargeGroups.elderlyRecipient(certificate, LATE, LATEST)).contains("LATE_ELDERLY"));
        assertTrue(invalid(() -> ChargeGroups.elderlyRecipient(new ElderlyRecipient(FROM, FROM, FROM.plusYears(1),
                10), SEVENTY, LATEST)).contains("20 or 30"));
    }

    @Test
    void certificatesLieInsideTheQualification() {
        ChargeGroups.Holder lost = new ChargeGroups.Holder(SEVENTY.birthDate(), SEVENTY.category(), ACQUIRED,
                FROM.plusMonths(6));
        assertTrue(invalid(() -> ChargeGroups.limitCertificate(limit(LimitCategory.B03), lost, LATEST))
                .contains("lostOn"));
        ChargeGroups.Holder later = new ChargeGroups.Holder(SEVENTY.birthDate(), SEVENTY.category(),
                FROM.plusDays(1), null);
        assertTrue(invalid(() -> ChargeGroups.limitCertificate(limit(LimitCategory.B03), later, LATEST))
                .contains("acquiredOn"));
    }

    @Test
    void aCardKindOnlyFromTheInsurersThatIssueIt() throws Exception {
        assertEquals(CardClassification.GENERAL, ChargeGroups.cardClassification(CardClassification.GENERAL,
                FORTY_FIVE));
        assertEquals(CardClassification.SHORT_TERM, ChargeGroups.cardClassification(CardClassification.SHORT_TERM,
                LATE));
        for (CardClassification card : List.of(CardClassification.RETIREE, CardClassification.SHORT_TERM,
                CardClassification.SHORT_TERM_RETIREE, CardClassification.SPECIAL_RETIREE,
                CardClassification.SELF_DEFENSE_FORCES)) {
            assertTrue(invalid(() -> ChargeGroups.cardClassification(card, FORTY_FIVE)).contains(card.code()));
        }
    }

    @Test
    void specificDiseasesOnePerCategory() throws Exception {
        SpecificDisease dialysis = new SpecificDisease(SpecificDiseaseCategory.CHRONIC_RENAL_FAILURE, FROM, FROM,
                FROM.plusYears(1), 20_000);
        assertEquals(List.of(dialysis), ChargeGroups.specificDiseases(List.of(dialysis), FORTY_FIVE, LATEST));
        assertTrue(invalid(() -> ChargeGroups.specificDiseases(List.of(dialysis, dialysis), FORTY_FIVE, LATEST))
                .contains("more than once"));
    }
}
