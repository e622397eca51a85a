package jp.oqs.staff;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import jp.oqs.api.insurer.ManagingOrganisation;
import jp.oqs.api.security.Roles;
import jp.oqs.audit.ActorKind;
import jp.oqs.audit.AuditKind;
import jp.oqs.audit.AuditTrail;
import jp.oqs.platform.BusinessException.Kind;
import jp.oqs.platform.UniqueKeyViolation;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Console accounts. Who manages which (creates, disables, re-enables):
 * <ul>
 *   <li>an organisation's administrator ({@code ssk-admin}, {@code kokuho-admin}): accounts of its own role;</li>
 *   <li>a security administrator ({@code security-admin}): auditors, each of one organisation, and security
 *       administrators; never an organisation's administrator (it would then hold a grant to personal data);</li>
 *   <li>an auditor: none.</li>
 * </ul>
 * So an auditor, who reads the trail of everyone's work, is never granted by the administrators it audits: two
 * people for one grant. Passwords are hashed here with PBKDF2 (HMAC-SHA-512, 210,000 iterations, 32-byte salt)
 * and never kept, logged or returned.
 */
@Stateless
public class StaffAccounts {

    /** The roles an account can hold: the console's. */
    public static final List<String> ROLES = List.of(Roles.SSK_ADMIN, Roles.KOKUHO_ADMIN, Roles.AUDITOR,
            Roles.SECURITY_ADMIN);
    public static final int MIN_PASSWORD_LENGTH = 12;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");
    private static final Map<String, String> HASH_PARAMETERS = Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
            "Pbkdf2PasswordHash.Iterations", "210000",
            "Pbkdf2PasswordHash.SaltSizeBytes", "32",
            "Pbkdf2PasswordHash.KeySizeBytes", "64");
    private static final Logger LOG = System.getLogger(StaffAccounts.class.getName());

    @PersistenceContext(unitName = "oqs")
    private EntityManager em;

    @Inject
    private Pbkdf2PasswordHash passwordHash;

    @Inject
    private Clock clock;

    @Inject
    private AuditTrail audit;

    /** Wrong passwords for one account from anywhere that lock it for everyone (per address: the web module). */
    @Inject
    @ConfigProperty(name = "oqs.console.lockout.account-attempts", defaultValue = "50")
    private int lockoutAttempts;

    @Inject
    @ConfigProperty(name = "oqs.console.lockout.minutes", defaultValue = "15")
    private long lockoutMinutes;

    /** Whether the account is locked now after too many wrong passwords (an unknown name is not). */
    public boolean isLocked(String username) {
        return account(username).map(a -> a.isLockedAt(clock.instant())).orElse(false);
    }

    /**
     * A sign-in with this name was refused for {@code reason} (never the password): counts it against the account
     * atomically (one UPDATE, so parallel guesses are all counted), locks the account for
     * {@code oqs.console.lockout.minutes} at the {@code oqs.console.lockout.account-attempts}-th in a row, and
     * records the refusal on the audit trail, all in a transaction of its own.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void signInFailed(String username, String reason) {
        String actor = username == null || username.isBlank() ? "-" : username;
        if (username != null && em.createNamedQuery("StaffAccount.countFailure")
                .setParameter("username", username).executeUpdate() > 0) {
            int locked = em.createNamedQuery("StaffAccount.lockAfterFailures")
                    .setParameter("username", username).setParameter("attempts", lockoutAttempts)
                    .setParameter("until", clock.instant().plus(Duration.ofMinutes(lockoutMinutes))
                            .truncatedTo(ChronoUnit.MICROS))
                    .executeUpdate();
            if (locked > 0) {
                LOG.log(Level.WARNING, "staff account {0} locked for {1} min after {2} wrong passwords", username,
                        lockoutMinutes, lockoutAttempts);
                reason = reason + "; ACCOUNT_LOCKED";
            }
        }
        audit.record(ActorKind.STAFF, actor, AuditKind.SIGN_IN_REFUSED, null, null, brief(reason));
    }

    /** A sign-in refused before its password was checked (throttled): on the audit trail, not counted. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void signInRefused(String username, String reason) {
        audit.record(ActorKind.STAFF, username == null || username.isBlank() ? "-" : username,
                AuditKind.SIGN_IN_REFUSED, null, null, brief(reason));
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void signedIn(String username) {
        account(username).ifPresent(StaffAccount::signedIn);
        audit.record(ActorKind.STAFF, username, AuditKind.SIGN_IN, null, null, "OK");
    }

    /** The failed sign-ins counted against the account now (0 for an unknown name). */
    public int failedSignIns(String username) {
        return account(username).map(StaffAccount::failedSignIns).orElse(0);
    }

    /** Whether an account of this name exists (enabled or not). */
    public boolean exists(String username) {
        return account(username).isPresent();
    }

    /**
     * Whether a console session of this user with these roles is still good: the account exists, is enabled, is not
     * locked, and holds the same role it signed in with.
     */
    public boolean isCurrent(String username, java.util.Set<String> roles) {
        return account(username).filter(StaffAccount::isEnabled).filter(a -> !a.isLockedAt(clock.instant()))
                .filter(a -> roles.equals(java.util.Set.of(a.role()))).isPresent();
    }

    /**
     * Spends the same PBKDF2 work as checking a real account's password, against a hash no password matches, so
     * an unknown user name answers as slowly as a known one.
     */
    public void verifyDummy(char[] password) {
        passwordHash.initialize(HASH_PARAMETERS);
        passwordHash.verify(password == null ? new char[0] : password, DummyHash.VALUE);
    }

    /** A PBKDF2 hash with the accounts' parameters of a random password nobody knows, made once. */
    private static final class DummyHash {
        static final String VALUE = dummy();

        private static String dummy() {
            byte[] salt = new byte[32];
            byte[] key = new byte[64];
            java.security.SecureRandom random = new java.security.SecureRandom();
            random.nextBytes(salt);
            random.nextBytes(key);
            java.util.Base64.Encoder b64 = java.util.Base64.getEncoder();
            return "PBKDF2WithHmacSHA512:210000:" + b64.encodeToString(salt) + ":" + b64.encodeToString(key);
        }
    }

    private java.util.Optional<StaffAccount> account(String username) {
        return em.createNamedQuery("StaffAccount.byUsername", StaffAccount.class)
                .setParameter("username", username).getResultStream().findFirst();
    }

    /**
     * An auditor account's organisation: empty for an unknown name, another role, or an auditor made before V14
     * whose creator is unknown.
     */
    public java.util.Optional<ManagingOrganisation> organisationOf(String username) {
        return account(username).map(StaffAccount::organisation);
    }

    /** The accounts a manager of {@code managerRole} manages (see {@link #manageableRoles}), by name. */
    public List<StaffAccount> managedBy(String managerRole) {
        List<String> roles = manageableRoles(managerRole);
        if (roles.isEmpty()) {
            return List.of();
        }
        return em.createNamedQuery("StaffAccount.ofRoles", StaffAccount.class)
                .setParameter("roles", roles).getResultList();
    }

    /**
     * The roles a manager of {@code managerRole} may give, disable and re-enable: an organisation's administrator
     * its own; a security administrator auditors and security administrators; anyone else none.
     */
    public static List<String> manageableRoles(String managerRole) {
        if (Roles.SSK_ADMIN.equals(managerRole) || Roles.KOKUHO_ADMIN.equals(managerRole)) {
            return List.of(managerRole);
        }
        if (Roles.SECURITY_ADMIN.equals(managerRole)) {
            return List.of(Roles.AUDITOR, Roles.SECURITY_ADMIN);
        }
        return List.of();
    }

    /**
     * A new account of {@code role}, made by {@code manager} (of {@code managerRole}). An auditor needs its
     * {@code organisation}; any other role takes none.
     */
    public StaffAccount create(String managerRole, String manager, String username, String displayName, String role,
                               ManagingOrganisation organisation, char[] password) throws StaffException {
        if (!manageableRoles(managerRole).contains(role)) {
            throw new StaffException(Kind.FORBIDDEN, "ACCOUNT_ROLE_NOT_ALLOWED",
                    "この役割のアカウントは作成できません。",
                    managerRole + " may create accounts with roles " + manageableRoles(managerRole));
        }
        return store(username, displayName, role, organisation, password, manager);
    }

    public StaffAccount setEnabled(String managerRole, String manager, String username, boolean enabled)
            throws StaffException {
        StaffAccount account = account(username)
                .filter(a -> manageableRoles(managerRole).contains(a.role()))
                .orElseThrow(() -> new StaffException(Kind.NOT_FOUND, "ACCOUNT_NOT_FOUND",
                        "指定のアカウントはありません。", "no account " + username + " that " + managerRole
                        + " manages"));
        if (account.username().equals(manager)) {
            throw new StaffException(Kind.CONFLICT, "ACCOUNT_IS_SELF", "自分のアカウントは無効にできません。",
                    "an administrator cannot disable its own account");
        }
        if (enabled && Roles.AUDITOR.equals(account.role()) && account.organisation() == null) {
            throw invalid("ACCOUNT_ORGANISATION_REQUIRED", "監査担当には所属組織が必要です。",
                    "this auditor has no organisation (made before V14 by an unknown account); create a new one");
        }
        if (enabled) {
            account.enable();
        } else {
            account.disable();
        }
        audit.record(ActorKind.STAFF, manager, enabled ? AuditKind.ACCOUNT_ENABLED : AuditKind.ACCOUNT_DISABLED,
                null, null, brief(describe(account.role(), username, account.organisation())));
        LOG.log(Level.INFO, "staff account {0} {1} by {2}", username, enabled ? "enabled" : "disabled", manager);
        return account;
    }

    /**
     * The first administrator of a role, from configuration, when no account of that role exists yet. Returns
     * whether it was created.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean bootstrap(String role, String username, char[] password) throws StaffException {
        long existing = em.createNamedQuery("StaffAccount.countByRole", Long.class).setParameter("role", role)
                .getSingleResult();
        if (existing > 0) {
            return false;
        }
        store(username, username, role, null, password, "bootstrap");
        return true;
    }

    private StaffAccount store(String username, String displayName, String role, ManagingOrganisation organisation,
                               char[] password, String by) throws StaffException {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw invalid("ACCOUNT_USERNAME_INVALID", "ユーザー名は英小文字・数字・「._-」の3～64文字です。",
                    "username must match " + USERNAME.pattern());
        }
        if (displayName == null || displayName.isBlank() || displayName.length() > 100) {
            throw invalid("ACCOUNT_NAME_INVALID", "氏名を100文字以内で入力してください。",
                    "displayName is required, at most 100 characters");
        }
        if (password == null || password.length < MIN_PASSWORD_LENGTH) {
            throw invalid("ACCOUNT_PASSWORD_TOO_SHORT",
                    "パスワードは" + MIN_PASSWORD_LENGTH + "文字以上にしてください。",
                    "password needs at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (!ROLES.contains(role)) {
            throw invalid("ACCOUNT_ROLE_INVALID", "役割が正しくありません。", "role must be one of " + ROLES);
        }
        boolean auditor = Roles.AUDITOR.equals(role);
        if (auditor && organisation == null) {
            throw invalid("ACCOUNT_ORGANISATION_REQUIRED", "監査担当の所属組織を選んでください。",
                    "an auditor belongs to one organisation: SSK or KOKUHO_CHUOKAI");
        }
        if (!auditor && organisation != null) {
            throw invalid("ACCOUNT_ORGANISATION_NOT_ALLOWED", "所属組織を選べるのは監査担当だけです。",
                    "only an auditor account has an organisation");
        }
        passwordHash.initialize(HASH_PARAMETERS);
        StaffAccount account = new StaffAccount(username, displayName.strip(), role, organisation,
                passwordHash.generate(password),
                clock.instant().truncatedTo(ChronoUnit.MICROS), by);
        java.util.Arrays.fill(password, '\0');
        em.persist(account);
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (UniqueKeyViolation.isCause(e)) {
                throw new StaffException(Kind.CONFLICT, "ACCOUNT_EXISTS", "このユーザー名は使用されています。",
                        "an account named " + username + " exists");
            }
            throw e;
        }
        LOG.log(Level.INFO, "staff account {0} ({1}) created by {2}", username, role, by);
        audit.record(ActorKind.STAFF, by, AuditKind.ACCOUNT_CREATED, null, null,
                brief(describe(role, username, organisation)));
        return account;
    }

    /** What an account entry's result says: role, user name and, for an auditor, its organisation. */
    private static String describe(String role, String username, ManagingOrganisation organisation) {
        return role + " " + username + (organisation == null ? "" : " " + organisation.name());
    }

    /** An audit result fits 40 characters. */
    private static String brief(String result) {
        return result.length() <= 40 ? result : result.substring(0, 40);
    }

    private static StaffException invalid(String code, String message, String hint) {
        return new StaffException(Kind.INVALID, code, message, hint);
    }
}
