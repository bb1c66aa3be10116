package org.carepath.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.carepath.scheduling.EpisodeDecisions.decided;
import static org.carepath.scheduling.EpisodeDecisions.newEpisodeId;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.carepath.events.Topics;
import org.carepath.scheduling.booking.Decisions;
import org.carepath.testing.HttpJson;
import org.carepath.testing.TestInfrastructure;
import org.carepath.testing.TopicPublisher;
import org.carepath.testing.TopicRecorder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * {@code Idempotency-Key} on online booking, moving and cancelling (issue 9), as intake has it on check-ins and
 * findings: a client's retry is answered with what the first request did and does nothing twice (one appointment,
 * one slot claim, one event), even when the copies race; the key with another request is a 409.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
@Import(TestClock.class)
class IdempotentBookingIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final int EPOCH = 27;
    private static TopicPublisher triage;
    private static TopicRecorder published;

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    HttpJson scheduling;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry);
    }

    @BeforeAll
    static void kafka() {
        triage = new TopicPublisher();
        published = TopicRecorder.record(Topics.APPOINTMENT_BOOKED.name(), Topics.APPOINTMENT_CANCELLED.name());
    }

    @AfterAll
    static void close() throws InterruptedException {
        triage.close();
        published.close();
    }

    @BeforeEach
    void client() {
        scheduling = new HttpJson("http://127.0.0.1:" + port);
        TestClock.CLOCK.set(Epochs.at(EPOCH, 0, "09:01"));
    }

    @Test
    void aBookingRetriedUnderItsKeyIsAnsweredWithTheFirstAndBooksOnce() {
        String episodeId = knownEpisode();
        String slot = "ortho-queens-1@" + Epochs.at(EPOCH, 2, "10:00");
        String key = "book-" + UUID.randomUUID();

        HttpJson.Response first = book(episodeId, slot, key);
        HttpJson.Response retry = book(episodeId, slot, key);

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(retry.status()).as(retry.body()).isEqualTo(201);
        String appointmentId = first.json().get("appointmentId").asString();
        assertThat(retry.json().get("appointmentId").asString()).isEqualTo(appointmentId);
        assertThat(retry.json().get("slotId").asString()).isEqualTo(slot);
        assertThat(bookedIn(episodeId, slot)).isEqualTo(1);
        assertThat(mongo.findById(slot, org.bson.Document.class, "slot_claims"))
                .isNotNull()
                .satisfies(claim -> assertThat(claim.values()).contains(appointmentId));
        assertPublishedOnce(Topics.APPOINTMENT_BOOKED.name(), appointmentId);
    }

    @Test
    void theKeyOfOneBookingWithAnotherBodyIsA409AndBooksNothingMore() {
        String episodeId = knownEpisode();
        String slot = "ortho-queens-1@" + Epochs.at(EPOCH, 2, "13:00");
        String other = "ortho-queens-1@" + Epochs.at(EPOCH, 3, "13:00");
        String key = "book-" + UUID.randomUUID();
        assertThat(book(episodeId, slot, key).status()).isEqualTo(201);

        HttpJson.Response reused = book(episodeId, other, key);

        assertThat(reused.status()).as(reused.body()).isEqualTo(409);
        assertThat(reused.contentType()).startsWith("application/problem+json");
        assertThat(reused.json().get("detail").asString()).contains("Idempotency-Key");
        assertThat(bookedIn(episodeId, other)).isZero();
        assertThat(mongo.exists(query(where("_id").is(other)), "slot_claims")).isFalse();
        assertThat(bookedIn(episodeId, slot)).isEqualTo(1);
    }

    @Test
    void copiesOfOneKeyedBookingRacingEachOtherBookOneAppointmentAndAllGetIt() throws Exception {
        String episodeId = knownEpisode();
        String slot = "ortho-queens-1@" + Epochs.at(EPOCH, 4, "10:00");
        String key = "book-" + UUID.randomUUID();
        List<Callable<HttpJson.Response>> copies = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            copies.add(() -> book(episodeId, slot, key));
        }

        List<HttpJson.Response> answers = race(copies);

        assertThat(answers)
                .allSatisfy(
                        answer -> assertThat(answer.status()).as(answer.body()).isEqualTo(201));
        assertThat(answers.stream()
                        .map(answer -> answer.json().get("appointmentId").asString())
                        .distinct())
                .hasSize(1);
        assertThat(bookedIn(episodeId, slot)).isEqualTo(1);
        assertPublishedOnce(
                Topics.APPOINTMENT_BOOKED.name(),
                answers.get(0).json().get("appointmentId").asString());
    }

    @Test
    void aMoveAndACancellationRetriedUnderTheirKeysAreDoneOnce() {
        String episodeId = knownEpisode();
        String slot = "ortho-queens-1@" + Epochs.at(EPOCH, 7, "10:00");
        String later = "ortho-queens-1@" + Epochs.at(EPOCH, 8, "10:00");
        String appointmentId =
                book(episodeId, slot, null).json().get("appointmentId").asString();
        String moveKey = "move-" + UUID.randomUUID();
        String path = "/api/v1/appointments/" + appointmentId;

        HttpJson.Response moved = keyed(path + "/reschedule", "{\"slotId\":\"" + later + "\"}", moveKey);
        HttpJson.Response movedAgain = keyed(path + "/reschedule", "{\"slotId\":\"" + later + "\"}", moveKey);
        HttpJson.Response moveReused = keyed(path + "/reschedule", "{\"slotId\":\"" + slot + "\"}", moveKey);

        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(movedAgain.status()).as(movedAgain.body()).isEqualTo(200);
        assertThat(movedAgain.json().get("slotId").asString()).isEqualTo(later);
        assertThat(moveReused.status()).as(moveReused.body()).isEqualTo(409);
        // the booking and one move: two booked events of the appointment
        await().atMost(PATIENCE).until(() -> published(Topics.APPOINTMENT_BOOKED.name(), appointmentId) == 2);

        String cancelKey = "cancel-" + UUID.randomUUID();
        HttpJson.Response cancelled = keyed(path + "/cancel", "{\"reason\":\"patient called\"}", cancelKey);
        HttpJson.Response cancelledAgain = keyed(path + "/cancel", "{\"reason\":\"patient called\"}", cancelKey);
        HttpJson.Response cancelReused = keyed(path + "/cancel", "{\"reason\":\"another\"}", cancelKey);

        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelledAgain.status()).as(cancelledAgain.body()).isEqualTo(200);
        assertThat(cancelledAgain.json().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelReused.status()).as(cancelReused.body()).isEqualTo(409);
        assertPublishedOnce(Topics.APPOINTMENT_CANCELLED.name(), appointmentId);
        assertThat(published(Topics.APPOINTMENT_BOOKED.name(), appointmentId)).isEqualTo(2);
    }

    @Test
    void aBlankOrOverlongKeyIsA400NamingTheHeaderAndBooksNothing() {
        String episodeId = knownEpisode();
        String slot = "ortho-queens-1@" + Epochs.at(EPOCH, 9, "10:00");

        for (String key : List.of(" ", "k".repeat(201))) {
            HttpJson.Response response = book(episodeId, slot, key);
            assertThat(response.status()).as(response.body()).isEqualTo(400);
            assertThat(response.json().get("field").asString()).isEqualTo("Idempotency-Key");
        }
        assertThat(bookedIn(episodeId, slot)).isZero();
    }

    private HttpJson.Response book(String episodeId, String slotId, String key) {
        String body =
                "{\"episodeId\":\"" + episodeId + "\",\"slotId\":\"" + slotId + "\",\"type\":\"SPECIALIST_VISIT\"}";
        return keyed("/api/v1/appointments", body, key);
    }

    private HttpJson.Response keyed(String path, String body, String key) {
        return scheduling.post(path, body, key == null ? Map.of() : Map.of("Idempotency-Key", key));
    }

    private String knownEpisode() {
        String episodeId = newEpisodeId();
        triage.publish(
                Topics.TRIAGE_DECIDED,
                episodeId,
                decided(Decisions.conservativeCare(), episodeId, Epochs.at(EPOCH, 0, "09:01")));
        await().atMost(PATIENCE).until(() -> mongo.exists(query(where("_id").is(episodeId)), "episode_schedules"));
        return episodeId;
    }

    private long bookedIn(String episodeId, String slotId) {
        HttpJson.Response response = scheduling.get("/api/v1/episodes/" + episodeId + "/appointments");
        assertThat(response.status()).isEqualTo(200);
        List<JsonNode> booked = new ArrayList<>();
        response.json().forEach(appointment -> {
            if (appointment.get("status").asString().equals("BOOKED")
                    && appointment.get("slotId").asString().equals(slotId)) {
                booked.add(appointment);
            }
        });
        return booked.size();
    }

    private static long published(String topic, String appointmentId) {
        return published
                .records(record -> record.topic().equals(topic)
                        && HttpJson.parse(record.value())
                                .path("appointmentId")
                                .asString("")
                                .equals(appointmentId))
                .size();
    }

    /** Exactly one: it arrives, and nothing more follows while the relay would have had time to send a second. */
    private static void assertPublishedOnce(String topic, String appointmentId) {
        await().atMost(PATIENCE).until(() -> published(topic, appointmentId) >= 1);
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(10))
                .until(() -> published(topic, appointmentId) == 1);
    }

    private static <T> List<T> race(List<Callable<T>> attempts) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(attempts.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> answers = new ArrayList<>();
            for (Callable<T> attempt : attempts) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return attempt.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> answer : answers) {
                results.add(answer.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
