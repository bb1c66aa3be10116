package org.carepath.testing;

import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Counts the queries of one database that read a whole collection instead of using {@code _id} or an index: on
 * the embedded wire server by its own count ({@link ScanCountingBackend}), on a real MongoDB by the profiler's
 * {@code COLLSCAN} plans. A test takes the count before and after some work: an unchanged count proves the work
 * costs the same however many documents are stored.
 */
public final class FullScans {

    private final LongSupplier counter;

    private FullScans(LongSupplier counter) {
        this.counter = counter;
    }

    public static FullScans in(MongoTemplate mongo) {
        String database = mongo.getDb().getName();
        return TestInfrastructure.get()
                .wireServer()
                .map(backend -> new FullScans(() -> backend.fullScans(database)))
                .orElseGet(() -> profiled(mongo));
    }

    public long count() {
        return counter.getAsLong();
    }

    private static FullScans profiled(MongoTemplate mongo) {
        mongo.executeCommand(new Document("profile", 2));
        Document collectionScans = new Document("planSummary", "COLLSCAN")
                .append("ns", new Document("$not", Pattern.compile("\\.system\\.")));
        return new FullScans(() -> mongo.getDb().getCollection("system.profile").countDocuments(collectionScans));
    }
}
