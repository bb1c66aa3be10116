package org.carepath.testing;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Counts, per collection of one database, the queries that read the whole collection instead of using
 * {@code _id} or an index: on the embedded wire server by its own count ({@link ScanCountingBackend}), on a real
 * MongoDB by the profiler's {@code COLLSCAN} plans. A test takes the counts before some work and asks for the
 * scans since: none proves the work costs the same however many documents are stored.
 */
public final class FullScans {

    private final Supplier<Map<String, Long>> counter;
    private final Map<String, Long> before;

    private FullScans(Supplier<Map<String, Long>> counter) {
        this.counter = counter;
        this.before = counter.get();
    }

    /** Starts counting now. */
    public static FullScans in(MongoTemplate mongo) {
        String database = mongo.getDb().getName();
        return TestInfrastructure.get()
                .wireServer()
                .map(backend -> new FullScans(() -> backend.fullScansByCollection(database)))
                .orElseGet(() -> profiled(mongo));
    }

    /** The collections read whole since counting started, with how often; empty when none was. */
    public Map<String, Long> since() {
        Map<String, Long> scans = new TreeMap<>();
        counter.get().forEach((collection, count) -> {
            long added = count - before.getOrDefault(collection, 0L);
            if (added > 0) {
                scans.put(collection, added);
            }
        });
        return scans;
    }

    private static FullScans profiled(MongoTemplate mongo) {
        mongo.executeCommand(new Document("profile", 2));
        String prefix = mongo.getDb().getName() + ".";
        return new FullScans(() -> {
            Map<String, Long> counts = new TreeMap<>();
            mongo.getDb()
                    .getCollection("system.profile")
                    .find(new Document("planSummary", "COLLSCAN"))
                    .forEach(entry -> {
                        String namespace = entry.getString("ns");
                        if (namespace != null && namespace.startsWith(prefix) && !namespace.contains(".system.")) {
                            counts.merge(namespace.substring(prefix.length()), 1L, Long::sum);
                        }
                    });
            return counts;
        });
    }
}
