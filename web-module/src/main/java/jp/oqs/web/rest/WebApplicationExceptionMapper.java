package jp.oqs.web.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import jp.oqs.api.error.ErrorBody;
import jp.oqs.api.error.ErrorCodes;
import org.glassfish.jersey.server.ParamException;

/** Failures the JAX-RS runtime raises (no such path, wrong method or media type, bad parameter) → error body. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        if (exception.getResponse().getEntity() instanceof ErrorBody) {
            return exception.getResponse(); // built by the boundary with its own code
        }
        if (exception instanceof ParamException param) {
            return Errors.response(Response.Status.BAD_REQUEST, ErrorCodes.INVALID_REQUEST,
                    "指定された条件に誤りがあります。",
                    param.getParameterType().getSimpleName().replace("Param", "").toLowerCase()
                            + " parameter '" + param.getParameterName() + "' has a value of the wrong form");
        }
        int status = exception.getResponse().getStatus();
        return switch (status) {
            case 404 -> Errors.response(Response.Status.NOT_FOUND, ErrorCodes.NOT_FOUND,
                    "指定された窓口は存在しません。", "no resource at this path; see the OpenAPI document at /openapi");
            case 405 -> Errors.response(Response.Status.METHOD_NOT_ALLOWED, ErrorCodes.METHOD_NOT_ALLOWED,
                    "この操作は受け付けていません。", "HTTP method not allowed on this path");
            case 415 -> Errors.response(Response.Status.UNSUPPORTED_MEDIA_TYPE, ErrorCodes.UNSUPPORTED_MEDIA_TYPE,
                    "送信形式に誤りがあります。", "send Content-Type: application/json");
            case 406 -> Errors.response(Response.Status.NOT_ACCEPTABLE, ErrorCodes.NOT_ACCEPTABLE,
                    "応答形式に誤りがあります。", "this endpoint answers application/json only");
            case 413 -> Errors.response(Response.Status.REQUEST_ENTITY_TOO_LARGE, ErrorCodes.BODY_TOO_LARGE,
                    "送信データが大きすぎます。分割して送信してください。", "the body is larger than this endpoint accepts");
            case 401 -> Errors.response(Response.Status.UNAUTHORIZED, ErrorCodes.UNAUTHENTICATED,
                    "認証されていません。", "send a valid bearer token in the Authorization header");
            case 403 -> Errors.response(Response.Status.FORBIDDEN, ErrorCodes.FORBIDDEN_ROLE,
                    "この操作を行う権限がありません。", "the token's groups do not include a role allowed here");
            default -> status >= 500
                    ? Errors.response(Response.Status.SERVICE_UNAVAILABLE, ErrorCodes.SERVICE_UNAVAILABLE,
                    "ただいま処理できません。時間をおいて再度お試しください。", "retry later")
                    : Errors.response(Response.Status.fromStatusCode(status) == null
                            ? Response.Status.BAD_REQUEST : Response.Status.fromStatusCode(status),
                    ErrorCodes.INVALID_REQUEST, "要求に誤りがあります。", exception.getMessage());
        };
    }
}
