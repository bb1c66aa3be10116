package org.carepath.scheduling.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.carepath.testing.AccessMatrix.Call.get;
import static org.carepath.testing.AccessMatrix.Call.post;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.carepath.events.Topics;
import org.carepath.events.intake.PatientIds;
import org.carepath.platform.security.AccessRule;
import org.carepath.platform.security.AccessRules;
import org.carepath.platform.security.AccessTable;
import org.carepath.platform.security.Role;
import org.carepath.scheduling.EpisodeDecisions;
import org.carepath.scheduling.Epochs;
import org.carepath.scheduling.TestClock;
import org.carepath.scheduling.booking.Decisions;
import org.carepath.testing.AccessMatrix;
import org.carepath.testing.AccessMatrix.Call;
import org.carepath.testing.AccessMatrix.Caller;
import org.carepath.testing.AccessMatrix.Expected;
import org.carepath.testing.HttpJson;
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
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * CONTRACT.md "Access" on scheduling: the matrix from the one table (a patient books, moves and cancels only the
 * appointments of their own episodes; another's are 404), bad tokens, unknown paths denied.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
@Import(TestClock.class)
class SchedulingAccessIT {

    private static final int EPOCH = 28;
    private static final AccessRules RULES = new AccessRules(AccessTable.RULES);
    // each booking the table allows takes the next of these slots, so that none meets another
    private static final AtomicInteger NEXT_SLOT = new AtomicInteger();
    private static TopicPublisher triage;

    /** Every endpoint scheduling serves, with a call that succeeds for a caller the table allows. */
    private static final List<Call> CALLS = List.of(
            get(
                    "/api/v1/episodes/{episodeId}/appointments",
                    ids -> "/api/v1/episodes/" + ids.get("episodeId") + "/appointments"),
            get(
                    "/api/v1/episodes/{episodeId}/follow-ups",
                    ids -> "/api/v1/episodes/" + ids.get("episodeId") + "/follow-ups"),
            get(
                    "/api/v1/episodes/{episodeId}/waitlist",
                    ids -> "/api/v1/episodes/" + ids.get("episodeId") + "/waitlist"),
            get("/api/v1/slots", ids -> "/api/v1/slots?specialty=ORTHOPEDIC_SPINE&limit=5"),
            post(
                    "/api/v1/appointments",
                    ids -> "/api/v1/appointments",
                    ids -> booking(ids.get("episodeId"), nextSlot())),
            get("/api/v1/appointments/{appointmentId}", ids -> "/api/v1/appointments/" + ids.get("appointmentId")),
            post(
                    "/api/v1/appointments/{appointmentId}/reschedule",
                    ids -> "/api/v1/appointments/" + ids.get("appointmentId") + "/reschedule",
                    // to the slot it is in: allowed, and changes nothing
                    ids -> "{\"slotId\":\"" + ids.get("slotId") + "\"}"),
            post(
                    "/api/v1/appointments/{appointmentId}/cancel",
                    ids -> "/api/v1/appointments/" + ids.get("appointmentId") + "/cancel",
                    ids -> "{\"reason\":\"access matrix\"}"),
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

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    PatientIds patientIds;

    HttpJson scheduling;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry);
    }

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
        scheduling = new HttpJson("http://127.0.0.1:" + port);
        TestClock.CLOCK.set(Epochs.at(EPOCH, 0, "09:01"));
    }

    @Test
    void theMatrixCoversEveryEndpointSchedulingServes() {
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
        Map<String, String> own = bookedEpisode(ownMrn);
        Map<String, String> other = bookedEpisode("MRN-" + UUID.randomUUID());
        return AccessMatrix.of(
                scheduling, ownMrn, CALLS, new AccessMatrix.Episodes(own, other), SchedulingAccessIT::verdict);
    }

    @Test
    void aTokenThatIsMissingForgedExpiredOrForAnotherAudienceIs401() {
        Map<String, String> episode = bookedEpisode("MRN-" + UUID.randomUUID());
        AccessMatrix.assertBadTokensRefused(
                scheduling, "/api/v1/appointments/" + episode.get("appointmentId"), "staff");
        AccessMatrix.assertBadTokensRefused(scheduling, "/api/v1/slots?specialty=ORTHOPEDIC_SPINE&limit=1", "staff");
    }

    @Test
    void aPatientBooksNothingForAnotherPatientsEpisode() {
        String ownMrn = "MRN-" + UUID.randomUUID();
        String other = bookedEpisode("MRN-" + UUID.randomUUID()).get("episodeId");
        String slot = nextSlot();

        HttpJson.Response response =
                scheduling.as(TestTokens.get().patient(ownMrn)).post("/api/v1/appointments", booking(other, slot));

        assertThat(response.status()).as(response.body()).isEqualTo(404);
        assertThat(mongo.exists(query(where("_id").is(slot)), "slot_claims")).isFalse();
    }

    @Test
    void nReadsOfAnEpisodesAppointmentsLeaveExactlyNAuditRecords() {
        String episodeId = bookedEpisode("MRN-AUDIT-" + UUID.randomUUID()).get("episodeId");

        AccessMatrix.assertReadsAudited(
                scheduling,
                "/api/v1/episodes/" + episodeId + "/appointments",
                episodeId,
                "staff",
                "operations",
                "MRN-AUDIT");
    }

    @Test
    void anUnknownPathIsDeniedNotServed() {
        assertThat(scheduling.anonymous().get("/api/v1/nothing-here").status()).isEqualTo(401);
        assertThat(scheduling
                        .as(TestTokens.get().forRole("admin"))
                        .get("/api/v1/nothing-here")
                        .status())
                .isEqualTo(403);
        assertThat(scheduling
                        .as(TestTokens.get().forRole("admin"))
                        .post("/actuator/bindings/triageDecided-in-0", "{\"state\":\"STOPPED\"}")
                        .status())
                .isEqualTo(403);
    }

    /**
     * An episode of the patient with this MRN that triage decided (nothing booked by the decision), with one
     * appointment booked online: its ids.
     */
    private Map<String, String> bookedEpisode(String mrn) {
        String episodeId = EpisodeDecisions.newEpisodeId();
        triage.publish(
                Topics.TRIAGE_DECIDED,
                episodeId,
                Decisions.forPatient(
                        EpisodeDecisions.decided(Decisions.recovered(), episodeId, Epochs.at(EPOCH, 0, "09:01")),
                        patientIds.of(mrn)));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mongo.exists(query(where("_id").is(episodeId)), "episode_schedules"));
        String slot = nextSlot();
        HttpJson.Response booked = scheduling.post("/api/v1/appointments", booking(episodeId, slot));
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        return Map.of(
                "episodeId",
                episodeId,
                "appointmentId",
                booked.json().get("appointmentId").asString(),
                "slotId",
                slot);
    }

    private static String booking(String episodeId, String slotId) {
        return "{\"episodeId\":\"" + episodeId + "\",\"slotId\":\"" + slotId + "\",\"type\":\"SPECIALIST_VISIT\"}";
    }

    /** The next half-hour orthopedic slot of the epoch's weekdays, one a call. */
    private static String nextSlot() {
        int n = NEXT_SLOT.getAndIncrement();
        int week = n / 100;
        int day = (n / 20) % 5;
        Instant start = Epochs.at(EPOCH, 1 + week * 7 + day, "08:00").plus(Duration.ofMinutes(30L * (n % 20)));
        return "ortho-queens-1@" + start;
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
