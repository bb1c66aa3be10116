package org.carepath.scheduling.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.bson.Document;
import org.carepath.events.intake.Region;
import org.carepath.events.scheduling.AppointmentType;
import org.carepath.events.scheduling.Specialty;
import org.carepath.scheduling.booking.WaitlistEntry;
import org.carepath.scheduling.booking.WaitlistStatus;
import org.carepath.testing.CountingWireServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The waitlist index on the wire server: oldest first among the entries whose window fits (scheduling-rules §4.3),
 * a specialty's entries in documents per day the window ends, each day spread over shards, so neither a write nor a
 * read grows with the waitlist's history or with a busy day; read by {@code _id} only.
 */
class WaitlistIndexTest {

    private static final Instant NOW = Instant.parse("2027-03-01T15:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);

    private CountingWireServer store;
    private MongoTemplate mongo;
    private WaitlistIndex index;

    @BeforeEach
    void start() {
        store = CountingWireServer.start("waitlist-test");
        mongo = store.template();
        index = new WaitlistIndex(mongo);
    }

    @AfterEach
    void stop() {
        store.close();
    }

    @Test
    void theOldestEntriesWhoseWindowHoldsTheSlotComeFirst() {
        index.add(List.of(
                entry("young", NOW.minus(Duration.ofHours(1)), NOW.plus(DAY.multipliedBy(14))),
                entry("old", NOW.minus(DAY.multipliedBy(3)), NOW.plus(DAY.multipliedBy(5))),
                entry("ended-before-the-slot", NOW.minus(DAY.multipliedBy(9)), NOW.plus(DAY)),
                entry("middle", NOW.minus(DAY), NOW.plus(DAY.multipliedBy(30)))));

        List<WaitlistIndex.Noted> noted =
                index.waitingFor(Specialty.ORTHOPEDIC_SPINE, NOW.plus(DAY.multipliedBy(2)), 10);

        assertThat(noted).extracting(WaitlistIndex.Noted::episodeId).containsExactly("old", "middle", "young");
        assertThat(index.waitingFor(Specialty.ORTHOPEDIC_SPINE, NOW.plus(DAY.multipliedBy(2)), 2))
                .extracting(WaitlistIndex.Noted::episodeId)
                .containsExactly("old", "middle");
        assertThat(index.waitingFor(Specialty.SPINE_SURGEON, NOW, 10)).isEmpty();
        assertThat(store.fullScans(WaitlistIndex.COLLECTION)).isZero();
    }

    @Test
    void eachDocumentHoldsPartOfOneDayOfWindowsAndPassedDaysAreDropped() {
        for (int i = 0; i < 300; i++) {
            index.add(List.of(entry("episode-" + i, NOW, NOW.plus(DAY.multipliedBy(1 + i % 3)))));
        }

        assertThat(entriesOfDay("2027-03-02")).hasSize(100);
        assertThat(entriesOfDay("2027-03-04")).hasSize(100);
        assertThat(largestShardOfDay("2027-03-02")).isLessThan(100 / 10);
        assertThat(index.waiting(NOW, 1_000)).hasSize(300);

        // two and a half days later, the windows ending on the first two days are over
        assertThat(index.waiting(NOW.plus(Duration.ofHours(60)), 1_000)).hasSize(100);
        assertThat(entriesOfDay("2027-03-02")).isEmpty();
        assertThat(mongo.findById("ORTHOPEDIC_SPINE", Document.class, WaitlistIndex.COLLECTION)
                        .getList("days", String.class))
                .containsExactly("2027-03-04");
        assertThat(store.fullScans(WaitlistIndex.COLLECTION)).isZero();
    }

    @Test
    void aRemovedEntryIsForgottenAndEntriesNotedBeforeTheDaysAreStillRead() {
        mongo.save(
                new Document("_id", "ORTHOPEDIC_SPINE").append("episodeIds", List.of("legacy-episode")),
                WaitlistIndex.COLLECTION);
        index.add(List.of(entry("served", NOW, NOW.plus(DAY.multipliedBy(5)))));

        List<WaitlistIndex.Noted> noted = index.waitingFor(Specialty.ORTHOPEDIC_SPINE, NOW.plus(DAY), 10);
        assertThat(noted).extracting(WaitlistIndex.Noted::episodeId).containsExactly("legacy-episode", "served");

        index.remove(Specialty.ORTHOPEDIC_SPINE, noted);

        assertThat(index.waitingFor(Specialty.ORTHOPEDIC_SPINE, NOW.plus(DAY), 10))
                .isEmpty();
    }

    @Test
    void entriesNotedInADayDocumentBeforeItsShardsAreReadAndRemoved() {
        String raw = WaitlistIndex.Noted.of(entry("unsharded", NOW, NOW.plus(DAY.multipliedBy(2))))
                .raw();
        mongo.save(
                new Document("_id", "ORTHOPEDIC_SPINE").append("days", List.of("2027-03-03")),
                WaitlistIndex.COLLECTION);
        mongo.save(
                new Document("_id", "ORTHOPEDIC_SPINE|2027-03-03").append("episodeIds", List.of(raw)),
                WaitlistIndex.COLLECTION);

        List<WaitlistIndex.Noted> noted = index.waitingFor(Specialty.ORTHOPEDIC_SPINE, NOW.plus(DAY), 10);
        assertThat(noted).extracting(WaitlistIndex.Noted::episodeId).containsExactly("unsharded");

        index.remove(Specialty.ORTHOPEDIC_SPINE, noted);

        assertThat(index.waitingFor(Specialty.ORTHOPEDIC_SPINE, NOW.plus(DAY), 10))
                .isEmpty();
    }

    @Test
    void aBatchWritesEachDocumentOnceWithAllItsEntriesAndNotingThemAgainChangesNothing() {
        // given a busy day: the windows of one batch all end on the same two days
        List<WaitlistEntry> batch = new ArrayList<>();
        for (int i = 0; i < 2_048; i++) {
            batch.add(entry("busy-" + i, NOW, NOW.plus(DAY.multipliedBy(1 + i % 2))));
        }
        UpsertCountingTemplate counting = new UpsertCountingTemplate(mongo);

        // when
        new WaitlistIndex(counting).add(batch);

        // then
        assertThat(counting.upsertsById)
                .isNotEmpty()
                .allSatisfy((id, upserts) -> assertThat(upserts).as(id).isOne());
        assertThat(counting.upsertsById)
                .hasSize(shardsOfDay("2027-03-02").size()
                        + shardsOfDay("2027-03-03").size()
                        + 1);
        assertThat(entriesOfDay("2027-03-02")).hasSize(1_024);
        assertThat(entriesOfDay("2027-03-03")).hasSize(1_024);
        assertThat(largestShardOfDay("2027-03-02")).isLessThan(1_024 * 4 / WaitlistIndex.SHARDS);
        assertThat(days()).containsExactly("2027-03-02", "2027-03-03");

        List<Document> before = shardsOfDay("2027-03-02");
        index.add(batch);
        assertThat(shardsOfDay("2027-03-02")).isEqualTo(before);
        assertThat(days()).containsExactly("2027-03-02", "2027-03-03");
        assertThat(index.waiting(NOW, 5_000)).hasSize(2_048);
        assertThat(store.fullScans(WaitlistIndex.COLLECTION)).isZero();
    }

    @Test
    void entriesNotedInTheShardsOfTheEarlierLayoutAreReadAndRemoved() {
        // given an entry noted as the 32-shard layout did, in a shard that is not its shard now
        String day = "2027-03-03";
        String episodeId = Stream.iterate(0, i -> i + 1)
                .map(i -> "earlier-" + i)
                .filter(id ->
                        !earlierShardId(day, id).equals(WaitlistIndex.shardId(Specialty.ORTHOPEDIC_SPINE, day, id)))
                .findFirst()
                .orElseThrow();
        String raw = WaitlistIndex.Noted.of(entry(episodeId, NOW, NOW.plus(DAY.multipliedBy(2))))
                .raw();
        mongo.upsert(
                query(where("_id").is(earlierShardId(day, episodeId))),
                new Update().addToSet("episodeIds", raw),
                WaitlistIndex.COLLECTION);
        mongo.upsert(
                query(where("_id").is("ORTHOPEDIC_SPINE")),
                new Update().addToSet("days", day),
                WaitlistIndex.COLLECTION);

        // when
        List<WaitlistIndex.Noted> noted = index.waitingFor(Specialty.ORTHOPEDIC_SPINE, NOW.plus(DAY), 10);
        index.remove(Specialty.ORTHOPEDIC_SPINE, noted);

        // then
        assertThat(noted).extracting(WaitlistIndex.Noted::episodeId).containsExactly(episodeId);
        assertThat(index.waitingFor(Specialty.ORTHOPEDIC_SPINE, NOW.plus(DAY), 10))
                .isEmpty();
        assertThat(mongo.findById(earlierShardId(day, episodeId), Document.class, WaitlistIndex.COLLECTION)
                        .getList("episodeIds", String.class))
                .isEmpty();
    }

    private static String earlierShardId(String day, String episodeId) {
        return "ORTHOPEDIC_SPINE|" + day + "|" + Math.floorMod(episodeId.hashCode(), 32);
    }

    private List<String> days() {
        return mongo.findById("ORTHOPEDIC_SPINE", Document.class, WaitlistIndex.COLLECTION)
                .getList("days", String.class);
    }

    private List<String> entriesOfDay(String day) {
        List<String> entries = new ArrayList<>();
        shardsOfDay(day).forEach(shard -> entries.addAll(shard.getList("episodeIds", String.class)));
        return entries;
    }

    private int largestShardOfDay(String day) {
        return shardsOfDay(day).stream()
                .mapToInt(shard -> shard.getList("episodeIds", String.class).size())
                .max()
                .orElse(0);
    }

    private List<Document> shardsOfDay(String day) {
        List<String> ids = new ArrayList<>();
        for (int shard = 0; shard < WaitlistIndex.SHARDS; shard++) {
            ids.add("ORTHOPEDIC_SPINE|" + day + "|" + shard);
        }
        return mongo.find(query(where("_id").in(ids)).with(Sort.by("_id")), Document.class, WaitlistIndex.COLLECTION);
    }

    /** A template whose bulk writes count, per {@code _id}, the upserts they carry. */
    private static final class UpsertCountingTemplate extends MongoTemplate {

        private final Map<String, Integer> upsertsById = new TreeMap<>();

        UpsertCountingTemplate(MongoTemplate mongo) {
            super(mongo.getMongoDatabaseFactory());
        }

        @Override
        public BulkOperations bulkOps(BulkOperations.BulkMode mode, String collectionName) {
            BulkOperations bulk = super.bulkOps(mode, collectionName);
            return (BulkOperations) Proxy.newProxyInstance(
                    BulkOperations.class.getClassLoader(),
                    new Class<?>[] {BulkOperations.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("upsert") && args[0] instanceof Query query) {
                            upsertsById.merge(query.getQueryObject().getString("_id"), 1, Integer::sum);
                        }
                        Object result = method.invoke(bulk, args);
                        return result == bulk ? proxy : result;
                    });
        }
    }

    private static WaitlistEntry entry(String episodeId, Instant waitlistedAt, Instant windowEnd) {
        return new WaitlistEntry(
                episodeId + ":visit",
                episodeId,
                1,
                AppointmentType.SPECIALIST_VISIT,
                Specialty.ORTHOPEDIC_SPINE,
                null,
                Region.QUEENS,
                waitlistedAt,
                windowEnd,
                List.of(),
                waitlistedAt,
                WaitlistStatus.WAITING,
                "BK-SP",
                false);
    }
}
