package jp.oqs.httpguard;

import java.nio.charset.StandardCharsets;

/** The service's error body, {@code {"code","message","hint"}}, for the guard's own answers (texts without quotes). */
final class ErrorBody {

    private ErrorBody() {
    }

    static byte[] json(String code, String message, String hint) {
        return ("{\"code\":\"" + code + "\",\"message\":\"" + message + "\",\"hint\":\"" + hint + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
