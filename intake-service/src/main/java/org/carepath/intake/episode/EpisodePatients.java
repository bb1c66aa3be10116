package org.carepath.intake.episode;

import java.util.Optional;
import org.carepath.events.intake.PatientIds;
import org.carepath.platform.security.PatientRecords;
import org.carepath.platform.security.StoredPatients;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Whose episode it is, for a patient token: the report's MRN as its opaque patientId, read by id. */
@Component
class EpisodePatients implements PatientRecords {

    private final MongoTemplate mongo;
    private final PatientIds patientIds;

    EpisodePatients(MongoTemplate mongo, PatientIds patientIds) {
        this.mongo = mongo;
        this.patientIds = patientIds;
    }

    @Override
    public Optional<String> patientIdOf(String episodeId) {
        return StoredPatients.field(mongo, "episodes", episodeId, "report.patient.mrn")
                .map(patientIds::of);
    }
}
