package org.carepath.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.bson.Document;
import org.carepath.testing.CountingWireServer;
import org.junit.jupiter.api.Test;

class ShardedIdsTest {

    private final ShardedIds sharded = new ShardedIds(8);

    @Test
    void aKeyAlwaysFallsInTheSameShardAndEveryShardIsListed() {
        String shard = sharded.of("2026-12-02", "episode-17");

        assertThat(sharded.of("2026-12-02", "episode-17")).isEqualTo(shard);
        assertThat(sharded.shardsOf("2026-12-02")).hasSize(8).contains(shard).startsWith("2026-12-02|0");
        assertThat(sharded.withUnsharded("2026-12-02"))
                .hasSize(9)
                .startsWith("2026-12-02", "2026-12-02|0")
                .endsWith("2026-12-02|7");
    }

    @Test
    void manyKeysSpreadOverEveryShardAndANegativeHashStillLandsInOne() {
        Set<String> used = new HashSet<>();
        IntStream.range(0, 1_000).forEach(n -> used.add(sharded.of("day", "episode-" + n)));
        String negative = "polygenelubricants"; // String.hashCode() == Integer.MIN_VALUE

        assertThat(used).containsExactlyInAnyOrderElementsOf(sharded.shardsOf("day"));
        assertThat(negative.hashCode()).isEqualTo(Integer.MIN_VALUE);
        assertThat(sharded.shardsOf("day")).contains(sharded.of("day", negative));
    }

    @Test
    void thereIsAtLeastOneShard() {
        assertThatThrownBy(() -> new ShardedIds(0)).hasMessageContaining("shards must be at least 1");
    }

    @Test
    void manyIdsAreReadInBoundedQueriesByIdWithoutAScan() {
        try (CountingWireServer store = CountingWireServer.start("find-by-ids-test")) {
            List<Document> documents = IntStream.range(0, 3_000)
                    .mapToObj(n -> new Document("_id", "doc-" + n).append("n", n))
                    .toList();
            store.template().insert(documents, "docs");
            List<String> wanted = IntStream.range(0, 4_500)
                    .filter(n -> n % 2 == 0)
                    .mapToObj(n -> "doc-" + n)
                    .toList();
            long scansBefore = store.fullScans("docs");
            long findsBefore = store.commands("find");

            List<Document> found = FindByIds.find(store.template(), wanted, "docs");

            assertThat(found)
                    .extracting(document -> document.getString("_id"))
                    .containsExactlyInAnyOrderElementsOf(wanted.stream()
                            .filter(id -> Integer.parseInt(id.substring(4)) < 3_000)
                            .toList());
            assertThat(store.commands("find") - findsBefore).isEqualTo(2);
            assertThat(store.fullScans("docs")).isEqualTo(scansBefore);
        }
    }
}
