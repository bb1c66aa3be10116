package org.carepath.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.carepath.scheduling.EpisodeDecisions.decided;
import static org.carepath.scheduling.EpisodeDecisions.newEpisodeId;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.carepath.events.Topics;
import org.carepath.events.triage.TriageDecided;
import org.carepath.scheduling.booking.Decisions;
import org.carepath.testing.TestInfrastructure;
import org.carepath.testing.TopicPublisher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Concurrent online bookings through REST: many for one slot book it once, many for one patient at one time (in
 * one episode or across two of theirs) book one, and none of them is ever a 500. A cancellation repeated after the
 * first one stopped short still serves the waitlist.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
@Import(TestClock.class)
class BookingRacesIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final int EPOCH = 26;
    private static TopicPublisher triage;

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

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

    @Test
    void manyBookingsForOneSlotBookItOnce() throws Exception {
        Instant now = Epochs.at(EPOCH, 0, "09:01");
        TestClock.CLOCK.set(now);
        List<String> episodes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            episodes.add(knownEpisode(Decisions.conservativeCare(), now, null));
        }
        String slot = "ortho-queens-1@" + Epochs.at(EPOCH, 1, "10:00");

        List<Integer> statuses = race(episodes.stream()
                .map(episodeId -> (Callable<Integer>)
                        () -> client().book(episodeId, slot, "SPECIALIST_VISIT").status())
                .toList());

        assertThat(statuses).containsOnly(201, 409).containsOnlyOnce(201);
        assertThat(episodes.stream().mapToLong(this::booked).sum()).isEqualTo(1);
    }

    @Test
    void manyBookingsForOnePatientAtOneTimeBookOne() throws Exception {
        Instant now = Epochs.at(EPOCH, 0, "09:01");
        TestClock.CLOCK.set(now);
        String episodeId = knownEpisode(Decisions.conservativeCare(), now, null);
        Instant eleven = Epochs.at(EPOCH, 2, "11:00");
        List<String[]> attempts = List.of(
                new String[] {"ortho-queens-1@" + eleven, "SPECIALIST_VISIT"},
                new String[] {"surgeon-queens-1@" + eleven, "SURGICAL_CONSULT"},
                new String[] {"xray-hospital-3@" + eleven, "IMAGING_XRAY"},
                new String[] {"mri-hospital-3@" + eleven, "IMAGING_MRI"},
                new String[] {"ct-hospital-3@" + eleven, "IMAGING_CT"},
                new String[] {"pt-queens-1@" + eleven, "PT_EVALUATION"});

        List<Integer> statuses = race(attempts.stream()
                .map(attempt -> (Callable<Integer>)
                        () -> client().book(episodeId, attempt[0], attempt[1]).status())
                .toList());

        assertThat(statuses).doesNotContain(500).containsOnlyOnce(201);
        assertThat(booked(episodeId)).isEqualTo(1);
    }

    @Test
    void manyBookingsForOnePatientAcrossTheirEpisodesBookOne() throws Exception {
        Instant now = Epochs.at(EPOCH, 0, "09:01");
        TestClock.CLOCK.set(now);
        String patientId = "patient-" + UUID.randomUUID();
        String first = knownEpisode(Decisions.conservativeCare(), now, patientId);
        String second = knownEpisode(Decisions.conservativeCare(), now, patientId);
        Instant eleven = Epochs.at(EPOCH, 3, "11:00");
        List<Callable<Integer>> attempts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            attempts.add(() -> client().book(first, "ortho-queens-1@" + eleven, "SPECIALIST_VISIT")
                    .status());
            attempts.add(() -> client().book(second, "surgeon-queens-1@" + eleven, "SURGICAL_CONSULT")
                    .status());
        }

        List<Integer> statuses = race(attempts);

        assertThat(statuses).containsOnly(201, 409).containsOnlyOnce(201);
        assertThat(booked(first) + booked(second)).isEqualTo(1);
    }

    @Test
    void aCancellationRepeatedAfterTheFirstStoppedShortStillServesTheWaitlist() {
        // given: one physiatry slot a week; the third patient waits
        Instant thursday = Epochs.at(EPOCH + 1, 3, "09:00");
        TestClock.CLOCK.set(thursday);
        String first = knownEpisode(Decisions.chemodenervationConsult(), thursday, null);
        knownEpisode(Decisions.chemodenervationConsult(), thursday, null);
        String third = knownEpisode(Decisions.chemodenervationConsult(), thursday, null);
        ScheduleClient scheduling = client();
        JsonNode booked = await().atMost(PATIENCE)
                .until(() -> scheduling.appointments(first), list -> list.size() == 1)
                .get(0);
        await().atMost(PATIENCE).until(() -> scheduling.waitlist(third), list -> list.size() == 1);
        // and a first cancellation that saved the episode and freed the slot, then stopped before the waitlist
        mongo.updateFirst(
                query(where("_id").is(first)),
                new Update().set("appointments.0.status", "CANCELLED").inc("version", 1),
                "episode_schedules");
        mongo.remove(query(where("_id").is(booked.get("slotId").asString())), "slot_claims");

        // when
        int status = scheduling.cancel(booked.get("appointmentId").asString()).status();

        // then
        assertThat(status).isEqualTo(200);
        JsonNode served = await().atMost(PATIENCE)
                .until(() -> scheduling.appointments(third), list -> list.size() == 1)
                .get(0);
        assertThat(served.get("slotId").asString())
                .isEqualTo(booked.get("slotId").asString());
    }

    private String knownEpisode(TriageDecided template, Instant decidedAt, String patientId) {
        String episodeId = newEpisodeId();
        TriageDecided decision = decided(template, episodeId, decidedAt);
        triage.publish(
                Topics.TRIAGE_DECIDED,
                episodeId,
                patientId == null ? decision : Decisions.forPatient(decision, patientId));
        await().atMost(PATIENCE).until(() -> mongo.exists(query(where("_id").is(episodeId)), "episode_schedules"));
        return episodeId;
    }

    private long booked(String episodeId) {
        return client().appointments(episodeId).stream()
                .filter(appointment -> appointment.get("status").asString().equals("BOOKED"))
                .count();
    }

    private ScheduleClient client() {
        return new ScheduleClient(port);
    }

    /** Runs the attempts at once, released together; their answers. */
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
