package org.carepath.platform.security;

import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** Reads the one field of an episode's document that says whose it is: by {@code _id}, that field alone. */
public final class StoredPatients {

    private StoredPatients() {}

    /**
     * The string at {@code dottedPath} (e.g. {@code report.patient.mrn} or {@code patientId}) of the document
     * {@code id} in {@code collection}, if both exist.
     */
    public static Optional<String> field(MongoTemplate mongo, String collection, String id, String dottedPath) {
        Query byId = Query.query(Criteria.where("_id").is(id));
        byId.fields().include(dottedPath);
        return Optional.ofNullable(mongo.findOne(byId, Document.class, collection))
                .map(document -> document.getEmbedded(List.of(dottedPath.split("\\.")), String.class));
    }
}
