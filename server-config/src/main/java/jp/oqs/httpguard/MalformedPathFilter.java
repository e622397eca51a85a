package jp.oqs.httpguard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.EmptyCompletionHandler;
import org.glassfish.grizzly.WriteResult;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.Protocol;
import org.glassfish.grizzly.http.util.DataChunk;
import org.glassfish.grizzly.http.util.HttpRequestURIDecoder;
import org.glassfish.grizzly.memory.Buffers;

/**
 * Answers a request whose path cannot be decoded with 400 {@code MALFORMED_PATH} and the service's error body, and
 * closes the connection. Payara decodes the path before any application code (filter, valve, error page) runs, and
 * answered such paths itself: an escape that is not {@code %} and two hexadecimal digits ({@code %ZZ}, a trailing
 * {@code %}) with <b>200</b> and an empty body (its decoder's exception escapes its error handling and is only
 * logged), an escaped NUL or backslash or an escape that is not UTF-8 with 400 and an empty body. The path is checked
 * on a copy, decoded as Payara decodes it; a path without {@code %} is passed on at once.
 *
 * <p>An escaped slash ({@code %2F}) is left to Payara's own rule (refused with 400, {@code encoded-slash-enabled}).
 * What this filter refuses is not in the access log: a request that never reached the application.
 */
public class MalformedPathFilter extends BaseFilter {

    /** Kept in step with {@code jp.oqs.api.error.ErrorCodes.MALFORMED_PATH} ({@code MalformedPathFilterTest}). */
    static final String CODE = "MALFORMED_PATH";
    static final byte[] BODY = ErrorBody.json(CODE,
            "リクエストのURLが正しくありません。システムの提供元にお問い合わせください。",
            "the request path has an escape that is not % and two hexadecimal digits (send % itself as %25), an "
                    + "escaped NUL or backslash, or escapes that are not UTF-8");
    private static final String REFUSED = MalformedPathFilter.class.getName() + ".refused";

    @Override
    public NextAction handleRead(FilterChainContext ctx) throws IOException {
        if (!(ctx.getMessage() instanceof HttpContent content)) {
            return ctx.getInvokeAction();
        }
        HttpHeader header = content.getHttpHeader();
        if (!header.isRequest()) {
            return ctx.getInvokeAction();
        }
        HttpRequestPacket request = (HttpRequestPacket) header;
        if (request.getAttribute(REFUSED) != null) {
            return ctx.getStopAction(); // the rest of a refused request's body
        }
        if (decodable(request.getRequestURIRef().getRequestURIBC().toString())) {
            return ctx.getInvokeAction();
        }
        request.setAttribute(REFUSED, Boolean.TRUE);
        refuse(ctx, request);
        return ctx.getStopAction();
    }

    private static void refuse(FilterChainContext ctx, HttpRequestPacket request) {
        boolean http2 = request.getProtocol() == Protocol.HTTP_2_0;
        HttpResponsePacket response = request.getResponse();
        response.setStatus(400);
        response.setReasonPhrase("Bad Request");
        response.setContentType("application/json");
        response.setContentLength(BODY.length);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        HttpContent answer = response.httpContentBuilder()
                .content(Buffers.wrap(ctx.getMemoryManager(), BODY)).last(true).build();
        if (http2) {
            ctx.write(answer);
            return;
        }
        // the request's body, if any, is not read: the connection is closed once the answer is written
        response.getProcessingState().setKeepAlive(false);
        request.getProcessingState().setKeepAlive(false);
        Connection<?> connection = ctx.getConnection();
        ctx.write(answer, new EmptyCompletionHandler<WriteResult>() {
            @Override
            public void completed(WriteResult result) {
                connection.closeSilently();
            }

            @Override
            public void failed(Throwable error) {
                connection.closeSilently();
            }
        });
    }

    /** Whether Payara can decode the raw path (as it arrives, before any decoding). */
    static boolean decodable(String rawPath) {
        if (rawPath.indexOf('%') < 0) {
            return true;
        }
        // the decoder Payara uses throws for every fault: an escape that is not hexadecimal or cut short
        // (IllegalArgumentException, IllegalStateException: Payara lets these through as 200), NUL, backslash and
        // escapes that are not UTF-8 (CharConversionException: Payara's empty 400)
        byte[] copy = rawPath.getBytes(StandardCharsets.ISO_8859_1);
        DataChunk path = DataChunk.newInstance();
        path.setBytes(copy, 0, copy.length);
        try {
            HttpRequestURIDecoder.decode(path, true, StandardCharsets.UTF_8);
            return true;
        } catch (IOException | RuntimeException undecodable) {
            return false;
        }
    }
}
