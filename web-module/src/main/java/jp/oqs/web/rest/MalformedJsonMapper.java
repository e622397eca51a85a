package jp.oqs.web.rest;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import jp.oqs.api.error.ErrorCodes;

/**
 * A body that is not JSON, or JSON of the wrong shape for the request record → 400. The hint names what was wrong
 * (shortened: it may quote the caller's input).
 */
@Provider
public class MalformedJsonMapper implements ExceptionMapper<JsonbException> {

    private static final int MAX_DETAIL = 200;

    @Override
    public Response toResponse(JsonbException exception) {
        String detail = exception.getMessage() == null ? "" : Errors.shortened(exception.getMessage().strip(),
                MAX_DETAIL);
        return Errors.response(Response.Status.BAD_REQUEST, ErrorCodes.MALFORMED_JSON,
                "送信内容の形式に誤りがあります。",
                "the body is not valid JSON for this request" + (detail.isEmpty() ? "" : " (" + detail + ")")
                        + ": one UTF-8 JSON object, no unknown or repeated fields, integers as numbers, "
                        + "dates as YYYY-MM-DD");
    }
}
