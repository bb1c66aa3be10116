package org.carepath.intake.episode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.carepath.events.Topics;
import org.carepath.events.triage.Classification;
import org.carepath.events.triage.Disposition;
import org.carepath.events.triage.TriageDecided;
import org.carepath.platform.messaging.InboundEvent;
import org.carepath.testing.HttpJson;
import org.carepath.testing.ReportJson;
import org.carepath.testing.TestInfrastructure;
import org.carepath.testing.TopicPublisher;
import org.carepath.testing.TopicRecorder;
import org.carepath.testing.TopicRecorder.RecordedEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.node.ObjectNode;

/** Intake against a real Kafka broker and MongoDB wire endpoint, through its REST contract. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EpisodeIntakeIT {

    private static final LocalDate YESTERDAY =
            LocalDate.now(ZoneId.of("America/New_York")).minusDays(1);
    private static TopicRecorder published;

    @LocalServerPort
    int port;

    HttpJson intake;

    @Autowired
    EpisodeDecisions decisions;

    @Autowired
    EpisodeRepository episodes;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry);
    }

    @BeforeAll
    static void recordTopics() {
        published = TopicRecorder.record(
                Topics.EPISODE_REPORTED.name(), Topics.CHECKIN_RECORDED.name(), Topics.FINDING_RECORDED.name());
    }

    @AfterAll
    static void stopRecording() throws InterruptedException {
        published.close();
    }

    @BeforeEach
    void client() {
        intake = new HttpJson("http://127.0.0.1:" + port);
    }

    @Test
    void acceptsTheContractExampleAndPublishesItAsACloudEvent() {
        var response = intake.post(
                "/api/v1/episodes", ReportJson.contractExample(YESTERDAY).json());

        assertThat(response.status()).isEqualTo(202);
        String episodeId = response.json().get("episodeId").asString();
        assertThat(response.json().get("status").asString()).isEqualTo("REPORTED");

        RecordedEvent event = awaitOne(Topics.EPISODE_REPORTED.name(), episodeId);
        assertThat(event.headers())
                .containsEntry("ce_specversion", "1.0")
                .containsEntry("ce_type", "carepath.episode.reported.v1")
                .containsEntry("ce_source", "/intake-service")
                .containsEntry("ce_subject", episodeId)
                .containsEntry("content-type", "application/json")
                .containsKeys("ce_id", "ce_time");
        var payload = HttpJson.parse(event.value());
        assertThat(payload.get("episodeId").asString()).isEqualTo(episodeId);
        assertThat(payload.get("reportedAt").isString()).isTrue();
        assertThat(payload.get("patient").get("region").asString()).isEqualTo("NASSAU");
        assertThat(payload.get("coverage").get("supplemental").get("type").asString())
                .isEqualTo("MEDIGAP");
    }

    @Test
    void servesTheReportAsStoredWithItsStatus() {
        String episodeId = reportedEpisode();

        var response = intake.get("/api/v1/episodes/" + episodeId);

        assertThat(response.status()).isEqualTo(200);
        var episode = response.json();
        assertThat(episode.get("episodeId").asString()).isEqualTo(episodeId);
        assertThat(episode.get("status").asString()).isEqualTo("REPORTED");
        assertThat(episode.get("painScore").asInt()).isEqualTo(6);
        assertThat(episode.get("onsetDate").asString()).isEqualTo(YESTERDAY.toString());
        assertThat(episode.get("symptoms").toString()).isEqualTo("[\"CRAMPING\",\"STIFFNESS\"]");
        assertThat(episode.get("coverage").get("partBDeductibleRemaining").decimalValue())
                .isEqualByComparingTo("0.00");
    }

    @Test
    void answersTheSameEpisodeForARetryUnderTheSameIdempotencyKeyAndPublishesOnce() {
        String key = UUID.randomUUID().toString();
        String body = ReportJson.contractExample(YESTERDAY).json();

        var first = intake.post("/api/v1/episodes", body, Map.of("Idempotency-Key", key));
        var retry = intake.post("/api/v1/episodes", body, Map.of("Idempotency-Key", key));

        assertThat(first.status()).isEqualTo(202);
        assertThat(retry.status()).isEqualTo(202);
        String episodeId = first.json().get("episodeId").asString();
        assertThat(retry.json().get("episodeId").asString()).isEqualTo(episodeId);
        awaitOne(Topics.EPISODE_REPORTED.name(), episodeId);
        // A later report is relayed after this one; once it is seen, a duplicate of the first would have been too.
        String later = reportedEpisode();
        awaitOne(Topics.EPISODE_REPORTED.name(), later);
        assertThat(published.records(event -> event.isAbout(episodeId))).hasSize(1);
    }

    @Test
    void refusesAnotherRequestUnderAKeyAlreadyUsed() {
        String key = UUID.randomUUID().toString();
        intake.post("/api/v1/episodes", ReportJson.contractExample(YESTERDAY).json(), Map.of("Idempotency-Key", key));

        var other = intake.post(
                "/api/v1/episodes",
                ReportJson.contractExample(YESTERDAY).with("painScore", 9).json(),
                Map.of("Idempotency-Key", key));

        assertThat(other.status()).isEqualTo(409);
        assertThat(other.contentType()).startsWith("application/problem+json");
    }

    static java.util.stream.Stream<Arguments> badReports() {
        LocalDate tomorrow = YESTERDAY.plusDays(2);
        return java.util.stream.Stream.of(
                Arguments.of(
                        "unknown symptom",
                        ReportJson.contractExample(YESTERDAY).withSymptoms("HICCUPS"),
                        "symptoms[0]"),
                Arguments.of(
                        "unknown region",
                        ReportJson.contractExample(YESTERDAY).withPatient("region", "ATLANTIS"),
                        "patient.region"),
                Arguments.of(
                        "pain above 10", ReportJson.contractExample(YESTERDAY).with("painScore", 11), "painScore"),
                Arguments.of(
                        "pain below 0", ReportJson.contractExample(YESTERDAY).with("painScore", -1), "painScore"),
                Arguments.of("onset in the future", ReportJson.contractExample(tomorrow), "onsetDate"),
                Arguments.of(
                        "missing patient", ReportJson.contractExample(YESTERDAY).without("patient"), "patient"),
                Arguments.of(
                        "missing contact",
                        ReportJson.contractExample(YESTERDAY).withoutPatient("contact"),
                        "patient.contact"),
                Arguments.of(
                        "unknown payer",
                        ReportJson.contractExample(YESTERDAY).withCoverage(Map.of("primary", "ACME")),
                        "coverage.primary"),
                Arguments.of(
                        "missing pain location",
                        ReportJson.contractExample(YESTERDAY).without("painLocation"),
                        "painLocation"));
    }

    @ParameterizedTest(name = "{0} is 400 naming {2}")
    @MethodSource("badReports")
    void answersABadReportWithProblemDetailsNamingTheField(String why, ReportJson report, String field) {
        var response = intake.post("/api/v1/episodes", report.json());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("field").asString()).isEqualTo(field);
        assertThat(response.json().get("detail").asString()).contains(field);
    }

    static java.util.stream.Stream<Arguments> unknownFields() {
        return java.util.stream.Stream.of(
                Arguments.of(
                        "a misspelt history field",
                        ReportJson.contractExample(YESTERDAY).withHistory("mriContraindicted", true),
                        "history.mriContraindicted"),
                Arguments.of(
                        "a top-level field not in the contract",
                        ReportJson.contractExample(YESTERDAY).with("painScor", 3),
                        "painScor"),
                Arguments.of(
                        "an unknown patient field",
                        ReportJson.contractExample(YESTERDAY).withPatient("ssn", "000-00-0000"),
                        "patient.ssn"));
    }

    @ParameterizedTest(name = "{0} is 400 naming {2}")
    @MethodSource("unknownFields")
    void answersAFieldThatIsNotInTheContractWith400NamingIt(String why, ReportJson report, String field) {
        var response = intake.post("/api/v1/episodes", report.json());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("field").asString()).isEqualTo(field);
        assertThat(response.json().get("detail").asString()).contains(field).doesNotContain("000-00");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
    }

    @Test
    void answersAnUnknownCheckInFieldWith400NamingIt() {
        String episodeId = reportedEpisode();

        var response = intake.post(
                "/api/v1/episodes/" + episodeId + "/check-ins",
                "{\"painScore\": 3, \"improving\": true, \"improved\": true}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("field").asString()).isEqualTo("improved");
    }

    @Test
    void keepsHistoryFieldsThePatientDidNotGiveAbsentNotFalse() {
        var report = (ObjectNode) ReportJson.contractExample(YESTERDAY).tree();
        var history = (ObjectNode) report.get("history");
        history.remove("homeCareTried");
        history.remove("mriContraindicated");
        history.remove("episodesLast12Months");

        String episodeId = intake.post("/api/v1/episodes", report.toString())
                .json()
                .get("episodeId")
                .asString();

        var stored = intake.get("/api/v1/episodes/" + episodeId).json().get("history");
        var published = HttpJson.parse(
                        awaitOne(Topics.EPISODE_REPORTED.name(), episodeId).value())
                .get("history");
        for (var view : List.of(stored, published)) {
            assertThat(view.path("homeCareTried").isNull()
                            || view.path("homeCareTried").isMissingNode())
                    .isTrue();
            assertThat(view.path("mriContraindicated").isNull()
                            || view.path("mriContraindicated").isMissingNode())
                    .isTrue();
            assertThat(view.path("episodesLast12Months").isNull()
                            || view.path("episodesLast12Months").isMissingNode())
                    .isTrue();
            assertThat(view.get("worsening").asBoolean()).isFalse();
            assertThat(view.get("worsening").isBoolean()).isTrue();
        }
    }

    @Test
    void givesEachMrnOneStableOpaquePatientIdCarriedOnTheReportedEvent() {
        String mrn = "MRN-" + UUID.randomUUID();
        String first = reportedEpisode(ReportJson.contractExample(YESTERDAY).withPatient("mrn", mrn));
        String again = reportedEpisode(ReportJson.contractExample(YESTERDAY).withPatient("mrn", mrn));
        String other =
                reportedEpisode(ReportJson.contractExample(YESTERDAY).withPatient("mrn", "MRN-" + UUID.randomUUID()));

        String firstId = patientIdOn(first);
        assertThat(firstId).isNotBlank().doesNotContain(mrn).doesNotContain("MRN");
        assertThat(patientIdOn(again)).isEqualTo(firstId);
        assertThat(patientIdOn(other)).isNotEqualTo(firstId);
    }

    @Test
    void isReadyAndLiveWithItsMongoDbHealthUp() {
        var readiness = intake.get("/actuator/health/readiness");
        var liveness = intake.get("/actuator/health/liveness");

        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().get("status").asString()).isEqualTo("UP");
        assertThat(liveness.json().get("status").asString()).isEqualTo("UP");
        assertThat(intake.get("/v3/api-docs").json().get("paths").has("/api/v1/episodes"))
                .isTrue();
    }

    @Test
    void answersAnUnknownEpisodeWith404() {
        assertThat(intake.get("/api/v1/episodes/no-such-episode").status()).isEqualTo(404);
        assertThat(intake.post("/api/v1/episodes/no-such-episode/check-ins", "{\"painScore\": 3, \"improving\": true}")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void publishesCheckInsAndFindingsForTheEpisode() {
        String episodeId = reportedEpisode();

        var checkIn = intake.post(
                "/api/v1/episodes/" + episodeId + "/check-ins",
                "{\"painScore\": 3, \"improving\": true, \"symptoms\": [], \"ptCompleted\": false}");
        var finding = intake.post(
                "/api/v1/episodes/" + episodeId + "/findings",
                "{\"imaging\": \"MRI\", \"structuralCause\": \"HERNIATED_DISC\", \"levels\": 1, \"conservativeCareFailed\": true}");

        assertThat(checkIn.status()).isEqualTo(202);
        assertThat(finding.status()).isEqualTo(202);
        var checkInEvent = HttpJson.parse(
                awaitOne(Topics.CHECKIN_RECORDED.name(), episodeId).value());
        assertThat(checkInEvent.get("painScore").asInt()).isEqualTo(3);
        assertThat(checkInEvent.get("checkInId").asString())
                .isEqualTo(checkIn.json().get("checkInId").asString());
        var findingEvent = HttpJson.parse(
                awaitOne(Topics.FINDING_RECORDED.name(), episodeId).value());
        assertThat(findingEvent.get("structuralCause").asString()).isEqualTo("HERNIATED_DISC");
        assertThat(intake.get("/api/v1/episodes/" + episodeId).json().get("checkIns"))
                .hasSize(1);
    }

    @Test
    void refusesACheckInWithAPainScoreOutOfRange() {
        String episodeId = reportedEpisode();

        var response =
                intake.post("/api/v1/episodes/" + episodeId + "/check-ins", "{\"painScore\": 12, \"improving\": true}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("field").asString()).isEqualTo("painScore");
    }

    @Test
    void followsTriageSoThatACheckInOnARecoveredEpisodeIsToldItIsClosed() {
        String episodeId = reportedEpisode();
        try (TopicPublisher triage = new TopicPublisher()) {
            triage.publish(Topics.TRIAGE_DECIDED, episodeId, decision(episodeId, 2, Disposition.RECOVERED));
            // An older version arriving late changes nothing (decision versions are the natural key).
            triage.publish(Topics.TRIAGE_DECIDED, episodeId, decision(episodeId, 1, Disposition.CONSERVATIVE_CARE));
            triage.publish(Topics.TRIAGE_DECIDED, episodeId, decision(episodeId, 2, Disposition.RECOVERED));
        }
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> intake.get("/api/v1/episodes/" + episodeId).json(),
                        episode -> episode.has("decisionVersion")
                                && episode.get("decisionVersion").asInt() == 2);

        var checkIn =
                intake.post("/api/v1/episodes/" + episodeId + "/check-ins", "{\"painScore\": 1, \"improving\": true}");

        assertThat(checkIn.status()).isEqualTo(202);
        assertThat(checkIn.json().get("note").asString()).contains("closed (RECOVERED)");
        var finding = intake.post(
                "/api/v1/episodes/" + episodeId + "/findings", "{\"structuralCause\": \"NONE\", \"levels\": 1}");
        assertThat(finding.status()).isEqualTo(202);
        assertThat(finding.json().get("note").asString()).contains("does not re-assess a closed episode");
        assertThat(intake.get("/api/v1/episodes/" + episodeId)
                        .json()
                        .get("disposition")
                        .asString())
                .isEqualTo("RECOVERED");
    }

    @Test
    void aDecisionWritesItsFieldsAndMovesTheVersionSoACheckInSavedFromAnEarlierReadIsReadAgain() {
        String episodeId = reportedEpisode();
        // the relay's removal of the sent report event moves the version too: read after it
        Episode readBefore = sent(episodeId);

        decisions.apply(List.of(inbound(decision(episodeId, 1, Disposition.CONSERVATIVE_CARE))));

        Episode after = episodes.findById(episodeId).orElseThrow();
        assertThat(after.disposition()).isEqualTo(Disposition.CONSERVATIVE_CARE);
        assertThat(after.decisionVersion()).isEqualTo(1);
        assertThat(after.version()).isEqualTo(readBefore.version() + 1);
        assertThat(after.report()).isEqualTo(readBefore.report());
        assertThatThrownBy(() -> episodes.save(readBefore)).isInstanceOf(OptimisticLockingFailureException.class);
    }

    @Test
    void anOlderOrRepeatedDecisionInABatchChangesNothing() {
        String episodeId = reportedEpisode();
        sent(episodeId);

        decisions.apply(List.of(
                inbound(decision(episodeId, 2, Disposition.RECOVERED)),
                inbound(decision(episodeId, 1, Disposition.CONSERVATIVE_CARE))));
        Episode decided = episodes.findById(episodeId).orElseThrow();
        decisions.apply(List.of(
                inbound(decision(episodeId, 2, Disposition.RECOVERED)),
                inbound(decision(episodeId, 1, Disposition.CONSERVATIVE_CARE)),
                inbound(decision("not-an-episode-" + UUID.randomUUID(), 1, Disposition.RECOVERED))));

        Episode after = episodes.findById(episodeId).orElseThrow();
        assertThat(decided.disposition()).isEqualTo(Disposition.RECOVERED);
        assertThat(decided.decisionVersion()).isEqualTo(2);
        assertThat(after).isEqualTo(decided);
    }

    /** The episode once its report event is sent: the relay's removal of it moves the version too. */
    private Episode sent(String episodeId) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> episodes.findById(episodeId).orElseThrow(),
                        episode -> episode.outbox() == null || episode.outbox().isEmpty());
    }

    private static InboundEvent<TriageDecided> inbound(TriageDecided decision) {
        return new InboundEvent<>(
                UUID.randomUUID().toString(), "carepath.triage.decided.v1", decision.episodeId(), decision);
    }

    @Test
    void aCheckInOnAnOpenEpisodeCarriesNoNote() {
        String episodeId = reportedEpisode();

        var checkIn =
                intake.post("/api/v1/episodes/" + episodeId + "/check-ins", "{\"painScore\": 5, \"improving\": false}");

        assertThat(checkIn.status()).isEqualTo(202);
        assertThat(checkIn.json().has("note")).isFalse();
    }

    private static TriageDecided decision(String episodeId, int version, Disposition disposition) {
        return new TriageDecided(
                episodeId,
                version,
                Instant.now(),
                disposition,
                Classification.ACUTE,
                null,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of("FU-RECOVERED"),
                List.of(),
                null);
    }

    private String reportedEpisode() {
        return reportedEpisode(ReportJson.contractExample(YESTERDAY));
    }

    private String reportedEpisode(ReportJson report) {
        var response = intake.post("/api/v1/episodes", report.json());
        assertThat(response.status()).isEqualTo(202);
        return response.json().get("episodeId").asString();
    }

    private static String patientIdOn(String episodeId) {
        return HttpJson.parse(
                        awaitOne(Topics.EPISODE_REPORTED.name(), episodeId).value())
                .get("patientId")
                .asString();
    }

    private static RecordedEvent awaitOne(String topic, String episodeId) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> published.records(event -> event.topic().equals(topic) && event.isAbout(episodeId)),
                        events -> !events.isEmpty())
                .get(0);
    }
}
