package jp.oqs.web.console;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jp.oqs.api.security.Roles;
import jp.oqs.insurer.AdminScope;
import jp.oqs.staff.StaffAccounts;
import jp.oqs.web.security.AdminScopes;
import jp.oqs.web.security.OqsAuthentication;

/**
 * The signed-in staff member: name, role, the scopes the session beans check (the registry's, and the one for
 * personal data: a console auditor's own organisation), and sign-out.
 */
@Named
@RequestScoped
public class ConsoleUser {

    @Inject
    private SecurityContext security;

    @EJB
    private StaffAccounts accounts;

    private AdminScope personalDataScope;

    public String getName() {
        return security.getCallerPrincipal() == null ? null : security.getCallerPrincipal().getName();
    }

    /** The console role: ssk-admin, kokuho-admin, auditor or security-admin. */
    public String getRole() {
        for (String role : new String[] {Roles.SSK_ADMIN, Roles.KOKUHO_ADMIN, Roles.AUDITOR, Roles.SECURITY_ADMIN}) {
            if (security.isCallerInRole(role)) {
                return role;
            }
        }
        return null;
    }

    public boolean isAdministrator() {
        return security.isCallerInRole(Roles.SSK_ADMIN) || security.isCallerInRole(Roles.KOKUHO_ADMIN);
    }

    public boolean isAuditor() {
        return security.isCallerInRole(Roles.AUDITOR);
    }

    /** A security administrator manages auditor and security-administrator accounts, and reads nothing else. */
    public boolean isSecurityAdministrator() {
        return security.isCallerInRole(Roles.SECURITY_ADMIN);
    }

    /** Whether the accounts page is for this user: administrators and security administrators. */
    public boolean isAccountManager() {
        return isAdministrator() || isSecurityAdministrator();
    }

    /** The registry scope: an administrator's organisation; an auditor reads the whole registry. */
    AdminScope scope() {
        return AdminScopes.of(getName(), security::isCallerInRole);
    }

    /**
     * The scope for people and sync activity: an administrator's organisation; an auditor's own organisation
     * (from its account). An auditor without one (made before V14 by an unknown account) keeps the scope over
     * every organisation, which the session beans refuse for personal data.
     */
    AdminScope personalDataScope() {
        if (personalDataScope == null) {
            personalDataScope = isAuditor() && !isAdministrator()
                    ? accounts.organisationOf(getName()).map(o -> AdminScope.auditorOf(getName(), o)).orElse(scope())
                    : scope();
        }
        return personalDataScope;
    }

    /** Ends the session and returns to the sign-in page. */
    public String signOut() throws ServletException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        ((HttpServletRequest) external.getRequest()).logout();
        external.invalidateSession();
        return OqsAuthentication.SIGN_IN_PAGE + "?faces-redirect=true";
    }
}
