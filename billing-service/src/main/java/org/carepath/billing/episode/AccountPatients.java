package org.carepath.billing.episode;

import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.carepath.platform.security.PatientRecords;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Whose episode it is, for a patient token: the patientId the decisions carried, read by id. */
@Component
class AccountPatients implements PatientRecords {

    private final MongoTemplate mongo;

    AccountPatients(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<String> patientIdOf(String episodeId) {
        Query byId = Query.query(Criteria.where("_id").is(episodeId));
        byId.fields().include("account.patientId");
        return Optional.ofNullable(mongo.findOne(byId, Document.class, "episodes"))
                .map(episode -> episode.getEmbedded(List.of("account", "patientId"), String.class));
    }
}
