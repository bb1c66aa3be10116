package org.carepath.triage.decision;

import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.carepath.events.intake.PatientIds;
import org.carepath.platform.security.PatientRecords;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Whose episode it is, for a patient token: the report's MRN as its opaque patientId, read by id. */
@Component
class PathwayPatients implements PatientRecords {

    private final MongoTemplate mongo;
    private final PatientIds patientIds;

    PathwayPatients(MongoTemplate mongo, PatientIds patientIds) {
        this.mongo = mongo;
        this.patientIds = patientIds;
    }

    @Override
    public Optional<String> patientIdOf(String episodeId) {
        Query byId = Query.query(Criteria.where("_id").is(episodeId));
        byId.fields().include("pathway.report.patient.mrn");
        return Optional.ofNullable(mongo.findOne(byId, Document.class, "pathways"))
                .map(pathway -> pathway.getEmbedded(List.of("pathway", "report", "patient", "mrn"), String.class))
                .map(patientIds::of);
    }
}
