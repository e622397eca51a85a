package jp.oqs.web;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import jp.oqs.api.insurer.NumberingRuleKind;
import jp.oqs.api.insurer.NumberingRuleRequest;
import jp.oqs.api.insurer.OnboardInsurerRequest;

/** JSON over plain HTTP to a {@link MicroServer}, for tests that outlive one server process. */
final class JsonHttp {

    final Jsonb json = JsonbBuilder.create();
    /** HTTP/1.1, as the sync jobs and clinic systems call (no h2c upgrade on a long-running POST). */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /** Onboards the insurer with the numbering rule in force from 2000-01-01 and activates it, as 支払基金 staff. */
    void onboardActive(MicroServer server, String adminToken, String insurer, String nameKanji, String nameKana,
                       NumberingRuleKind rule) throws Exception {
        server.assertStatus(201, post(server, "admin/insurers", adminToken, new OnboardInsurerRequest(insurer,
                nameKanji, nameKana, null, new NumberingRuleRequest(rule, LocalDate.of(2000, 1, 1), null, null, null))));
        server.assertStatus(200, post(server, "admin/insurers/" + insurer + "/activation", adminToken, Map.of()));
    }

    HttpResponse<String> post(MicroServer server, String path, String token, Object body) throws Exception {
        return postAsync(server, path, token, body).get();
    }

    CompletableFuture<HttpResponse<String>> postAsync(MicroServer server, String path, String token, Object body) {
        return http.sendAsync(request(server, path, token).POST(HttpRequest.BodyPublishers.ofString(json.toJson(body)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> put(MicroServer server, String path, String token, Object body) throws Exception {
        return http.send(request(server, path, token).PUT(HttpRequest.BodyPublishers.ofString(json.toJson(body)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(MicroServer server, String path, String token) throws Exception {
        return http.send(request(server, path, token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(MicroServer server, String path, String token) {
        return HttpRequest.newBuilder(server.api().resolve(path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(5));
    }
}
