package jp.oqs.api.sync;

import java.time.LocalDate;

/** A certificate the desk charges by, in force from {@code validFrom} to {@code validTo}, both days included. */
public interface DatedCertificate {

    LocalDate issuedOn();

    LocalDate validFrom();

    LocalDate validTo();

    /** Whether it is in force on {@code date}. */
    default boolean validOn(LocalDate date) {
        return validFrom() != null && validTo() != null && !validFrom().isAfter(date) && !validTo().isBefore(date);
    }
}
