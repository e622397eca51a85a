package jp.oqs.web;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import jp.oqs.web.rest.BodyLimit;
import jp.oqs.web.rest.OqsApplication;

/**
 * Every operation of the API, enumerated from the resource classes {@link OqsApplication} serves and the contract
 * interfaces they implement: the tests that must cover every endpoint ({@code HostileInputIT},
 * {@code AuthorizationMatrixIT}) start from here, so a new endpoint cannot slip past them.
 */
final class ApiEndpoints {

    /** One operation of the API: its method, its path template under the API root, and what it allows. */
    record Endpoint(String method, String path, Method operation, Class<?> body, Set<String> roles,
                    boolean anonymous, BodyLimit.Kind limit) {

        String key() {
            return method + " " + path;
        }
    }

    private ApiEndpoints() {
    }

    /** Every operation of the resource classes the application serves. */
    static List<Endpoint> all() throws NoSuchMethodException {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Class<?> resource : new OqsApplication().getClasses()) {
            Path base = resource.getAnnotation(Path.class);
            if (base == null) {
                continue; // a provider
            }
            for (Class<?> contract : resource.getInterfaces()) {
                for (Method operation : contract.getMethods()) {
                    String method = httpMethod(operation);
                    if (method == null) {
                        continue;
                    }
                    Path sub = operation.getAnnotation(Path.class);
                    Method implementation = resource.getMethod(operation.getName(), operation.getParameterTypes());
                    RolesAllowed roles = implementation.isAnnotationPresent(RolesAllowed.class)
                            ? implementation.getAnnotation(RolesAllowed.class) : resource.getAnnotation(RolesAllowed.class);
                    BodyLimit limit = implementation.getAnnotation(BodyLimit.class);
                    Class<?> body = null;
                    for (Parameter parameter : operation.getParameters()) {
                        if (!parameter.isAnnotationPresent(PathParam.class)
                                && !parameter.isAnnotationPresent(QueryParam.class)) {
                            body = parameter.getType();
                        }
                    }
                    endpoints.add(new Endpoint(method, base.value() + (sub == null ? "" : "/" + sub.value()),
                            operation, body, roles == null ? Set.of() : Set.of(roles.value()),
                            resource.isAnnotationPresent(PermitAll.class),
                            limit == null ? BodyLimit.Kind.OTHER : limit.value()));
                }
            }
        }
        return endpoints;
    }

    private static String httpMethod(Method operation) {
        for (Annotation annotation : operation.getAnnotations()) {
            HttpMethod method = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (method != null) {
                return method.value();
            }
        }
        return null;
    }
}
