package jp.oqs.web.security;

import jakarta.ws.rs.core.SecurityContext;
import java.util.EnumSet;
import jp.oqs.api.insurer.ManagingOrganisation;
import jp.oqs.api.security.Roles;
import jp.oqs.insurer.AdminScope;

/** The registry scope of an authenticated admin caller, from its roles. */
public final class AdminScopes {

    private AdminScopes() {
    }

    public static AdminScope of(SecurityContext security) {
        String actor = security.getUserPrincipal().getName();
        EnumSet<ManagingOrganisation> organisations = EnumSet.noneOf(ManagingOrganisation.class);
        if (security.isUserInRole(Roles.SSK_ADMIN)) {
            organisations.add(ManagingOrganisation.SSK);
        }
        if (security.isUserInRole(Roles.KOKUHO_ADMIN)) {
            organisations.add(ManagingOrganisation.KOKUHO_CHUOKAI);
        }
        if (organisations.isEmpty()) {
            return AdminScope.auditor(actor);
        }
        return new AdminScope(actor, organisations, true);
    }
}
