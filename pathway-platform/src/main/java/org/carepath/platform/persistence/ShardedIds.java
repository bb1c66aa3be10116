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
        return id(documentId, shardOf(key));
    }

    /** The number of the shard that holds the entry with this key. */
    public int shardOf(String key) {
        return Math.floorMod(key.hashCode(), shards);
    }

    /** The id of shard number {@code shard} of {@code documentId}. */
    public static String id(String documentId, int shard) {
        return documentId + "|" + shard;
    }

    /** Every shard of {@code documentId}, in shard order. */
    public List<String> shardsOf(String documentId) {
        List<String> ids = new ArrayList<>(shards);
        for (int shard = 0; shard < shards; shard++) {
            ids.add(id(documentId, shard));
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
