package jp.oqs.devtools.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark's HTTP calls outside the measured load (onboarding, sync batches, the bulk check): plain
 * {@code java.net.http} over HTTP/1.1 with keep-alive, JSON read with a pattern per field (the tools jar has no JSON
 * library, and the answers' shapes are the published contract's).
 */
final class BenchHttp {

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .proxy(HttpClient.Builder.NO_PROXY)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final URI api;

    /** {@code server} is the service's root, e.g. {@code http://127.0.0.1:8080/}. */
    BenchHttp(URI server) {
        this.api = server.resolve("/oqs/api/v1/");
    }

    HttpClient client() {
        return client;
    }

    URI api(String path) {
        return api.resolve(path);
    }

    /**
     * POSTs JSON ({@code null}: no body) and answers the body; a status other than {@code expected} ends the
     * benchmark with the body.
     */
    String post(String path, String token, String json, int expected, Duration timeout)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(api(path))
                .timeout(timeout)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        if (json == null) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        }
        return expect(request.build(), expected);
    }

    String get(String path, String token) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(api(path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .GET()
                .build();
        return expect(request, 200);
    }

    private String expect(HttpRequest request, int expected) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != expected) {
            String body = response.body();
            throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
                    + response.statusCode() + " (expected " + expected + "): "
                    + (body.length() > 500 ? body.substring(0, 500) + "…" : body));
        }
        return response.body();
    }

    /** The first string or number value of {@code field} in a JSON answer. */
    static String field(String json, String field) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(field) + "\"\\s*:\\s*(\"([^\"]*)\"|(-?[0-9.]+))").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + field + " in the answer: "
                    + (json.length() > 500 ? json.substring(0, 500) + "…" : json));
        }
        return m.group(2) != null ? m.group(2) : m.group(3);
    }
}
