package org.carepath.platform.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bson.Document;
import org.carepath.events.Topics;
import org.carepath.events.audit.AuditRecorded;
import org.carepath.platform.messaging.OutboxMessages;
import org.carepath.platform.outbox.OutboxStore;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Each service's audit records: kept in {@code audit_records}, published on {@code carepath.audit.recorded}
 * through the outbox (stored and published together, nothing lost), listed per episode. Two writes a record
 * (the episode's counter, the record), two reads a page: all by {@code _id}.
 */
public class AuditTrail {

    static final String COUNTERS = "audit_counters";
    private static final String COUNT = "count";

    private final MongoTemplate mongo;
    private final OutboxStore outbox;
    private final OutboxMessages messages;

    public AuditTrail(MongoTemplate mongo, OutboxStore outbox, OutboxMessages messages) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.messages = messages;
        // Known to the mapping context from the start, so the relay's recovery sweep looks at this collection too.
        mongo.getConverter().getMappingContext().getPersistentEntity(AuditEntry.class);
    }

    public void record(AuditRecorded record) {
        Document counter = mongo.findAndModify(
                Query.query(Criteria.where("_id").is(record.episodeId())),
                new Update().inc(COUNT, 1L),
                FindAndModifyOptions.options().upsert(true).returnNew(true),
                Document.class,
                COUNTERS);
        long sequence = ((Number) counter.get(COUNT)).longValue();
        outbox.insert(new AuditEntry(
                AuditEntry.idOf(record.episodeId(), sequence),
                record,
                List.of(messages.create(Topics.AUDIT_RECORDED, record.auditId(), record.episodeId(), record))));
    }

    /** The episode's records, oldest first: {@code size} of them from the {@code page}-th page. */
    public List<AuditRecorded> of(String episodeId, int page, int size) {
        Document counter = mongo.findById(episodeId, Document.class, COUNTERS);
        long count = counter == null ? 0 : ((Number) counter.get(COUNT)).longValue();
        List<String> ids = new ArrayList<>();
        for (long n = (long) page * size + 1; n <= count && ids.size() < size; n++) {
            ids.add(AuditEntry.idOf(episodeId, n));
        }
        if (ids.isEmpty()) {
            return List.of();
        }
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), AuditEntry.class).stream()
                .sorted(Comparator.comparingLong(entry -> sequenceOf(entry.id())))
                .map(AuditEntry::record)
                .toList();
    }

    public long countOf(String episodeId) {
        Document counter = mongo.findById(episodeId, Document.class, COUNTERS);
        return counter == null ? 0 : ((Number) counter.get(COUNT)).longValue();
    }

    private static long sequenceOf(String id) {
        return Long.parseLong(id.substring(id.lastIndexOf('#') + 1));
    }
}
