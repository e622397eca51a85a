package jp.oqs.api.eligibility;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import jp.oqs.api.Formats;

/**
 * One check by card numbers: {@code insurerNumber} with either {@code symbol} + {@code number} (+
 * {@code branchNumber}) or {@code individualNumber}, and always {@code birthDate}.
 *
 * @param asOf the visit date (資格確認日); default today in Asia/Tokyo; never in the future
 * @param limitCertificateConsent {@code true} when the patient consented, at the desk, to the 限度額適用認定証 and
 *                                特定疾病療養受療証 being read (the real interface's 限度額情報提供同意); absent or
 *                                {@code false}: they are not answered
 */
public record LookupRequest(
        @Size(max = Formats.INSURER_NUMBER) @Pattern(regexp = Formats.ASCII, message = Formats.ASCII_MESSAGE) String insurerNumber,
        @Size(max = Formats.SYMBOL) @Pattern(regexp = Formats.TEXT, message = Formats.TEXT_MESSAGE) String symbol,
        @Size(max = Formats.NUMBER) @Pattern(regexp = Formats.TEXT, message = Formats.TEXT_MESSAGE) String number,
        @Size(max = Formats.BRANCH_NUMBER) @Pattern(regexp = Formats.ASCII, message = Formats.ASCII_MESSAGE) String branchNumber,
        @Size(max = Formats.INDIVIDUAL_NUMBER) @Pattern(regexp = Formats.ASCII, message = Formats.ASCII_MESSAGE) String individualNumber,
        LocalDate birthDate,
        LocalDate asOf,
        Boolean limitCertificateConsent) {
}
