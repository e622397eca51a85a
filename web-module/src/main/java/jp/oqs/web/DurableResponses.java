package jp.oqs.web;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import jp.oqs.metrics.ServiceMetrics;
import jp.oqs.platform.DurableCommits;

/**
 * No byte of any answer (API, console, error page) leaves before the commits it may show are durable
 * ({@link DurableCommits}): the response's body is held here, and before any of it, a redirect or an error goes
 * to the container, everything committed so far is made durable. That covers the request's own transactions, which
 * have ended by then, the refusal audit written as an API answer leaves, and whatever the request read from other
 * transactions. A large body passes in parts of {@value #HELD} bytes, each after its own wait, so a part shows
 * only what was durable when it left. A request that fails before its answer went out leaves nothing held: the
 * container's error page replaces it. If durability cannot be confirmed, the answer becomes a 503.
 */
@WebFilter(urlPatterns = "/*", dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD,
        DispatcherType.INCLUDE, DispatcherType.ERROR, DispatcherType.ASYNC})
public class DurableResponses extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = System.getLogger(DurableResponses.class.getName());

    /** Bytes of a body held before they are passed on (after a wait for durability). */
    static final int HELD = 16 * 1024;

    @Inject
    private transient DurableCommits commits;

    @Inject
    private transient ServiceMetrics metrics;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (response instanceof Held) {
            chain.doFilter(request, response); // a forward or include inside a request already held
            return;
        }
        Held held = new Held(response, commits, metrics);
        chain.doFilter(request, held);
        try {
            held.finish();
        } catch (RuntimeException notDurable) {
            // the database could not confirm the commits: nothing of this answer is claimed
            LOG.log(Level.ERROR, "an answer was withheld: the commits it may show could not be made durable",
                    notDurable);
            if (!response.isCommitted()) {
                response.reset();
                response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            }
        }
    }

    /** The response, its body held until what it shows is durable. */
    static final class Held extends HttpServletResponseWrapper {

        private final DurableCommits commits;
        private final ServiceMetrics metrics;
        private byte[] body = new byte[256];
        private int length;
        private Body stream;
        private PrintWriter writer;

        Held(HttpServletResponse response, DurableCommits commits, ServiceMetrics metrics) {
            super(response);
            this.commits = commits;
            this.metrics = metrics;
        }

        /** After the request's work: what it committed is made durable, then the rest of the body goes on. */
        void finish() throws IOException {
            if (writer != null) {
                writer.flush();
            }
            passOn();
        }

        private void passOn() throws IOException {
            awaitDurable();
            if (length > 0) {
                getResponse().getOutputStream().write(body, 0, length);
                length = 0;
            }
        }

        private void hold(byte[] bytes, int offset, int count) throws IOException {
            if (length + count > HELD) {
                passOn();
                if (count > HELD) {
                    getResponse().getOutputStream().write(bytes, offset, count);
                    return;
                }
            }
            if (length + count > body.length) {
                body = Arrays.copyOf(body, Math.min(HELD, Math.max(body.length * 2, length + count)));
            }
            System.arraycopy(bytes, offset, body, length, count);
            length += count;
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (writer != null) {
                throw new IllegalStateException("getWriter() has already been called for this response");
            }
            if (stream == null) {
                stream = new Body();
            }
            return stream;
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (stream != null && writer == null) {
                throw new IllegalStateException("getOutputStream() has already been called for this response");
            }
            if (writer == null) {
                String encoding = getCharacterEncoding();
                Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
                stream = new Body();
                writer = new PrintWriter(new OutputStreamWriter(stream, charset), false);
            }
            return writer;
        }

        @Override
        public void flushBuffer() throws IOException {
            if (writer != null) {
                writer.flush();
            }
            passOn();
            super.flushBuffer();
        }

        @Override
        public void sendError(int status) throws IOException {
            dropHeldForContainer();
            super.sendError(status);
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            dropHeldForContainer();
            super.sendError(status, message);
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            dropHeldForContainer();
            super.sendRedirect(location);
        }

        /** The container writes this answer itself (an error page, a redirect): the held body is dropped. */
        private void dropHeldForContainer() {
            length = 0;
            awaitDurable();
        }

        /** Every wait of an answer for durability, timed ({@code oqs_answers_durable_wait_seconds}). */
        private void awaitDurable() {
            long waiting = System.nanoTime();
            commits.awaitDurable();
            metrics.durableWait(System.nanoTime() - waiting);
        }

        @Override
        public void resetBuffer() {
            length = 0;
            super.resetBuffer();
        }

        @Override
        public void reset() {
            length = 0;
            super.reset();
        }

        /** The body as the application writes it: into the held bytes. */
        private final class Body extends ServletOutputStream {

            private final byte[] one = new byte[1];

            @Override
            public void write(int b) throws IOException {
                one[0] = (byte) b;
                hold(one, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int count) throws IOException {
                hold(bytes, offset, count);
            }

            @Override
            public void flush() throws IOException {
                passOn();
                getResponse().getOutputStream().flush();
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                throw new IllegalStateException("non-blocking output is not supported here");
            }
        }
    }
}
