package org.carepath.intake.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import net.jqwik.api.sessions.JqwikSession;
import org.carepath.events.Topics;
import org.carepath.testing.HttpJson;
import org.carepath.testing.JsonMutations;
import org.carepath.testing.ReportJson;
import org.carepath.testing.TestInfrastructure;
import org.carepath.testing.TopicRecorder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fuzzing every POST endpoint of intake with 10,000 generated bodies each (jqwik generators over mutations of
 * valid bodies): not one 5xx, and a rejected request changes nothing: no report, check-in or finding of it is
 * published.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RequestFuzzIT {

    private static final int BODIES = 10_000;
    private static final long SEED = 20261201L;
    private static final LocalDate YESTERDAY =
            LocalDate.now(ZoneId.of("America/New_York")).minusDays(1);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static TopicRecorder published;

    @LocalServerPort
    int port;

    HttpJson intake;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry);
    }

    @BeforeAll
    static void record() {
        published = TopicRecorder.record(
                Topics.EPISODE_REPORTED.name(), Topics.CHECKIN_RECORDED.name(), Topics.FINDING_RECORDED.name());
    }

    @AfterAll
    static void stop() throws InterruptedException {
        published.close();
    }

    @BeforeEach
    void client() {
        intake = new HttpJson("http://127.0.0.1:" + port);
        JqwikSession.start();
    }

    @AfterEach
    void endGenerators() {
        JqwikSession.finish();
    }

    @Test
    void reports() {
        Random random = new Random(SEED);
        Set<String> rejectedMarkers = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < BODIES; i++) {
            String marker = "MRN-FUZZ-" + SEED + "-" + i;
            ObjectNode report = (ObjectNode) ReportJson.contractExample(YESTERDAY)
                    .withPatient("mrn", marker)
                    .tree();
            String body = JsonMutations.mutated(report, random);
            HttpJson.Response response = intake.post("/api/v1/episodes", body);
            assertNoServerError(response, body);
            if (response.status() >= 400) {
                rejectedMarkers.add(marker);
            }
        }
        assertThat(rejectedMarkers).hasSizeGreaterThan(BODIES / 2);
        settle();
        assertThat(published.records(record -> record.topic().equals(Topics.EPISODE_REPORTED.name())
                        && rejectedMarkers.stream()
                                .anyMatch(marker -> record.value().contains("\"" + marker + "\""))))
                .isEmpty();
    }

    @Test
    void checkIns() {
        fuzzAdditions("check-ins", Topics.CHECKIN_RECORDED.name(), RequestFuzzIT::validCheckIn, SEED + 1);
    }

    @Test
    void findings() {
        fuzzAdditions("findings", Topics.FINDING_RECORDED.name(), RequestFuzzIT::validFinding, SEED + 2);
    }

    private void fuzzAdditions(String what, String topic, Supplier<ObjectNode> valid, long seed) {
        String episodeId = intake.post(
                        "/api/v1/episodes",
                        ReportJson.contractExample(YESTERDAY).json())
                .json()
                .get("episodeId")
                .asString();
        Random random = new Random(seed);
        int accepted = 0;
        for (int i = 0; i < BODIES; i++) {
            String body = JsonMutations.mutated(valid.get(), random);
            HttpJson.Response response = intake.post("/api/v1/episodes/" + episodeId + "/" + what, body);
            assertNoServerError(response, body);
            if (response.status() < 300) {
                accepted++;
            }
        }
        int expected = accepted;
        assertThat(expected).isLessThan(BODIES / 2);
        settle();
        await().atMost(Duration.ofSeconds(60))
                .until(() ->
                        published.records(record -> record.topic().equals(topic) && record.isAbout(episodeId)).stream()
                                        .map(record -> record.header("ce_id"))
                                        .distinct()
                                        .count()
                                == expected);
    }

    private static void assertNoServerError(HttpJson.Response response, String body) {
        assertThat(response.status())
                .as("body %s answered %s", body.length() > 500 ? body.substring(0, 500) + "…" : body, response.body())
                .isLessThan(500);
        if (response.status() >= 400) {
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
    }

    private static void settle() {
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> true);
    }

    private static ObjectNode validCheckIn() {
        ObjectNode checkIn = NODES.objectNode();
        checkIn.put("painScore", 3).put("improving", true).put("ptCompleted", false);
        checkIn.putArray("symptoms");
        return checkIn;
    }

    private static ObjectNode validFinding() {
        ObjectNode finding = NODES.objectNode();
        finding.put("imaging", "MRI")
                .put("structuralCause", "HERNIATED_DISC")
                .put("levels", 1)
                .put("conservativeCareFailed", true);
        return finding;
    }
}
