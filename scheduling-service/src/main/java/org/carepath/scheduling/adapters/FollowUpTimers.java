package org.carepath.scheduling.adapters;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.carepath.platform.persistence.FindByIds;
import org.carepath.platform.persistence.ShardedIds;
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
 * {@value #SHARDS} shards so that a popular minute (10:00 New York, MSG-TIME) is not one huge document.
 *
 * <p>Beside them, one document per day, {@code "day|<date>"}, lists the minutes of that day that have timers, so
 * that a dispatcher far behind (after a long pause) reads the days it missed, not every minute of them.
 *
 * <p>A timer is written before the schedule that holds its follow-up, so a crash between the two leaves a timer
 * for nothing (the dispatcher finds no pending follow-up and drops it), never a follow-up without a timer.
 */
@Component
class FollowUpTimers {

    static final String COLLECTION = "follow_up_timers";
    static final String CURSOR_COLLECTION = "follow_up_dispatch";
    /**
     * Follow-ups crowd into few minutes (MSG-TIME: 10:00 New York on their due day), so a minute of a busy intake
     * holds thousands of timers: {@value} shards keep each document to a few hundred (with 16, 100,000 episodes
     * reported in a day put ~1,250 timers in each, rewritten by every decision that added one).
     */
    static final int SHARDS = 128;

    private static final ShardedIds SHARDED = new ShardedIds(SHARDS);
    /** Up to this span the minutes are read by their ids directly; beyond it through the days' lists. */
    static final Duration READ_MINUTES_UP_TO = Duration.ofMinutes(20);

    private static final String CURSOR_ID = "cursor";
    private static final String ENTRIES = "entries";
    private static final String DAY_PREFIX = "day|";
    private static final String MINUTES = "minutes";

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
        Map<String, List<String>> minutesByDay = new LinkedHashMap<>();
        for (FollowUp followUp : followUps) {
            Instant minute = minuteOf(followUp.dueAt());
            minutesByDay
                    .computeIfAbsent(dayId(minute), day -> new ArrayList<>())
                    .add(minute.toString());
        }
        BulkOperations upserts = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        byBucket.forEach((id, timers) -> upserts.upsert(
                query(where("_id").is(id)), new Update().addToSet(ENTRIES).each(timers.toArray())));
        minutesByDay.forEach((day, minutes) -> upserts.upsert(
                query(where("_id").is(day)), new Update().addToSet(MINUTES).each(minutes.toArray())));
        upserts.execute();
    }

    /**
     * The buckets of the minutes in {@code [from, to]}, earliest first: read by {@code _id}, minute by minute over a
     * short span, through the days' lists of minutes over a long one.
     */
    List<Bucket> between(Instant from, Instant to) {
        List<Instant> minutes = Duration.between(from, to).compareTo(READ_MINUTES_UP_TO) <= 0
                ? everyMinute(from, to)
                : minutesWithTimers(from, to);
        List<String> ids = new ArrayList<>();
        minutes.forEach(minute -> ids.addAll(SHARDED.shardsOf(minute.toString())));
        return FindByIds.find(mongo, ids, COLLECTION).stream()
                .map(FollowUpTimers::bucket)
                .sorted(java.util.Comparator.comparing(Bucket::minute).thenComparing(Bucket::id))
                .toList();
    }

    /** Forgets the days' lists of the days in {@code [from, to)}: the dispatcher is past them. */
    void forgetDays(Instant from, Instant to) {
        List<String> days = new ArrayList<>();
        for (LocalDate day = dayOf(from); day.isBefore(dayOf(to)); day = day.plusDays(1)) {
            days.add(DAY_PREFIX + day);
        }
        if (!days.isEmpty()) {
            mongo.remove(query(where("_id").in(days)), COLLECTION);
        }
    }

    private static List<Instant> everyMinute(Instant from, Instant to) {
        List<Instant> minutes = new ArrayList<>();
        for (Instant minute = minuteOf(from); !minute.isAfter(to); minute = minute.plus(1, ChronoUnit.MINUTES)) {
            minutes.add(minute);
        }
        return minutes;
    }

    private List<Instant> minutesWithTimers(Instant from, Instant to) {
        List<String> days = new ArrayList<>();
        for (LocalDate day = dayOf(from); !day.isAfter(dayOf(to)); day = day.plusDays(1)) {
            days.add(DAY_PREFIX + day);
        }
        Instant first = minuteOf(from);
        return mongo.find(query(where("_id").in(days)), Document.class, COLLECTION).stream()
                .flatMap(day -> day.getList(MINUTES, String.class).stream())
                .map(Instant::parse)
                .filter(minute -> !minute.isBefore(first) && !minute.isAfter(to))
                .distinct()
                .sorted()
                .toList();
    }

    private static LocalDate dayOf(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalDate();
    }

    private static String dayId(Instant minute) {
        return DAY_PREFIX + dayOf(minute);
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
        return SHARDED.of(minuteOf(dueAt).toString(), episodeId);
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
