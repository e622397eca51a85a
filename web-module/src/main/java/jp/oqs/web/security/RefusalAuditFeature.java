package jp.oqs.web.security;

import jakarta.annotation.Priority;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.security.Principal;
import java.util.Set;
import jp.oqs.api.error.ErrorBody;
import jp.oqs.api.error.ErrorCodes;
import jp.oqs.api.insurer.InsurerAdminApi;
import jp.oqs.api.security.Roles;
import jp.oqs.audit.ActorKind;
import jp.oqs.audit.AuditTrail;
import jp.oqs.identifier.InvalidIdentifierException;

/**
 * Puts every refusal of an authenticated API caller on the audit trail ({@code ACCESS_REFUSED}, written by
 * {@link AuditTrail#recordAccessRefused} in a transaction of its own): a 403 (a role the endpoint does not allow, an
 * insurer outside the token's scope, a token without its claims) and a 404 for an object fetched by id
 * ({@link #NOT_THERE_OR_NOT_YOURS}: missing and another's answer alike, so both are written, and the answer takes
 * the same path and time either way). The registry's scope refusals are written by the registry itself
 * ({@code REGISTRY_ACCESS}, naming the insurer) and are not written twice. An anonymous or badly authenticated
 * request (401) is not written: it is counted and logged at a bounded rate ({@link UnauthenticatedRequests}), so
 * that an unauthenticated flood cannot turn into audit writes.
 */
public class RefusalAuditFeature implements DynamicFeature {

    /** The 404 codes of objects fetched by id, answered alike whether missing or another's. */
    static final Set<String> NOT_THERE_OR_NOT_YOURS = Set.of(ErrorCodes.BATCH_NOT_FOUND,
            ErrorCodes.NOTICE_NOT_FOUND, ErrorCodes.RECEPTION_NOT_FOUND, ErrorCodes.PERSON_NOT_FOUND,
            ErrorCodes.CARD_SESSION_NOT_FOUND, ErrorCodes.CLAIM_JOB_NOT_FOUND);

    /**
     * The 403s the service writes itself, naming the person (a clinic refused a patient's health records for want
     * of a live consent): on the person's access history, and not written twice.
     */
    static final Set<String> WRITTEN_BY_THE_SERVICE = Set.of(ErrorCodes.CONSENT_NOT_FOUND,
            ErrorCodes.CONSENT_EXPIRED, ErrorCodes.CONSENT_WITHDRAWN);

    @Override
    public void configure(ResourceInfo resourceInfo, FeatureContext context) {
        if (resourceInfo.getResourceClass().isAnnotationPresent(PermitAll.class)) {
            return; // no caller to refuse: the card authenticates (see the resource)
        }
        Method operation = contractMethod(resourceInfo.getResourceClass(), resourceInfo.getResourceMethod());
        Path base = resourceInfo.getResourceClass().getAnnotation(Path.class);
        Path sub = operation.getAnnotation(Path.class);
        String template = (base == null ? "" : base.value()) + (sub == null ? "" : "/" + sub.value());
        context.register(new RefusalAudit(httpMethod(operation), template));
    }

    /** The contract interface's declaration of the method (where its path and HTTP method are). */
    private static Method contractMethod(Class<?> resource, Method implementation) {
        for (Class<?> contract : resource.getInterfaces()) {
            try {
                return contract.getMethod(implementation.getName(), implementation.getParameterTypes());
            } catch (NoSuchMethodException notThisOne) {
                // try the next interface
            }
        }
        return implementation;
    }

    private static String httpMethod(Method operation) {
        for (Annotation annotation : operation.getAnnotations()) {
            HttpMethod method = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (method != null) {
                return method.value();
            }
        }
        return "?";
    }

    @Priority(Priorities.USER)
    static final class RefusalAudit implements ContainerResponseFilter {

        private static final Logger LOG = System.getLogger(RefusalAudit.class.getName());

        private final String method;
        private final String template;
        private final boolean registry;
        private volatile AuditTrail audit;

        RefusalAudit(String method, String template) {
            this.method = method;
            this.template = template;
            this.registry = template.startsWith(InsurerAdminApi.PATH);
        }

        @Override
        public void filter(ContainerRequestContext request, ContainerResponseContext response) {
            int status = response.getStatus();
            if (status != 403 && status != 404) {
                return;
            }
            Principal principal = request.getSecurityContext().getUserPrincipal();
            if (!(principal instanceof TokenCaller caller)) {
                return; // no authenticated API caller: nobody to name
            }
            String code = response.getEntity() instanceof ErrorBody error ? error.code() : null;
            if (status == 404 && !NOT_THERE_OR_NOT_YOURS.contains(code)
                    || registry && ErrorCodes.INSURER_OUT_OF_SCOPE.equals(code)
                    || WRITTEN_BY_THE_SERVICE.contains(code)) {
                return; // not a refusal, or already on the trail (REGISTRY_ACCESS)
            }
            try {
                auditTrail().recordAccessRefused(actorKind(caller), actor(caller), status,
                        code == null ? "-" : code, method, template);
            } catch (RuntimeException e) {
                // the refusal stands; that it could not be recorded is an operator's matter
                LOG.log(Level.ERROR, "refusal of " + caller.getName() + " (" + status + " " + method + " "
                        + template + ") could not be put on the audit trail", e);
            }
        }

        private AuditTrail auditTrail() {
            AuditTrail trail = audit;
            if (trail == null) {
                trail = CDI.current().select(AuditTrail.class).get();
                audit = trail;
            }
            return trail;
        }

        private static ActorKind actorKind(TokenCaller caller) {
            if (caller.groups().contains(Roles.CLINIC)) {
                return ActorKind.CLINIC;
            }
            return caller.groups().contains(Roles.INSURER_SYNC) ? ActorKind.SYNC_JOB : ActorKind.STAFF;
        }

        /** A clinic by its 医療機関コード, as its checks are (the token's name if the code is not valid). */
        private static String actor(TokenCaller caller) {
            if (caller.groups().contains(Roles.CLINIC)) {
                try {
                    return CallerClaims.medicalInstitutionCode(caller).value();
                } catch (InvalidIdentifierException invalid) {
                    // named by the token instead
                }
            }
            return caller.getName();
        }
    }
}
