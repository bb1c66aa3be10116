package org.carepath.scheduling.appointments;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.bson.Document;
import org.carepath.events.scheduling.Specialty;
import org.carepath.scheduling.booking.WaitlistEntry;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Which episodes wait for which specialty, read by {@code _id} only: one small document per specialty in
 * {@value #COLLECTION}, listing each waiting entry as {@code <waitlistedAt>|<windowStart>|<windowEnd>|<episodeId>}
 * (epoch milliseconds, zero-padded). So a reader picks the oldest entries whose window fits before it limits
 * (scheduling-rules §4.3: oldest first, never an unsorted limit), without reading a schedule. It is written before
 * the schedule that waits (so a crash leaves an entry too many, never one too few) and pruned when a reader finds an
 * episode no longer waiting. A freed slot then reads one document and the schedules it names, not every schedule
 * stored.
 */
@Component
class WaitlistIndex {

    static final String COLLECTION = "waitlist_index";
    private static final String EPISODES = "episodeIds";
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
        BulkOperations upserts = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        waiting.forEach(entry -> upserts.upsert(
                query(where("_id").is(entry.specialty().name())),
                new Update().addToSet(EPISODES, Noted.of(entry).raw())));
        upserts.execute();
    }

    /** The entries noted as waiting for this specialty whose window holds {@code slotStart}: oldest first, ≤ limit. */
    List<Noted> waitingFor(Specialty specialty, Instant slotStart, int limit) {
        return oldestFirst(noted(List.of(specialty)), noted -> noted.fits(slotStart), limit);
    }

    /** The episodes noted as waiting for any specialty whose window is still open at {@code now}: oldest first. */
    List<String> waiting(Instant now, int limit) {
        return oldestFirst(
                        noted(Arrays.asList(Specialty.values())),
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
        if (!noted.isEmpty()) {
            mongo.updateFirst(
                    query(where("_id").is(specialty.name())),
                    new Update()
                            .pullAll(EPISODES, noted.stream().map(Noted::raw).toArray()),
                    COLLECTION);
        }
    }

    private List<Noted> noted(List<Specialty> specialties) {
        List<String> ids = specialties.stream().map(Specialty::name).toList();
        return mongo.find(query(where("_id").in(ids)), Document.class, COLLECTION).stream()
                .flatMap(index -> index.getList(EPISODES, String.class).stream())
                .map(Noted::parse)
                .toList();
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
