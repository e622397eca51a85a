package jp.oqs.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.oqs.platform.DatabaseMigration;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @Inject
    private DatabaseMigration migration;

    @Override
    public HealthCheckResponse call() {
        boolean ready = migration.isReady();
        String version = migration.appliedVersion();
        return HealthCheckResponse.named("database")
                .status(ready)
                .withData("schemaVersion", version == null ? "not migrated" : version)
                .build();
    }
}
