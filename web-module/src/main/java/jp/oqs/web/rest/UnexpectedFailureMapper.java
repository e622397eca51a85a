package jp.oqs.web.rest;

import jakarta.ejb.EJBException;
import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.UUID;
import jp.oqs.api.error.ErrorCodes;

/**
 * Everything else. Validation failures that reach us wrapped by the EJB container, and unreadable bodies, are
 * still the caller's 400; a real fault is logged under an incident id and answered without internals.
 */
@Provider
public class UnexpectedFailureMapper implements ExceptionMapper<Exception> {

    private static final Logger LOG = System.getLogger(UnexpectedFailureMapper.class.getName());

    @Override
    public Response toResponse(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation) {
                return new ConstraintViolationMapper().toResponse(violation);
            }
            if (cause instanceof JsonbException json) {
                return new MalformedJsonMapper().toResponse(json);
            }
        }
        if (exception instanceof ProcessingException) {
            return Errors.response(Response.Status.BAD_REQUEST, ErrorCodes.MALFORMED_JSON,
                    "送信内容の形式に誤りがあります。", "the body could not be read as JSON for this request");
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.ERROR, "incident " + incident + ": unexpected failure",
                exception instanceof EJBException ejb && ejb.getCause() != null ? ejb.getCause() : exception);
        return Errors.response(Response.Status.INTERNAL_SERVER_ERROR, ErrorCodes.INTERNAL_ERROR,
                "システムエラーが発生しました。問い合わせ番号: " + incident,
                "unexpected server fault, incident " + incident + "; report it to the operators");
    }
}
