package org.carepath.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small JSON-over-HTTP client for tests that drive a service through its REST contract. It sends a bearer
 * token: by default one holding every clinic role ({@link TestTokens#clinicTeam()}); {@link #as(String)} for
 * another, {@link #anonymous()} for none.
 */
public final class HttpJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String token;

    public HttpJson(String baseUrl) {
        this(baseUrl, TestTokens.get().clinicTeam());
    }

    private HttpJson(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    /** The same service, called with this bearer token. */
    public HttpJson as(String bearerToken) {
        return new HttpJson(baseUrl, bearerToken);
    }

    /** The same service, called with no token at all. */
    public HttpJson anonymous() {
        return new HttpJson(baseUrl, null);
    }

    public Response post(String path, String jsonBody, String contentType, Map<String, String> headers) {
        return send(
                HttpRequest.newBuilder(URI.create(baseUrl + path))
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofString(jsonBody)),
                headers);
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET(), Map.of());
    }

    public Response post(String path, String jsonBody) {
        return post(path, jsonBody, Map.of());
    }

    public Response post(String path, String jsonBody, Map<String, String> headers) {
        return send(
                HttpRequest.newBuilder(URI.create(baseUrl + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(jsonBody)),
                headers);
    }

    private Response send(HttpRequest.Builder request, Map<String, String> headers) {
        if (token != null && !headers.containsKey("Authorization")) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response =
                    CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            return new Response(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode parse(String json) {
        return JSON.readTree(json);
    }

    public record Response(int status, String contentType, String body) {

        public JsonNode json() {
            return parse(body);
        }
    }
}
