package org.carepath.scheduling.appointments;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.carepath.events.scheduling.Specialty;
import org.carepath.scheduling.booking.WaitlistEntry;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Which episodes wait for which specialty, read by {@code _id} only: one small document per specialty in
 * {@value #COLLECTION}, listing the episodes with a waiting entry of it, oldest first. It is written before the
 * schedule that waits (so a crash leaves an id too many, never one too few) and pruned when a reader finds an
 * episode no longer waiting. A freed slot then reads one document and the schedules it names, not every
 * schedule stored.
 */
@Component
class WaitlistIndex {

    static final String COLLECTION = "waitlist_index";
    private static final String EPISODES = "episodeIds";

    private final MongoTemplate mongo;

    WaitlistIndex(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Notes the episodes of these waiting entries under their specialties; noting one again changes nothing. */
    void add(Collection<WaitlistEntry> waiting) {
        if (waiting.isEmpty()) {
            return;
        }
        BulkOperations upserts = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        waiting.forEach(entry -> upserts.upsert(
                query(where("_id").is(entry.specialty().name())), new Update().addToSet(EPISODES, entry.episodeId())));
        upserts.execute();
    }

    /** The episodes noted as waiting for this specialty, oldest first, at most {@code limit}. */
    List<String> waitingFor(Specialty specialty, int limit) {
        Document index = mongo.findById(specialty.name(), Document.class, COLLECTION);
        if (index == null) {
            return List.of();
        }
        return index.getList(EPISODES, String.class).stream().limit(limit).toList();
    }

    /** The episodes noted as waiting for any specialty, at most {@code limit}. */
    List<String> waiting(int limit) {
        List<String> specialties =
                Arrays.stream(Specialty.values()).map(Specialty::name).toList();
        Set<String> episodeIds = new LinkedHashSet<>();
        mongo.find(query(where("_id").in(specialties)), Document.class, COLLECTION)
                .forEach(index -> episodeIds.addAll(index.getList(EPISODES, String.class)));
        return episodeIds.stream().limit(limit).toList();
    }

    /** Forgets episodes found no longer waiting for this specialty. */
    void remove(Specialty specialty, Collection<String> episodeIds) {
        if (!episodeIds.isEmpty()) {
            mongo.updateFirst(
                    query(where("_id").is(specialty.name())),
                    new Update().pullAll(EPISODES, episodeIds.toArray()),
                    COLLECTION);
        }
    }
}
