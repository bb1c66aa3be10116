package org.carepath.platform.persistence;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;

/**
 * Declares a unique index on {@code {_id, version}} for every versioned document. A versioned write filters on
 * exactly those two fields; on MongoDB the {@code _id} index serves it anyway, but the wire server of the local
 * stack and the tests keeps only unique indexes and scans the whole collection for any other filter
 * ({@code STACK.md}), so without this index every optimistic write there would cost O(documents stored).
 */
public class VersionIndexes implements SmartInitializingSingleton {

    public static final String NAME = "_id_version";
    private static final Logger log = LoggerFactory.getLogger(VersionIndexes.class);

    private final MongoTemplate mongo;

    public VersionIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (MongoPersistentEntity<?> entity :
                mongo.getConverter().getMappingContext().getPersistentEntities()) {
            if (entity.hasVersionProperty()
                    && entity.isAnnotationPresent(org.springframework.data.mongodb.core.mapping.Document.class)) {
                ensure(
                        entity.getCollection(),
                        entity.getRequiredVersionProperty().getFieldName());
            }
        }
    }

    /** Creates the index on one collection; creating it again changes nothing. */
    public void ensure(String collection, String versionField) {
        mongo.indexOps(collection)
                .createIndex(new Index()
                        .on("_id", Sort.Direction.ASC)
                        .on(versionField, Sort.Direction.ASC)
                        .unique()
                        .named(NAME));
        log.debug("Index {} on {}", NAME, collection);
    }
}
