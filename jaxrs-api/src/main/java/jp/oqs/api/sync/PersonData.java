package jp.oqs.api.sync;

import java.time.LocalDate;

/**
 * The person a record is about.
 *
 * @param linkKey opaque person link key from the intermediate server (stand-in for the 機関別符号), at most 64
 *                characters; never a My Number (a 12-digit value is rejected). Never returned to clinics.
 */
public record PersonData(String linkKey, LocalDate birthDate, Sex sex, String nameKanji, String nameKana) {
}
