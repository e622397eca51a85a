package jp.oqs.httpguard;

import java.nio.charset.StandardCharsets;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.Grizzly;
import org.glassfish.grizzly.attributes.Attribute;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpPacket;
import org.glassfish.grizzly.http.HttpProbe;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.memory.Buffers;

/**
 * Gives the error body to the answers of requests Grizzly's HTTP parser refuses: a request line and headers above
 * the listener's buffer (8 KiB), a header line that is not HTTP, a chunked body whose framing is broken. The parser
 * answers those itself with 400 and no body, and closes the connection. It tells its probes of the error first
 * ({@link #probe()}, added to the parser by {@link MalformedPathAddOn}); this filter sits between the connection and
 * the parser, and replaces the parser's answer on that connection, the next thing written to it, with 431
 * {@code REQUEST_HEAD_TOO_LARGE} or 400 {@code MALFORMED_REQUEST} and the error body. Other writes pass untouched.
 */
public class HeadErrorFilter extends BaseFilter {

    /** Kept in step with {@code jp.oqs.api.error.ErrorCodes} ({@code MalformedPathFilterTest}). */
    static final String TOO_LARGE_CODE = "REQUEST_HEAD_TOO_LARGE";
    static final String MALFORMED_CODE = "MALFORMED_REQUEST";
    static final byte[] TOO_LARGE = answer("431 Request Header Fields Too Large", TOO_LARGE_CODE,
            "リクエストのヘッダーが大きすぎます。システムの提供元にお問い合わせください。",
            "the request line and headers together must fit in 8 KiB (send identifiers in the body, not the URL)");
    static final byte[] MALFORMED = answer("400 Bad Request", MALFORMED_CODE,
            "リクエストの形式が正しくありません。システムの提供元にお問い合わせください。",
            "the request line, a header or the chunked framing of the body is not HTTP/1.1");

    /** The error the parser met on a connection, until its answer is written. */
    private static final Attribute<byte[]> REFUSED = Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(
            HeadErrorFilter.class.getName() + ".refused");

    /** Told by the parser of the errors it meets (before it answers them). */
    static HttpProbe probe() {
        return new HttpProbe.Adapter() {
            @Override
            public void onErrorEvent(Connection connection, HttpPacket packet, Throwable error) {
                // a request's head or body the parser refuses: it answers 400 unless the answer has begun
                if (packet instanceof HttpRequestPacket request && !request.getResponse().isCommitted()) {
                    REFUSED.set(connection, tooLarge(error) ? TOO_LARGE : MALFORMED);
                }
            }
        };
    }

    private static boolean tooLarge(Throwable error) {
        String message = error.getMessage();
        return error instanceof IllegalStateException && message != null && message.endsWith("is too large");
    }

    @Override
    public NextAction handleWrite(FilterChainContext ctx) {
        Connection<?> connection = ctx.getConnection();
        byte[] answer = REFUSED.isSet(connection) ? REFUSED.remove(connection) : null;
        if (answer != null && ctx.getMessage() instanceof Buffer refusal && startsWith(refusal, "HTTP/1.")) {
            ctx.setMessage(Buffers.wrap(ctx.getMemoryManager(), answer));
        }
        return ctx.getInvokeAction();
    }

    private static boolean startsWith(Buffer buffer, String prefix) {
        if (buffer.remaining() < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (buffer.get(buffer.position() + i) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static byte[] answer(String status, String code, String message, String hint) {
        byte[] body = ErrorBody.json(code, message, hint);
        String head = "HTTP/1.1 " + status + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                + "\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n";
        byte[] head8 = head.getBytes(StandardCharsets.ISO_8859_1);
        byte[] whole = new byte[head8.length + body.length];
        System.arraycopy(head8, 0, whole, 0, head8.length);
        System.arraycopy(body, 0, whole, head8.length, body.length);
        return whole;
    }
}
