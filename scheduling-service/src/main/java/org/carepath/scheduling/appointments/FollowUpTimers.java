package org.carepath.scheduling.appointments;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.carepath.scheduling.followup.FollowUp;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * When follow-ups fall due, as a time index that is read only by {@code _id}: the {@value #COLLECTION} collection
 * holds one document per minute and shard, {@code "<minute>|<shard>"}, listing the follow-ups due in that minute
 * (episode, follow-up id, due time). The dispatcher reads the minutes that have passed by their ids, so finding
 * what is due costs the same with a hundred episodes stored as with a hundred thousand. Episodes are spread over
 * {@value #SHARDS} shards so that a popular minute (midnight) is not one huge document.
 *
 * <p>A timer is written before the schedule that holds its follow-up, so a crash between the two leaves a timer
 * for nothing (the dispatcher finds no pending follow-up and drops it), never a follow-up without a timer.
 */
@Component
class FollowUpTimers {

    static final String COLLECTION = "follow_up_timers";
    static final String CURSOR_COLLECTION = "follow_up_dispatch";
    static final int SHARDS = 16;
    private static final String CURSOR_ID = "cursor";
    private static final String ENTRIES = "entries";

    private final MongoTemplate mongo;

    FollowUpTimers(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** A follow-up due at {@code dueAt} for this episode. */
    record Timer(String episodeId, String followUpId, Instant dueAt) {}

    /** One minute's timers of one shard. */
    record Bucket(String id, Instant minute, List<Timer> timers) {}

    /** Sets a timer for each follow-up; setting one again changes nothing. One bulk write. */
    void set(Collection<FollowUp> followUps) {
        if (followUps.isEmpty()) {
            return;
        }
        Map<String, List<Document>> byBucket = new LinkedHashMap<>();
        for (FollowUp followUp : followUps) {
            byBucket.computeIfAbsent(bucketId(followUp.dueAt(), followUp.episodeId()), id -> new ArrayList<>())
                    .add(new Document("episodeId", followUp.episodeId())
                            .append("followUpId", followUp.followUpId())
                            .append("dueAt", java.util.Date.from(followUp.dueAt())));
        }
        BulkOperations upserts = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        byBucket.forEach((id, timers) -> upserts.upsert(
                query(where("_id").is(id)), new Update().addToSet(ENTRIES).each(timers.toArray())));
        upserts.execute();
    }

    /** The buckets of the minutes in {@code [from, to]}, earliest first: one read by {@code _id}. */
    List<Bucket> between(Instant from, Instant to) {
        List<String> ids = new ArrayList<>();
        for (Instant minute = minuteOf(from); !minute.isAfter(to); minute = minute.plus(1, ChronoUnit.MINUTES)) {
            for (int shard = 0; shard < SHARDS; shard++) {
                ids.add(minute + "|" + shard);
            }
        }
        return mongo.find(query(where("_id").in(ids)), Document.class, COLLECTION).stream()
                .map(FollowUpTimers::bucket)
                .sorted(java.util.Comparator.comparing(Bucket::minute).thenComparing(Bucket::id))
                .toList();
    }

    void remove(Bucket bucket) {
        mongo.remove(query(where("_id").is(bucket.id())), COLLECTION);
    }

    /** The first minute not yet wholly dispatched, as last saved; null before the first dispatch. */
    Instant cursor() {
        Document cursor = mongo.findById(CURSOR_ID, Document.class, CURSOR_COLLECTION);
        return cursor == null ? null : cursor.getDate("minute").toInstant();
    }

    void saveCursor(Instant minute) {
        mongo.upsert(
                query(where("_id").is(CURSOR_ID)),
                new Update().set("minute", java.util.Date.from(minute)),
                CURSOR_COLLECTION);
    }

    static Instant minuteOf(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MINUTES);
    }

    static String bucketId(Instant dueAt, String episodeId) {
        return minuteOf(dueAt) + "|" + Math.floorMod(episodeId.hashCode(), SHARDS);
    }

    private static Bucket bucket(Document document) {
        String id = document.getString("_id");
        Instant minute = Instant.parse(id.substring(0, id.indexOf('|')));
        List<Timer> timers = document.getList(ENTRIES, Document.class).stream()
                .map(entry -> new Timer(
                        entry.getString("episodeId"),
                        entry.getString("followUpId"),
                        entry.getDate("dueAt").toInstant()))
                .toList();
        return new Bucket(id, minute, timers);
    }
}
