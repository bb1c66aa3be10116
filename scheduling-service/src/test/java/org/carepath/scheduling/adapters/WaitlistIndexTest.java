package org.carepath.scheduling.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
import org.springframework.data.mongodb.core.MongoTemplate;

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
        assertThat(largestShardOfDay("2027-03-02")).isLessThan(100 * 4 / WaitlistIndex.SHARDS);
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
        List<Document> shards = new ArrayList<>();
        for (int shard = 0; shard < WaitlistIndex.SHARDS; shard++) {
            Document document =
                    mongo.findById("ORTHOPEDIC_SPINE|" + day + "|" + shard, Document.class, WaitlistIndex.COLLECTION);
            if (document != null) {
                shards.add(document);
            }
        }
        return shards;
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
