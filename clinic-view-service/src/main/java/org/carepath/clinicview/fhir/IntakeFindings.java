package org.carepath.clinicview.fhir;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.carepath.clinicview.fhir.FindingMapping.MappedFinding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records a finding through intake's REST API ({@code POST /api/v1/episodes/{episodeId}/findings}), with the
 * caller's bearer token: a timeout per attempt, retries under one {@code Idempotency-Key} (intake records a key
 * once, so a retry after a lost answer never records twice), and a circuit breaker that fails fast while intake
 * is down. A 4xx from intake is an answer, not a failure: it is neither retried nor counted by the breaker.
 */
public class IntakeFindings {

    private static final Logger log = LoggerFactory.getLogger(IntakeFindings.class);

    private final HttpClient http;
    private final JsonMapper json;
    private final String baseUrl;
    private final Duration timeout;
    private final CircuitBreaker breaker;
    private final Retry retry;

    public IntakeFindings(
            String baseUrl,
            Duration connectTimeout,
            Duration timeout,
            CircuitBreaker breaker,
            Retry retry,
            JsonMapper json) {
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.timeout = timeout;
        this.breaker = breaker;
        this.retry = retry;
        this.json = json;
    }

    /** What intake answered. */
    public sealed interface Outcome permits Recorded, Refused, Unavailable {}

    /** 2xx: the finding's id. */
    public record Recorded(String findingId) implements Outcome {}

    /** 4xx: intake's status and detail (404 unknown episode, 400 a field it refused, 409 a reused key, 401/403). */
    public record Refused(int status, String detail) implements Outcome {}

    /** Intake could not be reached or failed; {@code breakerOpen} when the call was not even tried. */
    public record Unavailable(boolean breakerOpen, String detail) implements Outcome {}

    public Outcome record(MappedFinding finding, String bearerToken) {
        Supplier<Outcome> call = () -> attempt(finding, bearerToken);
        Supplier<Outcome> guarded = Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(breaker, call));
        try {
            return guarded.get();
        } catch (CallNotPermittedException e) {
            return new Unavailable(true, "intake is unavailable: the circuit breaker is open; try again shortly");
        } catch (IntakeFailure e) {
            log.warn("Recording a finding for episode {} failed: {}", finding.episodeId(), e.getMessage());
            return new Unavailable(false, "intake is unavailable: " + e.getMessage());
        }
    }

    public CircuitBreaker.State breakerState() {
        return breaker.getState();
    }

    private Outcome attempt(MappedFinding finding, String bearerToken) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (finding.imaging() != null) {
            body.put("imaging", finding.imaging().name());
        }
        body.put("structuralCause", finding.structuralCause().name());
        if (finding.levels() != null) {
            body.put("levels", finding.levels());
        }
        if (finding.conservativeCareFailed() != null) {
            body.put("conservativeCareFailed", finding.conservativeCareFailed());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/episodes/"
                        + URLEncoder.encode(finding.episodeId(), StandardCharsets.UTF_8) + "/findings"))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Idempotency-Key", finding.idempotencyKey())
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IntakeFailure(
                    e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IntakeFailure("interrupted");
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return new Recorded(text(response.body(), "findingId"));
        }
        if (status >= 500 || status == 429) {
            throw new IntakeFailure("intake answered " + status);
        }
        return new Refused(status, text(response.body(), "detail"));
    }

    private String text(String body, String field) {
        try {
            JsonNode node = json.readTree(body);
            JsonNode value = node == null ? null : node.get(field);
            return value == null || value.isNull() ? null : value.asString();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** A transient failure: retried, and counted by the breaker. */
    public static final class IntakeFailure extends RuntimeException {
        public IntakeFailure(String message) {
            super(message, null, false, false);
        }
    }
}
