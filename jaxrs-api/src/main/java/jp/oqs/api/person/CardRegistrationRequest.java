package jp.oqs.api.person;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import jp.oqs.api.Formats;

/**
 * 健康保険証利用登録 by the person: the card proves itself (certificate and its signature over a fresh challenge) and
 * the person names a qualification open today by the numbers on the insurance card and the birth date.
 */
public record CardRegistrationRequest(
        @Size(max = Formats.CERTIFICATE) @Pattern(regexp = Formats.BASE64, message = Formats.BASE64_MESSAGE) String certificate,
        @Size(max = Formats.CHALLENGE_LENGTH) @Pattern(regexp = Formats.CHALLENGE, message = Formats.CHALLENGE_MESSAGE) String challenge,
        @Size(max = Formats.SIGNATURE) @Pattern(regexp = Formats.BASE64, message = Formats.BASE64_MESSAGE) String signature,
        @Size(max = Formats.INSURER_NUMBER) @Pattern(regexp = Formats.ASCII, message = Formats.ASCII_MESSAGE) String insurerNumber,
        @Size(max = Formats.SYMBOL) @Pattern(regexp = Formats.TEXT, message = Formats.TEXT_MESSAGE) String symbol,
        @Size(max = Formats.NUMBER) @Pattern(regexp = Formats.TEXT, message = Formats.TEXT_MESSAGE) String number,
        @Size(max = Formats.BRANCH_NUMBER) @Pattern(regexp = Formats.ASCII, message = Formats.ASCII_MESSAGE) String branchNumber,
        LocalDate birthDate) {
}
