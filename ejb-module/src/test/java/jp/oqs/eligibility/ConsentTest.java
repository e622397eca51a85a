package jp.oqs.eligibility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import jp.oqs.api.eligibility.ConsentCategory;
import jp.oqs.api.eligibility.ConsentView;
import org.junit.jupiter.api.Test;

/** A consent's lifetime, withdrawal and renewal, on a clock of the test's own. */
class ConsentTest {

    private static final Instant GIVEN = Instant.parse("2026-12-01T01:00:00Z");

    private Consent given() {
        Consent consent = new Consent(null, "0110113719", ConsentCategory.MEDICATIONS);
        consent.grant(GIVEN, Consents.LIFETIME);
        return consent;
    }

    @Test
    void itHoldsForTwentyFourHours() {
        Consent consent = given();
        assertTrue(consent.liveAt(GIVEN));
        assertTrue(consent.liveAt(GIVEN.plus(Duration.ofHours(24)).minusMillis(1)));
        assertFalse(consent.liveAt(GIVEN.plus(Duration.ofHours(24))));
        assertEquals(new ConsentView(ConsentCategory.MEDICATIONS, true, GIVEN, GIVEN.plus(Duration.ofHours(24)), null),
                consent.view(GIVEN.plusSeconds(1)));
        assertEquals(new ConsentView(ConsentCategory.MEDICATIONS, false, null, null, null),
                consent.view(GIVEN.plus(Duration.ofHours(25))));
    }

    @Test
    void aWithdrawalEndsItAtOnceAndOnlyOnce() {
        Consent consent = given();
        Instant withdrawn = GIVEN.plus(Duration.ofHours(1));
        assertTrue(consent.withdraw(withdrawn));
        assertFalse(consent.liveAt(withdrawn));
        assertFalse(consent.withdraw(withdrawn.plusSeconds(1)), "nothing left to withdraw");
        assertEquals(new ConsentView(ConsentCategory.MEDICATIONS, false, null, null, withdrawn),
                consent.view(withdrawn.plusSeconds(1)));
    }

    @Test
    void anExpiredConsentCannotBeWithdrawnAndANewOneRenewsIt() {
        Consent consent = given();
        Instant tomorrow = GIVEN.plus(Duration.ofHours(30));
        assertFalse(consent.withdraw(tomorrow));
        consent.grant(tomorrow, Consents.LIFETIME);
        assertTrue(consent.liveAt(tomorrow.plus(Duration.ofHours(23))));
    }
}
