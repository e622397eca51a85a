package jp.oqs.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.ZoneId;

/** The service's clock: dates ("today", visit dates, effective dates) are Japanese calendar days. */
@ApplicationScoped
public class ServiceClock {

    public static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.system(JAPAN);
    }
}
