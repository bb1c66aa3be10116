package org.carepath.platform.outbox;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

/**
 * Declares, on every collection whose documents carry an outbox, the sparse index {@code outbox.time} that
 * serves the relay's recovery sweep ("events older than a minute still waiting"): on MongoDB the sweep then reads
 * only the documents with events left behind, however many are stored. A document with an empty outbox has no
 * entry in it.
 */
public class OutboxIndexes implements SmartInitializingSingleton {

    public static final String NAME = "outbox_waiting";

    private final MongoTemplate mongo;

    public OutboxIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterSingletonsInstantiated() {
        OutboxCollections.of(mongo).forEach(this::ensure);
    }

    public void ensure(String collection) {
        mongo.indexOps(collection)
                .createIndex(new Index()
                        .on(OutboxRelay.OUTBOX + ".time", Sort.Direction.ASC)
                        .sparse()
                        .named(NAME));
    }
}
