package org.carepath.clinicview.figures;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Reads figures documents by {@code _id} only: what a view costs depends on the days it shows, not on history. */
@Component
public class FigureReader {

    private final MongoTemplate mongo;

    FigureReader(MongoTemplate mongo) {
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

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> entries(String collection, Collection<String> ids, String field) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, Document> byId = new LinkedHashMap<>();
        mongo.find(new Query(Criteria.where("_id").in(ids)), Document.class, collection)
                .forEach(document -> byId.put(document.getString("_id"), document));
        List<Map<String, Object>> entries = new ArrayList<>();
        for (String id : ids) {
            Document document = byId.get(id);
            if (document != null && document.get(field) instanceof Map<?, ?> ofField) {
                ((Map<String, Object>) ofField)
                        .values().stream()
                                .filter(Map.class::isInstance)
                                .map(entry -> (Map<String, Object>) entry)
                                .forEach(entries::add);
            }
        }
        return entries;
    }
}
