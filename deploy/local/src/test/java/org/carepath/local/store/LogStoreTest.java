package org.carepath.local.store;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.Document;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal and its snapshots: what was written is what is read back, whatever happened in between. */
class LogStoreTest {

    private static final String EPISODES = "test.episodes";
    private static final long SMALL = 16 * 1024;

    @TempDir
    Path folder;

    @Test
    void readsBackTheLastValueOfEveryKeyAfterManySnapshots() throws IOException {
        Map<Object, Document> expected = new HashMap<>();
        try (LogStore store = LogStore.open(folder, SMALL)) {
            for (int round = 0; round < 50; round++) {
                for (int i = 0; i < 100; i++) {
                    Document episode = episode(i, round);
                    store.put(EPISODES, "ep-" + i, StoredForm.document(episode));
                    expected.put("ep-" + i, episode);
                }
            }
            store.delete(EPISODES, "ep-7");
            expected.remove("ep-7");
        }

        assertThat(files("snapshot-")).hasSize(1);
        assertThat(files("journal-")).hasSizeLessThanOrEqualTo(2);
        try (LogStore store = LogStore.open(folder, SMALL)) {
            assertThat(read(store, EPISODES)).isEqualTo(expected);
            assertThat(store.liveBytes())
                    .isEqualTo(expected.values().stream()
                            .mapToLong(d -> StoredForm.document(d).length)
                            .sum());
        }
    }

    @Test
    void writesGoOnWhileSnapshotsAreWritten() throws Exception {
        Map<Object, Document> expected = new HashMap<>();
        try (LogStore store = LogStore.open(folder, SMALL)) {
            ExecutorService writers = Executors.newFixedThreadPool(4);
            List<Future<Map<Object, Document>>> written = new ArrayList<>();
            for (int writer = 0; writer < 4; writer++) {
                int first = writer * 50;
                written.add(writers.submit(() -> {
                    Map<Object, Document> mine = new HashMap<>();
                    for (int round = 0; round < 200; round++) {
                        for (int i = first; i < first + 50; i++) {
                            Document episode = episode(i, round);
                            store.put(EPISODES, "ep-" + i, StoredForm.document(episode));
                            mine.put("ep-" + i, episode);
                        }
                    }
                    return mine;
                }));
            }
            for (Future<Map<Object, Document>> mine : written) {
                expected.putAll(mine.get());
            }
            writers.shutdown();
        }

        try (LogStore store = LogStore.open(folder, SMALL)) {
            assertThat(read(store, EPISODES)).isEqualTo(expected);
        }
    }

    @Test
    void dropsAWriteACrashCutOffAndKeepsEverythingBefore() throws IOException {
        try (LogStore store = LogStore.open(folder, SMALL)) {
            for (int i = 0; i < 10; i++) {
                store.put(EPISODES, "ep-" + i, StoredForm.document(episode(i, 0)));
            }
        }
        Path journal = files("journal-").get(0);
        byte[] whole = StoreRecord.put(EPISODES, StoredForm.key("ep-10"), StoredForm.document(episode(10, 0)))
                .encoded()
                .array();
        Files.write(journal, java.util.Arrays.copyOf(whole, whole.length / 2), StandardOpenOption.APPEND);

        try (LogStore store = LogStore.open(folder, SMALL)) {
            assertThat(read(store, EPISODES)).hasSize(10).containsEntry("ep-9", episode(9, 0));
            store.put(EPISODES, "ep-11", StoredForm.document(episode(11, 0)));
        }
        try (LogStore store = LogStore.open(folder, SMALL)) {
            assertThat(read(store, EPISODES)).hasSize(11).containsKey("ep-11").doesNotContainKey("ep-10");
        }
    }

    @Test
    void aDroppedCollectionStaysDroppedAndKeysOfEveryKindComeBack() {
        Document compoundId = new Document("site", "NYC-1").append("start", 42L);
        try (LogStore store = LogStore.open(folder, SMALL)) {
            store.put("test.slots", compoundId, StoredForm.document(new Document("_id", compoundId)));
            store.put("test.counters", 7L, StoredForm.document(new Document("n", 1)));
            store.put("test.scratch", "x", StoredForm.document(new Document("_id", "x")));
            store.dropCollection("test.scratch");
        }

        try (LogStore store = LogStore.open(folder, SMALL)) {
            assertThat(read(store, "test.slots")).containsOnlyKeys(compoundId);
            assertThat(read(store, "test.counters")).containsOnlyKeys(7L);
            assertThat(store.databaseNames()).containsExactly("test");
            assertThat(read(store, "test.scratch")).isEmpty();
        }
    }

    private static Document episode(int i, int round) {
        return new Document("_id", "ep-" + i)
                .append("version", (long) round)
                .append("outbox", List.of(new Document("eventId", "ev-" + i + "-" + round)));
    }

    private static Map<Object, Document> read(LogStore store, String namespace) {
        Map<Object, Document> documents = new HashMap<>();
        store.collection(namespace).forEach((key, stored) -> documents.put(key, StoredForm.document(stored)));
        return documents;
    }

    private List<Path> files(String prefix) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().startsWith(prefix))
                    .sorted()
                    .toList();
        }
    }
}
