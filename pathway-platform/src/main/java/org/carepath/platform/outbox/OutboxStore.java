package org.carepath.platform.outbox;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.carepath.platform.messaging.OutboxMessage;
import org.carepath.platform.persistence.BulkWrites;
import org.springframework.data.mapping.PersistentPropertyAccessor;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The one way a service stores a state change with the events it causes: one document write (the events sit in
 * the document's {@code outbox}), then the events handed to the {@link OutboxRelay} in memory as soon as MongoDB
 * has acknowledged the write. No service calls the relay itself, so none can forget to.
 *
 * <p>Writes are optimistic: a document read at version {@code n} is written only if it is still at {@code n}
 * (Spring Data's {@code @Version}); otherwise the write fails (single) or is reported as lost (bulk) and the
 * caller reads again. The filter is {@code {_id, version}}, which {@code VersionIndexes} serves by index.
 */
public class OutboxStore {

    private final MongoTemplate mongo;
    private final OutboxRelay relay;

    public OutboxStore(MongoTemplate mongo, OutboxRelay relay) {
        this.mongo = mongo;
        this.relay = relay;
    }

    /** Inserts a new document; a duplicate {@code _id} or unique key fails as {@code DuplicateKeyException}. */
    public <D extends WithOutbox> D insert(D document) {
        D stored = mongo.insert(document);
        handOver(stored);
        return stored;
    }

    /** Inserts a new document or replaces the version read; a stale version fails as optimistic locking. */
    public <D extends WithOutbox> D save(D document) {
        D stored = mongo.save(document);
        handOver(stored);
        return stored;
    }

    /**
     * Updates the document {@code id} of this type, creating it if missing, and returns it as written; {@code events}
     * are those the update stores in its outbox (those it stores only on insert, or none), handed over if written.
     */
    public <D extends WithOutbox> D upsert(Object id, Update update, Class<D> type, List<OutboxMessage> events) {
        D stored = mongo.findAndModify(
                new Query(Criteria.where("_id").is(id)),
                update,
                FindAndModifyOptions.options().upsert(true).returnNew(true),
                type);
        Set<String> eventIds = new HashSet<>();
        events.forEach(event -> eventIds.add(event.eventId()));
        List<OutboxMessage> written = stored.outbox() == null
                ? List.of()
                : stored.outbox().stream()
                        .filter(event -> eventIds.contains(event.eventId()))
                        .toList();
        if (!written.isEmpty()) {
            relay.handOver(entityOf(stored).getCollection(), id, written);
        }
        return stored;
    }

    /**
     * Writes many documents of one type in one bulk operation: new ones inserted, read ones replaced if still at
     * the version read. Returns those that another writer changed (or inserted) first; everything else is stored
     * and its events handed over.
     */
    public <D extends WithOutbox> List<D> saveAll(Collection<D> documents) {
        if (documents.isEmpty()) {
            return List.of();
        }
        List<D> ordered = List.copyOf(documents);
        MongoPersistentEntity<?> entity = entityOf(ordered.get(0));
        MongoPersistentProperty version = entity.getRequiredVersionProperty();
        BulkOperations writes = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, entity.getCollection());
        for (D document : ordered) {
            PersistentPropertyAccessor<D> accessor = entity.getPropertyAccessor(document);
            Number readVersion = (Number) accessor.getProperty(version);
            Document stored = new Document();
            mongo.getConverter().write(document, stored);
            stored.put(version.getFieldName(), readVersion == null ? 0L : readVersion.longValue() + 1);
            if (readVersion == null) {
                writes.insert(stored);
            } else {
                Query unchanged = new Query(Criteria.where("_id")
                        .is(stored.get("_id"))
                        .and(version.getFieldName())
                        .is(readVersion.longValue()));
                // Upsert, so that a stale version shows up as a duplicate _id naming its index in the batch.
                writes.replaceOne(
                        unchanged, stored, FindAndReplaceOptions.options().upsert());
            }
        }
        Set<Integer> lost = BulkWrites.refusedAsDuplicates(writes);
        List<D> conflicts = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            if (lost.contains(i)) {
                conflicts.add(ordered.get(i));
            } else {
                handOver(ordered.get(i));
            }
        }
        return conflicts;
    }

    private void handOver(WithOutbox stored) {
        if (stored.outbox() == null || stored.outbox().isEmpty()) {
            return;
        }
        MongoPersistentEntity<?> entity = entityOf(stored);
        Object id = entity.getIdentifierAccessor(stored).getRequiredIdentifier();
        relay.handOver(entity.getCollection(), id, stored.outbox());
    }

    private MongoPersistentEntity<?> entityOf(Object document) {
        return mongo.getConverter().getMappingContext().getRequiredPersistentEntity(document.getClass());
    }
}
