package org.carepath.platform.outbox;

import java.util.List;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;

/** The collections whose documents carry an outbox: every mapped document type that is {@link WithOutbox}. */
public final class OutboxCollections {

    private OutboxCollections() {}

    public static List<String> of(MongoTemplate mongo) {
        return mongo.getConverter().getMappingContext().getPersistentEntities().stream()
                .filter(entity -> WithOutbox.class.isAssignableFrom(entity.getType()))
                .map(MongoPersistentEntity::getCollection)
                .distinct()
                .sorted()
                .toList();
    }
}
