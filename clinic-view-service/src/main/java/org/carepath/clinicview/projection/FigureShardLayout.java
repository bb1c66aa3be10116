package org.carepath.clinicview.projection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.bson.Document;
import org.carepath.clinicview.figures.FigureCollections;
import org.carepath.clinicview.figures.FigureKeys;
import org.carepath.clinicview.figures.FigureShards;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Before the consumers start, moves every figures entry that is not in the shard its key gives today
 * ({@link FigureShards}: a read model written with fewer shards, or before the shard lists) into that shard, and
 * lists every shard that holds entries. Reading the figures collections whole is an upgrade's one-off cost: a marker
 * with the shard count makes every later start skip it. Each document is moved on its own and the marker written
 * last, so a start cut off half way moves the rest the next time.
 */
@Component
class FigureShardLayout implements InitializingBean {

    static final String COLLECTION = "read_model_layout";
    static final String MARKER_ID = "figure_shards";

    private static final Logger log = LoggerFactory.getLogger(FigureShardLayout.class);

    private final MongoTemplate mongo;

    FigureShardLayout(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        Document marker = mongo.findById(MARKER_ID, Document.class, COLLECTION);
        if (marker != null && Integer.valueOf(FigureShards.SHARDS).equals(marker.get("shards"))) {
            return;
        }
        int moved = 0;
        for (String collection : List.of(FigureCollections.DAYS, FigureCollections.WAITLISTS)) {
            for (Document document : mongo.findAll(Document.class, collection)) {
                moved += rehome(collection, document);
            }
        }
        mongo.upsert(
                new Query(Criteria.where("_id").is(MARKER_ID)),
                new Update().set("shards", FigureShards.SHARDS),
                COLLECTION);
        log.info("Figures laid out in {} shards per document; {} entries moved", FigureShards.SHARDS, moved);
    }

    private int rehome(String collection, Document document) {
        String id = document.getString("_id");
        int bar = id == null ? -1 : id.lastIndexOf('|');
        if (bar < 0) {
            return 0; // a day's or specialty's own document: entries written before the shards, read with them
        }
        String owner = id.substring(0, bar);
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.ORDERED, collection);
        Update leaving = new Update();
        Set<Integer> inUse = new TreeSet<>();
        List<String> movedPaths = new ArrayList<>();
        for (Map.Entry<String, Object> field : document.entrySet()) {
            if (!(field.getValue() instanceof Map<?, ?> entries)) {
                continue;
            }
            for (Map.Entry<?, ?> entry : entries.entrySet()) {
                String storedKey = String.valueOf(entry.getKey());
                String target = FigureShards.documentOf(collection, owner, FigureKeys.decode(storedKey));
                inUse.add(FigureShards.shardOf(FigureKeys.decode(storedKey)));
                if (!target.equals(id)) {
                    String path = field.getKey() + "." + storedKey;
                    bulk.upsert(new Query(Criteria.where("_id").is(target)), new Update().set(path, entry.getValue()));
                    leaving.unset(path);
                    movedPaths.add(path);
                }
            }
        }
        if (!inUse.isEmpty()) {
            bulk.upsert(
                    new Query(Criteria.where("_id").is(owner)),
                    new Update().addToSet(FigureShards.DIRECTORY).each(inUse.toArray()));
        }
        if (!movedPaths.isEmpty()) {
            bulk.updateOne(new Query(Criteria.where("_id").is(id)), leaving);
        }
        if (!inUse.isEmpty()) {
            bulk.execute();
        }
        return movedPaths.size();
    }
}
