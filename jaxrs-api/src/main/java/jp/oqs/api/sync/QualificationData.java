package jp.oqs.api.sync;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import jp.oqs.api.Description;
import jp.oqs.api.Formats;

/**
 * Qualification fields of a record.
 *
 * @param symbol           記号 (may be empty; may hold kanji, kana, digits)
 * @param number           番号; for 後期高齢者 the existing 8-digit number
 * @param individualNumber only for an insurer whose rule is INSURER_RULE: the number it made
 * @param branchNumber     枝番 for HOUSEHOLD_BRANCH: omit to get the next free one, or give 2 digits
 * @param copayRatio       負担割合 in percent: 10, 20 or 30
 * @param cardClassification 被保険者証区分; on CHANGE and CORRECT, absent keeps the current one
 * @param elderlyRecipient 高齢受給者証, for a person aged 70 to 74 on its {@code validFrom}; on CHANGE and CORRECT,
 *                         absent keeps the current one
 * @param limitCertificate 限度額適用認定証; on CHANGE and CORRECT, absent keeps the current one
 * @param specificDiseases 特定疾病療養受療証, at most one per category; on CHANGE and CORRECT, absent keeps the
 *                         current ones and an empty list ends them
 * @param endCertificates  on CHANGE and CORRECT only: the certificate groups the qualification no longer holds from
 *                         {@code effectiveDate} (the new or corrected version has none of them; earlier versions keep
 *                         theirs). Absent or empty ends nothing; a group named here must not also be sent in this
 *                         record ({@code RECORD_INVALID}). An absent group is never read as an end, so a sender that
 *                         sends only what changed cannot drop a certificate by mistake.
 */
public record QualificationData(
        @Size(max = Formats.SYMBOL) @Pattern(regexp = Formats.TEXT, message = Formats.TEXT_MESSAGE) String symbol,
        @Size(max = Formats.NUMBER) @Pattern(regexp = Formats.TEXT, message = Formats.TEXT_MESSAGE) String number,
        @Size(max = Formats.INDIVIDUAL_NUMBER) @Pattern(regexp = Formats.ASCII, message = Formats.ASCII_MESSAGE) String individualNumber,
        @Size(max = Formats.BRANCH_NUMBER) @Pattern(regexp = Formats.ASCII, message = Formats.ASCII_MESSAGE) String branchNumber,
        Relationship relationship,
        LocalDate acquiredOn,
        Integer copayRatio,
        LocalDate cardIssuedOn,
        LocalDate cardExpiresOn,
        CardClassification cardClassification,
        ElderlyRecipient elderlyRecipient,
        LimitCertificate limitCertificate,
        @Size(max = Formats.SPECIFIC_DISEASES) List<@Valid SpecificDisease> specificDiseases,
        @Description("CHANGE and CORRECT only: the certificate groups the qualification no longer holds from"
                + " effectiveDate (the versions before keep theirs). Absent or empty ends nothing: a group left out"
                + " of a record is kept, never dropped. A group named here and also sent in the record, or this"
                + " field on an ACQUIRE, is RECORD_INVALID")
        @Size(max = Formats.CERTIFICATE_GROUPS) List<@NotNull CertificateGroup> endCertificates) {
}
