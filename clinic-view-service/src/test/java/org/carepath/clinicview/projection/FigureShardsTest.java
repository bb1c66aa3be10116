package org.carepath.clinicview.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.carepath.clinicview.SampleEvents;
import org.carepath.clinicview.figures.FigureCollections;
import org.carepath.clinicview.figures.FigureReader;
import org.carepath.clinicview.figures.FigureShards;
import org.carepath.events.intake.Region;
import org.carepath.platform.messaging.InboundEvent;
import org.carepath.platform.outbox.AggregateBatches.Change;
import org.carepath.testing.CountingWireServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A busy day's figures against a MongoDB wire server that counts full scans: spread over small documents, each
 * written where its key puts it, read back whole and once, by {@code _id} only.
 */
class FigureShardsTest {

    private static final String DATABASE = "figures-test";
    private static final Instant REPORTED = Instant.parse("2026-12-01T15:00:00Z");
    private static final LocalDate DAY = LocalDate.parse("2026-12-01");
    private static final int EPISODES = 20_000;

    private CountingWireServer store;
    private MongoTemplate mongo;

    @BeforeEach
    void start() {
        store = CountingWireServer.start(DATABASE);
        mongo = store.template();
    }

    @AfterEach
    void stop() {
        store.close();
    }

    @Test
    void aBusyDayIsSpreadOverSmallDocumentsAndReadBackWhole() {
        FigureWriter writer = new FigureWriter(mongo);
        List<Change<EpisodeView>> changes = new ArrayList<>();
        for (int n = 0; n < EPISODES; n++) {
            changes.add(new Change<>(null, reported("ep-" + n)));
        }
        writer.changing(changes);

        List<Document> documents = mongo.findAll(Document.class, FigureCollections.DAYS).stream()
                .filter(document -> document.getString("_id").contains("|"))
                .toList();
        int largest = documents.stream()
                .mapToInt(document -> document.get("episodes", Document.class).size())
                .max()
                .orElseThrow();
        long scansBefore = store.fullScans();
        List<Map<String, Object>> read = new FigureReader(mongo).dayEntries(List.of(DAY), "episodes");

        assertThat(documents).hasSizeGreaterThan(FigureShards.SHARDS / 2);
        assertThat(largest).isLessThan(4 * EPISODES / FigureShards.SHARDS);
        assertThat(read)
                .extracting(entry -> entry.get("episodeId"))
                .doesNotHaveDuplicates()
                .hasSize(EPISODES);
        assertThat(store.fullScans()).isEqualTo(scansBefore);
    }

    @Test
    void anEntryWrittenBeforeTheShardsIsReadUntilItsShardReplacesIt() {
        mongo.insert(
                new Document("_id", DAY.toString())
                        .append(
                                "episodes",
                                new Document("ep-old", new Document("episodeId", "ep-old").append("status", "OLD"))
                                        .append(
                                                "ep-moved",
                                                new Document("episodeId", "ep-moved").append("status", "OLD"))),
                FigureCollections.DAYS);
        new FigureWriter(mongo).changing(List.of(new Change<>(null, reported("ep-moved"))));

        List<Map<String, Object>> read = new FigureReader(mongo).dayEntries(List.of(DAY), "episodes");

        assertThat(read)
                .extracting(entry -> entry.get("episodeId") + ":" + entry.get("status"))
                .containsExactlyInAnyOrder("ep-old:OLD", "ep-moved:AWAITING_TRIAGE");
    }

    @Test
    void aQuietDayIsReadFromTheShardsItListsOnly() {
        new FigureWriter(mongo)
                .changing(List.of(new Change<>(null, reported("ep-1")), new Change<>(null, reported("ep-2"))));

        Document day = mongo.findById(DAY.toString(), Document.class, FigureCollections.DAYS);
        long scansBefore = store.fullScans();
        List<Map<String, Object>> read = new FigureReader(mongo).dayEntries(List.of(DAY), "episodes");

        assertThat(day.getList(FigureShards.DIRECTORY, Integer.class))
                .containsExactlyInAnyOrder(FigureShards.shardOf("ep-1"), FigureShards.shardOf("ep-2"));
        assertThat(read).extracting(entry -> entry.get("episodeId")).containsExactlyInAnyOrder("ep-1", "ep-2");
        assertThat(store.fullScans()).isEqualTo(scansBefore);
    }

    @Test
    void entriesWrittenWithFewerShardsAreMovedToTheirShardOnceBeforeTheConsumersStart() {
        List<String> keys = new ArrayList<>();
        for (int n = 0; keys.size() < 3; n++) {
            String key = "ep-" + n;
            if (Math.floorMod(key.hashCode(), 128) == 5 && FigureShards.shardOf(key) != 5) {
                keys.add(key);
            }
        }
        Document earlier = new Document();
        keys.forEach(key -> earlier.append(key, new Document("episodeId", key).append("status", "EARLIER")));
        mongo.insert(new Document("_id", DAY + "|5").append("episodes", earlier), FigureCollections.DAYS);
        assertThat(new FigureReader(mongo).dayEntries(List.of(DAY), "episodes"))
                .as("an earlier layout's shard is not listed")
                .isEmpty();

        new FigureShardLayout(mongo).afterPropertiesSet();
        new FigureShardLayout(mongo).afterPropertiesSet();

        assertThat(new FigureReader(mongo).dayEntries(List.of(DAY), "episodes"))
                .extracting(entry -> entry.get("episodeId") + ":" + entry.get("status"))
                .containsExactlyInAnyOrderElementsOf(
                        keys.stream().map(key -> key + ":EARLIER").toList());
        assertThat(mongo.findById(DAY + "|5", Document.class, FigureCollections.DAYS)
                        .get("episodes", Document.class))
                .isEmpty();
        assertThat(mongo.findById(FigureShardLayout.MARKER_ID, Document.class, FigureShardLayout.COLLECTION)
                        .get("shards"))
                .isEqualTo(FigureShards.SHARDS);
    }

    private static EpisodeView reported(String episodeId) {
        SampleEvents episode = new SampleEvents(episodeId, REPORTED, Region.QUEENS);
        return EpisodeProjection.applied(
                EpisodeView.opened(episodeId),
                new InboundEvent<>(
                        "reported-" + episodeId, "test", episodeId, new ProjectedEvent(episode.reported(), 0)));
    }
}
