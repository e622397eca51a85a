package jp.oqs.api.eligibility;

import java.time.LocalDate;

/**
 * One check by card numbers: {@code insurerNumber} with either {@code symbol} + {@code number} (+
 * {@code branchNumber}) or {@code individualNumber}, and always {@code birthDate}.
 *
 * @param asOf the visit date (資格確認日); default today in Asia/Tokyo; never in the future
 */
public record LookupRequest(String insurerNumber, String symbol, String number, String branchNumber,
                            String individualNumber, LocalDate birthDate, LocalDate asOf) {
}
