package org.carepath.testing;

import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The in-memory wire server, counting every query it answers by reading the whole collection rather than an
 * index ({@code _id} or a unique index: the only ones it keeps, STACK.md). A test reads the count before and
 * after some work to prove that the work costs no full scan, i.e. that its cost does not grow with what is stored.
 */
public final class ScanCountingBackend extends MemoryBackend {

    private final Map<String, AtomicLong> fullScans = new ConcurrentHashMap<>();

    /** Full scans of {@code database.collection} so far. */
    public long fullScans(String database, String collection) {
        AtomicLong count = fullScans.get(database + "." + collection);
        return count == null ? 0 : count.get();
    }

    /** Full scans so far of every collection of {@code database}. */
    public long fullScans(String database) {
        return fullScansByCollection(database).values().stream()
                .mapToLong(Long::longValue)
                .sum();
    }

    /** Full scans so far per collection of {@code database}. */
    public Map<String, Long> fullScansByCollection(String database) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        fullScans.forEach((key, count) -> {
            if (key.startsWith(database + ".")) {
                counts.put(key.substring(database.length() + 1), count.get());
            }
        });
        return counts;
    }

    @Override
    public MemoryDatabase openOrCreateDatabase(String databaseName) {
        return new CountingDatabase(databaseName);
    }

    private final class CountingDatabase extends MemoryDatabase {

        CountingDatabase(String databaseName) {
            super(databaseName, getCursorRegistry());
        }

        @Override
        protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
            AtomicLong counter =
                    fullScans.computeIfAbsent(getDatabaseName() + "." + collectionName, key -> new AtomicLong());
            return new MemoryCollection(this, collectionName, options, cursorRegistry) {
                @Override
                protected QueryResult matchDocuments(
                        Document query,
                        Document orderBy,
                        int numberToSkip,
                        int numberToReturn,
                        int batchSize,
                        Document fieldSelector) {
                    counter.incrementAndGet();
                    return super.matchDocuments(query, orderBy, numberToSkip, numberToReturn, batchSize, fieldSelector);
                }
            };
        }
    }
}
