package jp.oqs.api.sync;

import java.time.LocalDate;

/**
 * 特定疾病療養受療証: a long-term disease whose monthly charge at the desk is capped at {@code selfPayLimit}. At most
 * one per category; its dates are inclusive and lie inside the qualification. A clinic is answered it only under
 * the patient's consent (see the README).
 *
 * @param selfPayLimit 自己負担限度額 in yen a month: 10000 or 20000
 */
public record SpecificDisease(SpecificDiseaseCategory category, LocalDate issuedOn, LocalDate validFrom,
                              LocalDate validTo, Integer selfPayLimit) implements DatedCertificate {
}
