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

    /** Ids per {@code _id $in} query: a 92-day range reads ~12,000 documents' worth of ids. */
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
     * The entries of {@code field} in these documents, in their order; a document's shards are read with it, and an
     * entry in a shard replaces one of the same key in the unsharded document (written there before the shards).
     */
    private List<Map<String, Object>> entries(String collection, Collection<String> ids, String field) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<String> stored = new ArrayList<>();
        ids.forEach(id -> stored.addAll(FigureShards.documentsOf(collection, id)));
        Map<String, Document> byId = new HashMap<>();
        FindByIds.find(mongo, stored, collection).forEach(document -> byId.put(document.getString("_id"), document));
        List<Map<String, Object>> entries = new ArrayList<>();
        for (String id : ids) {
            Map<String, Map<String, Object>> byKey = new LinkedHashMap<>();
            for (String documentId : FigureShards.documentsOf(collection, id)) {
                Document document = byId.get(documentId);
                if (document != null) {
                    byKey.putAll(entriesOf(document, field));
                }
            }
            entries.addAll(byKey.values());
        }
        return entries;
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
