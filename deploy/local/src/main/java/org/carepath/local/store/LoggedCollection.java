package org.carepath.local.store;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.IndexBuildFailedException;
import de.bwaldvogel.mongo.exception.MongoServerError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * A collection of the {@link LogStore}: its documents by position, the {@code _id} (the store's own number where a
 * collection has no id field). Every change goes through the store, which writes it to the journal first.
 */
final class LoggedCollection extends AbstractSynchronizedMongoCollection<Object> {

    private final LogStore store;
    private final String namespace;
    private final ConcurrentMap<Object, byte[]> documents;
    private final AtomicLong lastNumber;
    /** While the store opens: the indexes to build in {@link #buildDeferredIndexes}; null after. */
    private List<Index<Object>> deferredIndexes;

    LoggedCollection(
            MongoDatabase database,
            String collectionName,
            CollectionOptions options,
            CursorRegistry cursorRegistry,
            LogStore store,
            boolean deferIndexes) {
        super(database, collectionName, options, cursorRegistry);
        this.deferredIndexes = deferIndexes ? new ArrayList<>() : null;
        this.store = store;
        this.namespace = database.getDatabaseName() + "." + collectionName;
        this.documents = store.collection(namespace);
        this.lastNumber = new AtomicLong(getIdField() == null ? largestNumber(documents) : 0);
    }

    @Override
    protected Object addDocumentInternal(Document document) {
        Object position = getIdField() != null
                ? Missing.ofNullable(Utils.getSubdocumentValue(document, getIdField()))
                : nextNumber();
        if (documents.containsKey(position)) {
            throw new IllegalStateException("a document with the same position is already in " + namespace);
        }
        store.put(namespace, position, StoredForm.document(document));
        return position;
    }

    @Override
    protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
        store.put(namespace, position, StoredForm.document(newDocument));
    }

    @Override
    protected void removeDocument(Object position) {
        if (!documents.containsKey(position)) {
            throw new NoSuchElementException("no document at " + position + " in " + namespace);
        }
        store.delete(namespace, position);
    }

    @Override
    protected Document getDocument(Object position) {
        byte[] stored = documents.get(position);
        return stored == null ? null : StoredForm.document(stored);
    }

    @Override
    protected Stream<DocumentWithPosition<Object>> streamAllDocumentsWithPosition() {
        return documents.entrySet().stream()
                .map(entry -> new DocumentWithPosition<>(StoredForm.document(entry.getValue()), entry.getKey()));
    }

    @Override
    protected QueryResult matchDocuments(
            Document query, Document orderBy, int numberToSkip, int limit, int batchSize, Document fieldSelector) {
        Stream<byte[]> stored = isNaturalDescending(orderBy)
                ? documents.entrySet().stream()
                        .sorted(Map.Entry.comparingByKey(ValueComparator.desc()))
                        .map(Map.Entry::getValue)
                : documents.values().stream();
        Stream<Document> all = stored.map(StoredForm::document);
        return matchDocumentsFromStream(all, query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    /**
     * An index built on documents already stored reads each of them once: the backend reads every document twice (a
     * check of every key, then the adds), but a unique index checks each key as it adds it. While the store opens,
     * the collection's indexes are only noted, and {@link #buildDeferredIndexes} builds them all in one read.
     */
    @Override
    public synchronized void addIndex(Index<Object> index) {
        boolean known =
                getIndexes().stream().anyMatch(existing -> existing.getName().equals(index.getName()));
        if (known || !index.isEmpty() || documents.isEmpty()) {
            super.addIndex(index);
        } else if (deferredIndexes != null) {
            deferredIndexes.add(index);
        } else {
            fill(List.of(index));
            super.addIndex(index);
        }
    }

    /** Builds the indexes noted while the store opened, decoding each document once for all of them. */
    void buildDeferredIndexes() {
        List<Index<Object>> deferred = deferredIndexes;
        deferredIndexes = null;
        if (deferred != null && !deferred.isEmpty()) {
            fill(deferred);
            deferred.forEach(super::addIndex);
        }
    }

    private void fill(List<Index<Object>> indexes) {
        try {
            documents.forEach((position, stored) -> {
                Document document = StoredForm.document(stored);
                for (Index<Object> index : indexes) {
                    index.add(document, position, this);
                }
            });
        } catch (MongoServerError e) {
            throw new IndexBuildFailedException(e, this);
        }
    }

    @Override
    public int count() {
        return documents.size();
    }

    @Override
    public boolean isEmpty() {
        return documents.isEmpty();
    }

    /** The backend keeps a data size by encoding each document before and after an update; this store knows it. */
    @Override
    protected boolean tracksDataSize() {
        return false;
    }

    @Override
    protected void updateDataSize(int sizeDelta) {}

    @Override
    protected int getDataSize() {
        long bytes =
                documents.values().stream().mapToLong(stored -> stored.length).sum();
        return (int) Math.min(Integer.MAX_VALUE, bytes);
    }

    /** A collection without an id field (the database's index descriptions) numbers its documents itself. */
    private Long nextNumber() {
        return lastNumber.incrementAndGet();
    }

    private static long largestNumber(ConcurrentMap<Object, byte[]> documents) {
        return documents.keySet().stream()
                .filter(Long.class::isInstance)
                .mapToLong(Long.class::cast)
                .max()
                .orElse(0);
    }
}
