package org.carepath.triage.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.carepath.events.Topics;
import org.carepath.events.intake.CheckInRecorded;
import org.carepath.events.intake.EpisodeReported;
import org.carepath.events.intake.FindingRecorded;
import org.carepath.events.intake.ImagingModality;
import org.carepath.events.intake.StructuralCause;
import org.carepath.events.intake.Symptom;
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
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Triage through Kafka: report → v1, check-in → v2, finding → v3; redelivery changes nothing; bad records are dead-lettered. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TriageIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final LocalDate FIVE_DAYS_AGO =
            LocalDate.now(ZoneId.of("America/New_York")).minusDays(5);
    private static TopicRecorder published;
    private static TopicPublisher intake;

    @LocalServerPort
    int port;

    HttpJson triage;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry);
    }

    @BeforeAll
    static void kafka() {
        published = TopicRecorder.record(
                Topics.TRIAGE_DECIDED.name(),
                Topics.EPISODE_REPORTED.deadLetterTopic(),
                Topics.CHECKIN_RECORDED.deadLetterTopic());
        intake = new TopicPublisher();
    }

    @AfterAll
    static void close() throws InterruptedException {
        intake.close();
        published.close();
    }

    @BeforeEach
    void client() {
        triage = new HttpJson("http://127.0.0.1:" + port);
    }

    @Test
    void decidesAgainOnEveryCheckInAndFindingWithTheHistoryInOrder() {
        String episodeId = UUID.randomUUID().toString();
        intake.publish(
                Topics.EPISODE_REPORTED, episodeId, report(episodeId, ReportJson.contractExample(FIVE_DAYS_AGO)));
        awaitVersion(episodeId, 1);

        intake.publish(
                Topics.CHECKIN_RECORDED,
                episodeId,
                new CheckInRecorded(
                        episodeId,
                        UUID.randomUUID().toString(),
                        Instant.now(),
                        6,
                        false,
                        List.of(Symptom.TINGLING_LEGS),
                        false));
        awaitVersion(episodeId, 2);
        intake.publish(
                Topics.FINDING_RECORDED,
                episodeId,
                new FindingRecorded(
                        episodeId,
                        UUID.randomUUID().toString(),
                        Instant.now(),
                        ImagingModality.MRI,
                        StructuralCause.HERNIATED_DISC,
                        1,
                        true));
        JsonNode latest = awaitVersion(episodeId, 3);

        assertThat(latest.get("disposition").asString()).isEqualTo("SURGICAL_CONSULT");
        assertThat(latest.get("rules").toString()).contains("SU-DISC");
        JsonNode history =
                triage.get("/api/v1/episodes/" + episodeId + "/triage/history").json();
        assertThat(history).hasSize(3);
        assertThat(List.of(
                        history.get(0).get("version").asInt(),
                        history.get(1).get("version").asInt(),
                        history.get(2).get("version").asInt()))
                .containsExactly(1, 2, 3);
        assertThat(history.get(0).get("disposition").asString()).isEqualTo("CONSERVATIVE_CARE");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> decisionsPublished(episodeId).size() == 3);
        RecordedEvent v3 = decisionsPublished(episodeId).get(2);
        assertThat(v3.headers())
                .containsEntry("ce_type", "carepath.triage.decided.v1")
                .containsEntry("ce_source", "/triage-service")
                .containsEntry("ce_subject", episodeId);
    }

    @Test
    void aRedFlagReportIsAnEmergency() {
        String episodeId = UUID.randomUUID().toString();

        intake.publish(Topics.EPISODE_REPORTED, episodeId, report(episodeId, ReportJson.redFlag(FIVE_DAYS_AGO)));

        JsonNode decision = awaitVersion(episodeId, 1);
        assertThat(decision.get("disposition").asString()).isEqualTo("EMERGENCY");
        assertThat(decision.get("redFlags").toString()).contains("ER-1");
    }

    @Test
    void redeliveredEventsMakeNoSecondDecisionVersion() {
        String episodeId = UUID.randomUUID().toString();
        String reportId = UUID.randomUUID().toString();
        String checkInEventId = UUID.randomUUID().toString();
        EpisodeReported report = report(episodeId, ReportJson.contractExample(FIVE_DAYS_AGO));
        CheckInRecorded checkIn = new CheckInRecorded(episodeId, "c-1", Instant.now(), 4, true, List.of(), false);

        intake.publish(Topics.EPISODE_REPORTED, reportId, episodeId, report);
        intake.publish(Topics.EPISODE_REPORTED, reportId, episodeId, report);
        intake.publish(Topics.CHECKIN_RECORDED, checkInEventId, episodeId, checkIn);
        intake.publish(Topics.CHECKIN_RECORDED, checkInEventId, episodeId, checkIn);
        // The same report under a new event id is still the same episode's report: no new version either.
        intake.publish(Topics.EPISODE_REPORTED, episodeId, report);
        awaitVersion(episodeId, 2);
        String marker = UUID.randomUUID().toString();
        intake.publish(Topics.EPISODE_REPORTED, marker, report(marker, ReportJson.contractExample(FIVE_DAYS_AGO)));
        awaitVersion(marker, 1);

        assertThat(triage.get("/api/v1/episodes/" + episodeId + "/triage/history")
                        .json())
                .hasSize(2);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !decisionsPublished(marker).isEmpty());
        assertThat(decisionsPublished(episodeId)).hasSize(2);
    }

    @Test
    void aRecordThatCannotBeReadGoesToTheDeadLetterTopicWithTheReasonAndDoesNotBlockThePartition() {
        String episodeId = UUID.randomUUID().toString();

        intake.publishRaw(
                Topics.EPISODE_REPORTED,
                UUID.randomUUID().toString(),
                episodeId,
                "{\"episodeId\": 42, \"painScore\": \"very\"}");
        intake.publish(
                Topics.EPISODE_REPORTED, episodeId, report(episodeId, ReportJson.contractExample(FIVE_DAYS_AGO)));

        awaitVersion(episodeId, 1);
        RecordedEvent dead = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> published.records(event -> event.topic().equals(Topics.EPISODE_REPORTED.deadLetterTopic())
                                && event.isAbout(episodeId)),
                        events -> !events.isEmpty())
                .get(0);
        assertThat(dead.header("x-exception-message")).contains("painScore");
    }

    @Test
    void aCheckInForAnEpisodeNeverReportedEndsInTheDeadLetterTopic() {
        String episodeId = UUID.randomUUID().toString();

        intake.publish(
                Topics.CHECKIN_RECORDED,
                episodeId,
                new CheckInRecorded(episodeId, "c-1", Instant.now(), 4, true, List.of(), false));

        RecordedEvent dead = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> published.records(event -> event.topic().equals(Topics.CHECKIN_RECORDED.deadLetterTopic())
                                && event.isAbout(episodeId)),
                        events -> !events.isEmpty())
                .get(0);
        assertThat(dead.header("x-exception-message")).contains("has no report yet");
    }

    @Test
    void anUnknownEpisodeHasNoDecision() {
        assertThat(triage.get("/api/v1/episodes/unknown/triage").status()).isEqualTo(404);
        assertThat(triage.get("/api/v1/episodes/unknown/triage/history").status())
                .isEqualTo(404);
    }

    private List<RecordedEvent> decisionsPublished(String episodeId) {
        return published.records(
                event -> event.topic().equals(Topics.TRIAGE_DECIDED.name()) && event.isAbout(episodeId));
    }

    private JsonNode awaitVersion(String episodeId, int version) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> triage.get("/api/v1/episodes/" + episodeId + "/triage"),
                        response -> response.status() == 200
                                && response.json().get("version").asInt() == version)
                .json();
    }

    private static EpisodeReported report(String episodeId, ReportJson json) {
        var tree = (tools.jackson.databind.node.ObjectNode) json.tree();
        tree.put("episodeId", episodeId);
        tree.put("reportedAt", Instant.now().toString());
        return JSON.treeToValue(tree, EpisodeReported.class);
    }
}
