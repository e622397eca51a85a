package jp.oqs.web.console;

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
import jp.oqs.web.security.AdminScopes;
import jp.oqs.web.security.OqsAuthentication;

/** The signed-in staff member: name, role, the registry scope the session beans check, and sign-out. */
@Named
@RequestScoped
public class ConsoleUser {

    @Inject
    private SecurityContext security;

    public String getName() {
        return security.getCallerPrincipal() == null ? null : security.getCallerPrincipal().getName();
    }

    /** The console role: ssk-admin, kokuho-admin or auditor. */
    public String getRole() {
        for (String role : new String[] {Roles.SSK_ADMIN, Roles.KOKUHO_ADMIN, Roles.AUDITOR}) {
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

    AdminScope scope() {
        return AdminScopes.of(getName(), security::isCallerInRole);
    }

    /** Ends the session and returns to the sign-in page. */
    public String signOut() throws ServletException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        ((HttpServletRequest) external.getRequest()).logout();
        external.invalidateSession();
        return OqsAuthentication.SIGN_IN_PAGE + "?faces-redirect=true";
    }
}
