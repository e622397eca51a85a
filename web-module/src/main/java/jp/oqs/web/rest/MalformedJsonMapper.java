package jp.oqs.web.rest;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import jp.oqs.api.error.ErrorCodes;

/** A body that is not JSON, or JSON of the wrong shape for the request record → 400. */
@Provider
public class MalformedJsonMapper implements ExceptionMapper<JsonbException> {

    @Override
    public Response toResponse(JsonbException exception) {
        return Errors.response(Response.Status.BAD_REQUEST, ErrorCodes.MALFORMED_JSON,
                "送信内容の形式に誤りがあります。",
                "the body is not valid JSON for this request (check field types and date format YYYY-MM-DD)");
    }
}
