package org.carepath.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.kafka.core.KafkaTemplate;

/** The relay against a MongoDB wire server, with Kafka's own MockProducer standing in for the broker. */
class OutboxRelayTest {

    @Document("aggregates")
    record Aggregate(@Id String id, @Version Long version, List<OutboxMessage> outbox) {}

    private MongoServer server;
    private MongoClient client;
    private MongoTemplate mongo;
    private final MockProducer<String, String> producer = new SharedProducer(true);
    private OutboxRelay relay;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        mongo = new MongoTemplate(client, "relay-test");
        relay = new OutboxRelay(
                mongo,
                new KafkaTemplate<>(() -> producer),
                CircuitBreaker.ofDefaults("relay"),
                Clock.systemUTC(),
                List.of("aggregates"),
                Duration.ofMillis(100),
                50);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void publishesEachWaitingEventOnceAsACloudEventKeyedByItsSubject() {
        mongo.insert(new Aggregate("e-1", null, List.of(message("ev-1"), message("ev-2"))));

        assertThat(relay.relayPending()).isEqualTo(2);
        assertThat(relay.relayPending()).isZero();

        List<ProducerRecord<String, String>> sent = producer.history();
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0).key()).isEqualTo("e-1");
        assertThat(sent.get(0).topic()).isEqualTo("carepath.test");
        assertThat(header(sent.get(0), "ce_id")).isEqualTo("ev-1");
        assertThat(header(sent.get(0), "ce_specversion")).isEqualTo("1.0");
        assertThat(header(sent.get(0), "ce_type")).isEqualTo("carepath.test.v1");
        assertThat(header(sent.get(0), "ce_source")).isEqualTo("/test-service");
        assertThat(header(sent.get(0), "ce_subject")).isEqualTo("e-1");
        assertThat(header(sent.get(0), "ce_time")).isEqualTo("2026-11-24T15:00:00Z");
        assertThat(header(sent.get(0), "content-type")).isEqualTo("application/json");
        assertThat(mongo.findById("e-1", Aggregate.class).outbox()).isEmpty();
    }

    @Test
    void aHandlerThatReadTheAggregateBeforeTheRelayCannotWriteSentEventsBack() {
        mongo.insert(new Aggregate("e-1", null, List.of(message("ev-1"))));
        Aggregate readBeforeRelay = mongo.findById("e-1", Aggregate.class);

        relay.relayPending();
        List<OutboxMessage> withNextEvent = new ArrayList<>(readBeforeRelay.outbox());
        withNextEvent.add(message("ev-2"));

        assertThatThrownBy(() -> mongo.save(new Aggregate("e-1", readBeforeRelay.version(), withNextEvent)))
                .isInstanceOf(OptimisticLockingFailureException.class);
    }

    @Test
    void aSecondInstanceLeavesADocumentAnotherRelayHoldsAlone() {
        mongo.insert(new Aggregate("e-1", null, List.of(message("ev-1"))));
        MockProducer<String, String> otherProducer = new SharedProducer(true);
        OutboxRelay otherInstance = new OutboxRelay(
                mongo,
                new KafkaTemplate<>(() -> otherProducer),
                CircuitBreaker.ofDefaults("other"),
                Clock.systemUTC(),
                List.of("aggregates"),
                Duration.ofMillis(100),
                50);
        mongo.getCollection("aggregates")
                .updateOne(
                        new org.bson.Document("_id", "e-1"),
                        new org.bson.Document(
                                "$set",
                                new org.bson.Document(
                                        "outboxLeaseUntil",
                                        java.util.Date.from(Instant.now().plusSeconds(60)))));

        assertThat(otherInstance.relayPending()).isZero();
        assertThat(otherProducer.history()).isEmpty();
        assertThat(mongo.findById("e-1", Aggregate.class).outbox()).hasSize(1);
    }

    @Test
    void takesOverADocumentWhoseLeaseHasRunOut() {
        mongo.insert(new Aggregate("e-1", null, List.of(message("ev-1"))));
        mongo.getCollection("aggregates")
                .updateOne(
                        new org.bson.Document("_id", "e-1"),
                        new org.bson.Document(
                                "$set",
                                new org.bson.Document(
                                        "outboxLeaseUntil",
                                        java.util.Date.from(Instant.now().minusSeconds(1)))));

        assertThat(relay.relayPending()).isEqualTo(1);
        assertThat(mongo.getCollection("aggregates").find().first()).doesNotContainKey("outboxLeaseUntil");
    }

    @Test
    void leavesEventsWaitingWhenTheBrokerDoesNotAcknowledge() {
        MockProducer<String, String> failing = new SharedProducer(false);
        OutboxRelay failingRelay = new OutboxRelay(
                mongo,
                new KafkaTemplate<>(() -> failing),
                CircuitBreaker.ofDefaults("failing"),
                Clock.systemUTC(),
                List.of("aggregates"),
                Duration.ofMillis(100),
                50);
        mongo.insert(new Aggregate("e-1", null, List.of(message("ev-1"))));

        Thread broker = new Thread(() -> {
            while (failing.history().isEmpty()) {
                Thread.onSpinWait();
            }
            failing.errorNext(new RuntimeException("broker unavailable"));
        });
        broker.start();

        assertThatThrownBy(failingRelay::relayPending).isNotNull();
        assertThat(mongo.findById("e-1", Aggregate.class).outbox())
                .extracting(OutboxMessage::eventId)
                .containsExactly("ev-1");
    }

    /** KafkaTemplate closes a producer it did not get from a caching factory after each send: keep this one open. */
    private static final class SharedProducer extends MockProducer<String, String> {

        SharedProducer(boolean autoComplete) {
            super(autoComplete, null, new StringSerializer(), new StringSerializer());
        }

        @Override
        public void close(Duration timeout) {}
    }

    private static OutboxMessage message(String eventId) {
        return new OutboxMessage(
                eventId,
                "carepath.test",
                "carepath.test.v1",
                "/test-service",
                "e-1",
                Instant.parse("2026-11-24T15:00:00Z"),
                "{}");
    }

    private static String header(ProducerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
