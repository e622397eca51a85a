package jp.oqs.web.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import jp.oqs.platform.ServiceClock;

/** How the console shows instants (Japan time, to the second) and period ends. */
@Named
@ApplicationScoped
public class ConsoleFormat {

    private static final DateTimeFormatter JAPAN_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ServiceClock.JAPAN);

    /** The last day of a period whose end is kept exclusive (a version's {@code validTo}); empty when open. */
    public String lastDay(java.time.LocalDate exclusiveEnd) {
        return exclusiveEnd == null ? "" : exclusiveEnd.minusDays(1).toString();
    }

    public String time(Instant instant) {
        return instant == null ? "" : JAPAN_TIME.format(instant);
    }
}
