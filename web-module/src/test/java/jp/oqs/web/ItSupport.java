package jp.oqs.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.File;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import jp.oqs.api.error.ErrorBody;
import jp.oqs.devtools.EmbeddedTokens;
import jp.oqs.identifier.CheckDigits;
import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.function.Executable;

/** What the integration tests share: the deployment, tokens, typed clients and error assertions. */
public final class ItSupport {

    private static final EmbeddedTokens TOKENS =
            new EmbeddedTokens(Path.of(System.getProperty("oqs.it.data.dir", "target/it-data")));

    private ItSupport() {
    }

    /** The packaged Payara Micro WAR, exactly as bin/oqs runs it, deployed at /oqs. */
    public static WebArchive microWar() {
        return ShrinkWrap.create(ZipImporter.class, "oqs.war")
                .importFrom(new File(System.getProperty("oqs.it.war")))
                .as(WebArchive.class);
    }

    public static String token(String role, String subject, Map<String, Object> claims) {
        try {
            return TOKENS.issue(role, subject, claims, Duration.ofMinutes(30));
        } catch (Exception e) {
            throw new IllegalStateException("cannot issue a test token", e);
        }
    }

    public static String token(String role, String subject) {
        return token(role, subject, Map.of());
    }

    /** The API root, {@code http://127.0.0.1:port/oqs/api/v1}. */
    public static URI api(URL deployment) {
        return server(deployment).resolve("oqs/api/v1");
    }

    /**
     * The server root, where MicroProfile Health answers. Payara Micro reports the machine's address, but the
     * test server listens on the loopback interface only.
     */
    public static URI server(URL deployment) {
        return URI.create(deployment.getProtocol() + "://127.0.0.1:" + deployment.getPort() + "/");
    }

    /** A typed client of a contract interface, through MicroProfile Rest Client, as a vendor would build it. */
    public static <T> T client(Class<T> api, URL deployment, String token) {
        return client(api, api(deployment), token);
    }

    /** A typed client of a contract interface on a server of a test's own ({@link MicroServer#api()}). */
    public static <T> T client(Class<T> api, URI root, String token) {
        return RestClientBuilder.newBuilder()
                .baseUri(root)
                .register((ClientRequestFilter) request ->
                        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .build(api);
    }

    /** A typed client without a bearer token (the card authenticates the person). */
    public static <T> T anonymousClient(Class<T> api, URL deployment) {
        return anonymousClient(api, api(deployment));
    }

    public static <T> T anonymousClient(Class<T> api, URI root) {
        return RestClientBuilder.newBuilder().baseUri(root).build(api);
    }

    /** A plain JAX-RS client for calls the typed client cannot make (no token, malformed bodies). */
    public static Client rawClient() {
        return ClientBuilder.newClient();
    }

    /**
     * Runs a call that needs a test CA's card to be trusted, retrying for up to 45 seconds while the service has not
     * yet read the new trust anchor (it looks every 30 s): such a call fails with {@code CERTIFICATE_UNTRUSTED} or
     * {@code CERTIFICATE_REVOCATION_UNKNOWN} until then. Any other failure fails the fixture.
     */
    public static void onceTrusted(String what, Executable call) throws Throwable {
        long until = System.nanoTime() + Duration.ofSeconds(45).toNanos();
        while (true) {
            try {
                call.execute();
                return;
            } catch (WebApplicationException e) {
                String body = e.getResponse().readEntity(String.class);
                if (!body.contains("CERTIFICATE_UNTRUSTED") && !body.contains("CERTIFICATE_REVOCATION_UNKNOWN")
                        || System.nanoTime() > until) {
                    throw new AssertionError(what + ": " + e.getResponse().getStatus() + " " + body, e);
                }
                Thread.sleep(1000);
            }
        }
    }

    /** Asserts a call fails with the status and code of the error body, and returns the body. */
    public static ErrorBody assertError(int status, String code, Executable call) {
        WebApplicationException e = assertThrows(WebApplicationException.class, call);
        return assertError(status, code, e.getResponse());
    }

    /** Refused calls made at once by the tests that send them together: more than the connection pool holds (32). */
    public static final int REFUSALS_AT_ONCE = 64;

    /**
     * Makes {@link #REFUSALS_AT_ONCE} calls at once (a thread each, released together, as a client with many
     * connections does) and asserts that every one fails with the status and code, all within 30 s: a refusal costs
     * its own quick 4xx however many arrive together, never a wait for a resource the others hold (a hung request,
     * or a 500 when the wait times out). Prints how long they took, naming {@code what} was refused.
     */
    public static void assertRefusedAtOnce(String what, int status, String code, Executable call) throws Exception {
        Duration within = Duration.ofSeconds(30);
        ExecutorService threads = Executors.newFixedThreadPool(REFUSALS_AT_ONCE);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<ErrorBody>> answers = new ArrayList<>();
            for (int i = 0; i < REFUSALS_AT_ONCE; i++) {
                answers.add(threads.submit(() -> {
                    start.await();
                    return assertError(status, code, call);
                }));
            }
            long started = System.nanoTime();
            start.countDown();
            for (Future<ErrorBody> answer : answers) {
                try {
                    answer.get(within.toMillis() + 60_000, TimeUnit.MILLISECONDS);
                } catch (ExecutionException failed) {
                    throw new AssertionError(REFUSALS_AT_ONCE + " at once: " + failed.getCause().getMessage(),
                            failed.getCause());
                }
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertTrue(took.compareTo(within) <= 0, REFUSALS_AT_ONCE + " refusals at once took " + took
                    + ", more than " + within);
            System.out.printf("[refusals] %d %s at once: all %d in %d ms%n", REFUSALS_AT_ONCE, what, status,
                    took.toMillis());
        } finally {
            threads.shutdownNow();
        }
    }

    public static ErrorBody assertError(int status, String code, Response response) {
        if (response.getStatus() != status) {
            response.bufferEntity();
            assertEquals(status, response.getStatus(), "status; body " + response.readEntity(String.class));
        }
        ErrorBody body = response.readEntity(ErrorBody.class);
        assertEquals(code, body.code(), () -> "code of " + body);
        return body;
    }

    /** Issues a token on the server at hand: the shared test server, or a server of a test's own. */
    @FunctionalInterface
    public interface Tokens {
        String issue(String role, String subject, Map<String, Object> claims) throws Exception;
    }

    /** Tokens (an hour long) for a server of a test's own on {@code dataDir}, whose signing key is made here. */
    public static Tokens ownTokens(Path dataDir) throws Exception {
        EmbeddedTokens tokens = new EmbeddedTokens(dataDir);
        tokens.ensureKey();
        return (role, subject, claims) -> tokens.issue(role, subject, claims, Duration.ofHours(1));
    }

    /** A valid 8-digit insurer number: 法別 + 都道府県 + serial + Luhn check digit. */
    public static String insurerNumber(String houbetsu, String prefecture, int serial) {
        String body = houbetsu + prefecture + String.format("%03d", serial);
        return body + CheckDigits.luhn(body);
    }

    /** A valid 6-digit 市町村国保 number. */
    public static String kokuhoNumber(String prefecture, int serial) {
        String body = prefecture + String.format("%03d", serial);
        return body + CheckDigits.luhn(body);
    }
}
