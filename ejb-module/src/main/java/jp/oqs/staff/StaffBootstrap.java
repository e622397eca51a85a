package jp.oqs.staff;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Optional;
import jp.oqs.api.security.Roles;
import jp.oqs.platform.SchemaMigrated;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The first administrator of each organisation and the first security administrator, from configuration, once
 * the schema is there: {@code oqs.console.bootstrap.ssk-admin.username} / {@code .password} and the same for
 * {@code kokuho-admin} and {@code security-admin} (environment: {@code OQS_CONSOLE_BOOTSTRAP_SSK_ADMIN_USERNAME},
 * {@code OQS_CONSOLE_BOOTSTRAP_SECURITY_ADMIN_USERNAME} ...). Only while the role has no account; the password
 * never lives in git, and is changed by creating a new account of the role and disabling the first.
 */
@ApplicationScoped
public class StaffBootstrap {

    private static final Logger LOG = System.getLogger(StaffBootstrap.class.getName());

    @EJB
    private StaffAccounts accounts;

    void onSchemaMigrated(@Observes SchemaMigrated event) {
        Config config = ConfigProvider.getConfig();
        for (String role : new String[] {Roles.SSK_ADMIN, Roles.KOKUHO_ADMIN, Roles.SECURITY_ADMIN}) {
            String prefix = "oqs.console.bootstrap." + role + ".";
            Optional<String> username = config.getOptionalValue(prefix + "username", String.class);
            Optional<String> password = config.getOptionalValue(prefix + "password", String.class);
            if (username.isEmpty() || password.isEmpty()) {
                continue;
            }
            try {
                if (accounts.bootstrap(role, username.get(), password.get().toCharArray())) {
                    LOG.log(Level.INFO, "first {0} account {1} created from configuration", role, username.get());
                }
            } catch (StaffException e) {
                LOG.log(Level.ERROR, "first " + role + " account from configuration refused: " + e.hint());
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "first " + role + " account could not be created: " + e);
            }
        }
    }
}
