package org.carepath.scheduling.adapters;

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
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.carepath.events.Topics;
import org.carepath.events.triage.TriageDecided;
import org.carepath.platform.messaging.InboundEvent;
import org.carepath.scheduling.Epochs;
import org.carepath.scheduling.ScheduleClient;
import org.carepath.scheduling.SchedulingApplication;
import org.carepath.scheduling.TestClock;
import org.carepath.scheduling.booking.Decisions;
import org.carepath.testing.HttpJson;
import org.carepath.testing.TestInfrastructure;
import org.carepath.testing.TestTokens;
import org.carepath.testing.TopicPublisher;
import org.carepath.testing.TopicRecorder;
import org.carepath.testing.TopicRecorder.RecordedEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Two instances of the service on one database and broker: the test's own context and a twin started beside it
 * (in its own consumer group, so that both handle every decision). Booking races, duplicate handling and the
 * follow-up dispatch must come out as if there were one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
@Import(TestClock.class)
class TwoInstancesIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static TopicRecorder published;
    private static TopicPublisher triage;
    private static ConfigurableApplicationContext twin;

    @LocalServerPort
    int port;

    @Autowired
    DecisionScheduling decisions;

    @Autowired
    MongoTemplate mongo;

    ScheduleClient scheduling;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry);
    }

    @BeforeAll
    static void start() {
        published = TopicRecorder.record(Topics.APPOINTMENT_BOOKED.name(), Topics.FOLLOWUP_DUE.name());
        triage = new TopicPublisher();
        twin = startTwin();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        twin.close();
        triage.close();
        published.close();
    }

    @BeforeEach
    void client() {
        scheduling = new ScheduleClient(port);
    }

    @Test
    void racingOnlineBookingsForOneSlotFromBothInstancesBookItOnce() throws Exception {
        // given
        Instant now = Epochs.start(12);
        TestClock.CLOCK.set(now);
        List<String> episodes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String episodeId = newEpisodeId();
            episodes.add(episodeId);
            triage.publish(Topics.TRIAGE_DECIDED, episodeId, decided(Decisions.conservativeCare(), episodeId, now));
        }
        episodes.forEach(this::awaitKnown);
        String slotId = scheduling
                .slots("specialty=ORTHOPEDIC_SPINE&from=" + Epochs.at(12, 1, "00:00"))
                .get(0)
                .get("slotId")
                .asString();
        List<ScheduleClient> instances = List.of(scheduling, new ScheduleClient(twinPort()));

        // when
        List<Integer> statuses = all(episodes.size(), i -> instances
                .get(i % 2)
                .book(episodes.get(i), slotId, "SPECIALIST_VISIT")
                .status());

        // then
        assertThat(statuses)
                .containsOnly(201, 409)
                .filteredOn(status -> status == 201)
                .hasSize(1);
        String winner = episodes.get(statuses.indexOf(201));
        assertThat(scheduling.appointments(winner)).singleElement().satisfies(appointment -> assertThat(
                        appointment.get("slotId").asString())
                .isEqualTo(slotId));
        assertThat(episodes.stream().filter(episodeId -> !episodeId.equals(winner)))
                .allSatisfy(loser -> assertThat(scheduling.appointments(loser)).isEmpty());
    }

    @Test
    void theSameDecisionHandledByBothInstancesAtOnceBooksOnce() throws Exception {
        // given: one event delivered six times, and the same version under two other event ids
        Instant decidedAt = Epochs.start(13);
        TestClock.CLOCK.set(decidedAt);
        String episodeId = newEpisodeId();
        TriageDecided decision = decided(Decisions.specialistReferralWithMri(), episodeId, decidedAt);
        String eventId = UUID.randomUUID().toString();
        List<DecisionScheduling> instances = List.of(decisions, twin.getBean(DecisionScheduling.class));

        // when
        all(8, i -> {
            String id = i < 6 ? eventId : UUID.randomUUID().toString();
            instances.get(i % 2).decided(new InboundEvent<>(id, Topics.TRIAGE_DECIDED.ceType(), episodeId, decision));
            return null;
        });

        // then
        assertBookedOnce(episodeId);
    }

    @Test
    void aDecisionConsumedByBothInstancesThroughKafkaBooksOnce() {
        Instant decidedAt = Epochs.start(14);
        TestClock.CLOCK.set(decidedAt);
        String episodeId = newEpisodeId();

        triage.publish(
                Topics.TRIAGE_DECIDED, episodeId, decided(Decisions.specialistReferralWithMri(), episodeId, decidedAt));

        await().atMost(PATIENCE).until(() -> scheduling.appointments(episodeId).size() == 2);
        assertBookedOnce(episodeId);
    }

    @Test
    void aDueFollowUpIsSentOnceByTwoInstancesAndNotAgainAfterARestart() {
        // given
        Instant decidedAt = Epochs.start(15);
        TestClock.CLOCK.set(decidedAt);
        String episodeId = newEpisodeId();
        triage.publish(Topics.TRIAGE_DECIDED, episodeId, decided(Decisions.conservativeCare(), episodeId, decidedAt));
        await().atMost(PATIENCE).until(() -> scheduling.followUps(episodeId).size() == 3);

        // when: both instances dispatch on the same clock
        // MSG-TIME: 10:00 New York time on onset + 2 days
        TestClock.CLOCK.set(Epochs.at(15, 1, "10:01"));

        // then
        await().atMost(PATIENCE)
                .until(() -> !followUpsDue(episodeId + ":ICE_TO_HEAT").isEmpty());

        // when: the twin restarts, and later the next message falls due
        twin.close();
        twin = startTwin();
        TestClock.CLOCK.set(Epochs.at(15, 13, "10:01"));

        // then
        await().atMost(PATIENCE)
                .until(() -> !followUpsDue(episodeId + ":TWO_WEEK_CHECK").isEmpty());
        // the relay may publish an event twice (at least once); consumers de-duplicate on ce_id
        assertThat(eventIds(followUpsDue(episodeId + ":ICE_TO_HEAT"))).containsExactly(episodeId + ":ICE_TO_HEAT:due");
        assertThat(eventIds(followUpsDue(episodeId + ":TWO_WEEK_CHECK")))
                .containsExactly(episodeId + ":TWO_WEEK_CHECK:due");
        assertThat(scheduling.followUps(episodeId))
                .extracting(followUp -> followUp.get("kind").asString() + " "
                        + followUp.get("status").asString())
                .containsExactly("ICE_TO_HEAT SENT", "TWO_WEEK_CHECK SENT", "RECOVERY_CHECK PENDING");
    }

    private void assertBookedOnce(String episodeId) {
        List<JsonNode> appointments = scheduling.appointments(episodeId);
        assertThat(appointments)
                .extracting(appointment -> appointment.get("type").asString())
                .containsExactly("IMAGING_MRI", "SPECIALIST_VISIT");
        assertThat(mongo.count(query(where("episodeId").is(episodeId)), SlotClaim.class))
                .isEqualTo(2);
        assertThat(scheduling.followUps(episodeId)).hasSize(3 + 2);
        await().atMost(PATIENCE).until(() -> eventIds(booked(episodeId)).size() == 2);
        assertThat(eventIds(booked(episodeId)))
                .containsExactlyInAnyOrderElementsOf(appointments.stream()
                        .map(appointment -> appointment.get("appointmentId").asString() + ":booked")
                        .toList());
    }

    private void awaitKnown(String episodeId) {
        await().atMost(PATIENCE)
                .until(() -> mongo.exists(query(where("_id").is(episodeId)), EpisodeScheduleDocument.class));
    }

    private static ConfigurableApplicationContext startTwin() {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        return new SpringApplicationBuilder(SchedulingApplication.class, TestClock.class)
                .profiles("it")
                .run(
                        "--server.port=0",
                        "--spring.cloud.stream.kafka.binder.brokers=" + infrastructure.kafkaBootstrapServers(),
                        "--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
                        "--spring.mongodb.uri=" + infrastructure.mongoUri(),
                        "--carepath.security.issuer-uri=" + TestTokens.get().issuer(),
                        "--carepath.security.jwk-set-uri=" + TestTokens.get().jwkSetUri(),
                        "--spring.cloud.stream.default.group=scheduling-twin");
    }

    private static int twinPort() {
        return Integer.parseInt(twin.getEnvironment().getRequiredProperty("local.server.port"));
    }

    private interface Task<T> {
        T run(int index) throws Exception;
    }

    /** Runs {@code count} tasks at once (released together) and returns their results in order. */
    private static <T> List<T> all(int count, Task<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                Callable<T> call = () -> {
                    start.await();
                    return task.run(index);
                };
                futures.add(pool.submit(call));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<RecordedEvent> booked(String episodeId) {
        return published.records(
                event -> event.topic().equals(Topics.APPOINTMENT_BOOKED.name()) && event.isAbout(episodeId));
    }

    private static List<RecordedEvent> followUpsDue(String followUpId) {
        return published.records(event -> event.topic().equals(Topics.FOLLOWUP_DUE.name())
                && HttpJson.parse(event.value()).get("followUpId").asString().equals(followUpId));
    }

    private static Set<String> eventIds(List<RecordedEvent> events) {
        return events.stream().map(event -> event.header("ce_id")).collect(Collectors.toSet());
    }
}
