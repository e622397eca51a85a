package jp.oqs.web.security;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.DatabaseIdentityStoreDefinition;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import jp.oqs.api.security.Roles;
import jp.oqs.staff.StaffAccounts;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one authentication mechanism of the application (Jakarta Security 3 allows one per module):
 * <ul>
 *   <li>REST callers present a bearer token, verified on every request by {@link BearerTokens} (MicroProfile JWT
 *       rules and settings). No session is created for them.</li>
 *   <li>Console staff sign in on the Faces form, which hands their user name and password to
 *       {@code SecurityContext.authenticate}; they are checked against {@code staff_account} (salted PBKDF2) and
 *       remembered in the HTTP session, whose id is changed at sign-in. Wrong passwords are throttled per client
 *       address ({@link SignInThrottle}) and, at a higher count, lock the account for everyone
 *       ({@link StaffAccounts#signInFailed}); an unknown name costs the same PBKDF2 work as a known one. Every
 *       console request re-checks the account (enabled, not locked, same role), and ends the session if not.</li>
 *   <li>A protected console page without a signed-in user redirects to the sign-in page; the API never
 *       redirects (no token: 401 from the role check).</li>
 * </ul>
 */
@ApplicationScoped
@DeclareRoles({Roles.CLINIC, Roles.INSURER_SYNC, Roles.SSK_ADMIN, Roles.KOKUHO_ADMIN, Roles.AUDITOR,
        Roles.SECURITY_ADMIN})
@DatabaseIdentityStoreDefinition(
        dataSourceLookup = "jdbc/oqs",
        callerQuery = "SELECT password_hash FROM staff_account WHERE username = ? AND enabled = 1",
        groupsQuery = "SELECT role FROM staff_account WHERE username = ? AND enabled = 1",
        hashAlgorithm = Pbkdf2PasswordHash.class,
        useFor = {IdentityStore.ValidationType.VALIDATE, IdentityStore.ValidationType.PROVIDE_GROUPS})
public class OqsAuthentication implements HttpAuthenticationMechanism {

    /** The console's sign-in page, relative to the context root. */
    public static final String SIGN_IN_PAGE = "/console/signin.xhtml";
    /** What every 401 answers in {@code WWW-Authenticate} (RFC 6750 §3). */
    public static final String BEARER_CHALLENGE = "Bearer realm=\"oqs\"";
    /** ... when the request carried a token that is not valid. */
    public static final String INVALID_TOKEN_CHALLENGE = BEARER_CHALLENGE + ", error=\"invalid_token\"";
    private static final String SESSION_CALLER = OqsAuthentication.class.getName() + ".caller";
    private static final String BEARER = "Bearer ";
    private static final Logger LOG = System.getLogger(OqsAuthentication.class.getName());

    @Inject
    private BearerTokens tokens;

    @Inject
    private IdentityStoreHandler identityStores;

    @EJB
    private StaffAccounts accounts;

    @Inject
    private Clock clock;

    @Inject
    @ConfigProperty(name = "oqs.console.lockout.attempts", defaultValue = "5")
    private int pairAttempts;

    @Inject
    @ConfigProperty(name = "oqs.console.lockout.address-attempts", defaultValue = "20")
    private int addressAttempts;

    @Inject
    @ConfigProperty(name = "oqs.console.lockout.minutes", defaultValue = "15")
    private long lockoutMinutes;

    private SignInThrottle throttle;

    @PostConstruct
    void init() {
        throttle = new SignInThrottle(pairAttempts, addressAttempts, Duration.ofMinutes(lockoutMinutes));
    }

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            try {
                TokenCaller caller = tokens.verify(authorization.substring(BEARER.length()).strip());
                return context.notifyContainerAboutLogin(caller, caller.groups());
            } catch (BearerTokens.InvalidTokenException e) {
                LOG.log(Level.DEBUG, "bearer token refused: {0}", e.getMessage());
                UnauthenticatedRequests.refused();
                response.setHeader("WWW-Authenticate", INVALID_TOKEN_CHALLENGE);
                return context.responseUnauthorized();
            }
        }
        Credential credential = context.getAuthParameters().getCredential();
        if (credential != null) {
            return signIn(request, context, credential);
        }
        // the console's session never authenticates an API call: no cookie-borne (CSRF-prone) REST calls
        HttpSession session = isConsole(request) ? request.getSession(false) : null;
        if (session != null && session.getAttribute(SESSION_CALLER) instanceof StaffCaller staff) {
            if (accounts.isCurrent(staff.getName(), staff.groups())) {
                return context.notifyContainerAboutLogin(staff, staff.groups());
            }
            // disabled, locked, removed or given another role since sign-in: the session ends now
            LOG.log(Level.INFO, "console session of {0} ended: the account is no longer valid", staff.getName());
            session.invalidate();
        }
        if (isConsole(request) && context.isProtected()) {
            return context.redirect(request.getContextPath() + SIGN_IN_PAGE);
        }
        return context.doNothing();
    }

    private static boolean isConsole(HttpServletRequest request) {
        return request.getServletPath().startsWith("/console/");
    }

    private AuthenticationStatus signIn(HttpServletRequest request, HttpMessageContext context,
                                        Credential credential) {
        UsernamePasswordCredential password = credential instanceof UsernamePasswordCredential p ? p : null;
        String username = password == null ? null : password.getCaller();
        String address = request.getRemoteAddr();
        if (username == null || username.isBlank()) {
            return refused(username, address, "NO_USERNAME");
        }
        SignInThrottle.Refusal throttled = throttle.refusal(username, address, clock.instant());
        if (throttled != null) {
            // no password check and not counted against the account (else one address could lock it for everyone);
            // the answer is the same as for a wrong password
            LOG.log(Level.INFO, "console sign-in refused for {0} from {1}: {2}", username, address, throttled);
            accounts.signInRefused(username, throttled.name());
            return AuthenticationStatus.SEND_FAILURE;
        }
        if (!accounts.exists(username)) {
            accounts.verifyDummy(password.getPassword().getValue()); // as slow as a known name
            throttle.failed(username, address, clock.instant());
            return refused(username, address, "UNKNOWN_ACCOUNT");
        }
        if (accounts.isLocked(username)) {
            throttle.failed(username, address, clock.instant());
            return refused(username, address, "ACCOUNT_LOCKED");
        }
        CredentialValidationResult result = identityStores.validate(credential);
        if (result.getStatus() != CredentialValidationResult.Status.VALID || result.getCallerGroups().isEmpty()) {
            throttle.failed(username, address, clock.instant());
            // the identity store reads enabled accounts only: a disabled one answers as a wrong password
            return refused(username, address, "WRONG_PASSWORD_OR_DISABLED");
        }
        throttle.succeeded(username, address);
        accounts.signedIn(username);
        StaffCaller staff = new StaffCaller(result.getCallerPrincipal().getName(), result.getCallerGroups());
        HttpSession session = request.getSession(false);
        if (session != null) {
            request.changeSessionId(); // no session fixation
        }
        request.getSession(true).setAttribute(SESSION_CALLER, staff);
        LOG.log(Level.INFO, "console sign-in: {0} as {1}", staff.getName(), staff.groups());
        return context.notifyContainerAboutLogin(staff, staff.groups());
    }

    /** Counts the refusal against the account (if any) and puts it on the audit trail, with the reason. */
    private AuthenticationStatus refused(String username, String address, String reason) {
        LOG.log(Level.INFO, "console sign-in refused for {0} from {1}: {2}", username, address, reason);
        accounts.signInFailed(username, reason);
        return AuthenticationStatus.SEND_FAILURE;
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(SESSION_CALLER);
        }
        HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
    }

    /** A signed-in console user, as kept in the session. */
    public record StaffCaller(String name, Set<String> groups) implements Principal, Serializable {

        public StaffCaller {
            groups = Set.copyOf(groups);
        }

        @Override
        public String getName() {
            return name;
        }
    }
}
