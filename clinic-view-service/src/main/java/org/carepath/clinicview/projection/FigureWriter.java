package org.carepath.clinicview.projection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.carepath.clinicview.figures.Figure;
import org.carepath.clinicview.figures.FigureChanges;
import org.carepath.clinicview.figures.FigureKeys;
import org.carepath.clinicview.figures.FigureShards;
import org.carepath.platform.outbox.AggregateBatches.Change;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Brings the figures documents in step with the episodes about to be written: one upsert per figures document (or
 * shard, {@link FigureShards}, with the shards it writes listed in their day's or specialty's document) a batch
 * touches, setting and removing entries by key (never an increment, so a batch applied again after a crash writes the
 * same values).
 */
@Component
class FigureWriter {

    private final MongoTemplate mongo;

    FigureWriter(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void changing(List<Change<EpisodeView>> changes) {
        Map<Document, Update> updates = new LinkedHashMap<>();
        Map<Document, Set<Integer>> shardsInUse = new LinkedHashMap<>();
        for (Change<EpisodeView> change : changes) {
            FigureChanges figures = FigureChanges.between(
                    change.stored() == null ? null : change.stored().record(),
                    change.next().record());
            for (Figure figure : figures.set()) {
                updates.computeIfAbsent(documentOf(figure.slot()), key -> new Update())
                        .set(FigureKeys.path(figure.field(), figure.key()), figure.value());
                if (FigureShards.sharded(figure.slot().collection())) {
                    shardsInUse
                            .computeIfAbsent(
                                    new Document(
                                            figure.slot().collection(),
                                            figure.slot().documentId()),
                                    key -> new TreeSet<>())
                            .add(FigureShards.shardOf(figure.slot().key()));
                }
            }
            for (Figure.Slot slot : figures.removed()) {
                updates.computeIfAbsent(documentOf(slot), key -> new Update())
                        .unset(FigureKeys.path(slot.field(), slot.key()));
            }
        }
        // Listed in the same bulk as the entries: a batch applied again after a crash lists them again.
        shardsInUse.forEach((document, shards) -> updates.computeIfAbsent(document, key -> new Update())
                .addToSet(FigureShards.DIRECTORY)
                .each(shards.toArray()));
        Map<String, BulkOperations> bulks = new LinkedHashMap<>();
        updates.forEach((document, update) -> bulks.computeIfAbsent(
                        document.collection(),
                        collection -> mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection))
                .upsert(new Query(Criteria.where("_id").is(document.id())), update));
        bulks.values().forEach(BulkOperations::execute);
    }

    private static Document documentOf(Figure.Slot slot) {
        return new Document(
                slot.collection(), FigureShards.documentOf(slot.collection(), slot.documentId(), slot.key()));
    }

    private record Document(String collection, String id) {}
}
