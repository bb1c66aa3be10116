package org.carepath.intake.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.carepath.testing.AccessMatrix.Call.get;
import static org.carepath.testing.AccessMatrix.Call.post;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.carepath.platform.security.AccessRule;
import org.carepath.platform.security.AccessRules;
import org.carepath.platform.security.AccessTable;
import org.carepath.platform.security.Role;
import org.carepath.testing.AccessMatrix;
import org.carepath.testing.AccessMatrix.Call;
import org.carepath.testing.AccessMatrix.Caller;
import org.carepath.testing.AccessMatrix.Expected;
import org.carepath.testing.HttpJson;
import org.carepath.testing.ReportJson;
import org.carepath.testing.TestInfrastructure;
import org.carepath.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** CONTRACT.md "Access" on intake: the matrix from the one table, bad tokens, and one audit record per call. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IntakeAccessIT {

    private static final LocalDate YESTERDAY =
            LocalDate.now(ZoneId.of("America/New_York")).minusDays(1);
    private static final AccessRules RULES = new AccessRules(AccessTable.RULES);
    private static final String FINDING =
            "{\"imaging\":\"MRI\",\"structuralCause\":\"HERNIATED_DISC\",\"levels\":1,\"conservativeCareFailed\":false}";
    private static final String CHECK_IN =
            "{\"painScore\":5,\"improving\":false,\"symptoms\":[],\"ptCompleted\":false}";

    /** Every endpoint intake serves, with a call that succeeds for a caller the table allows. */
    private static final List<Call> CALLS = List.of(
            post("/api/v1/episodes", ids -> "/api/v1/episodes", ids -> ReportJson.contractExample(YESTERDAY)
                    .json()),
            get("/api/v1/episodes/{episodeId}", ids -> "/api/v1/episodes/" + ids.get("episodeId")),
            post(
                    "/api/v1/episodes/{episodeId}/check-ins",
                    ids -> "/api/v1/episodes/" + ids.get("episodeId") + "/check-ins",
                    ids -> CHECK_IN),
            post(
                    "/api/v1/episodes/{episodeId}/findings",
                    ids -> "/api/v1/episodes/" + ids.get("episodeId") + "/findings",
                    ids -> FINDING),
            get("/api/v1/audit", ids -> "/api/v1/audit?episodeId=" + ids.get("episodeId")),
            get("/api/v1/admin/dead-letters", ids -> "/api/v1/admin/dead-letters"),
            post(
                    "/api/v1/admin/dead-letters/replay",
                    ids -> "/api/v1/admin/dead-letters/replay",
                    ids -> "{\"topic\":\"carepath.triage.decided.dlq\",\"ids\":[]}"),
            get("/v3/api-docs", ids -> "/v3/api-docs"),
            get("/actuator/health/readiness", ids -> "/actuator/health/readiness"),
            get("/actuator/prometheus", ids -> "/actuator/prometheus"),
            get("/actuator/metrics", ids -> "/actuator/metrics"));

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    HttpJson intake;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry);
    }

    @BeforeEach
    void client() {
        intake = new HttpJson("http://127.0.0.1:" + port);
    }

    @Test
    void theMatrixCoversEveryEndpointIntakeServes() {
        Set<String> served = mappings.getHandlerMethods().keySet().stream()
                .flatMap(info -> info.getPatternValues().stream()
                        .flatMap(path ->
                                info.getMethodsCondition().getMethods().stream().map(method -> method + " " + path)))
                .filter(endpoint -> !endpoint.endsWith(" /error"))
                .filter(endpoint -> !endpoint.contains("/v3/api-docs") && !endpoint.contains("swagger"))
                .collect(Collectors.toSet());
        Set<String> inMatrix =
                CALLS.stream().map(call -> call.method() + " " + call.path()).collect(Collectors.toSet());

        assertThat(inMatrix).containsAll(served);
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointForEveryCaller() {
        String ownMrn = "MRN-" + UUID.randomUUID();
        String own = report(ownMrn);
        String other = report("MRN-" + UUID.randomUUID());
        return AccessMatrix.of(
                intake,
                ownMrn,
                CALLS,
                new AccessMatrix.Episodes(Map.of("episodeId", own), Map.of("episodeId", other)),
                IntakeAccessIT::verdict);
    }

    @Test
    void aTokenThatIsMissingForgedExpiredOrForAnotherAudienceIs401() {
        String path = "/api/v1/episodes/" + report("MRN-" + UUID.randomUUID());
        TestTokens tokens = TestTokens.get();

        for (String token : List.of(
                tokens.forged("clinician"),
                tokens.expired("clinician"),
                tokens.forAudience("another-api", "clinician"),
                "not-a-jwt")) {
            HttpJson.Response response = intake.as(token).get(path);
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.body()).doesNotContain(token);
        }
        assertThat(intake.anonymous().get(path).status()).isEqualTo(401);
        assertThat(intake.as(tokens.forRole("clinician")).get(path).status()).isEqualTo(200);
    }

    @Test
    void theOpenApiDocumentNeedsATokenAndDescribesTheBearerScheme() {
        assertThat(intake.anonymous().get("/v3/api-docs").status()).isEqualTo(401);

        HttpJson.Response docs =
                intake.as(TestTokens.get().forRole("clinician")).get("/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json()
                        .at("/components/securitySchemes/bearer-jwt/scheme")
                        .asString())
                .isEqualTo("bearer");
        assertThat(docs.json().at("/security/0").has("bearer-jwt")).isTrue();
    }

    @Test
    void anUnknownPathIsDeniedNotServed() {
        assertThat(intake.anonymous().get("/api/v1/nothing-here").status()).isEqualTo(401);
        assertThat(intake.as(TestTokens.get().forRole("admin"))
                        .get("/api/v1/nothing-here")
                        .status())
                .isEqualTo(403);
        assertThat(intake.as(TestTokens.get().forRole("admin"))
                        .post("/actuator/bindings/x", "{}")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void nReadsOfAnEpisodeLeaveExactlyNAuditRecordsNamingWhoAskedAndNoPatientData() {
        String episodeId = report("MRN-AUDIT-" + UUID.randomUUID());
        HttpJson staff = intake.as(TestTokens.get().forRole("staff"));
        int reads = 7;
        for (int i = 0; i < reads; i++) {
            assertThat(staff.get("/api/v1/episodes/" + episodeId).status()).isEqualTo(200);
        }
        assertThat(intake.as(TestTokens.get().forRole("operations"))
                        .get("/api/v1/episodes/" + episodeId)
                        .status())
                .isEqualTo(403);

        HttpJson.Response audit =
                intake.as(TestTokens.get().forRole("admin")).get("/api/v1/audit?episodeId=" + episodeId);

        assertThat(audit.status()).isEqualTo(200);
        // the report itself, seven reads and one denied read
        assertThat(audit.json().get("total").asLong()).isEqualTo(1 + reads + 1);
        List<String> outcomes = audit.json()
                .get("records")
                .valueStream()
                .map(record -> record.get("method").asString() + " "
                        + record.get("outcome").asString() + " "
                        + String.join(
                                ",",
                                record.get("roles")
                                        .valueStream()
                                        .map(node -> node.asString())
                                        .toList()))
                .toList();
        assertThat(outcomes.subList(1, 1 + reads)).allMatch(line -> line.equals("GET ALLOWED staff"));
        assertThat(outcomes.get(1 + reads)).isEqualTo("GET DENIED operations");
        assertThat(audit.body()).doesNotContain("Jane Doe", "+15165550100", "1964-03-02", "MRN-AUDIT");
    }

    private String report(String mrn) {
        HttpJson.Response response = intake.post(
                "/api/v1/episodes",
                ReportJson.contractExample(YESTERDAY).withPatient("mrn", mrn).json());
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return response.json().get("episodeId").asString();
    }

    private static Expected verdict(Call call, Caller caller) {
        Set<Role> roles = caller.role() == null
                ? Set.of()
                : Set.of(Role.ofClaim(caller.role()).orElseThrow());
        AccessRule.Verdict verdict = RULES.verdict(
                HttpMethod.valueOf(call.method()),
                call.path(),
                roles,
                caller != Caller.NO_TOKEN,
                caller == Caller.PATIENT_OWN);
        return switch (verdict) {
            case ALLOWED -> Expected.SUCCESS;
            case UNAUTHENTICATED -> Expected.UNAUTHORIZED;
            case FORBIDDEN -> Expected.FORBIDDEN;
            case NOT_FOUND -> Expected.NOT_FOUND;
        };
    }
}
