package org.carepath.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.carepath.scheduling.EpisodeDecisions.decided;
import static org.carepath.scheduling.EpisodeDecisions.newEpisodeId;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.carepath.events.Topics;
import org.carepath.events.triage.TriageDecided;
import org.carepath.scheduling.booking.Decisions;
import org.carepath.testing.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.stream.binder.test.InputDestination;
import org.springframework.cloud.stream.binder.test.TestChannelBinderConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The middle test tier (issue 11): scheduling's {@code triageDecided} stream function through Spring Cloud Stream's
 * test binder, no broker: a batch of decisions as the Kafka binder hands it over (a list of records and their
 * headers) books each episode once, and the same batch again books nothing more. The store is the real wire server.
 */
@SpringBootTest(properties = {"spring.cloud.stream.default-binder=integration"})
@ActiveProfiles("it")
@Import({TestClock.class, TestChannelBinderConfiguration.class})
class TriageDecidedFunctionIT {

    @Autowired
    InputDestination input;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    JsonMapper json;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry);
    }

    @Test
    void aBatchOfDecisionsBooksEachEpisodeOnceHoweverOftenItComes() {
        Instant decidedAt = Epochs.start(50);
        TestClock.CLOCK.set(decidedAt);
        String first = newEpisodeId();
        String second = newEpisodeId();
        Message<List<byte[]>> batch = batch(
                decided(Decisions.specialistReferralWithMri(), first, decidedAt),
                decided(Decisions.specialistReferralWithMri(), second, decidedAt));

        input.send(batch, Topics.TRIAGE_DECIDED.name());
        input.send(batch, Topics.TRIAGE_DECIDED.name());

        for (String episodeId : List.of(first, second)) {
            Document schedule = mongo.findById(episodeId, Document.class, "episode_schedules");
            assertThat(schedule).as("schedule of %s", episodeId).isNotNull();
            assertThat(schedule.getList("appointments", Document.class))
                    .extracting(appointment -> appointment.getString("type"))
                    .containsExactlyInAnyOrder("IMAGING_MRI", "SPECIALIST_VISIT");
            assertThat(schedule.getList("appliedEventIds", String.class)).hasSize(1);
        }
    }

    private Message<List<byte[]>> batch(TriageDecided... decisions) {
        List<byte[]> payloads = new ArrayList<>();
        List<Map<String, Object>> headers = new ArrayList<>();
        for (TriageDecided decision : decisions) {
            payloads.add(json.writeValueAsBytes(decision));
            headers.add(Map.of(
                    "ce_id", bytes(UUID.randomUUID().toString()),
                    "ce_type", bytes(Topics.TRIAGE_DECIDED.ceType()),
                    "ce_subject", bytes(decision.episodeId())));
        }
        return MessageBuilder.withPayload(payloads)
                .setHeader(KafkaHeaders.BATCH_CONVERTED_HEADERS, headers)
                .build();
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
