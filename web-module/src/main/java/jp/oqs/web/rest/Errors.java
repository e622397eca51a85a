package jp.oqs.web.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jp.oqs.api.error.ErrorBody;

/** Builds error responses with the contract's body. */
final class Errors {

    private Errors() {
    }

    static Response response(Response.StatusType status, String code, String message, String hint) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .entity(new ErrorBody(code, message, hint))
                .build();
    }
}
