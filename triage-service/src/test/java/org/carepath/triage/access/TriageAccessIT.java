package org.carepath.triage.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.carepath.testing.AccessMatrix.Call.get;
import static org.carepath.testing.AccessMatrix.Call.post;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.carepath.events.Topics;
import org.carepath.events.intake.EpisodeReported;
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
import org.carepath.testing.TopicPublisher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** CONTRACT.md "Access" on triage: the matrix from the one table, bad tokens, unknown paths denied. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TriageAccessIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final LocalDate FIVE_DAYS_AGO =
            LocalDate.now(ZoneId.of("America/New_York")).minusDays(5);
    private static final AccessRules RULES = new AccessRules(AccessTable.RULES);
    private static TopicPublisher intake;

    /** Every endpoint triage serves, with a call that succeeds for a caller the table allows. */
    private static final List<Call> CALLS = List.of(
            get("/api/v1/episodes/{episodeId}/triage", ids -> "/api/v1/episodes/" + ids.get("episodeId") + "/triage"),
            get(
                    "/api/v1/episodes/{episodeId}/triage/history",
                    ids -> "/api/v1/episodes/" + ids.get("episodeId") + "/triage/history"),
            get("/api/v1/audit", ids -> "/api/v1/audit?episodeId=" + ids.get("episodeId")),
            get("/api/v1/admin/dead-letters", ids -> "/api/v1/admin/dead-letters"),
            post(
                    "/api/v1/admin/dead-letters/replay",
                    ids -> "/api/v1/admin/dead-letters/replay",
                    ids -> "{\"topic\":\"" + Topics.EPISODE_REPORTED.deadLetterTopic() + "\",\"ids\":[]}"),
            get("/v3/api-docs", ids -> "/v3/api-docs"),
            get("/actuator/health/readiness", ids -> "/actuator/health/readiness"),
            get("/actuator/prometheus", ids -> "/actuator/prometheus"),
            get("/actuator/metrics", ids -> "/actuator/metrics"));

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    HttpJson triage;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry);
    }

    @BeforeAll
    static void kafka() {
        intake = new TopicPublisher();
    }

    @AfterAll
    static void close() {
        intake.close();
    }

    @BeforeEach
    void client() {
        triage = new HttpJson("http://127.0.0.1:" + port);
    }

    @Test
    void theMatrixCoversEveryEndpointTriageServes() {
        Set<String> served = mappings.getHandlerMethods().keySet().stream()
                .flatMap(info -> info.getPatternValues().stream()
                        .flatMap(path ->
                                info.getMethodsCondition().getMethods().stream().map(method -> method + " " + path)))
                .filter(endpoint -> !endpoint.endsWith(" /error"))
                .filter(endpoint -> !endpoint.contains("/v3/api-docs") && !endpoint.contains("swagger"))
                .collect(Collectors.toSet());
        Set<String> inMatrix =
                CALLS.stream().map(call -> call.method() + " " + call.path()).collect(Collectors.toSet());

        assertThat(served).isNotEmpty();
        assertThat(inMatrix).containsAll(served);
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointForEveryCaller() {
        String ownMrn = "MRN-" + UUID.randomUUID();
        String own = decidedEpisode(ownMrn);
        String other = decidedEpisode("MRN-" + UUID.randomUUID());
        return AccessMatrix.of(
                triage,
                ownMrn,
                CALLS,
                new AccessMatrix.Episodes(Map.of("episodeId", own), Map.of("episodeId", other)),
                TriageAccessIT::verdict);
    }

    @Test
    void aTokenThatIsMissingForgedExpiredOrForAnotherAudienceIs401() {
        AccessMatrix.assertBadTokensRefused(
                triage, "/api/v1/episodes/" + decidedEpisode("MRN-" + UUID.randomUUID()) + "/triage", "clinician");
    }

    @Test
    void nReadsOfADecisionLeaveExactlyNAuditRecords() {
        String episodeId = decidedEpisode("MRN-AUDIT-" + UUID.randomUUID());

        AccessMatrix.assertReadsAudited(
                triage,
                "/api/v1/episodes/" + episodeId + "/triage",
                episodeId,
                "clinician",
                "integration",
                "MRN-AUDIT");
    }

    @Test
    void anUnknownPathIsDeniedNotServed() {
        assertThat(triage.anonymous().get("/api/v1/nothing-here").status()).isEqualTo(401);
        assertThat(triage.as(TestTokens.get().forRole("admin"))
                        .get("/api/v1/nothing-here")
                        .status())
                .isEqualTo(403);
        assertThat(triage.as(TestTokens.get().forRole("admin"))
                        .post("/actuator/bindings/episodeReported-in-0", "{\"state\":\"STOPPED\"}")
                        .status())
                .isEqualTo(403);
    }

    /** A report of a patient with this MRN, as intake publishes it; returns once triage has decided it. */
    private String decidedEpisode(String mrn) {
        String episodeId = UUID.randomUUID().toString();
        ObjectNode tree = (ObjectNode) ReportJson.contractExample(FIVE_DAYS_AGO)
                .withPatient("mrn", mrn)
                .tree();
        tree.put("episodeId", episodeId);
        tree.put("reportedAt", Instant.now().toString());
        intake.publish(Topics.EPISODE_REPORTED, episodeId, JSON.treeToValue(tree, EpisodeReported.class));
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        triage.get("/api/v1/episodes/" + episodeId + "/triage").status() == 200);
        return episodeId;
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
