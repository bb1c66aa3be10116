package org.carepath.intake.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.carepath.events.Topics;
import org.carepath.testing.HttpJson;
import org.carepath.testing.ReportJson;
import org.carepath.testing.TestInfrastructure;
import org.carepath.testing.TopicRecorder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Hostile input gets a clear 4xx naming the field, and changes nothing (issue 9). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HostileInputIT {

    private static final LocalDate YESTERDAY =
            LocalDate.now(ZoneId.of("America/New_York")).minusDays(1);
    private static TopicRecorder reported;
    private static TopicRecorder checkIns;

    @LocalServerPort
    int port;

    HttpJson intake;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry);
    }

    @BeforeAll
    static void record() {
        reported = TopicRecorder.record(Topics.EPISODE_REPORTED.name());
        checkIns = TopicRecorder.record(Topics.CHECKIN_RECORDED.name());
    }

    @AfterAll
    static void stop() throws InterruptedException {
        reported.close();
        checkIns.close();
    }

    @BeforeEach
    void client() {
        intake = new HttpJson("http://127.0.0.1:" + port);
    }

    static Stream<Arguments> hostileReports() {
        return Stream.of(
                Arguments.of(
                        "a misspelt history field is not taken as absent",
                        marked().withHistory("mriContraindicted", true),
                        "history.mriContraindicted"),
                Arguments.of("an unknown top-level field", marked().with("admin", true), "admin"),
                Arguments.of(
                        "an onset a billion years ahead",
                        marked().with("onsetDate", "+1000000000-01-01"),
                        "onsetDate"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileReports")
    void isA400NamingTheFieldAndPublishesNothing(String why, ReportJson report, String field) {
        HttpJson.Response response = intake.post("/api/v1/episodes", report.json());

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("field").asString()).isEqualTo(field);
        assertNothingPublishedFor(report);
    }

    @Test
    void moneyAsHugeAsOneEToTheHundredMillionIsA400AtOnce() {
        ReportJson report = marked();
        String body = report.json()
                .replaceFirst(
                        "\"partBDeductibleRemaining\"\\s*:\\s*[0-9.]+", "\"partBDeductibleRemaining\": 1e100000000");
        assertThat(body).contains("1e100000000");

        HttpJson.Response response = intake.post("/api/v1/episodes", body);

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("field").asString()).isEqualTo("coverage.partBDeductibleRemaining");
        assertNothingPublishedFor(report);
    }

    @Test
    void aBodyOver64KilobytesIs413() {
        ReportJson report = marked().withPatient("name", "x".repeat(70 * 1024));

        HttpJson.Response response = intake.post("/api/v1/episodes", report.json());

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body()).doesNotContain("xxxx");
        assertNothingPublishedFor(report);
    }

    @Test
    void aRetriedCheckInUnderItsIdempotencyKeyIsRecordedOnceAndAnotherBodyUnderItIsA409() {
        String episodeId = report();
        String checkIn = "{\"painScore\":4,\"improving\":true,\"symptoms\":[],\"ptCompleted\":false}";
        Map<String, String> key = Map.of("Idempotency-Key", "retry-" + UUID.randomUUID());

        HttpJson.Response first = intake.post("/api/v1/episodes/" + episodeId + "/check-ins", checkIn, key);
        HttpJson.Response retry = intake.post("/api/v1/episodes/" + episodeId + "/check-ins", checkIn, key);
        HttpJson.Response other = intake.post(
                "/api/v1/episodes/" + episodeId + "/check-ins",
                checkIn.replace("\"painScore\":4", "\"painScore\":5"),
                key);

        assertThat(first.status()).isEqualTo(202);
        assertThat(retry.status()).isEqualTo(202);
        assertThat(retry.json().get("checkInId").asString())
                .isEqualTo(first.json().get("checkInId").asString());
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.contentType()).startsWith("application/problem+json");
        await().atMost(Duration.ofSeconds(30)).until(() -> checkInsPublishedFor(episodeId) == 1);
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(5))
                .until(() -> checkInsPublishedFor(episodeId) == 1);
    }

    @Test
    void anEpisodeTakesAtMost200CheckInsThenAnswers409() {
        String episodeId = report();
        String checkIn = "{\"painScore\":4,\"improving\":true,\"symptoms\":[],\"ptCompleted\":false}";
        for (int i = 0; i < 200; i++) {
            assertThat(intake.post("/api/v1/episodes/" + episodeId + "/check-ins", checkIn)
                            .status())
                    .isEqualTo(202);
        }

        HttpJson.Response overTheLimit = intake.post("/api/v1/episodes/" + episodeId + "/check-ins", checkIn);

        assertThat(overTheLimit.status()).isEqualTo(409);
        assertThat(overTheLimit.json().get("detail").asString()).contains("200 check-ins");
    }

    private String report() {
        HttpJson.Response response = intake.post("/api/v1/episodes", marked().json());
        assertThat(response.status()).isEqualTo(202);
        return response.json().get("episodeId").asString();
    }

    private static long checkInsPublishedFor(String episodeId) {
        return checkIns.records(record -> record.isAbout(episodeId)).stream()
                .map(record -> record.header("ce_id"))
                .distinct()
                .count();
    }

    /** Every report here carries its own MRN, so a leak of any one of them onto the topic would show. */
    private static ReportJson marked() {
        return ReportJson.contractExample(YESTERDAY).withPatient("mrn", "MRN-HOSTILE-" + UUID.randomUUID());
    }

    private static void assertNothingPublishedFor(ReportJson report) {
        String mrn = report.tree().get("patient").get("mrn").asString();
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> reported.records(
                        record -> record.value().contains(mrn))
                .isEmpty());
    }
}
