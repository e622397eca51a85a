package jp.oqs.web.security;

import jakarta.ws.rs.core.SecurityContext;
import java.util.EnumSet;
import java.util.function.Predicate;
import jp.oqs.api.insurer.ManagingOrganisation;
import jp.oqs.api.security.Roles;
import jp.oqs.insurer.AdminScope;

/**
 * The registry scope of an authenticated admin caller, from its roles: the same for the API and the console. An
 * auditor reads the whole registry and the whole audit trail; the console narrows a console auditor's reads of
 * people and sync activity to its organisation ({@code ConsoleUser.personalDataScope}).
 */
public final class AdminScopes {

    private AdminScopes() {
    }

    public static AdminScope of(SecurityContext security) {
        return of(security.getUserPrincipal().getName(), security::isUserInRole);
    }

    public static AdminScope of(String actor, Predicate<String> isInRole) {
        EnumSet<ManagingOrganisation> organisations = EnumSet.noneOf(ManagingOrganisation.class);
        if (isInRole.test(Roles.SSK_ADMIN)) {
            organisations.add(ManagingOrganisation.SSK);
        }
        if (isInRole.test(Roles.KOKUHO_ADMIN)) {
            organisations.add(ManagingOrganisation.KOKUHO_CHUOKAI);
        }
        if (organisations.isEmpty()) {
            if (!isInRole.test(Roles.AUDITOR)) {
                // a security administrator (or any other role) has no registry scope: the role checks keep it out
                throw new IllegalStateException("no registry scope for a caller without an admin or auditor role");
            }
            return AdminScope.auditor(actor);
        }
        return new AdminScope(actor, organisations, true);
    }
}
