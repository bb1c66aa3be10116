package org.carepath.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.carepath.events.audit.AuditRecorded;
import org.carepath.platform.OutboxProperties;
import org.carepath.platform.messaging.OutboxMessages;
import org.carepath.platform.outbox.OutboxCollections;
import org.carepath.platform.outbox.OutboxMetrics;
import org.carepath.platform.outbox.OutboxRelay;
import org.carepath.platform.outbox.OutboxStore;
import org.carepath.testing.CountingWireServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit trail against a MongoDB wire server that counts full scans, with Kafka's MockProducer for the broker:
 * an episode's first record is one write, the later ones two; every record is listed in order and published once.
 */
class AuditTrailTest {

    private static final String DATABASE = "audit-test";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T15:00:00Z"), ZoneOffset.UTC);

    private final MockProducer<String, String> producer =
            new MockProducer<>(true, null, new StringSerializer(), new StringSerializer());
    private CountingWireServer store;
    private MongoTemplate mongo;
    private OutboxRelay relay;
    private AuditTrail trail;

    @BeforeEach
    void start() {
        store = CountingWireServer.start(DATABASE);
        mongo = store.template();
        relay = new OutboxRelay(
                mongo,
                () -> producer,
                CLOCK,
                () -> OutboxCollections.of(mongo),
                OutboxProperties.defaults(),
                OutboxMetrics.none());
        trail = new AuditTrail(
                mongo,
                new OutboxStore(mongo, relay),
                new OutboxMessages(JsonMapper.builder().build(), CLOCK, "test"));
        relay.relayPending(); // the start-up recovery sweep: the one read that may scan
    }

    @AfterEach
    void stop() {
        store.close();
    }

    @Test
    void theFirstRecordIsOneWriteAndEachLaterOneTwo() {
        long before = store.writeCommands();
        trail.record(record("a-1", "e-1"));
        long first = store.writeCommands() - before;
        trail.record(record("a-2", "e-1"));
        long second = store.writeCommands() - before - first;

        assertThat(first).isEqualTo(1);
        assertThat(second).isEqualTo(2);
        assertThat(trailScans()).isZero();
    }

    @Test
    void everyRecordIsListedInOrderAndPublishedOnce() {
        trail.record(record("a-1", "e-1"));
        trail.record(record("a-2", "e-1"));
        trail.record(record("a-3", "e-1"));
        trail.record(record("b-1", "e-2"));
        relay.relayPending();
        relay.relayPending();

        assertThat(trail.of("e-1", 0, 10)).extracting(AuditRecorded::auditId).containsExactly("a-1", "a-2", "a-3");
        assertThat(trail.of("e-1", 0, 2)).extracting(AuditRecorded::auditId).containsExactly("a-1", "a-2");
        assertThat(trail.of("e-1", 1, 2)).extracting(AuditRecorded::auditId).containsExactly("a-3");
        assertThat(trail.countOf("e-1")).isEqualTo(3);
        assertThat(trail.of("e-2", 0, 10)).extracting(AuditRecorded::auditId).containsExactly("b-1");
        assertThat(producer.history())
                .extracting(ProducerRecord::key)
                .containsExactlyInAnyOrder("e-1", "e-1", "e-1", "e-2");
        assertThat(mongo.findById("e-1", AuditCounter.class).outbox()).isEmpty();
        assertThat(trailScans()).isZero();
    }

    @Test
    void aTrailStartedBeforeTheFirstRecordMovedToItsCounterIsStillListed() {
        mongo.save(new Document("_id", "e-old").append("count", 1L), AuditTrail.COUNTERS);
        mongo.save(new AuditEntry(AuditEntry.idOf("e-old", 1), record("old-1", "e-old"), List.of()));
        trail.record(record("old-2", "e-old"));

        assertThat(trail.of("e-old", 0, 10)).extracting(AuditRecorded::auditId).containsExactly("old-1", "old-2");
    }

    private long trailScans() {
        return store.fullScans(AuditTrail.COUNTERS) + store.fullScans(AuditEntry.COLLECTION);
    }

    private static AuditRecorded record(String auditId, String episodeId) {
        return new AuditRecorded(
                auditId,
                "test",
                "patient-1",
                "dashboard",
                List.of("clinician"),
                "GET",
                "/api/v1/episodes/" + episodeId,
                episodeId,
                CLOCK.instant(),
                200,
                "ALLOWED");
    }
}
