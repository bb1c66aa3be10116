package org.carepath.scheduling.adapters;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.bson.Document;
import org.carepath.events.scheduling.Specialty;
import org.carepath.platform.persistence.FindByIds;
import org.carepath.platform.persistence.ShardedIds;
import org.carepath.scheduling.booking.WaitlistEntry;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Which episodes wait for which specialty, read by {@code _id} only, in {@value #COLLECTION}: each waiting entry is
 * noted as {@code <waitlistedAt>|<windowStart>|<windowEnd>|<episodeId>} (epoch milliseconds, zero-padded) in the
 * document of its specialty and the day its window ends ({@code <SPECIALTY>|<yyyy-MM-dd>|<shard>}, UTC), and the
 * specialty's own document ({@code _id} = the specialty) lists those days. So a reader picks the oldest entries
 * whose window fits before it limits (scheduling-rules §4.3: oldest first, never an unsorted limit), without
 * reading a schedule, and reads only the days whose windows have not ended: a document holds one day's entries, so
 * what a write or a read costs does not grow with the waitlist's history (issue 8: one document per specialty grew
 * with every waiting episode). Days that have passed are dropped by the reader that finds them. An entry is written
 * before the schedule that waits (so a crash leaves an entry too many, never one too few) and pruned when a reader
 * finds an episode no longer waiting. Entries noted before the days (in the specialty's document) are still read.
 *
 * <p>A batch writes each document it touches once, all of that document's entries in one {@code $addToSet}: the wire
 * server decodes, copies and re-encodes a whole document on every update, and 100,000 episodes waitlisted on one day
 * (a benchmark preload) made 32 shards of ~173 KB that one entry at a time rewrote 1.1 GB a minute (issue 8).
 */
@Component
class WaitlistIndex {

    static final String COLLECTION = "waitlist_index";
    /**
     * A day's entries are spread by episode over this many documents, {@code <SPECIALTY>|<yyyy-MM-dd>|<shard>}: the
     * decisions of one busy day all end their windows on the same few days, and one document per day made each new
     * entry rewrite every entry before it. 512 keeps 80,000 entries of one day at ~160 per document (~11 KB), where
     * 32 let each grow past 170 KB (issue 8). A reader asks for all 513 ids of each day it reads; that is cheap
     * beside the writes, as the periodic retry runs every 15 minutes and a freed slot is rare.
     */
    static final int SHARDS = 512;

    private static final ShardedIds SHARDED = new ShardedIds(SHARDS);
    // Entries noted before SHARDS was raised stay in their shard of this layout; its ids are among today's.
    private static final ShardedIds EARLIER_SHARDED = new ShardedIds(32);
    private static final String EPISODES = "episodeIds";
    private static final String DAYS = "days";
    private static final Comparator<Noted> OLDEST_FIRST =
            Comparator.comparing(Noted::waitlistedAt).thenComparing(Noted::episodeId);

    private final MongoTemplate mongo;

    WaitlistIndex(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** One waiting entry as noted: when it was waitlisted, its window, its episode. */
    record Noted(Instant waitlistedAt, Instant windowStart, Instant windowEnd, String episodeId, String raw) {

        static Noted of(WaitlistEntry entry) {
            String raw = String.join(
                    "|",
                    millis(entry.waitlistedAt()),
                    millis(entry.windowStart()),
                    millis(entry.windowEnd()),
                    entry.episodeId());
            return parse(raw);
        }

        static Noted parse(String raw) {
            String[] parts = raw.split("\\|", 4);
            if (parts.length < 4) {
                // noted before entries carried their time and window: oldest, and fitting any slot
                return new Noted(Instant.EPOCH, Instant.EPOCH, Instant.MAX, raw, raw);
            }
            return new Noted(instant(parts[0]), instant(parts[1]), instant(parts[2]), parts[3], raw);
        }

        boolean fits(Instant slotStart) {
            return !windowStart.isAfter(slotStart) && windowEnd.isAfter(slotStart);
        }

        private static String millis(Instant instant) {
            return String.format("%015d", instant.toEpochMilli());
        }

        private static Instant instant(String millis) {
            return Instant.ofEpochMilli(Long.parseLong(millis));
        }
    }

    /** Notes these waiting entries under their specialties; noting one again changes nothing. */
    void add(Collection<WaitlistEntry> waiting) {
        if (waiting.isEmpty()) {
            return;
        }
        Map<String, Set<String>> entriesByShard = new LinkedHashMap<>();
        Map<String, Set<String>> daysBySpecialty = new LinkedHashMap<>();
        waiting.forEach(entry -> {
            String day = day(entry.windowEnd());
            entriesByShard
                    .computeIfAbsent(shardId(entry.specialty(), day, entry.episodeId()), id -> new LinkedHashSet<>())
                    .add(Noted.of(entry).raw());
            daysBySpecialty
                    .computeIfAbsent(entry.specialty().name(), id -> new LinkedHashSet<>())
                    .add(day);
        });
        BulkOperations upserts = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        addEach(upserts, EPISODES, entriesByShard);
        addEach(upserts, DAYS, daysBySpecialty);
        upserts.execute();
    }

    private static void addEach(BulkOperations upserts, String field, Map<String, Set<String>> valuesById) {
        valuesById.forEach((id, values) -> upserts.upsert(
                query(where("_id").is(id)), new Update().addToSet(field).each(values.toArray())));
    }

    /** The entries noted as waiting for this specialty whose window holds {@code slotStart}: oldest first, ≤ limit. */
    List<Noted> waitingFor(Specialty specialty, Instant slotStart, int limit) {
        return oldestFirst(noted(List.of(specialty), slotStart), noted -> noted.fits(slotStart), limit);
    }

    /** The episodes noted as waiting for any specialty whose window is still open at {@code now}: oldest first. */
    List<String> waiting(Instant now, int limit) {
        return oldestFirst(
                        noted(Arrays.asList(Specialty.values()), now),
                        noted -> noted.windowEnd().isAfter(now),
                        Integer.MAX_VALUE)
                .stream()
                .map(Noted::episodeId)
                .distinct()
                .limit(limit)
                .toList();
    }

    /** Forgets these noted entries (found no longer waiting). */
    void remove(Specialty specialty, Collection<Noted> noted) {
        if (noted.isEmpty()) {
            return;
        }
        Map<String, List<String>> byDocument = new LinkedHashMap<>();
        byDocument.put(specialty.name(), noted.stream().map(Noted::raw).toList());
        noted.stream().filter(entry -> !entry.windowEnd().equals(Instant.MAX)).forEach(entry -> {
            String day = day(entry.windowEnd());
            byDocument
                    .computeIfAbsent(dayId(specialty, day), id -> new ArrayList<>())
                    .add(entry.raw());
            shardIdsOf(specialty, day, entry.episodeId()).forEach(id -> byDocument
                    .computeIfAbsent(id, any -> new ArrayList<>())
                    .add(entry.raw()));
        });
        BulkOperations pulls = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        byDocument.forEach((id, raw) ->
                pulls.updateOne(query(where("_id").is(id)), new Update().pullAll(EPISODES, raw.toArray())));
        pulls.execute();
    }

    /** The entries of these specialties whose window ends on or after the day of {@code from}. */
    private List<Noted> noted(List<Specialty> specialties, Instant from) {
        String firstDay = day(from);
        List<String> specialtyIds = specialties.stream().map(Specialty::name).toList();
        List<Document> directories = mongo.find(query(where("_id").in(specialtyIds)), Document.class, COLLECTION);
        List<String> dayIds = new ArrayList<>();
        List<Noted> noted = new ArrayList<>();
        for (Document directory : directories) {
            String specialty = directory.getString("_id");
            List<String> days = listOf(directory, DAYS);
            days.stream()
                    .filter(day -> day.compareTo(firstDay) >= 0)
                    .forEach(day -> dayIds.addAll(documentsOfDay(specialty, day)));
            listOf(directory, EPISODES).stream().map(Noted::parse).forEach(noted::add);
            forgetPassed(specialty, days, firstDay);
        }
        FindByIds.find(mongo, dayIds, COLLECTION).stream()
                .flatMap(index -> listOf(index, EPISODES).stream())
                .map(Noted::parse)
                .forEach(noted::add);
        return noted;
    }

    // A day whose windows have all ended can serve no slot again: its document goes, and the day with it.
    private void forgetPassed(String specialty, List<String> days, String firstDay) {
        List<String> passed =
                days.stream().filter(day -> day.compareTo(firstDay) < 0).toList();
        if (passed.isEmpty()) {
            return;
        }
        List<String> ids = passed.stream()
                .flatMap(day -> documentsOfDay(specialty, day).stream())
                .toList();
        mongo.remove(query(where("_id").in(ids)), COLLECTION);
        mongo.updateFirst(query(where("_id").is(specialty)), new Update().pullAll(DAYS, passed.toArray()), COLLECTION);
    }

    private static List<String> listOf(Document document, String field) {
        List<String> values = document.getList(field, String.class);
        return values == null ? List.of() : values;
    }

    static String dayId(Specialty specialty, String day) {
        return specialty.name() + "|" + day;
    }

    static String shardId(Specialty specialty, String day, String episodeId) {
        return SHARDED.of(dayId(specialty, day), episodeId);
    }

    /** Where an episode's entry of that day may be noted: its shard, and its shard of the earlier layout. */
    private static Set<String> shardIdsOf(Specialty specialty, String day, String episodeId) {
        return new LinkedHashSet<>(
                List.of(shardId(specialty, day, episodeId), EARLIER_SHARDED.of(dayId(specialty, day), episodeId)));
    }

    /** The day's documents: the one written before the shards, then the shards. */
    private static List<String> documentsOfDay(String specialty, String day) {
        return SHARDED.withUnsharded(specialty + "|" + day);
    }

    private static String day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
    }

    // one entry per episode (its oldest that fits), the oldest episodes first
    private static List<Noted> oldestFirst(List<Noted> noted, Predicate<Noted> wanted, int limit) {
        Set<String> seen = new LinkedHashSet<>();
        return noted.stream()
                .filter(wanted)
                .sorted(OLDEST_FIRST)
                .filter(entry -> seen.add(entry.episodeId()))
                .limit(limit)
                .toList();
    }

    static Stream<String> episodeIds(List<Noted> noted) {
        return noted.stream().map(Noted::episodeId);
    }
}
