package jp.oqs.web.rest;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import jp.oqs.api.error.ErrorBody;
import jp.oqs.api.error.ErrorCodes;

/**
 * The error body of the errors the servlet container answers itself (web.xml's error pages): an invalid bearer
 * token, a path outside the API, a fault outside the REST application. Answers whatever the request's method (a
 * static file would be refused to a PUT or DELETE, with an empty 403).
 */
@WebServlet(urlPatterns = "/errors/*")
public class ContainerErrorPage extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Jsonb JSON = JsonbBuilder.create();

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code
                : HttpServletResponse.SC_NOT_FOUND; // asked for directly: there is no such resource
        ErrorBody body = body(status);
        if (status >= 400 && status < 500) {
            RequestMetrics.count(metrics -> metrics.refused(status, body.code()));
        }
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(JSON.toJson(body));
    }

    static ErrorBody body(int status) {
        return switch (status) {
            case 401 -> new ErrorBody(ErrorCodes.UNAUTHENTICATED, "認証されていません。",
                    "send a valid, unexpired bearer token (Authorization: Bearer ...) from the configured issuer");
            case 403 -> new ErrorBody(ErrorCodes.FORBIDDEN_ROLE, "この操作を行う権限がありません。",
                    "the caller may not use this resource");
            case 404 -> new ErrorBody(ErrorCodes.NOT_FOUND, "指定された窓口は存在しません。", "no resource at this path");
            case 405 -> new ErrorBody(ErrorCodes.METHOD_NOT_ALLOWED, "この操作は受け付けていません。",
                    "HTTP method not allowed on this path");
            case 413 -> new ErrorBody(ErrorCodes.BODY_TOO_LARGE, "送信データが大きすぎます。",
                    "the body is larger than this endpoint accepts");
            case 500 -> new ErrorBody(ErrorCodes.INTERNAL_ERROR,
                    "システムエラーが発生しました。時間をおいて再度お試しください。",
                    "unexpected server fault; report the time of the call to the operators");
            case 503 -> new ErrorBody(ErrorCodes.SERVICE_UNAVAILABLE,
                    "ただいま処理できません。時間をおいて再度お試しください。", "retry later");
            default -> new ErrorBody(ErrorCodes.INVALID_REQUEST, "要求に誤りがあります。",
                    "the request could not be read");
        };
    }
}
