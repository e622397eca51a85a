package jp.oqs.devtools.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The open-model generator's connection against a scripted server on the loopback: answers framed by length and by
 * chunks on one kept-alive connection, a connection the server closes after its answer, and one it closes without.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PlainConnectionTest {

    /** Answers each request on a connection with the next of {@code answers}, then closes if told to. */
    private static final class ScriptedServer implements AutoCloseable {

        private final ServerSocket socket;
        private final AtomicInteger accepted = new AtomicInteger();
        private final List<String> requests = new CopyOnWriteArrayList<>();

        ScriptedServer(List<String> answers, boolean closeAfterEach) throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread thread = new Thread(() -> serve(answers, closeAfterEach), "scripted-server");
            thread.setDaemon(true);
            thread.start();
        }

        private void serve(List<String> answers, boolean closeAfterEach) {
            int next = 0;
            while (next < answers.size()) {
                try (Socket client = socket.accept()) {
                    accepted.incrementAndGet();
                    BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                            StandardCharsets.ISO_8859_1));
                    OutputStream out = client.getOutputStream();
                    do {
                        String requestLine = in.readLine();
                        if (requestLine == null) {
                            break;
                        }
                        int length = 0;
                        for (String header = in.readLine(); header != null && !header.isEmpty();
                                header = in.readLine()) {
                            if (header.toLowerCase().startsWith("content-length:")) {
                                length = Integer.parseInt(header.substring(15).trim());
                            }
                        }
                        char[] body = new char[length];
                        for (int read = 0; read < length; ) {
                            read += in.read(body, read, length - read);
                        }
                        requests.add(requestLine + " " + new String(body));
                        out.write(answers.get(next++).getBytes(StandardCharsets.UTF_8));
                        out.flush();
                    } while (!closeAfterEach && next < answers.size());
                } catch (IOException e) {
                    return;
                }
            }
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/");
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    @Test
    void readsAnswersByLengthAndByChunksOnOneKeptAliveConnection() throws Exception {
        String json = "{\"validity\":1,\"name\":\"保険\"}";
        int bytes = json.getBytes(StandardCharsets.UTF_8).length;
        try (ScriptedServer server = new ScriptedServer(List.of(
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + bytes + "\r\n\r\n" + json,
                "HTTP/1.1 503 Service Unavailable\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + "5\r\n{\"cod\r\n" + "a;ext=1\r\ne\":\"BUSY\"}\r\n" + "0\r\n\r\n"), false);
             PlainConnection connection = new PlainConnection(server.uri())) {
            PlainConnection.Answer first = connection.post("/oqs/api/v1/eligibility/lookups", "t0k", "{\"a\":1}");
            assertEquals(200, first.status());
            assertEquals(json, first.body());
            PlainConnection.Answer second = connection.post("/oqs/api/v1/eligibility/lookups", "t0k", "{\"b\":2}");
            assertEquals(503, second.status());
            assertEquals("{\"code\":\"BUSY\"}", second.body());
            assertEquals(1, server.accepted.get(), "both on one connection");
            assertEquals(List.of("POST /oqs/api/v1/eligibility/lookups HTTP/1.1 {\"a\":1}",
                    "POST /oqs/api/v1/eligibility/lookups HTTP/1.1 {\"b\":2}"), server.requests);
        }
    }

    @Test
    void opensAnotherConnectionAfterTheServerClosedOne() throws Exception {
        String ok = "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\n{}";
        try (ScriptedServer server = new ScriptedServer(List.of(ok, ok), true);
             PlainConnection connection = new PlainConnection(server.uri())) {
            assertEquals(200, connection.post("/x", "t", "{}").status());
            assertEquals(200, connection.post("/x", "t", "{}").status());
            assertEquals(2, server.accepted.get());
        }
    }

    @Test
    void aConnectionClosedWithoutAnAnswerIsAFailureAndTheNextRequestReconnects() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread closer = new Thread(() -> {
                for (int i = 0; i < 2; i++) {
                    try (Socket client = silent.accept()) {
                        client.getInputStream().read(new byte[1024]);
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            closer.setDaemon(true);
            closer.start();
            try (PlainConnection connection = new PlainConnection(
                    URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/"))) {
                IOException first = assertThrows(IOException.class, () -> connection.post("/x", "t", "{}"));
                assertTrue(first.getMessage().contains("before answering"), first.getMessage());
                IOException second = assertThrows(IOException.class, () -> connection.post("/x", "t", "{}"));
                assertTrue(second.getMessage().contains("before answering"), second.getMessage());
            }
            closer.join(10_000);
            assertTrue(!closer.isAlive(), "the second request came on a connection of its own");
        }
    }
}
