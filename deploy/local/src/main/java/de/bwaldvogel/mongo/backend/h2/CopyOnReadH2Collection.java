package de.bwaldvogel.mongo.backend.h2;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.List;
import org.h2.mvstore.MVMap;

/**
 * The backend's collection, handing out copies of the documents its queries find.
 *
 * <p>Why: the backend updates a document by changing, in place, the instance its map holds, and then puts that same
 * instance back. H2's background writer may at that moment be writing an earlier page version that holds the
 * instance. Java serialization wrote such a document torn without a word; BSON's encoder stops with a
 * {@code ConcurrentModificationException}, which closes the store. Every update, find-and-modify and delete finds
 * its documents through this query, so with a copy the instance in the map is never changed after it is put.
 */
final class CopyOnReadH2Collection extends H2Collection {

    CopyOnReadH2Collection(
            MongoDatabase database,
            String collectionName,
            CollectionOptions options,
            MVMap<Object, Document> dataMap,
            MVMap<String, Object> metaMap,
            CursorRegistry cursorRegistry) {
        super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
    }

    @Override
    protected QueryResult queryDocuments(
            Document query, Document orderBy, int numberToSkip, int limit, int batchSize, Document fieldSelector) {
        QueryResult found = super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        List<Document> copies = new ArrayList<>();
        for (Document document : found) {
            copies.add(document.cloneDeeply());
        }
        return new QueryResult(copies, found.getCursorId());
    }
}
