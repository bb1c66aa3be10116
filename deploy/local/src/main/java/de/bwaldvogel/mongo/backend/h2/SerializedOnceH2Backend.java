package de.bwaldvogel.mongo.backend.h2;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * mongo-java-server's H2 backend with faster unique indexes and documents stored as BSON ({@link BsonDocuments}),
 * for the local stack. It lives in the backend's package because the index type it builds is package-private there.
 *
 * <p>Why: the backend keys every unique index ({@code _id} among them) by {@link KeyValue}, which H2's
 * {@link ObjectDataType} compares by Java-serializing both keys on every probe of a binary search. Profiled under
 * load, that was a third of the wire server's time. These indexes keep the same key type and the same order (the
 * serialized bytes, compared exactly as H2 compares them, so an index the plain backend wrote is searched alike) but
 * serialize each key once and remember it, for comparing and for writing (H2 writes a changed page whole: Java
 * serialization of every key in it was, after the documents' encoding, the wire server's largest cost). A file
 * written by the plain backend is read by this one; once this one has written documents, the plain backend cannot
 * read them.
 */
public class SerializedOnceH2Backend extends H2Backend {

    private static final SerializedOnceKeys KEYS = new SerializedOnceKeys();

    public SerializedOnceH2Backend(MVStore mvStore) {
        super(mvStore);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName, getCursorRegistry());
    }

    private final class Database extends H2Database {

        Database(String databaseName, CursorRegistry cursorRegistry) {
            super(databaseName, getMvStore(), cursorRegistry);
        }

        /**
         * The backend's own maps and names; the documents stored as {@link BsonDocuments}, updated as copies and with
         * no data size kept ({@link TunedH2Collection}).
         */
        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String namespace = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> documents = getMvStore()
                    .openMap(
                            H2Database.DATABASES_PREFIX + namespace,
                            new MVMap.Builder<Object, Document>().valueType(new BsonDocuments()));
            MVMap<String, Object> meta = getMvStore().openMap("meta." + namespace);
            return new TunedH2Collection(this, collectionName, options, documents, meta, cursorRegistry);
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(
                String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            MVMap<KeyValue, Object> index = getMvStore()
                    .openMap(
                            getFullCollectionNamespace(collectionName) + "._index_" + indexName,
                            new MVMap.Builder<KeyValue, Object>().keyType(KEYS));
            return new H2UniqueIndex(index, indexName, keys, sparse);
        }
    }

    /**
     * H2's own key type, order and stored form; only the serialized form of each key is computed once and kept. A key
     * is written exactly as {@link ObjectDataType} writes a serialized object, and its memory estimated as it does
     * (twice the serialized size), from the key itself rather than from a running average.
     */
    static final class SerializedOnceKeys extends ObjectDataType {

        /** {@link ObjectDataType}'s tag of a Java-serialized object. */
        static final byte SERIALIZED_OBJECT = 19;

        /** Keys remembered at most; then the memory starts afresh (a key costs ~200 bytes). */
        static final int MOST = 500_000;

        private final Map<KeyValue, byte[]> serialized = new ConcurrentHashMap<>();

        @Override
        public int compare(Object a, Object b) {
            if (a instanceof KeyValue first && b instanceof KeyValue second) {
                return a == b ? 0 : compareNotNull(serializedForm(first), serializedForm(second));
            }
            return super.compare(a, b);
        }

        @Override
        public void write(WriteBuffer buff, Object obj) {
            if (obj instanceof KeyValue key) {
                byte[] data = serializedForm(key);
                buff.put(SERIALIZED_OBJECT).putVarInt(data.length).put(data);
                return;
            }
            super.write(buff, obj);
        }

        @Override
        public int getMemory(Object obj) {
            return obj instanceof KeyValue key ? 2 * serializedForm(key).length : super.getMemory(obj);
        }

        private byte[] serializedForm(KeyValue key) {
            if (serialized.size() > MOST) {
                serialized.clear();
            }
            return serialized.computeIfAbsent(key, ObjectDataType::serialize);
        }
    }
}
