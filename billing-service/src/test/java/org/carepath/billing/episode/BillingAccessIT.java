package org.carepath.billing.episode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.carepath.testing.AccessMatrix.Call.get;
import static org.carepath.testing.AccessMatrix.Call.post;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.carepath.billing.RunningBillingService;
import org.carepath.events.Topics;
import org.carepath.events.intake.PatientIds;
import org.carepath.platform.security.AccessRule;
import org.carepath.platform.security.AccessRules;
import org.carepath.platform.security.AccessTable;
import org.carepath.platform.security.Role;
import org.carepath.testing.AccessMatrix;
import org.carepath.testing.AccessMatrix.Call;
import org.carepath.testing.AccessMatrix.Caller;
import org.carepath.testing.AccessMatrix.Expected;
import org.carepath.testing.HttpJson;
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
import org.springframework.http.HttpMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * CONTRACT.md "Access" on billing: the matrix from the one table (a patient reads only their own episode's
 * estimate), bad tokens, unknown paths denied.
 */
class BillingAccessIT extends RunningBillingService {

    private static final AccessRules RULES = new AccessRules(AccessTable.RULES);
    private static final String QUOTE = "{\"coverage\":{\"primary\":\"MEDICARE\",\"partBDeductibleRemaining\":0.00},"
            + "\"triggers\":[\"LIFTING\"],\"services\":[{\"cpt\":\"99204\",\"units\":1}]}";
    private static TopicPublisher triage;

    /** Every endpoint billing serves, with a call that succeeds for a caller the table allows. */
    private static final List<Call> CALLS = List.of(
            get(
                    "/api/v1/episodes/{episodeId}/estimate",
                    ids -> "/api/v1/episodes/" + ids.get("episodeId") + "/estimate"),
            get(
                    "/api/v1/episodes/{episodeId}/estimate/history",
                    ids -> "/api/v1/episodes/" + ids.get("episodeId") + "/estimate/history"),
            post("/api/v1/estimates", ids -> "/api/v1/estimates", ids -> QUOTE),
            get("/api/v1/audit", ids -> "/api/v1/audit?episodeId=" + ids.get("episodeId")),
            get("/api/v1/admin/dead-letters", ids -> "/api/v1/admin/dead-letters"),
            post(
                    "/api/v1/admin/dead-letters/replay",
                    ids -> "/api/v1/admin/dead-letters/replay",
                    ids -> "{\"topic\":\"" + Topics.TRIAGE_DECIDED.deadLetterTopic() + "\",\"ids\":[]}"),
            get("/v3/api-docs", ids -> "/v3/api-docs"),
            get("/actuator/health/readiness", ids -> "/actuator/health/readiness"),
            get("/actuator/prometheus", ids -> "/actuator/prometheus"),
            get("/actuator/metrics", ids -> "/actuator/metrics"));

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    PatientIds patientIds;

    HttpJson billing;

    @BeforeAll
    static void kafka() {
        triage = new TopicPublisher();
    }

    @AfterAll
    static void close() {
        triage.close();
    }

    @BeforeEach
    void client() {
        billing = billing();
    }

    @Test
    void theMatrixCoversEveryEndpointBillingServes() {
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
        String own = estimatedEpisode(ownMrn);
        String other = estimatedEpisode("MRN-" + UUID.randomUUID());
        return AccessMatrix.of(
                billing,
                ownMrn,
                CALLS,
                new AccessMatrix.Episodes(Map.of("episodeId", own), Map.of("episodeId", other)),
                BillingAccessIT::verdict);
    }

    @Test
    void aTokenThatIsMissingForgedExpiredOrForAnotherAudienceIs401() {
        AccessMatrix.assertBadTokensRefused(
                billing, "/api/v1/episodes/" + estimatedEpisode("MRN-" + UUID.randomUUID()) + "/estimate", "staff");
    }

    @Test
    void nReadsOfAnEstimateLeaveExactlyNAuditRecords() {
        String episodeId = estimatedEpisode("MRN-AUDIT-" + UUID.randomUUID());

        AccessMatrix.assertReadsAudited(
                billing, "/api/v1/episodes/" + episodeId + "/estimate", episodeId, "staff", "operations", "MRN-AUDIT");
    }

    @Test
    void anUnknownPathIsDeniedNotServed() {
        assertThat(billing.anonymous().get("/api/v1/nothing-here").status()).isEqualTo(401);
        assertThat(billing.as(TestTokens.get().forRole("admin"))
                        .get("/api/v1/nothing-here")
                        .status())
                .isEqualTo(403);
        assertThat(billing.as(TestTokens.get().forRole("admin"))
                        .post("/actuator/bindings/triageDecided-in-0", "{\"state\":\"STOPPED\"}")
                        .status())
                .isEqualTo(403);
    }

    /** An episode of the patient with this MRN that triage decided; returns once billing has estimated it. */
    private String estimatedEpisode(String mrn) {
        String episodeId = UUID.randomUUID().toString();
        triage.publish(
                Topics.TRIAGE_DECIDED,
                episodeId,
                PathwayEvents.forPatient(
                        PathwayEvents.surgicalDecision(episodeId, 1, PathwayEvents.DISCECTOMY), patientIds.of(mrn)));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> billing.get("/api/v1/episodes/" + episodeId + "/estimate")
                                .status()
                        == 200);
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
