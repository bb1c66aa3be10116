package org.carepath.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Asks a Spring Boot service whether it can serve: {@code GET /actuator/health/readiness} → 200 {"status":"UP"}. */
final class ReadinessProbe {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(3);

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    private final JsonMapper json = JsonMapper.builder().build();

    boolean isReady(URI baseUrl) {
        HttpRequest request = HttpRequest.newBuilder(baseUrl.resolve("/actuator/health/readiness"))
                .timeout(REQUEST_TIMEOUT)
                .GET()
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200
                    && "UP".equals(json.readTree(response.body()).path("status").asString());
        } catch (IOException | JacksonException notYet) {
            return false;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
