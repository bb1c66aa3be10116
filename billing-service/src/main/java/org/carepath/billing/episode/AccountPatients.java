package org.carepath.billing.episode;

import java.util.Optional;
import org.carepath.platform.security.PatientRecords;
import org.carepath.platform.security.StoredPatients;
import org.springframework.data.mongodb.core.MongoTemplate;
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
        return StoredPatients.field(mongo, "episodes", episodeId, "account.patientId");
    }
}
