package jp.oqs.web.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import jp.oqs.api.error.ErrorCodes;

/**
 * Refuses a request body above the resource method's limit ({@link BodyLimit}) with 413 and the limit's code,
 * before it is parsed: by the declared length, and by counting when it is not declared (chunked). Runs after the
 * role check, so an unauthenticated caller's body is never read.
 */
@Priority(Priorities.ENTITY_CODER)
final class RequestBodyLimit implements ContainerRequestFilter {

    private final long maxBytes;
    private final String code;

    RequestBodyLimit(long maxBytes, String code) {
        this.maxBytes = maxBytes;
        this.code = code;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > maxBytes) {
            throw tooLarge();
        }
        request.setEntityStream(new Bounded(request.getEntityStream()));
    }

    private WebApplicationException tooLarge() {
        boolean splittable = !ErrorCodes.BODY_TOO_LARGE.equals(code); // a batch or a bulk check
        return new WebApplicationException(Errors.response(Response.Status.REQUEST_ENTITY_TOO_LARGE, code,
                splittable ? "送信データが大きすぎます。分割して送信してください。" : "送信データが大きすぎます。",
                "the body is larger than this endpoint's limit of " + maxBytes + " bytes"
                        + (splittable ? "; split it" : "")));
    }

    private final class Bounded extends FilterInputStream {

        private long read;

        Bounded(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > maxBytes) {
                throw tooLarge();
            }
        }
    }
}
