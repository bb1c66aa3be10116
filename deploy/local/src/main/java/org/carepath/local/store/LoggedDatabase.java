package org.carepath.local.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.exception.MongoServerException;
import de.bwaldvogel.mongo.oplog.Oplog;
import java.util.List;

/** A database of the {@link LogStore}; its collections and index descriptions are stored like any documents. */
final class LoggedDatabase extends AbstractSynchronizedMongoDatabase<Object> {

    private final LogStore store;
    private List<LoggedCollection> opening;

    /**
     * @param opening where to list the collections whose indexes are left to build (the store is opening), or null
     */
    LoggedDatabase(String databaseName, CursorRegistry cursorRegistry, LogStore store, List<LoggedCollection> opening) {
        super(databaseName, cursorRegistry);
        this.store = store;
        this.opening = opening;
        initializeNamespacesAndIndexes();
        this.opening = null;
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        // the system collections are read while the database opens, so their indexes must be there at once
        boolean defer = opening != null && !collectionName.startsWith("system.");
        LoggedCollection collection = new LoggedCollection(this, collectionName, options, cursorRegistry, store, defer);
        if (defer) {
            opening.add(collection);
        }
        return collection;
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(
            String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
        return new PositionIndex(indexName, keys, sparse);
    }

    @Override
    public void dropCollection(String collectionName, Oplog oplog) {
        super.dropCollection(collectionName, oplog);
        store.dropCollection(getFullCollectionNamespace(collectionName));
    }

    @Override
    public void moveCollection(MongoDatabase oldDatabase, MongoCollection<?> collection, String newCollectionName) {
        throw new MongoServerException("renaming a collection is not supported by the local store");
    }

    @Override
    protected long getStorageSize() {
        return store.diskBytes();
    }

    @Override
    protected long getFileSize() {
        return store.diskBytes();
    }
}
