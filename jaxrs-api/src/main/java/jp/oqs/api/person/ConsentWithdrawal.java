package jp.oqs.api.person;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jp.oqs.api.Formats;
import jp.oqs.api.eligibility.ConsentCategory;

/** The person, with the card, withdraws the consent given to one clinic for one category. */
public record ConsentWithdrawal(
        @Size(max = Formats.CERTIFICATE) @Pattern(regexp = Formats.BASE64, message = Formats.BASE64_MESSAGE) String certificate,
        @Size(max = Formats.CHALLENGE_LENGTH) @Pattern(regexp = Formats.CHALLENGE, message = Formats.CHALLENGE_MESSAGE) String challenge,
        @Size(max = Formats.SIGNATURE) @Pattern(regexp = Formats.BASE64, message = Formats.BASE64_MESSAGE) String signature,
        @NotNull @Size(max = Formats.MEDICAL_INSTITUTION_CODE) @Pattern(regexp = Formats.DIGITS, message = Formats.DIGITS_MESSAGE) String medicalInstitutionCode,
        @NotNull ConsentCategory category) {
}
