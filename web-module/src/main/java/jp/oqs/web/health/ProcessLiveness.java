package jp.oqs.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** The process answers and its heap is not exhausted (a restart would help when it is). */
@Liveness
@ApplicationScoped
public class ProcessLiveness implements HealthCheck {

    private static final double MAX_HEAP_USE = 0.98;

    @Override
    public HealthCheckResponse call() {
        Runtime runtime = Runtime.getRuntime();
        long used = runtime.totalMemory() - runtime.freeMemory();
        double share = (double) used / runtime.maxMemory();
        return HealthCheckResponse.named("process")
                .status(share < MAX_HEAP_USE)
                .withData("heapUsedMiB", used / (1024 * 1024))
                .withData("heapMaxMiB", runtime.maxMemory() / (1024 * 1024))
                .build();
    }
}
