package jp.oqs.web.rest;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.function.Consumer;
import jp.oqs.api.eligibility.CertificateLookupResult;
import jp.oqs.api.eligibility.LookupResult;
import jp.oqs.api.eligibility.Validity;
import jp.oqs.api.error.ErrorBody;
import jp.oqs.metrics.ServiceMetrics;
import jp.oqs.metrics.ServiceMetrics.LookupMethod;

/**
 * The REST boundary's part of the application metrics ({@link ServiceMetrics}): refused requests by their error
 * code, and single checks by outcome and validity with their duration. Counted here, after the resource method has
 * returned, because its transaction has then committed (or rolled back into a refusal), and because the answer
 * and the error body are both at hand without touching the resources.
 */
public final class RequestMetrics {

    private static final Logger LOG = System.getLogger(RequestMetrics.class.getName());
    private static volatile ServiceMetrics metrics;

    private RequestMetrics() {
    }

    /**
     * Counts with the metrics bean, looked up once (filters built by a feature are not CDI beans); a failure to
     * find it is logged, never thrown into the request.
     */
    static void count(Consumer<ServiceMetrics> counting) {
        try {
            ServiceMetrics found = metrics;
            if (found == null) {
                found = CDI.current().select(ServiceMetrics.class).get();
                metrics = found;
            }
            counting.accept(found);
        } catch (RuntimeException fault) {
            LOG.log(Level.WARNING, "a request could not be counted in the application metrics", fault);
        }
    }

    /**
     * Counts every 4xx answer with the error body, by status and code: the API's refusals; and the 503s with it (a
     * check refused because the node was busy, or a dependency missing).
     */
    @Priority(Priorities.USER)
    public static final class Refusals implements ContainerResponseFilter {

        @Override
        public void filter(ContainerRequestContext request, ContainerResponseContext response) {
            int status = response.getStatus();
            if ((status >= 400 && status < 500 || status == 503) && response.getEntity() instanceof ErrorBody error) {
                count(m -> m.refused(status, error.code()));
            }
        }
    }

    /**
     * Times and counts the single checks: every resource method that answers a {@link LookupResult} (by card
     * numbers) or a {@link CertificateLookupResult} (by certificate). Bound before any other filter, so that a
     * check refused by the role check or the body limit is counted too.
     */
    public static final class Lookups implements DynamicFeature {

        @Override
        public void configure(ResourceInfo resourceInfo, FeatureContext context) {
            Class<?> answer = resourceInfo.getResourceMethod().getReturnType();
            if (answer == LookupResult.class) {
                context.register(new LookupTiming(LookupMethod.CARD));
            } else if (answer == CertificateLookupResult.class) {
                context.register(new LookupTiming(LookupMethod.CERTIFICATE));
            }
        }
    }

    @Priority(Priorities.AUTHENTICATION - 100)
    static final class LookupTiming implements ContainerRequestFilter, ContainerResponseFilter {

        private static final String STARTED = LookupTiming.class.getName() + ".started";

        private final LookupMethod method;

        LookupTiming(LookupMethod method) {
            this.method = method;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            request.setProperty(STARTED, System.nanoTime());
        }

        @Override
        public void filter(ContainerRequestContext request, ContainerResponseContext response) {
            long took = request.getProperty(STARTED) instanceof Long started ? System.nanoTime() - started : 0;
            Object entity = response.getEntity();
            Validity validity = entity instanceof LookupResult answer ? answer.validityName()
                    : entity instanceof CertificateLookupResult answer ? answer.validityName() : null;
            count(m -> m.lookup(method, validity, took));
        }
    }
}
