package de.bwaldvogel.mongo.backend.h2;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import java.util.ArrayList;
import java.util.List;
import org.h2.mvstore.MVMap;

/**
 * The backend's collection with two changes, both for the local stack's store.
 *
 * <p>An update works on a copy. The backend updates a document by changing, in place, the instance its map holds,
 * and then puts that same instance back. H2's background writer may at that moment be writing an earlier page
 * version that holds the instance: Java serialization wrote such a document torn without a word; BSON's encoder
 * stops with a {@code ConcurrentModificationException}, which closes the store. Updates and find-and-modify find
 * their documents through {@link #queryDocuments}, so there they get copies, and the instance in the map is never
 * changed after it is put. A plain find only encodes what it finds, so it gets the instances themselves. The copy
 * is of the top level only: the backend changes the found document only there (each field removed or replaced by
 * the value it computed on a deep copy of its own), so the held instance's nested values are never touched.
 *
 * <p>No data size is kept. The backend keeps each collection's size for {@code collStats} (which nothing here
 * asks for) by encoding the whole document before and after every update: profiled under the benchmark, with the
 * clinic view's figure shards (~60 KB each at 100,000 episodes a day), that was a third of the wire server's time.
 */
final class TunedH2Collection extends H2Collection {

    /** Whether the query running serves an update: guarded by this collection, whose operations are synchronized. */
    private boolean updating;

    TunedH2Collection(
            MongoDatabase database,
            String collectionName,
            CollectionOptions options,
            MVMap<Object, Document> dataMap,
            MVMap<String, Object> metaMap,
            CursorRegistry cursorRegistry) {
        super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
    }

    @Override
    public synchronized Document updateDocuments(
            Document selector,
            Document updateQuery,
            ArrayFilters arrayFilters,
            boolean isMulti,
            boolean isUpsert,
            Oplog oplog) {
        updating = true;
        try {
            return super.updateDocuments(selector, updateQuery, arrayFilters, isMulti, isUpsert, oplog);
        } finally {
            updating = false;
        }
    }

    @Override
    public synchronized Document findAndModify(Document query) {
        updating = true;
        try {
            return super.findAndModify(query);
        } finally {
            updating = false;
        }
    }

    @Override
    protected QueryResult queryDocuments(
            Document query, Document orderBy, int numberToSkip, int limit, int batchSize, Document fieldSelector) {
        QueryResult found = super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        if (!updating) {
            return found;
        }
        List<Document> copies = new ArrayList<>();
        for (Document document : found) {
            copies.add(document.clone());
        }
        return new QueryResult(copies, found.getCursorId());
    }

    @Override
    protected boolean tracksDataSize() {
        return false;
    }
}
