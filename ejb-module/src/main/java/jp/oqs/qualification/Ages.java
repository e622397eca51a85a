package jp.oqs.qualification;

import java.time.LocalDate;
import java.time.Month;
import java.time.Period;

/** Ages as the rules of the desk count them: which certificates a person may hold, and 未就学. */
public final class Ages {

    private Ages() {
    }

    /** Full years of a person born on {@code birthDate}, on {@code date}. */
    public static int on(LocalDate birthDate, LocalDate date) {
        return Period.between(birthDate, date).getYears();
    }

    /**
     * 未就学: until the first March 31 on or after the day the child reaches 6 (the day before the 6th birthday),
     * so a child born on April 1 starts school a year before one born on April 2.
     */
    public static boolean preschoolOn(LocalDate birthDate, LocalDate date) {
        LocalDate reachesSix = birthDate.plusYears(6).minusDays(1);
        LocalDate marchEnd = LocalDate.of(reachesSix.getYear(), Month.MARCH, 31);
        LocalDate lastDay = reachesSix.isAfter(marchEnd) ? marchEnd.plusYears(1) : marchEnd;
        return !date.isBefore(birthDate) && !date.isAfter(lastDay);
    }
}
