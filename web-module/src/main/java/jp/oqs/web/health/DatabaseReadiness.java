package jp.oqs.web.health;

import jakarta.ejb.EJBException;
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
        boolean ready;
        String version;
        try {
            ready = migration.isReady();
            version = migration.appliedVersion();
        } catch (EJBException stillStarting) {
            // the EJB container refuses calls while the application is initialising: not ready yet
            return HealthCheckResponse.named("database").down().withData("schemaVersion", "starting").build();
        }
        return HealthCheckResponse.named("database")
                .status(ready)
                .withData("schemaVersion", version == null ? "not migrated" : version)
                .build();
    }
}
