package jp.oqs.web.rest;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jp.oqs.api.error.ErrorBody;
import jp.oqs.web.security.OqsAuthentication;

/** Builds error responses with the contract's body; a 401 names the bearer scheme (RFC 6750 §3). */
final class Errors {

    private Errors() {
    }

    static Response response(Response.StatusType status, String code, String message, String hint) {
        Response.ResponseBuilder response = Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .entity(new ErrorBody(code, message, hint));
        if (status.getStatusCode() == Response.Status.UNAUTHORIZED.getStatusCode()) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, OqsAuthentication.BEARER_CHALLENGE);
        }
        return response.build();
    }

    /** At most {@code max} characters of a text that may quote the caller's input, never half a character. */
    static String shortened(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end) + "…";
    }
}
