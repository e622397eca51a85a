package jp.oqs.web.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import jp.oqs.platform.BusinessException;

/** Business failures of the session beans → 400, 403, 404 or 409 with the error body. */
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
        };
        return Errors.response(status, e.code(), e.getMessage(), e.hint());
    }
}
