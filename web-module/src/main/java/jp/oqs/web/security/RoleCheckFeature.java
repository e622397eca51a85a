package jp.oqs.web.security;

import jakarta.annotation.Priority;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Arrays;

/**
 * Enforces {@link RolesAllowed} on resource methods (method first, then class): no authenticated caller → 401,
 * a caller without any of the roles → 403. Every resource method must name its roles; one without is refused.
 * A 403 is put on the audit trail by {@link RefusalAuditFeature}; a 401 is only counted
 * ({@link UnauthenticatedRequests}).
 */
public class RoleCheckFeature implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resourceInfo, FeatureContext context) {
        if (resourceInfo.getResourceClass().isAnnotationPresent(PermitAll.class)) {
            return; // authenticates by other means (see the resource)
        }
        RolesAllowed roles = resourceInfo.getResourceMethod().getAnnotation(RolesAllowed.class);
        if (roles == null) {
            roles = resourceInfo.getResourceClass().getAnnotation(RolesAllowed.class);
        }
        context.register(new RoleCheck(roles == null ? new String[0] : roles.value()));
    }

    @Priority(Priorities.AUTHORIZATION)
    static final class RoleCheck implements ContainerRequestFilter {

        private final String[] roles;

        RoleCheck(String[] roles) {
            this.roles = roles.clone();
        }

        @Override
        public void filter(ContainerRequestContext request) {
            SecurityContext security = request.getSecurityContext();
            if (security.getUserPrincipal() == null) {
                UnauthenticatedRequests.refused(); // counted, not audited: nobody to name
                throw new NotAuthorizedException("Bearer");
            }
            if (Arrays.stream(roles).noneMatch(security::isUserInRole)) {
                throw new ForbiddenException();
            }
        }
    }
}
