package org.carepath.clinicview.figures;

import org.carepath.platform.persistence.ShardedIds;

/**
 * Where an entry of the day and waitlist figures is stored: a day's (or a specialty's) entries are spread by their key
 * over up to {@value #SHARDS} documents, {@code <documentId>|<shard>}, and the document {@code <documentId>} itself
 * lists in {@value #DIRECTORY} the shards that hold entries. A reader reads the listed shards only, so a quiet day
 * costs a read or two and a busy one what it holds.
 *
 * <p>With one document per day, every batch rewrote the whole day (issue 8: 100,000 episodes reported in one day, ~30
 * MB per batch); with 128 shards, each batch still rewrote most of them, 40-90 KB each. With {@value #SHARDS}, a
 * shard of such a day holds ~50 entries and a batch rewrites only the shards of the episodes it carries.
 * Site days and the known sites stay one document each: the providers' hours and the sites bound them.
 */
public final class FigureShards {

    public static final int SHARDS = 2048;

    /** The field of {@code <documentId>} that lists the numbers of its shards that hold entries. */
    public static final String DIRECTORY = "shards";

    private static final ShardedIds SHARDED = new ShardedIds(SHARDS);

    private FigureShards() {}

    public static boolean sharded(String collection) {
        return FigureCollections.DAYS.equals(collection) || FigureCollections.WAITLISTS.equals(collection);
    }

    /** The number of the shard that holds the entry with this key. */
    public static int shardOf(String key) {
        return SHARDED.shardOf(key);
    }

    /** The document that holds this entry. */
    public static String documentOf(String collection, String documentId, String key) {
        return sharded(collection) ? ShardedIds.id(documentId, shardOf(key)) : documentId;
    }

    public static String shardId(String documentId, int shard) {
        return ShardedIds.id(documentId, shard);
    }
}
