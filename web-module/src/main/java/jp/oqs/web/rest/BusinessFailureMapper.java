package jp.oqs.web.rest;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import jp.oqs.platform.BusinessException;
import jp.oqs.platform.RetryLater;

/** Business failures of the session beans → 400, 401, 403, 404, 409, 429 (with {@code Retry-After}) or 503 with the error body. */
@Provider
public class BusinessFailureMapper implements ExceptionMapper<BusinessFailure> {

    @Override
    public Response toResponse(BusinessFailure failure) {
        BusinessException e = failure.business();
        Status status = switch (e.kind()) {
            case INVALID -> Status.BAD_REQUEST;
            case NOT_FOUND -> Status.NOT_FOUND;
            case CONFLICT -> Status.CONFLICT;
            case FORBIDDEN -> Status.FORBIDDEN;
            case UNAUTHENTICATED -> Status.UNAUTHORIZED;
            case UNAVAILABLE -> Status.SERVICE_UNAVAILABLE;
            case RATE_LIMITED -> Status.TOO_MANY_REQUESTS;
        };
        Response response = Errors.response(status, e.code(), e.getMessage(), e.hint());
        if (e instanceof RetryLater later) {
            return Response.fromResponse(response).header(HttpHeaders.RETRY_AFTER, later.retryAfterSeconds()).build();
        }
        return response;
    }
}
