package jp.oqs.api.eligibility;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import jp.oqs.api.Formats;

/**
 * What the card reader sends to confirm a card session: proof that the card is present, the visit date and the
 * patient's choices at the reader.
 *
 * @param certificate      the card's user certificate (利用者証明用電子証明書), DER, base64; judged valid and not
 *                         revoked now, whatever {@code asOf}
 * @param signature        the card's signature (SHA256withRSA or SHA256withECDSA, base64) over the session's nonce
 * @param asOf             the visit date, default today in Asia/Tokyo: selects which qualification is answered
 * @param consents         the patient's consent per category
 * @param prescriptionForm how the prescription is to be issued
 */
public record CardConfirmation(
        @Size(max = Formats.CERTIFICATE) @Pattern(regexp = Formats.BASE64, message = Formats.BASE64_MESSAGE) String certificate,
        @Size(max = Formats.SIGNATURE) @Pattern(regexp = Formats.BASE64, message = Formats.BASE64_MESSAGE) String signature,
        LocalDate asOf,
        @NotNull @Valid ConsentChoices consents,
        @NotNull PrescriptionForm prescriptionForm) {
}
