package org.carepath.bench.pipeline;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts reports to intake ({@code POST /api/v1/episodes}) asynchronously, so a slow answer never holds back the
 * next send. Answers are reduced to the episode id or a one-line reason that carries no patient data.
 */
public final class IntakeClient {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /** What intake answered: the episode id on 202, else why not. */
    public record Answer(String episodeId, String failure) {

        static Answer accepted(String episodeId) {
            return new Answer(episodeId, null);
        }

        static Answer failed(String failure) {
            return new Answer(null, failure);
        }

        public boolean isAccepted() {
            return episodeId != null;
        }
    }

    private final HttpClient http;
    private final URI episodes;
    private final JsonMapper json;
    private final Supplier<String> token;

    public IntakeClient(URI intakeBaseUrl, JsonMapper json, Supplier<String> token) {
        this.token = token;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        this.episodes = intakeBaseUrl.resolve("/api/v1/episodes");
        this.json = json;
    }

    public CompletableFuture<Answer> post(String report) {
        HttpRequest request = HttpRequest.newBuilder(episodes)
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token.get())
                .POST(HttpRequest.BodyPublishers.ofString(report))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenApply(this::answer)
                .exceptionally(IntakeClient::failure);
    }

    private Answer answer(HttpResponse<String> response) {
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            return Answer.failed(
                    "HTTP " + response.statusCode() + " (intake wants an access token; the bench sends none)");
        }
        if (response.statusCode() != 202) {
            return Answer.failed("HTTP " + response.statusCode() + problemField(response.body()));
        }
        try {
            String episodeId = json.readTree(response.body()).path("episodeId").asString("");
            return episodeId.isEmpty() ? Answer.failed("HTTP 202 without an episodeId") : Answer.accepted(episodeId);
        } catch (JacksonException notJson) {
            return Answer.failed("HTTP 202 whose body is not JSON");
        }
    }

    /** Only the field a problem names: its detail may quote what was sent. */
    private String problemField(String body) {
        try {
            JsonNode problem = json.readTree(body);
            String field = problem.path("field").asString("");
            String title = problem.path("title").asString("");
            if (!field.isEmpty()) {
                return " (" + title + ", field " + field + ")";
            }
            return title.isEmpty() ? "" : " (" + title + ")";
        } catch (JacksonException notJson) {
            return "";
        }
    }

    private static Answer failure(Throwable thrown) {
        Throwable cause =
                thrown instanceof CompletionException && thrown.getCause() != null ? thrown.getCause() : thrown;
        return Answer.failed(cause.getClass().getSimpleName());
    }
}
