package org.carepath.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.carepath.platform.security.AccessRule.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpMethod;
import org.springframework.security.oauth2.jwt.Jwt;

/** CONTRACT.md "Access", row by row: the table's verdict for a caller, firing and not firing. */
class AccessTableTest {

    private static final AccessRules RULES = new AccessRules(AccessTable.RULES);
    private static final String EPISODE = "/api/v1/episodes/e-1";

    static Stream<Arguments> contractRows() {
        return Stream.of(
                // patient: own episodes only, as if another did not exist
                row("GET", EPISODE, "patient", true, Verdict.ALLOWED),
                row("GET", EPISODE, "patient", false, Verdict.NOT_FOUND),
                row("POST", EPISODE + "/check-ins", "patient", true, Verdict.ALLOWED),
                row("POST", EPISODE + "/check-ins", "patient", false, Verdict.NOT_FOUND),
                row("POST", EPISODE + "/findings", "patient", true, Verdict.FORBIDDEN),
                row("GET", EPISODE + "/estimate", "patient", true, Verdict.ALLOWED),
                row("GET", "/api/v1/slots", "patient", false, Verdict.ALLOWED),
                row("POST", "/api/v1/appointments/a-1/cancel", "patient", false, Verdict.NOT_FOUND),
                row("POST", "/api/v1/episodes", "patient", false, Verdict.FORBIDDEN),
                // clinician
                row("POST", "/api/v1/episodes", "clinician", false, Verdict.ALLOWED),
                row("POST", EPISODE + "/findings", "clinician", false, Verdict.ALLOWED),
                row("GET", EPISODE + "/triage/history", "clinician", false, Verdict.ALLOWED),
                row("POST", "/api/v1/appointments", "clinician", false, Verdict.FORBIDDEN),
                // staff
                row("POST", "/api/v1/appointments", "staff", false, Verdict.ALLOWED),
                row("POST", "/api/v1/estimates", "staff", false, Verdict.ALLOWED),
                row("POST", EPISODE + "/check-ins", "staff", false, Verdict.FORBIDDEN),
                row("POST", EPISODE + "/findings", "staff", false, Verdict.FORBIDDEN),
                // integration
                row("POST", EPISODE + "/findings", "integration", false, Verdict.ALLOWED),
                row("GET", EPISODE, "integration", false, Verdict.FORBIDDEN),
                row("POST", "/fhir/r4/DiagnosticReport", "integration", false, Verdict.ALLOWED),
                row("GET", "/fhir/r4/EpisodeOfCare/e-1/$everything", "clinician", false, Verdict.ALLOWED),
                // operations
                row("GET", "/api/v1/overview", "operations", false, Verdict.ALLOWED),
                row("GET", "/api/v1/admin/dead-letters", "operations", false, Verdict.ALLOWED),
                row("GET", "/actuator/prometheus", "operations", false, Verdict.ALLOWED),
                row("GET", EPISODE, "operations", false, Verdict.FORBIDDEN),
                row("GET", "/api/v1/overview", null, false, Verdict.UNAUTHENTICATED),
                row("GET", "/api/v1/overview", "clinician", false, Verdict.FORBIDDEN),
                // the dashboard page and its assets hold no data: open; only reading them is
                row("GET", "/", null, false, Verdict.ALLOWED),
                row("GET", "/dashboard/dashboard.js", null, false, Verdict.ALLOWED),
                row("GET", "/webjars/chart.js/dist/chart.umd.min.js", null, false, Verdict.ALLOWED),
                row("POST", "/", null, false, Verdict.UNAUTHENTICATED),
                row("POST", "/dashboard/index.html", "operations", false, Verdict.FORBIDDEN),
                row("POST", "/api/v1/admin/dead-letters/replay", "operations", false, Verdict.FORBIDDEN),
                // admin: nothing clinical
                row("POST", "/api/v1/admin/dead-letters/replay", "admin", false, Verdict.ALLOWED),
                row("GET", "/api/v1/audit", "admin", false, Verdict.ALLOWED),
                row("GET", EPISODE, "admin", false, Verdict.FORBIDDEN),
                row("GET", "/actuator/prometheus", "admin", false, Verdict.FORBIDDEN),
                // nobody writes to the actuator; probes and the CapabilityStatement are open
                row("POST", "/actuator/bindings/triageDecided-in-0", "admin", false, Verdict.FORBIDDEN),
                row("GET", "/actuator/health/readiness", null, false, Verdict.ALLOWED),
                row("GET", "/fhir/r4/metadata", null, false, Verdict.ALLOWED),
                row("GET", EPISODE, null, false, Verdict.UNAUTHENTICATED),
                row("GET", "/api/v1/anything-new", "admin", false, Verdict.FORBIDDEN),
                row("GET", "/api/v1/anything-new", null, false, Verdict.UNAUTHENTICATED));
    }

    @ParameterizedTest(name = "{0} {1} as {2} (own: {3}) → {4}")
    @MethodSource("contractRows")
    void answersTheContractsTable(String method, String path, String role, boolean own, Verdict expected) {
        Set<Role> roles = role == null ? Set.of() : Set.of(Role.ofClaim(role).orElseThrow());

        assertThat(RULES.verdict(HttpMethod.valueOf(method), path, roles, role != null, own))
                .isEqualTo(expected);
    }

    @Test
    void everyEpisodeScopedRowIsAudited() {
        assertThat(AccessTable.RULES)
                .filteredOn(rule ->
                        rule.path().contains("{episodeId}") || rule.path().contains("{appointmentId}"))
                .isNotEmpty()
                .allMatch(AccessRule::episodeData);
    }

    @Test
    void readsRolesFromTheClaimTheIssuerUses() {
        Jwt keycloak = jwt(Map.of("realm_access", Map.of("roles", List.of("staff", "offline_access"))));
        Jwt entra = jwt(Map.of("roles", List.of("clinician")));

        assertThat(Caller.of(new TokenRoles("realm_access.roles").convert(keycloak))
                        .orElseThrow()
                        .roles())
                .containsExactly(Role.STAFF);
        assertThat(Caller.of(new TokenRoles("roles").convert(entra))
                        .orElseThrow()
                        .roles())
                .containsExactly(Role.CLINICIAN);
        assertThat(Caller.of(new TokenRoles("roles").convert(keycloak))
                        .orElseThrow()
                        .roles())
                .isEmpty();
    }

    private static Arguments row(String method, String path, String role, boolean own, Verdict expected) {
        return Arguments.of(method, path, role, own, expected);
    }

    private static Jwt jwt(Map<String, Object> claims) {
        Jwt.Builder builder = Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .subject("s")
                .issuedAt(Instant.EPOCH)
                .expiresAt(Instant.EPOCH.plusSeconds(60));
        claims.forEach(builder::claim);
        return builder.build();
    }
}
