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
import tools.jackson.databind.node.ObjectNode;

/**
 * The amended §2 through the real broker and MongoDB wire server: weak legs → EMERGENCY (ER-4); a mild check-in →
 * SPECIALIST_REFERRAL citing ER-HOLD; the hospital's MRI of a herniated disc → SURGICAL_CONSULT (SU-DISC), and the
 * report's red flag is never fired a second time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EmergencyHoldIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final LocalDate TWO_DAYS_AGO =
            LocalDate.now(ZoneId.of("America/New_York")).minusDays(2);
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
        published = TopicRecorder.record(Topics.TRIAGE_DECIDED.name());
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
    void anEmergencyIsHeldAtSpecialistReferralUntilTheHospitalsFindingLeadsToASurgicalConsult() {
        // given: a report of weak legs
        String episodeId = UUID.randomUUID().toString();
        String patientId = UUID.randomUUID().toString();
        intake.publish(
                Topics.EPISODE_REPORTED,
                episodeId,
                report(
                        episodeId,
                        patientId,
                        ReportJson.contractExample(TWO_DAYS_AGO).withSymptoms("WEAKNESS_LEGS")));
        JsonNode v1 = awaitVersion(episodeId, 1);
        assertThat(v1.get("disposition").asString()).isEqualTo("EMERGENCY");
        assertThat(texts(v1.get("redFlags"))).containsExactly("ER-4");

        // when: the patient checks in, milder and with no red flag
        intake.publish(
                Topics.CHECKIN_RECORDED,
                episodeId,
                new CheckInRecorded(episodeId, UUID.randomUUID().toString(), Instant.now(), 3, true, List.of(), false));
        JsonNode v2 = awaitVersion(episodeId, 2);

        // then: still to be seen by a spine specialist, urgently (ER-HOLD)
        assertThat(v2.get("disposition").asString()).isEqualTo("SPECIALIST_REFERRAL");
        assertThat(texts(v2.get("rules"))).contains("ER-HOLD").doesNotContain("ER-4", "FU-RED");
        assertThat(texts(v2.get("redFlags"))).isEmpty();

        // when: the hospital's MRI shows a herniated disc
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
                        false));
        JsonNode v3 = awaitVersion(episodeId, 3);

        // then: a surgical consult for the disc, with the report's weak legs as nerve signs, and no red flag again
        assertThat(v3.get("disposition").asString()).isEqualTo("SURGICAL_CONSULT");
        assertThat(texts(v3.get("rules"))).contains("SU-DISC").doesNotContain("ER-4", "ER-HOLD");
        assertThat(texts(v3.get("redFlags"))).isEmpty();
        assertThat(v3.get("candidateProcedures").get(0).get("cpt").asString()).isEqualTo("63030");

        // and: exactly one EMERGENCY was ever published, and every decision carries intake's patient id
        await().atMost(Duration.ofSeconds(30))
                .until(() -> decisionsPublished(episodeId).size() == 3);
        List<JsonNode> decisions = decisionsPublished(episodeId).stream()
                .map(event -> HttpJson.parse(event.value()))
                .toList();
        assertThat(decisions)
                .extracting(decision -> decision.get("disposition").asString())
                .containsExactly("EMERGENCY", "SPECIALIST_REFERRAL", "SURGICAL_CONSULT");
        assertThat(decisions)
                .extracting(decision -> decision.get("episode").get("patientId").asString())
                .containsOnly(patientId);
        assertThat(decisions.get(2).toString()).doesNotContain("MRN-1001");
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

    private static List<String> texts(JsonNode array) {
        List<String> texts = new java.util.ArrayList<>();
        array.forEach(node -> texts.add(node.asString()));
        return texts;
    }

    private static EpisodeReported report(String episodeId, String patientId, ReportJson json) {
        var tree = (ObjectNode) json.tree();
        tree.put("episodeId", episodeId);
        tree.put("reportedAt", Instant.now().toString());
        tree.put("patientId", patientId);
        return JSON.treeToValue(tree, EpisodeReported.class);
    }
}
