package org.carepath.scheduling.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.sessions.JqwikSession;
import org.carepath.events.Topics;
import org.carepath.scheduling.EpisodeDecisions;
import org.carepath.scheduling.Epochs;
import org.carepath.scheduling.TestClock;
import org.carepath.scheduling.booking.Decisions;
import org.carepath.testing.HttpJson;
import org.carepath.testing.JsonMutations;
import org.carepath.testing.TestInfrastructure;
import org.carepath.testing.TopicPublisher;
import org.carepath.testing.TopicRecorder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
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
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fuzzing scheduling's POST bodies (book, reschedule, cancel) with mutations of valid ones ({@link JsonMutations}):
 * never a 5xx, every refusal problem details naming the field, and a refused request books, moves and cancels
 * nothing. Smaller than intake's RequestFuzzIT, to keep the build quick.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
@Import(TestClock.class)
class SchedulingFuzzIT {

    private static final int BODIES = 10_000;
    private static final int PER_TARGET = 200;
    private static final long SEED = 20261202L;
    // its slots run over the weeks after this epoch, up to ten at 10,000 bodies: keep other tests' epochs clear
    private static final int EPOCH = 29;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static TopicPublisher triage;
    private static TopicRecorder published;
    private static int slots;

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
        JqwikSession.start();
    }

    @AfterEach
    void endGenerators() {
        JqwikSession.finish();
    }

    @Test
    void bookings() {
        Random random = new Random(SEED);
        for (int block = 0; block < BODIES / PER_TARGET; block++) {
            String episodeId = knownEpisode();
            String slot = nextSlot();
            Set<String> booked = new HashSet<>();
            List<String> validAnswers = new ArrayList<>();
            for (int i = 0; i < PER_TARGET; i++) {
                ObjectNode valid = NODES.objectNode()
                        .put("episodeId", episodeId)
                        .put("slotId", slot)
                        .put("type", "SPECIALIST_VISIT");
                // now and then the valid body itself: the first books, the rest find the slot taken (409)
                String body = i % 10 == 5 ? valid.toString() : JsonMutations.mutated(valid, random);
                HttpJson.Response response = scheduling.post("/api/v1/appointments", body);
                JsonMutations.assertClearAnswer(response, body);
                if (i % 10 == 5) {
                    validAnswers.add(response.status() + " " + response.body());
                }
                if (response.status() == 201) {
                    booked.add(response.json().get("appointmentId").asString());
                }
            }
            // what was answered 201 is what the episode holds: nothing refused left a booking behind
            assertThat(booked)
                    .as("slot %s, the valid body answered %s", slot, validAnswers.subList(0, 2))
                    .hasSize(1);
            assertThat(bookedIds(episodeId)).containsExactlyInAnyOrderElementsOf(booked);
        }
    }

    @Test
    void moves() {
        Random random = new Random(SEED + 1);
        String episodeId = knownEpisode();
        String slot = nextSlot();
        String appointmentId = book(episodeId, slot);
        for (int i = 0; i < BODIES; i++) {
            // the valid body moves it to where it is: whatever is accepted changes nothing either
            String body = JsonMutations.mutated(NODES.objectNode().put("slotId", slot), random);
            HttpJson.Response response = scheduling.post("/api/v1/appointments/" + appointmentId + "/reschedule", body);
            JsonMutations.assertClearAnswer(response, body);
        }
        assertThat(appointment(appointmentId).get("slotId").asString()).isEqualTo(slot);
        assertThat(appointment(appointmentId).get("status").asString()).isEqualTo("BOOKED");
        assertPublished(Topics.APPOINTMENT_BOOKED.name(), appointmentId, 1);
    }

    @Test
    void cancellations() {
        Random random = new Random(SEED + 2);
        List<String> cancelled = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        for (int block = 0; block < BODIES / PER_TARGET; block++) {
            String appointmentId = book(knownEpisode(), nextSlot());
            boolean accepted = false;
            for (int i = 0; i < PER_TARGET; i++) {
                String body = JsonMutations.mutated(NODES.objectNode().put("reason", "fuzz"), random);
                HttpJson.Response response = scheduling.post("/api/v1/appointments/" + appointmentId + "/cancel", body);
                JsonMutations.assertClearAnswer(response, body);
                if (!accepted && response.status() < 300) {
                    accepted = true;
                } else if (!accepted) {
                    assertThat(appointment(appointmentId).get("status").asString())
                            .as("after the refused %s", body)
                            .isEqualTo("BOOKED");
                }
            }
            (accepted ? cancelled : kept).add(appointmentId);
        }
        assertThat(cancelled).as("bodies accepted").isNotEmpty();
        for (String appointmentId : cancelled) {
            assertThat(appointment(appointmentId).get("status").asString()).isEqualTo("CANCELLED");
            assertPublished(Topics.APPOINTMENT_CANCELLED.name(), appointmentId, 1);
        }
        for (String appointmentId : kept) {
            assertThat(appointment(appointmentId).get("status").asString()).isEqualTo("BOOKED");
            assertPublished(Topics.APPOINTMENT_CANCELLED.name(), appointmentId, 0);
        }
    }

    private String knownEpisode() {
        String episodeId = EpisodeDecisions.newEpisodeId();
        triage.publish(
                Topics.TRIAGE_DECIDED,
                episodeId,
                EpisodeDecisions.decided(Decisions.recovered(), episodeId, Epochs.at(EPOCH, 0, "09:01")));
        await().atMost(PATIENCE).until(() -> mongo.exists(query(where("_id").is(episodeId)), "episode_schedules"));
        return episodeId;
    }

    private String book(String episodeId, String slot) {
        HttpJson.Response booked = scheduling.post(
                "/api/v1/appointments",
                "{\"episodeId\":\"" + episodeId + "\",\"slotId\":\"" + slot + "\",\"type\":\"SPECIALIST_VISIT\"}");
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        return booked.json().get("appointmentId").asString();
    }

    private JsonNode appointment(String appointmentId) {
        HttpJson.Response response = scheduling.get("/api/v1/appointments/" + appointmentId);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private List<String> bookedIds(String episodeId) {
        List<String> ids = new ArrayList<>();
        scheduling.get("/api/v1/episodes/" + episodeId + "/appointments").json().forEach(appointment -> {
            if (appointment.get("status").asString().equals("BOOKED")) {
                ids.add(appointment.get("appointmentId").asString());
            }
        });
        return ids;
    }

    private static void assertPublished(String topic, String appointmentId, int times) {
        await().during(Duration.ofSeconds(1))
                .atMost(PATIENCE)
                .until(() -> published
                                .records(record -> record.topic().equals(topic)
                                        && HttpJson.parse(record.value())
                                                .path("appointmentId")
                                                .asString("")
                                                .equals(appointmentId))
                                .size()
                        == times);
    }

    /** The next half-hour orthopedic slot of the epoch's weekdays, one a call. */
    private static String nextSlot() {
        // twenty half-hour slots a day, Tuesday to Friday (day 0 is the Monday the decisions are made on)
        int n = slots++;
        int week = n / 80;
        int day = 1 + (n / 20) % 4;
        Instant start = Epochs.at(EPOCH, week * 7 + day, "08:00").plus(Duration.ofMinutes(30L * (n % 20)));
        return "ortho-queens-1@" + start;
    }
}
