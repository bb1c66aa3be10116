package org.carepath.platform.persistence;

import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Reads documents by {@code _id}, {@value #IDS_PER_QUERY} ids per {@code $in}, so that a long list (a month of
 * sharded days) stays a few bounded queries rather than one command the size of the list.
 */
public final class FindByIds {

    public static final int IDS_PER_QUERY = 2_000;

    private FindByIds() {}

    /** The documents of {@code collection} with these ids that exist, in no particular order. */
    public static List<Document> find(MongoOperations mongo, List<String> ids, String collection) {
        List<Document> found = new ArrayList<>();
        for (int start = 0; start < ids.size(); start += IDS_PER_QUERY) {
            List<String> chunk = ids.subList(start, Math.min(ids.size(), start + IDS_PER_QUERY));
            found.addAll(mongo.find(new Query(Criteria.where("_id").in(chunk)), Document.class, collection));
        }
        return found;
    }
}
