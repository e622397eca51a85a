package jp.oqs.api.claims;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import jp.oqs.api.Formats;
import jp.oqs.api.sync.Relationship;

/**
 * One claim (レセプト) as the clinic wrote it: the card it was billed on (保険者番号, 記号・番号・枝番 or the
 * individual-unit number, with the birth date: a number alone is never enough), the month and its service dates.
 * A claim that breaks these forms, names a service date outside its month or an insurer number with a wrong check
 * digit refuses the whole request; every other claim gets a disposition.
 *
 * @param claimId              the operator's reference of the claim (e.g. the レセプト's number), echoed
 * @param serviceMonth         診療年月, {@code yyyy-MM}
 * @param serviceDates         診療日, 1 to 31 days of {@code serviceMonth}
 * @param relationship         本人/家族 as written, or {@code null} when the claim does not say
 * @param hasPublicExpense     whether the claim has 公費 (never re-routed)
 */
public record Claim(
        @NotNull @Size(min = 1, max = Formats.REFERENCE) @Pattern(regexp = Formats.TEXT, message = Formats.TEXT_MESSAGE) String claimId,
        @NotNull @Size(min = Formats.MEDICAL_INSTITUTION_CODE, max = Formats.MEDICAL_INSTITUTION_CODE) @Pattern(regexp = Formats.DIGITS, message = Formats.DIGITS_MESSAGE) String medicalInstitutionCode,
        @NotNull @Pattern(regexp = Formats.YEAR_MONTH, message = Formats.YEAR_MONTH_MESSAGE) String serviceMonth,
        @NotEmpty @Size(max = 31) List<@NotNull LocalDate> serviceDates,
        @NotNull @Size(max = Formats.INSURER_NUMBER) @Pattern(regexp = Formats.ASCII, message = Formats.ASCII_MESSAGE) String insurerNumber,
        @Size(max = Formats.SYMBOL) @Pattern(regexp = Formats.TEXT, message = Formats.TEXT_MESSAGE) String symbol,
        @Size(max = Formats.NUMBER) @Pattern(regexp = Formats.TEXT, message = Formats.TEXT_MESSAGE) String number,
        @Size(max = Formats.BRANCH_NUMBER) @Pattern(regexp = Formats.ASCII, message = Formats.ASCII_MESSAGE) String branchNumber,
        @Size(max = Formats.INDIVIDUAL_NUMBER) @Pattern(regexp = Formats.ASCII, message = Formats.ASCII_MESSAGE) String individualNumber,
        @NotNull LocalDate birthDate,
        Relationship relationship,
        boolean hasPublicExpense) {
}
