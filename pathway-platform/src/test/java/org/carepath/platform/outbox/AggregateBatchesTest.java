package org.carepath.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.carepath.platform.OutboxProperties;
import org.carepath.platform.messaging.EventRejectedException;
import org.carepath.platform.messaging.FailedEventException;
import org.carepath.platform.messaging.InboundEvent;
import org.carepath.platform.messaging.OutboxMessage;
import org.carepath.platform.persistence.VersionIndexes;
import org.carepath.testing.CountingWireServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;

/** Batches of events applied to counters in a MongoDB wire server: one read, one bulk write, failures alone. */
class AggregateBatchesTest {

    private static final String DATABASE = "batch-test";

    @Document("counters")
    record Counter(@Id String id, @Version Long version, List<String> applied, List<OutboxMessage> outbox)
            implements WithOutbox {

        Counter add(String eventId) {
            if (applied.contains(eventId)) {
                return this;
            }
            List<String> more = new ArrayList<>(applied);
            more.add(eventId);
            OutboxMessage counted = new OutboxMessage(
                    eventId + ":counted", "carepath.test", "carepath.test.v1", "/test", id, Instant.EPOCH, "{}");
            List<OutboxMessage> events = new ArrayList<>(outbox);
            events.add(counted);
            return new Counter(id, version, more, events);
        }
    }

    private CountingWireServer store;
    private MongoTemplate mongo;
    private AggregateBatches batches;
    private OutboxRelay relay;

    @BeforeEach
    void start() {
        store = CountingWireServer.start(DATABASE);
        mongo = store.template();
        new VersionIndexes(mongo).ensure("counters", "version");
        MockProducer<String, String> producer =
                new MockProducer<>(true, null, new StringSerializer(), new StringSerializer());
        relay = new OutboxRelay(
                mongo,
                () -> producer,
                Clock.systemUTC(),
                () -> List.of("counters"),
                OutboxProperties.defaults(),
                OutboxMetrics.none());
        batches = new AggregateBatches(mongo, new OutboxStore(mongo, relay));
    }

    @AfterEach
    void stop() {
        store.close();
    }

    @Test
    void appliesEveryEventInOrderWithOneReadByIdAndNoScan() {
        long scansBefore = store.fullScans();

        batches.apply(Counter.class, events("a:1", "b:1", "a:2", "a:1"), AggregateBatchesTest::counterOf, this::count);

        assertThat(mongo.findById("a", Counter.class).applied()).containsExactly("a:1", "a:2");
        assertThat(mongo.findById("b", Counter.class).applied()).containsExactly("b:1");
        assertThat(relay.pending()).isEqualTo(3);
        assertThat(store.fullScans()).isEqualTo(scansBefore);
    }

    @Test
    void aRedeliveredBatchChangesNothing() {
        batches.apply(Counter.class, events("a:1", "b:1"), AggregateBatchesTest::counterOf, this::count);
        Long versionBefore = mongo.findById("a", Counter.class).version();

        batches.apply(Counter.class, events("a:1", "b:1"), AggregateBatchesTest::counterOf, this::count);

        assertThat(mongo.findById("a", Counter.class).version()).isEqualTo(versionBefore);
        assertThat(mongo.findById("a", Counter.class).applied()).containsExactly("a:1");
    }

    @Test
    void anEventThatCannotBeAppliedStopsTheBatchThereWithWhatCameBeforeItStored() {
        assertThatThrownBy(() -> batches.apply(
                        Counter.class, events("a:1", "poison:1", "b:1"), AggregateBatchesTest::counterOf, this::count))
                .isInstanceOfSatisfying(FailedEventException.class, failed -> assertThat(failed.index())
                        .isEqualTo(1))
                .hasMessageContaining("poison");

        assertThat(mongo.findById("a", Counter.class).applied()).containsExactly("a:1");
        assertThat(mongo.findById("b", Counter.class)).isNull();
    }

    @Test
    void anAggregateAnotherWriterChangedMeanwhileIsReadAgainAndItsEventsAppliedAgain() {
        batches.apply(Counter.class, events("a:1"), AggregateBatchesTest::counterOf, this::count);

        batches.apply(Counter.class, events("a:2", "a:3"), AggregateBatchesTest::counterOf, (current, event) -> {
            if (event.eventId().equals("a:3") && current.applied().size() == 2) {
                // another instance writes the same counter between this batch's read and its write
                Counter stored = mongo.findById("a", Counter.class);
                new OutboxStore(mongo, relay).save(stored.add("other:1"));
            }
            return count(current, event);
        });

        assertThat(mongo.findById("a", Counter.class).applied()).containsExactly("a:1", "other:1", "a:2", "a:3");
    }

    @Test
    void aStoreFailureFailsTheWholeBatchAsItCame() {
        DataAccessResourceFailureException away = new DataAccessResourceFailureException("store away");

        assertThatThrownBy(() -> batches.apply(
                        Counter.class, events("a:1"), AggregateBatchesTest::counterOf, (current, event) -> {
                            throw away;
                        }))
                .isSameAs(away);
    }

    private Counter count(Counter current, InboundEvent<String> event) {
        if (event.payload().startsWith("poison")) {
            throw new EventRejectedException("poison record " + event.eventId());
        }
        Counter counter = current != null ? current : new Counter(event.payload(), null, List.of(), List.of());
        return counter.add(event.eventId());
    }

    private static String counterOf(InboundEvent<String> event) {
        return event.payload();
    }

    /** Events named {@code <counter>:<n>}, each counted on its counter. */
    private static List<InboundEvent<String>> events(String... ids) {
        return java.util.Arrays.stream(ids)
                .map(id -> new InboundEvent<>(id, "carepath.test.v1", id.split(":")[0], id.split(":")[0]))
                .toList();
    }
}
