package org.carepath.platform.persistence;

import java.util.ArrayList;
import java.util.List;

/**
 * One logical document spread over {@code shards} documents by a key's hash, {@code <documentId>|<shard>}, so that a
 * busy day or minute is many small documents rather than one that every write rewrites whole (issue 8). A reader
 * asks for every shard by {@code _id}: the wire server has no secondary index, and none is needed.
 *
 * @param shards how many documents one logical document is spread over
 */
public record ShardedIds(int shards) {

    public ShardedIds {
        if (shards < 1) {
            throw new IllegalArgumentException("shards must be at least 1, was " + shards);
        }
    }

    /** The shard of {@code documentId} that holds the entry with this key. */
    public String of(String documentId, String key) {
        return documentId + "|" + Math.floorMod(key.hashCode(), shards);
    }

    /** Every shard of {@code documentId}, in shard order. */
    public List<String> shardsOf(String documentId) {
        List<String> ids = new ArrayList<>(shards);
        for (int shard = 0; shard < shards; shard++) {
            ids.add(documentId + "|" + shard);
        }
        return ids;
    }

    /** The unsharded {@code documentId} (written before the shards, or on purpose), then every shard. */
    public List<String> withUnsharded(String documentId) {
        List<String> ids = new ArrayList<>(shards + 1);
        ids.add(documentId);
        ids.addAll(shardsOf(documentId));
        return ids;
    }
}
