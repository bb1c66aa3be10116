package org.carepath.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.carepath.platform.OutboxProperties;
import org.carepath.platform.messaging.OutboxMessage;
import org.carepath.platform.persistence.VersionIndexes;
import org.carepath.testing.CountingWireServer;
import org.carepath.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The relay and the store against a MongoDB wire server that counts full collection scans, with Kafka's own
 * MockProducer standing in for the broker.
 */
class OutboxRelayTest {

    private static final String DATABASE = "relay-test";
    private static final String COLLECTION = "aggregates";
    private static final Instant LONG_AGO = Instant.parse("2026-11-24T15:00:00Z");

    @Document(COLLECTION)
    record Aggregate(@Id String id, @Version Long version, List<OutboxMessage> outbox) implements WithOutbox {}

    private final ScriptedProducer producer = new ScriptedProducer();
    private CountingWireServer wire;
    private MongoTemplate mongo;
    private OutboxRelay relay;
    private OutboxStore store;

    @BeforeEach
    void start() {
        wire = CountingWireServer.start(DATABASE);
        mongo = wire.template();
        new VersionIndexes(mongo).ensure(COLLECTION, "version");
        relay = relay(settings(10, Duration.ofSeconds(5)));
        store = new OutboxStore(mongo, relay);
    }

    @AfterEach
    void stop() {
        wire.close();
    }

    @Test
    void publishesHandedOverEventsOnceAsCloudEventsWithoutScanningTheCollection() {
        relay.relayPending(); // the start-up recovery sweep: the one read that may scan
        long scansBefore = wire.fullScans(COLLECTION);

        store.insert(new Aggregate("e-1", null, List.of(message("ev-1", "e-1"), message("ev-2", "e-1"))));

        assertThat(relay.relayPending()).isEqualTo(2);
        assertThat(relay.relayPending()).isZero();
        List<ProducerRecord<String, String>> sent = producer.history();
        assertThat(sent).extracting(ProducerRecord::key).containsExactly("e-1", "e-1");
        ProducerRecord<String, String> first = sent.get(0);
        assertThat(first.topic()).isEqualTo("carepath.test");
        assertThat(header(first, "ce_id")).isEqualTo("ev-1");
        assertThat(header(first, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(first, "ce_type")).isEqualTo("carepath.test.v1");
        assertThat(header(first, "ce_source")).isEqualTo("/test-service");
        assertThat(header(first, "ce_subject")).isEqualTo("e-1");
        assertThat(header(first, "ce_time")).isEqualTo("2026-11-24T15:00:00Z");
        assertThat(header(first, "content-type")).isEqualTo("application/json");
        assertThat(mongo.findById("e-1", Aggregate.class).outbox()).isEmpty();
        assertThat(wire.fullScans(COLLECTION)).isEqualTo(scansBefore);
    }

    @Test
    void theStartUpSweepWaitsFirstRecoveryAfterWhileHandedOverEventsGoOutAtOnce() {
        mongo.insert(new Aggregate("left", null, List.of(message("ev-left", "left")))); // a crash left it
        MutableClock clock = new MutableClock(Instant.parse("2026-12-07T19:00:00Z"));
        OutboxRelay starting = new OutboxRelay(
                mongo,
                () -> producer,
                clock,
                () -> List.of(COLLECTION),
                settings(10, Duration.ofSeconds(5), Duration.ofSeconds(30)),
                OutboxMetrics.none());
        long scansBefore = wire.fullScans(COLLECTION);

        new OutboxStore(mongo, starting).insert(new Aggregate("live", null, List.of(message("ev-live", "live"))));
        assertThat(starting.relayPending()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(29));
        assertThat(starting.relayPending()).isZero();
        assertThat(wire.fullScans(COLLECTION)).isEqualTo(scansBefore);

        clock.advance(Duration.ofSeconds(1));
        assertThat(starting.relayPending()).isEqualTo(1);
        assertThat(producer.history())
                .extracting(record -> header(record, "ce_id"))
                .containsExactly("ev-live", "ev-left");
        assertThat(mongo.findById("left", Aggregate.class).outbox()).isEmpty();
    }

    @Test
    void aVersionedSaveIsServedByTheVersionIndexNotAScan() {
        Aggregate stored = store.insert(new Aggregate("e-1", null, List.of()));
        long scansBefore = wire.fullScans(COLLECTION);

        store.save(new Aggregate("e-1", stored.version(), List.of(message("ev-1", "e-1"))));

        assertThat(wire.fullScans(COLLECTION)).isEqualTo(scansBefore);
    }

    @Test
    void anIdleRelayReadsNothing() {
        relay.relayPending();
        long scansBefore = wire.fullScans();

        for (int round = 0; round < 20; round++) {
            relay.relayPending();
        }

        assertThat(wire.fullScans()).isEqualTo(scansBefore);
    }

    @Test
    void aDocumentSavedTwiceBeforeItsEventsWentOutSendsEachEventOnce() {
        Aggregate first = store.insert(new Aggregate("e-1", null, List.of(message("ev-1", "e-1"))));
        store.save(new Aggregate("e-1", first.version(), List.of(message("ev-1", "e-1"), message("ev-2", "e-1"))));

        relay.relayPending();

        assertThat(producer.history())
                .extracting(record -> header(record, "ce_id"))
                .containsExactly("ev-1", "ev-2");
        assertThat(mongo.findById("e-1", Aggregate.class).outbox()).isEmpty();
    }

    @Test
    void aHandlerThatReadTheAggregateBeforeTheRelayCannotWriteSentEventsBack() {
        store.insert(new Aggregate("e-1", null, List.of(message("ev-1", "e-1"))));
        Aggregate readBeforeRelay = mongo.findById("e-1", Aggregate.class);

        relay.relayPending();
        List<OutboxMessage> withNextEvent = new ArrayList<>(readBeforeRelay.outbox());
        withNextEvent.add(message("ev-2", "e-1"));

        assertThatThrownBy(() -> store.save(new Aggregate("e-1", readBeforeRelay.version(), withNextEvent)))
                .isInstanceOf(OptimisticLockingFailureException.class);
    }

    @Test
    void anEventTheBrokerCanNeverTakeIsParkedAndTheGoodOneInTheSameBatchIsPublishedOnce() {
        store.insert(new Aggregate("e-1", null, List.of(oversized("ev-big", "e-1"), message("ev-good", "e-1"))));

        relay.relayPending();
        relay.relayPending();

        assertThat(producer.history())
                .extracting(record -> header(record, "ce_id"))
                .containsExactly("ev-good");
        assertThat(mongo.findById("e-1", Aggregate.class).outbox()).isEmpty();
        org.bson.Document parked = mongo.findById("ev-big", org.bson.Document.class, OutboxRelay.PARKED_COLLECTION);
        assertThat(parked).isNotNull();
        assertThat(parked.getString("reason")).startsWith("RecordTooLargeException");
        assertThat(parked.getString("documentId")).isEqualTo("e-1");
        assertThat(relay.pending()).isZero();
    }

    @Test
    void eventsStayQueuedInOrderWhileTheBrokerDoesNotAnswerAndGoOutWhenItDoes() {
        OutboxRelay impatient = relay(settings(10, Duration.ofMillis(200)));
        OutboxStore impatientStore = new OutboxStore(mongo, impatient);
        producer.silent = true;
        impatientStore.insert(new Aggregate("e-1", null, List.of(message("ev-1", "e-1"), message("ev-2", "e-1"))));

        assertThatThrownBy(impatient::relayPending).hasMessageContaining("did not acknowledge 2 events");
        assertThat(impatient.pending()).isEqualTo(2);
        assertThat(mongo.findById("e-1", Aggregate.class).outbox()).hasSize(2);

        producer.silent = false;
        assertThat(impatient.relayPending()).isEqualTo(2);
        assertThat(producer.history())
                .extracting(record -> header(record, "ce_id"))
                .containsExactly("ev-1", "ev-2");
        assertThat(mongo.findById("e-1", Aggregate.class).outbox()).isEmpty();
    }

    @Test
    void theRecoverySweepPublishesWhatACrashLeftBehindAndReleasesItsLease() {
        mongo.insert(new Aggregate("e-1", null, List.of(message("ev-1", "e-1"))));

        assertThat(relay.relayPending()).isEqualTo(1);

        assertThat(producer.history())
                .extracting(record -> header(record, "ce_id"))
                .containsExactly("ev-1");
        org.bson.Document stored = mongo.findById("e-1", org.bson.Document.class, COLLECTION);
        assertThat(stored.getList("outbox", Object.class)).isEmpty();
        assertThat(stored).doesNotContainKey(OutboxRelay.LEASE);
    }

    @Test
    void atStartUpTheRecoverySweepTakesEvenTheYoungestEventsAWriterKilledAMomentAgoLeft() {
        mongo.insert(new Aggregate("e-1", null, List.of(message("ev-1", "e-1", Instant.now()))));

        assertThat(relay.relayPending()).isEqualTo(1);
    }

    @Test
    void laterSweepsLeaveFreshEventsToTheirWriter() {
        relay.relayPending();
        OutboxRelay sweepingAlways = relay(new OutboxProperties(
                500,
                Duration.ofSeconds(5),
                Duration.ZERO,
                10,
                Duration.ofMinutes(1),
                Duration.ofMinutes(2),
                Duration.ofSeconds(1),
                Duration.ZERO));
        sweepingAlways.relayPending();
        mongo.insert(new Aggregate("e-1", null, List.of(message("ev-1", "e-1", Instant.now()))));

        assertThat(sweepingAlways.relayPending()).isZero();
        assertThat(producer.history()).isEmpty();
    }

    @Test
    void theRecoverySweepReadsAtMostItsBoundPerRunAndComesBackForTheRest() {
        for (int i = 0; i < 25; i++) {
            mongo.insert(new Aggregate("e-" + i, null, List.of(message("ev-" + i, "e-" + i))));
        }

        assertThat(relay.relayPending()).isEqualTo(10);
        assertThat(relay.relayPending()).isEqualTo(10);
        assertThat(relay.relayPending()).isEqualTo(5);
        assertThat(relay.relayPending()).isZero();
        assertThat(producer.history()).hasSize(25);
    }

    @Test
    void aSecondInstanceLeavesADocumentAnotherRelayHoldsAlone() {
        mongo.insert(new Aggregate("e-1", null, List.of(message("ev-1", "e-1"))));
        lease("someone-else", Instant.now().plusSeconds(60));

        assertThat(relay.relayPending()).isZero();
        assertThat(producer.history()).isEmpty();
        assertThat(mongo.findById("e-1", Aggregate.class).outbox()).hasSize(1);
    }

    @Test
    void takesOverADocumentWhoseLeaseHasRunOut() {
        mongo.insert(new Aggregate("e-1", null, List.of(message("ev-1", "e-1"))));
        lease("someone-else", Instant.now().minusSeconds(1));

        assertThat(relay.relayPending()).isEqualTo(1);
        assertThat(mongo.findById("e-1", org.bson.Document.class, COLLECTION)).doesNotContainKey(OutboxRelay.LEASE);
    }

    @Test
    void aBulkSaveStoresWhatIsCurrentReportsWhatAnotherWriterChangedFirstAndHandsOverOnlyWhatItStored() {
        Aggregate read = store.insert(new Aggregate("e-1", null, List.of()));
        store.save(new Aggregate("e-1", read.version(), List.of()));

        List<Aggregate> lost = store.saveAll(List.of(
                new Aggregate("e-1", read.version(), List.of(message("ev-stale", "e-1"))),
                new Aggregate("e-2", null, List.of(message("ev-new", "e-2")))));
        relay.relayPending();

        assertThat(lost).extracting(Aggregate::id).containsExactly("e-1");
        assertThat(producer.history())
                .extracting(record -> header(record, "ce_id"))
                .containsExactly("ev-new");
        Aggregate inserted = mongo.findById("e-2", Aggregate.class);
        assertThat(inserted.outbox()).isEmpty();
        assertThat(store.saveAll(List.of(new Aggregate("e-2", inserted.version(), List.of()))))
                .isEmpty();
    }

    private OutboxRelay relay(OutboxProperties settings) {
        return new OutboxRelay(
                mongo, () -> producer, Clock.systemUTC(), () -> List.of(COLLECTION), settings, OutboxMetrics.none());
    }

    private static OutboxProperties settings(int recoveryBatchSize, Duration sendTimeout) {
        return settings(recoveryBatchSize, sendTimeout, Duration.ZERO);
    }

    private static OutboxProperties settings(int recoveryBatchSize, Duration sendTimeout, Duration firstRecoveryAfter) {
        OutboxProperties defaults = OutboxProperties.defaults();
        return new OutboxProperties(
                defaults.batchSize(),
                sendTimeout,
                defaults.recoveryInterval(),
                recoveryBatchSize,
                defaults.staleAfter(),
                defaults.lease(),
                defaults.idleCheck(),
                firstRecoveryAfter);
    }

    private void lease(String owner, Instant until) {
        mongo.getCollection(COLLECTION)
                .updateOne(
                        new org.bson.Document("_id", "e-1"),
                        new org.bson.Document(
                                "$set",
                                new org.bson.Document(
                                        OutboxRelay.LEASE,
                                        new org.bson.Document("owner", owner).append("until", Date.from(until)))));
    }

    private static OutboxMessage message(String eventId, String subject) {
        return message(eventId, subject, LONG_AGO);
    }

    private static OutboxMessage message(String eventId, String subject, Instant time) {
        return new OutboxMessage(eventId, "carepath.test", "carepath.test.v1", "/test-service", subject, time, "{}");
    }

    private static OutboxMessage oversized(String eventId, String subject) {
        return new OutboxMessage(
                eventId,
                "carepath.test",
                "carepath.test.v1",
                "/test-service",
                subject,
                LONG_AGO,
                "x".repeat(ScriptedProducer.MAX_VALUE + 1));
    }

    private static String header(ProducerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    /**
     * Answers at once, refuses a value larger than {@link #MAX_VALUE} as the broker would, or (while
     * {@code silent}) never answers. Stays open when the relay's factory hands it out again.
     */
    private static final class ScriptedProducer extends MockProducer<String, String> {

        static final int MAX_VALUE = 1_000;
        volatile boolean silent;

        ScriptedProducer() {
            super(true, null, new StringSerializer(), new StringSerializer());
        }

        @Override
        public synchronized Future<RecordMetadata> send(ProducerRecord<String, String> record, Callback callback) {
            if (silent) {
                return new CompletableFuture<>();
            }
            if (record.value().length() > MAX_VALUE) {
                return CompletableFuture.failedFuture(new RecordTooLargeException("larger than " + MAX_VALUE));
            }
            return super.send(record, callback);
        }

        @Override
        public void close(Duration timeout) {}
    }
}
