package jp.oqs.eligibility;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import jp.oqs.api.error.ErrorCodes;
import jp.oqs.platform.BusinessException.Kind;
import org.junit.jupiter.api.Test;

/** When a card session may be confirmed, on a clock of the test's own. */
class ReaderSessionTest {

    private static final Instant OPENED = Instant.parse("2026-12-01T00:30:00Z");
    private static final String CLINIC = "0110113719";

    private final ReaderSession session = new ReaderSession("8d7c0b9e-0000-4000-8000-000000000001", CLINIC, "nonce",
            OPENED, OPENED.plus(Duration.ofMinutes(2)));

    @Test
    void itsClinicConfirmsItUntilItExpires() {
        assertDoesNotThrow(() -> session.checkConfirmable(CLINIC, OPENED));
        assertDoesNotThrow(() -> session.checkConfirmable(CLINIC, OPENED.plus(Duration.ofMinutes(2))));
        EligibilityException late = assertThrows(EligibilityException.class,
                () -> session.checkConfirmable(CLINIC, OPENED.plus(Duration.ofMinutes(2)).plusMillis(1)));
        assertEquals(ErrorCodes.CARD_SESSION_EXPIRED, late.code());
        assertEquals(Kind.UNAUTHENTICATED, late.kind());
    }

    @Test
    void anotherClinicFindsNoSession() {
        EligibilityException refused = assertThrows(EligibilityException.class,
                () -> session.checkConfirmable("0110113727", OPENED));
        assertEquals(ErrorCodes.CARD_SESSION_NOT_FOUND, refused.code());
        assertEquals(ReaderSession.notFound().getMessage(), refused.getMessage(), "as a missing one");
        assertEquals(ReaderSession.notFound().hint(), refused.hint());
    }

    @Test
    void aConfirmedSessionIsAReplayEvenBeforeItExpires() {
        session.confirm(OPENED.plusSeconds(10), "CN=CA", "3e9", 42L);
        EligibilityException replay = assertThrows(EligibilityException.class,
                () -> session.checkConfirmable(CLINIC, OPENED.plusSeconds(11)));
        assertEquals(ErrorCodes.CHALLENGE_INVALID, replay.code());
        assertEquals(OPENED.plusSeconds(10), session.confirmedAt());
    }
}
