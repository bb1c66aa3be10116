package org.carepath.platform.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bson.Document;
import org.carepath.events.Topics;
import org.carepath.events.audit.AuditRecorded;
import org.carepath.platform.messaging.OutboxMessage;
import org.carepath.platform.messaging.OutboxMessages;
import org.carepath.platform.outbox.OutboxStore;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Each service's audit records: kept in {@code audit_records}, published on {@code carepath.audit.recorded}
 * through the outbox (stored and published together, nothing lost), listed per episode. An episode's first record
 * is one write, stored with the episode's counter ({@link AuditCounter}); each later one is two (the counter, the
 * entry). A page is two reads. All by {@code _id}.
 */
public class AuditTrail {

    static final String COUNTERS = "audit_counters";

    private final MongoTemplate mongo;
    private final OutboxStore outbox;
    private final OutboxMessages messages;

    public AuditTrail(MongoTemplate mongo, OutboxStore outbox, OutboxMessages messages) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.messages = messages;
        // Known to the mapping context from the start, so the relay's recovery sweep looks at these collections too.
        mongo.getConverter().getMappingContext().getPersistentEntity(AuditEntry.class);
        mongo.getConverter().getMappingContext().getPersistentEntity(AuditCounter.class);
    }

    public void record(AuditRecorded record) {
        OutboxMessage event = messages.create(Topics.AUDIT_RECORDED, record.auditId(), record.episodeId(), record);
        AuditCounter counter;
        try {
            counter = counted(record, event);
        } catch (DuplicateKeyException firstTwice) {
            // two first records at once: one created the counter, the other counts on it
            counter = counted(record, event);
        }
        if (counter.count() > 1) {
            outbox.insert(new AuditEntry(AuditEntry.idOf(record.episodeId(), counter.count()), record, List.of(event)));
        }
    }

    private AuditCounter counted(AuditRecorded record, OutboxMessage event) {
        Document asFirst = new Document();
        mongo.getConverter().write(new AuditCounter(record.episodeId(), 1, record, List.of(event)), asFirst);
        Update update = new Update()
                .inc(AuditCounter.COUNT, 1L)
                .setOnInsert(AuditCounter.FIRST, asFirst.get(AuditCounter.FIRST))
                .setOnInsert(AuditCounter.OUTBOX, asFirst.get(AuditCounter.OUTBOX));
        return outbox.upsert(record.episodeId(), update, AuditCounter.class, List.of(event));
    }

    /** The episode's records, oldest first: {@code size} of them from the {@code page}-th page. */
    public List<AuditRecorded> of(String episodeId, int page, int size) {
        AuditCounter counter = mongo.findById(episodeId, AuditCounter.class);
        long count = counter == null ? 0 : counter.count();
        List<AuditRecorded> records = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (long n = (long) page * size + 1; n <= count && records.size() + ids.size() < size; n++) {
            if (n == 1 && counter.first() != null) {
                records.add(counter.first());
            } else {
                ids.add(AuditEntry.idOf(episodeId, n));
            }
        }
        if (!ids.isEmpty()) {
            mongo.find(Query.query(Criteria.where("_id").in(ids)), AuditEntry.class).stream()
                    .sorted(Comparator.comparingLong(entry -> sequenceOf(entry.id())))
                    .map(AuditEntry::record)
                    .forEach(records::add);
        }
        return records;
    }

    public long countOf(String episodeId) {
        AuditCounter counter = mongo.findById(episodeId, AuditCounter.class);
        return counter == null ? 0 : counter.count();
    }

    private static long sequenceOf(String id) {
        return Long.parseLong(id.substring(id.lastIndexOf('#') + 1));
    }
}
