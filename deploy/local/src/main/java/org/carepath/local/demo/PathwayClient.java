package org.carepath.local.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.ObjectNode;

/** The REST calls of CONTRACT.md the demo makes: report an episode, then read its pathway from each service. */
public final class PathwayClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http;
    private final JsonMapper json;
    private final URI intake;
    private final URI triage;
    private final URI scheduling;
    private final URI billing;
    private final Function<String, String> tokenForRole;

    /** {@code tokenForRole} gives a bearer token for a role: the demo reports as staff and reads as a clinician. */
    public PathwayClient(
            JsonMapper json,
            Function<String, String> tokenForRole,
            URI intake,
            URI triage,
            URI scheduling,
            URI billing) {
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        this.json = json;
        this.tokenForRole = tokenForRole;
        this.intake = intake;
        this.triage = triage;
        this.scheduling = scheduling;
        this.billing = billing;
    }

    /** {@code POST /api/v1/episodes} → the new episode's id. */
    public String report(ObjectNode report) {
        HttpRequest request = HttpRequest.newBuilder(intake.resolve("/api/v1/episodes"))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + tokenForRole.apply("staff"))
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(report)))
                .build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 202) {
            // A problem detail names the offending field; it does not echo patient data.
            throw new DemoException("intake answered " + response.statusCode() + ": " + response.body());
        }
        String episodeId = json.readTree(response.body()).path("episodeId").asString("");
        if (episodeId.isEmpty()) {
            throw new DemoException("intake answered 202 without an episodeId");
        }
        return episodeId;
    }

    public PathwaySnapshot snapshot(String episodeId) {
        String episode = "/api/v1/episodes/" + episodeId;
        return new PathwaySnapshot(
                get(triage.resolve(episode + "/triage")),
                get(scheduling.resolve(episode + "/appointments")),
                get(scheduling.resolve(episode + "/follow-ups")),
                get(billing.resolve(episode + "/estimate")));
    }

    private JsonNode get(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + tokenForRole.apply("clinician"))
                .GET()
                .build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() == 404) {
            return MissingNode.getInstance();
        }
        if (response.statusCode() != 200) {
            throw new DemoException("GET " + uri + " answered " + response.statusCode());
        }
        return json.readTree(response.body());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new DemoException(request.method() + " " + request.uri() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoException("interrupted during " + request.method() + " " + request.uri(), e);
        }
    }
}
