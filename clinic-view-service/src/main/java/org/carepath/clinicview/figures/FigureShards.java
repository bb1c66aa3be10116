package org.carepath.clinicview.figures;

import java.util.List;
import org.carepath.platform.persistence.ShardedIds;

/**
 * Where an entry of the day and waitlist figures is stored: a day's (or a specialty's) entries are spread by their key
 * over {@value #SHARDS} documents, {@code <documentId>|<shard>}. With one document per day, every batch rewrote the
 * whole day, so a write cost what the day held (issue 8: 100,000 episodes reported in one day, ~30 MB rewritten per
 * batch). A shard of such a day holds under a thousand entries; a reader asks for the day's shards by {@code _id}.
 * Site days and the known sites stay one document each: the providers' hours and the sites bound them.
 */
public final class FigureShards {

    public static final int SHARDS = 128;

    private static final ShardedIds SHARDED = new ShardedIds(SHARDS);

    private FigureShards() {}

    /** The document that holds this entry. */
    public static String documentOf(String collection, String documentId, String key) {
        if (!sharded(collection)) {
            return documentId;
        }
        return SHARDED.of(documentId, key);
    }

    /**
     * Every document that may hold entries of {@code documentId}: the unsharded one first (dead letters, and
     * entries written before the shards), then its shards.
     */
    public static List<String> documentsOf(String collection, String documentId) {
        if (!sharded(collection)) {
            return List.of(documentId);
        }
        return SHARDED.withUnsharded(documentId);
    }

    private static boolean sharded(String collection) {
        return FigureCollections.DAYS.equals(collection) || FigureCollections.WAITLISTS.equals(collection);
    }
}
