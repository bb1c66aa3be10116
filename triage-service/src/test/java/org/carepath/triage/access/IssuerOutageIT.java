package org.carepath.triage.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.carepath.testing.CuttableProxy;
import org.carepath.testing.TestInfrastructure;
import org.carepath.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The token issuer's JWKS unreachable: a request with a token is a 503 problem with Retry-After (the token may be
 * good; nothing was read), never a 500 or a 401, and it is served again once the issuer is back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IssuerOutageIT {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final CuttableProxy ISSUER =
            new CuttableProxy(URI.create(TestTokens.get().issuer()).getPort());

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry);
        // the same issuer, its keys read through a proxy this test cuts
        registry.add("carepath.security.jwk-set-uri", () -> "http://127.0.0.1:" + ISSUER.port() + "/oauth2/jwks");
    }

    @AfterAll
    static void close() {
        ISSUER.close();
    }

    @Test
    void aTokenThatCannotBeCheckedIsA503WithRetryAfterUntilTheIssuerIsBack() throws Exception {
        String token = TestTokens.get().forRole("clinician");
        ISSUER.cut();

        HttpResponse<String> unavailable = get("/api/v1/episodes/e-outage/triage", token);

        assertThat(unavailable.statusCode()).as(unavailable.body()).isEqualTo(503);
        assertThat(unavailable.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(unavailable.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(unavailable.body()).doesNotContain(token);
        // no token at all is still the client's problem
        assertThat(get("/api/v1/episodes/e-outage/triage", null).statusCode()).isEqualTo(401);

        ISSUER.restore();

        // checked again: the episode simply has no decision
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> get("/api/v1/episodes/e-outage/triage", token).statusCode() == 404);
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
