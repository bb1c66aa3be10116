package org.carepath.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoServer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
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
import org.carepath.testing.ScanCountingBackend;
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
    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findAndModify");

    private final ScanCountingBackend backend = new ScanCountingBackend();
    private final MockProducer<String, String> producer =
            new MockProducer<>(true, null, new StringSerializer(), new StringSerializer());
    private final AtomicInteger writes = new AtomicInteger();
    private MongoServer server;
    private MongoClient client;
    private MongoTemplate mongo;
    private OutboxRelay relay;
    private AuditTrail trail;

    @BeforeEach
    void start() {
        server = new MongoServer(backend);
        CommandListener countWrites = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                if (WRITES.contains(event.getCommandName())) {
                    writes.incrementAndGet();
                }
            }
        };
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(server.bindAndGetConnectionString()))
                .addCommandListener(countWrites)
                .build());
        mongo = new MongoTemplate(client, DATABASE);
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
        client.close();
        server.shutdownNow();
    }

    @Test
    void theFirstRecordIsOneWriteAndEachLaterOneTwo() {
        int before = writes.get();
        trail.record(record("a-1", "e-1"));
        int first = writes.get() - before;
        trail.record(record("a-2", "e-1"));
        int second = writes.get() - before - first;

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
        return backend.fullScans(DATABASE, AuditTrail.COUNTERS) + backend.fullScans(DATABASE, AuditEntry.COLLECTION);
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
