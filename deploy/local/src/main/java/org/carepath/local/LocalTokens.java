package org.carepath.local;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Access tokens from the local authorization server (CONTRACT.md "Access", client-credentials grant, HTTP
 * Basic), one per role, fetched again shortly before they expire. The secrets are the contract's local-only
 * ones; {@code patient} goes through the local patient-portal client with the MRN as a parameter.
 */
public final class LocalTokens {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Duration EARLY = Duration.ofMinutes(2);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> SECRETS = Map.of(
            "clinician", "local-clinician-secret",
            "staff", "local-staff-secret",
            "integration", "local-integration-secret",
            "operations", "local-operations-secret",
            "admin", "local-admin-secret",
            "patient-portal", "local-patient-portal-secret");

    private record Token(String value, Instant renewAt) {}

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final URI issuer;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Token> cache = new ConcurrentHashMap<>();

    public LocalTokens(URI issuer) {
        this.issuer = issuer;
    }

    /** A token for one of the roles clinician, staff, integration, operations, admin. */
    public String forRole(String role) {
        if (!SECRETS.containsKey(role) || role.equals("patient-portal")) {
            throw new IllegalArgumentException("no local client for role " + role
                    + " (clinician, staff, integration, operations, admin; patient needs an MRN)");
        }
        return cached(role, () -> fetch("carepath-" + role, SECRETS.get(role), Map.of()));
    }

    /** A patient token for one MRN, as the clinic's portal would get it once the patient signed in. */
    public String forPatient(String mrn) {
        return cached(
                "patient:" + mrn,
                () -> fetch("carepath-patient-portal", SECRETS.get("patient-portal"), Map.of("mrn", mrn)));
    }

    private String cached(String key, java.util.function.Supplier<Token> fetch) {
        Token token = cache.get(key);
        if (token == null || !clock.instant().isBefore(token.renewAt())) {
            token = fetch.get();
            cache.put(key, token);
        }
        return token.value();
    }

    private Token fetch(String clientId, String secret, Map<String, String> parameters) {
        StringBuilder form = new StringBuilder("grant_type=client_credentials");
        parameters.forEach((name, value) ->
                form.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(issuer.resolve("/oauth2/token"))
                .timeout(TIMEOUT)
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString()))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the authorization server at " + issuer + " answered "
                        + response.statusCode() + " for " + clientId + ": " + response.body());
            }
            JsonNode body = JSON.readTree(response.body());
            long expiresIn = body.path("expires_in").asLong(300);
            return new Token(
                    body.path("access_token").asString(),
                    clock.instant().plusSeconds(expiresIn).minus(EARLY));
        } catch (IOException e) {
            throw new IllegalStateException(
                    "the authorization server at " + issuer + " cannot be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fetching a token", e);
        }
    }
}
