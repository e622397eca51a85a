package jp.oqs.api.health;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import jp.oqs.api.Formats;

/**
 * One drug dispensed to a person (薬剤情報, from the claims). A record for the same person, day, dispenser and drug
 * code the insurer sent before is a correction: it replaces that one, which stays visible as superseded.
 *
 * @param dispensedBy the 医療機関コード or 薬局コード (10 digits, with its check digit) of who dispensed it
 * @param quantity    the quantity per day as dispensed (decimal), in {@code unit}
 * @param days        the days supplied (1 to 365)
 */
public record MedicationRecord(
        @Size(max = Formats.REFERENCE) @Pattern(regexp = Formats.TEXT, message = Formats.TEXT_MESSAGE) String recordId,
        @Size(max = Formats.REFERENCE) @Pattern(regexp = Formats.ASCII, message = Formats.ASCII_MESSAGE) String linkKey,
        LocalDate dispensedOn,
        @Size(max = Formats.MEDICAL_INSTITUTION_CODE) @Pattern(regexp = Formats.DIGITS, message = Formats.DIGITS_MESSAGE) String dispensedBy,
        DrugCodeKind codeKind,
        @Size(max = HealthFormats.DRUG_CODE_LENGTH) @Pattern(regexp = HealthFormats.DRUG_CODE, message = HealthFormats.DRUG_CODE_MESSAGE) String drugCode,
        @Size(max = HealthFormats.DRUG_NAME) @Pattern(regexp = Formats.TEXT, message = Formats.TEXT_MESSAGE) String drugName,
        @Size(max = HealthFormats.QUANTITY_LENGTH) @Pattern(regexp = HealthFormats.QUANTITY, message = HealthFormats.QUANTITY_MESSAGE) String quantity,
        @Size(max = HealthFormats.UNIT) @Pattern(regexp = Formats.TEXT, message = Formats.TEXT_MESSAGE) String unit,
        Integer days) {
}
