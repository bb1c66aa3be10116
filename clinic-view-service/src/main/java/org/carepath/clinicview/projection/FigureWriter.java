package org.carepath.clinicview.projection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * shard, {@link FigureShards}) a batch touches, setting and removing entries by key (never an increment, so a batch
 * applied again after a crash writes the same values).
 */
@Component
class FigureWriter {

    private final MongoTemplate mongo;

    FigureWriter(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void changing(List<Change<EpisodeView>> changes) {
        Map<Document, Update> updates = new LinkedHashMap<>();
        for (Change<EpisodeView> change : changes) {
            FigureChanges figures = FigureChanges.between(
                    change.stored() == null ? null : change.stored().record(),
                    change.next().record());
            for (Figure figure : figures.set()) {
                updates.computeIfAbsent(documentOf(figure.slot()), key -> new Update())
                        .set(FigureKeys.path(figure.field(), figure.key()), figure.value());
            }
            for (Figure.Slot slot : figures.removed()) {
                updates.computeIfAbsent(documentOf(slot), key -> new Update())
                        .unset(FigureKeys.path(slot.field(), slot.key()));
            }
        }
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
