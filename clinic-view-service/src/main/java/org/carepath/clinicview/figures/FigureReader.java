package org.carepath.clinicview.figures;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.carepath.platform.persistence.FindByIds;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Reads figures documents by {@code _id} only: what a view costs depends on the days it shows, not on history. */
@Component
public class FigureReader {

    private final MongoTemplate mongo;

    public FigureReader(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The entries of {@code field} in the day documents of these days, in day order. */
    public List<Map<String, Object>> dayEntries(List<LocalDate> days, String field) {
        List<String> ids = days.stream().map(LocalDate::toString).toList();
        return entries(FigureCollections.DAYS, ids, field);
    }

    public List<Map<String, Object>> siteDayEntries(Collection<String> siteDayIds) {
        return entries(FigureCollections.SITE_DAYS, siteDayIds, "appointments");
    }

    public List<Map<String, Object>> waitlistEntries(Collection<String> specialties) {
        return entries(FigureCollections.WAITLISTS, specialties, "entries");
    }

    public List<Map<String, Object>> knownSites() {
        return entries(FigureCollections.SITES, List.of(FigureCollections.KNOWN_SITES), "sites");
    }

    /**
     * The entries of {@code field} in these documents, in their order. A sharded document is read first, then the
     * shards it lists; an entry in a shard replaces one of the same key in the document itself (written there before
     * the shards).
     */
    private List<Map<String, Object>> entries(String collection, Collection<String> ids, String field) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, Document> byId = byId(collection, ids);
        if (FigureShards.sharded(collection)) {
            List<String> shards = new ArrayList<>();
            ids.forEach(id -> shards.addAll(listedShards(byId.get(id), id)));
            byId.putAll(byId(collection, shards));
        }
        List<Map<String, Object>> entries = new ArrayList<>();
        for (String id : ids) {
            Map<String, Map<String, Object>> byKey = new LinkedHashMap<>();
            Document document = byId.get(id);
            if (document != null) {
                byKey.putAll(entriesOf(document, field));
                for (String shardId : listedShards(document, id)) {
                    Document shard = byId.get(shardId);
                    if (shard != null) {
                        byKey.putAll(entriesOf(shard, field));
                    }
                }
            }
            entries.addAll(byKey.values());
        }
        return entries;
    }

    private Map<String, Document> byId(String collection, Collection<String> ids) {
        Map<String, Document> byId = new HashMap<>();
        FindByIds.find(mongo, new ArrayList<>(ids), collection)
                .forEach(document -> byId.put(document.getString("_id"), document));
        return byId;
    }

    private static List<String> listedShards(Document document, String id) {
        if (document == null || !(document.get(FigureShards.DIRECTORY) instanceof List<?> shards)) {
            return List.of();
        }
        return shards.stream()
                .filter(Number.class::isInstance)
                .map(shard -> FigureShards.shardId(id, ((Number) shard).intValue()))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> entriesOf(Document document, String field) {
        Map<String, Map<String, Object>> byKey = new LinkedHashMap<>();
        if (document.get(field) instanceof Map<?, ?> ofField) {
            ofField.forEach((key, entry) -> {
                if (entry instanceof Map<?, ?> map) {
                    byKey.put(String.valueOf(key), (Map<String, Object>) map);
                }
            });
        }
        return byKey;
    }
}
