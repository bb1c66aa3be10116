package org.carepath.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SecurityProblemsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final SecurityProblems problems = new SecurityProblems(JSON);

    @Test
    void aTokenThatCannotBeCheckedBecauseTheIssuersKeysAreUnavailableIsA503ToRetry() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/episodes/e-1");
        request.addHeader("Authorization", "Bearer some.token.value");
        MockHttpServletResponse response = new MockHttpServletResponse();

        problems.onAuthenticationFailure(
                request,
                response,
                new AuthenticationServiceException(
                        "An error occurred while attempting to decode the Jwt: Couldn't retrieve remote JWK set"));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(response.getContentType()).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(response.getContentAsString());
        assertThat(problem.get("status").asInt()).isEqualTo(503);
        assertThat(problem.get("detail").asString()).contains("try again");
        assertThat(response.getContentAsString()).doesNotContain("some.token.value");
    }

    @Test
    void aBadTokenIsStillA401() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/episodes/e-1");
        request.addHeader("Authorization", "Bearer forged");
        MockHttpServletResponse response = new MockHttpServletResponse();

        problems.onAuthenticationFailure(request, response, new InvalidBearerTokenException("bad signature"));

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeader("WWW-Authenticate")).contains("invalid_token");
        assertThat(response.getHeader("Retry-After")).isNull();
    }
}
