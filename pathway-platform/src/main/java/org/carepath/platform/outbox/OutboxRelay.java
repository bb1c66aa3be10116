package org.carepath.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.bson.Document;
import org.carepath.platform.OutboxProperties;
import org.carepath.platform.PollingWorker;
import org.carepath.platform.messaging.CloudEventHeaders;
import org.carepath.platform.messaging.OutboxMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.ProducerFactory;

/**
 * Publishes the events that {@link OutboxStore} hands over in memory right after their write, then removes them
 * from their documents in one bulk write per batch. Nothing is polled: with nothing handed over, the relay reads
 * no document at all.
 *
 * <p>Events left in a document by a crash between its write and the broker's acknowledgement are found by the
 * recovery sweep, which runs at start-up (taking every event waiting) and then every {@code recovery-interval}
 * (taking those older than {@code stale-after}), reading at most {@code recovery-batch-size} documents per
 * collection per run. Where a sweep is costly (a store without indexes reads every document for it, while the
 * restarted service catches up), {@code first-recovery-after} puts the start-up sweep off; the events handed over
 * meanwhile go out as usual. It takes a lease on a document before it
 * publishes what it found there, so two instances do not both publish it, and only the owner releases it.
 *
 * <p>At least once: a crash after the acknowledgement and before the removal re-sends with the same
 * {@code ce_id}, which consumers de-duplicate. Removing events bumps the document's {@code version}, so a
 * handler that read it before cannot write sent events back. An event the broker can never take (too large, an
 * invalid topic) is parked in {@value #PARKED_COLLECTION} with the reason and never holds back the others; a
 * broker that does not answer within {@code send-timeout} leaves the events queued, in order, for the next try.
 */
public class OutboxRelay extends PollingWorker {

    public static final String PARKED_COLLECTION = "outbox_parked";
    static final String OUTBOX = "outbox";
    static final String VERSION = "version";
    static final String LEASE = "outboxLease";
    private static final String ID = "_id";
    private static final String EVENT_ID = "eventId";
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final MongoTemplate mongo;
    private final ProducerFactory<String, String> producers;
    private final Clock clock;
    private final Supplier<Collection<String>> collections;
    private final OutboxProperties settings;
    private final OutboxMetrics metrics;
    private final String owner = UUID.randomUUID().toString();
    private final BlockingDeque<PendingEvent> queue = new LinkedBlockingDeque<>();
    /** Event ids queued or in flight, so that a document saved twice before its events went out sends them once. */
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    /** Acknowledged by the broker while MongoDB was away: their removal is tried again next round. */
    private final List<PendingEvent> sentNotRemoved = new ArrayList<>();

    private volatile Producer<String, String> producer;
    /** Null until the first round, which schedules the start-up sweep {@code first-recovery-after} ahead. */
    private volatile Instant nextRecovery;

    private volatile boolean startedUp;

    public OutboxRelay(
            MongoTemplate mongo,
            ProducerFactory<String, String> producers,
            Clock clock,
            Supplier<Collection<String>> collections,
            OutboxProperties settings,
            OutboxMetrics metrics) {
        super("outbox-relay", settings.idleCheck());
        this.mongo = mongo;
        this.producers = producers;
        this.clock = clock;
        this.collections = collections;
        this.settings = settings;
        this.metrics = metrics;
        metrics.watch(queue, held);
    }

    /** Takes the events a write has just stored with its document and publishes them soon, in this order. */
    public void handOver(String collection, Object documentId, List<OutboxMessage> messages) {
        boolean added = false;
        for (OutboxMessage message : messages) {
            if (held.add(message.eventId())) {
                queue.add(new PendingEvent(collection, documentId, message, false));
                added = true;
            }
        }
        if (added) {
            wake();
        }
    }

    /** Events handed over or recovered and not yet acknowledged by the broker. */
    public int pending() {
        return held.size();
    }

    /** One round: the recovery sweep when it is due, then one batch of events; returns how many were published. */
    public int relayPending() {
        if (!sentNotRemoved.isEmpty()) {
            List<PendingEvent> again = List.copyOf(sentNotRemoved);
            sentNotRemoved.clear();
            removeSent(again);
        }
        if (nextRecovery == null) {
            nextRecovery = clock.instant().plus(settings.firstRecoveryAfter());
        }
        if (!clock.instant().isBefore(nextRecovery)) {
            recover();
        }
        List<PendingEvent> batch = new ArrayList<>();
        queue.drainTo(batch, settings.batchSize());
        return batch.isEmpty() ? 0 : publish(batch);
    }

    @Override
    protected boolean workOnce() {
        relayPending();
        return !queue.isEmpty();
    }

    @Override
    protected void stopped() {
        Producer<String, String> current = producer;
        if (current != null) {
            try {
                current.close(Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                log.warn("Closing the relay's producer failed: {}", e.toString());
            }
        }
    }

    private int publish(List<PendingEvent> batch) {
        long started = System.nanoTime();
        List<Future<RecordMetadata>> sends = batch.stream().map(this::send).toList();
        List<PendingEvent> sent = new ArrayList<>();
        List<PendingEvent> unanswered = new ArrayList<>();
        Map<PendingEvent, Throwable> refused = new LinkedHashMap<>();
        long deadline = started + settings.sendTimeout().toNanos();
        for (int i = 0; i < batch.size(); i++) {
            PendingEvent event = batch.get(i);
            try {
                sends.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                sent.add(event);
            } catch (ExecutionException failed) {
                if (neverSendable(failed.getCause())) {
                    refused.put(event, failed.getCause());
                } else {
                    unanswered.add(event);
                }
            } catch (TimeoutException e) {
                unanswered.add(event);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                unanswered.add(event);
            }
        }
        try {
            removeSent(sent);
        } catch (RuntimeException storeAway) {
            sentNotRemoved.addAll(sent);
            throw storeAway;
        } finally {
            requeue(unanswered);
        }
        refused.forEach(this::park);
        metrics.published(sent.size(), batch.size(), System.nanoTime() - started);
        if (!unanswered.isEmpty()) {
            throw new IllegalStateException("the broker did not acknowledge " + unanswered.size() + " events within "
                    + settings.sendTimeout() + "; they stay queued");
        }
        return sent.size();
    }

    private void requeue(List<PendingEvent> unanswered) {
        for (int i = unanswered.size() - 1; i >= 0; i--) {
            queue.addFirst(unanswered.get(i));
        }
    }

    private Future<RecordMetadata> send(PendingEvent event) {
        try {
            return producer().send(toRecord(event.message()));
        } catch (KafkaException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private Producer<String, String> producer() {
        if (producer == null) {
            producer = producers.createProducer();
        }
        return producer;
    }

    /** Errors that no retry can mend: the record itself is wrong for the broker. */
    static boolean neverSendable(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof RecordTooLargeException
                    || t instanceof RecordBatchTooLargeException
                    || t instanceof InvalidTopicException
                    || t instanceof InvalidRecordException
                    || t instanceof SerializationException) {
                return true;
            }
        }
        return false;
    }

    private void removeSent(List<PendingEvent> sent) {
        Map<String, Map<Object, List<String>>> byDocument = new LinkedHashMap<>();
        List<PendingEvent> recovered = new ArrayList<>();
        for (PendingEvent event : sent) {
            if (event.recovered()) {
                recovered.add(event);
            } else {
                byDocument
                        .computeIfAbsent(event.collection(), c -> new LinkedHashMap<>())
                        .computeIfAbsent(event.documentId(), id -> new ArrayList<>())
                        .add(event.eventId());
            }
        }
        byDocument.forEach((collection, documents) -> {
            BulkOperations removals = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
            documents.forEach((id, eventIds) -> removals.updateOne(byId(id), removal(eventIds)));
            removals.execute();
        });
        recovered.forEach(event -> releaseLease(event.collection(), event.documentId(), List.of(event.eventId())));
        sent.forEach(event -> held.remove(event.eventId()));
    }

    private void park(PendingEvent event, Throwable reason) {
        OutboxMessage message = event.message();
        Document parked = new Document(ID, message.eventId())
                .append("collection", event.collection())
                .append("documentId", event.documentId())
                .append("topic", message.topic())
                .append("type", message.type())
                .append("subject", message.subject())
                .append("reason", reason.getClass().getSimpleName() + ": " + reason.getMessage())
                .append("parkedAt", Date.from(clock.instant()))
                .append("message", mongo.getConverter().convertToMongoType(message));
        try {
            mongo.insert(parked, PARKED_COLLECTION);
        } catch (DuplicateKeyException alreadyParked) {
            // parked before a crash: the stored one stands
        }
        mongo.updateFirst(byId(event.documentId()), removal(List.of(message.eventId())), event.collection());
        held.remove(message.eventId());
        metrics.parked();
        log.warn(
                "Event {} ({}) of {} {} parked in {}: {}",
                message.eventId(),
                message.type(),
                event.collection(),
                event.documentId(),
                PARKED_COLLECTION,
                reason.getClass().getSimpleName());
    }

    private void recover() {
        Instant now = clock.instant();
        nextRecovery = now.plus(settings.recoveryInterval());
        // At start-up everything waiting is taken, however young: a writer killed a moment ago will not send it.
        // Afterwards only what its writer should long have sent.
        Instant staleBefore = startedUp ? now.minus(settings.staleAfter()) : now.plusSeconds(1);
        startedUp = true;
        for (String collection : collections.get()) {
            // served by the sparse index on outbox.time (OutboxIndexes) on MongoDB; a scan on the wire server
            Query waiting =
                    new Query(Criteria.where(OUTBOX + ".time").lt(staleBefore)).limit(settings.recoveryBatchSize());
            waiting.fields().include(ID).include(OUTBOX).include(VERSION).include(LEASE);
            List<Document> documents = mongo.find(waiting, Document.class, collection);
            int found = 0;
            for (Document document : documents) {
                found += recoverDocument(collection, document, now, staleBefore);
            }
            if (found > 0) {
                metrics.recovered(found);
                log.info("Recovery: {} events left in {} are queued again", found, collection);
            }
            if (documents.size() == settings.recoveryBatchSize()) {
                // a full page: there may be more behind it, look again once this page is out
                nextRecovery = now;
            }
        }
    }

    private int recoverDocument(String collection, Document document, Instant now, Instant staleBefore) {
        List<OutboxMessage> stale = document.getList(OUTBOX, Document.class).stream()
                .map(message -> mongo.getConverter().read(OutboxMessage.class, message))
                .filter(message -> !held.contains(message.eventId()))
                .filter(message -> message.time() == null || message.time().isBefore(staleBefore))
                .toList();
        if (stale.isEmpty() || leasedByAnother(document, now) || !takeLease(collection, document, now)) {
            return 0;
        }
        Object id = document.get(ID);
        int queued = 0;
        for (OutboxMessage message : stale) {
            if (held.add(message.eventId())) {
                queue.add(new PendingEvent(collection, id, message, true));
                queued++;
            }
        }
        return queued;
    }

    private boolean leasedByAnother(Document document, Instant now) {
        Document lease = document.get(LEASE, Document.class);
        return lease != null
                && !owner.equals(lease.getString("owner"))
                && lease.getDate("until").toInstant().isAfter(now);
    }

    private boolean takeLease(String collection, Document document, Instant now) {
        Document lease = new Document("owner", owner).append("until", Date.from(now.plus(settings.lease())));
        Query unchanged =
                new Query(Criteria.where(ID).is(document.get(ID)).and(VERSION).is(document.get(VERSION)));
        return mongo.updateFirst(unchanged, new Update().set(LEASE, lease).inc(VERSION, 1), collection)
                        .getModifiedCount()
                == 1;
    }

    /** Removes sent events from a recovered document; its lease goes with them only if this relay holds it. */
    private void releaseLease(String collection, Object id, List<String> eventIds) {
        for (int attempt = 0; attempt < 5; attempt++) {
            Query current = byId(id);
            current.fields().include(VERSION).include(LEASE);
            Document document = mongo.findOne(current, Document.class, collection);
            if (document == null) {
                return;
            }
            Document lease = document.get(LEASE, Document.class);
            boolean mine = lease != null && owner.equals(lease.getString("owner"));
            Update update = removal(eventIds);
            Query target = byId(id);
            if (mine) {
                update.unset(LEASE);
                target.addCriteria(Criteria.where(VERSION).is(document.get(VERSION)));
            }
            if (mongo.updateFirst(target, update, collection).getModifiedCount() == 1 || !mine) {
                return;
            }
        }
    }

    private static Query byId(Object id) {
        return new Query(Criteria.where(ID).is(id));
    }

    private static Update removal(List<String> eventIds) {
        // Bumping the aggregate's version makes a handler that read the document before this removal fail its
        // save and re-read, instead of writing the sent events back.
        return new Update()
                .pull(OUTBOX, new Document(EVENT_ID, new Document("$in", eventIds)))
                .inc(VERSION, 1);
    }

    private static ProducerRecord<String, String> toRecord(OutboxMessage message) {
        ProducerRecord<String, String> record =
                new ProducerRecord<>(message.topic(), message.subject(), message.payload());
        header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        header(record, CloudEventHeaders.ID, message.eventId());
        header(record, CloudEventHeaders.SOURCE, message.source());
        header(record, CloudEventHeaders.TYPE, message.type());
        header(record, CloudEventHeaders.TIME, message.time().toString());
        header(record, CloudEventHeaders.SUBJECT, message.subject());
        header(record, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.APPLICATION_JSON);
        return record;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
