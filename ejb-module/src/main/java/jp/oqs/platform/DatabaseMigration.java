package jp.oqs.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;

/**
 * Applies the versioned migrations of {@code sql/} (packaged as {@code db/migration}) at start. If the database
 * cannot be reached, the service starts anyway, reports not ready and retries; a migration that fails on a
 * reachable database is logged and retried the same way, and readiness stays DOWN until it succeeds.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class DatabaseMigration {

    private static final Logger LOG = System.getLogger(DatabaseMigration.class.getName());
    private static final int VALIDATION_TIMEOUT_SECONDS = 2;
    /** How long a clean stop waits for the embedded engine's checkpoint (it waits for open transactions). */
    private static final int STOP_CHECKPOINT_SECONDS = 30;

    @Resource(lookup = "jdbc/oqs")
    private DataSource dataSource;

    @Resource
    private TimerService timers;

    @Inject
    @ConfigProperty(name = "oqs.migration.retry-seconds", defaultValue = "30")
    private long retrySeconds;

    @PersistenceUnit(unitName = "oqs")
    private EntityManagerFactory entities;

    @Inject
    private Event<SchemaMigrated> migrated;

    private Flyway flyway;
    private volatile String appliedVersion;
    /** Whether the database, once reached, was the embedded engine (nothing is asked of it at stop otherwise). */
    private volatile boolean embedded;

    @PostConstruct
    void migrateAtStart() {
        flyway = Flyway.configure(DatabaseMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .validateMigrationNaming(true)
                .load();
        if (!migrate()) {
            timers.createIntervalTimer(retrySeconds * 1000, retrySeconds * 1000, new TimerConfig(null, false));
        }
    }

    @Timeout
    void retry(jakarta.ejb.Timer timer) {
        if (migrate()) {
            timer.cancel();
        }
    }

    private boolean migrate() {
        try {
            var result = flyway.migrate();
            recoverSequences();
            MigrationInfo current = flyway.info().current();
            appliedVersion = current == null ? "none" : current.getVersion().getVersion();
            LOG.log(Level.INFO, "database schema at version {0} ({1} migrations applied now)", appliedVersion,
                    result.migrationsExecuted);
            migrated.fire(new SchemaMigrated(appliedVersion));
            return true;
        } catch (FlywayException | SQLException e) {
            LOG.log(Level.ERROR, "database migration failed, retrying in " + retrySeconds + " s: " + e.getMessage());
            return false;
        }
    }

    /**
     * On the embedded engine: sequences past every committed id, before anything takes an id (see the class), and
     * the data file memory-mapped ({@link EmbeddedDataFile}).
     */
    private void recoverSequences() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (SequenceRecovery.isNeeded(connection)) {
                embedded = true;
                long started = System.nanoTime();
                for (String moved : SequenceRecovery.run(connection, entities.getMetamodel())) {
                    LOG.log(Level.WARNING, "sequence behind its table after an unclean stop, moved on: {0}", moved);
                }
                LOG.log(Level.INFO, "sequences checked against their tables in {0} ms",
                        (System.nanoTime() - started) / 1_000_000);
                EmbeddedDataFile.mapWhole(connection).ifPresent(raised -> LOG.log(Level.INFO,
                        "embedded data file memory-mapped up to {0} MB from the next start", raised));
            }
        }
    }

    /**
     * On the embedded engine, at a clean stop (undeployment, SIGTERM): a checkpoint writes every committed change
     * into the data file and empties the redo log, so the next start has no log to replay and no backup to restore
     * (about 3 s for a log of 7 MB). Without it every stop is recovered like a crash at the next start. A stop
     * that cannot checkpoint loses nothing: the redo log is replayed as after a kill.
     */
    @PreDestroy
    void checkpointAtStop() {
        if (!embedded) {
            return; // Oracle, or a database never reached: a stop must not wait for a connection
        }
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection();
             Statement checkpoint = connection.createStatement()) {
            checkpoint.setQueryTimeout(STOP_CHECKPOINT_SECONDS);
            checkpoint.execute("CHECKPOINT");
            LOG.log(Level.INFO, "embedded database checkpointed at stop in {0} ms",
                    (System.nanoTime() - started) / 1_000_000);
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "no checkpoint at stop (the next start replays the redo log): " + e.getMessage());
        }
    }

    /** Whether the schema is migrated and the database answers now. */
    public boolean isReady() {
        if (appliedVersion == null) {
            return false;
        }
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(VALIDATION_TIMEOUT_SECONDS);
        } catch (SQLException e) {
            return false;
        }
    }

    /** The schema version applied at start, or {@code null} before the migration succeeded. */
    public String appliedVersion() {
        return appliedVersion;
    }
}
