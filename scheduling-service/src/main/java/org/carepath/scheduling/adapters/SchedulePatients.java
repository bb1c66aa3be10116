package org.carepath.scheduling.adapters;

import java.util.Optional;
import org.carepath.platform.security.PatientRecords;
import org.carepath.platform.security.StoredPatients;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Whose episode it is, for a patient token: the patientId the decisions carried, read by id; an appointment's
 * episode is the one its id begins with, if that schedule holds it.
 */
@Component
class SchedulePatients implements PatientRecords {

    private final MongoTemplate mongo;
    private final EpisodeSchedules schedules;

    SchedulePatients(MongoTemplate mongo, EpisodeSchedules schedules) {
        this.mongo = mongo;
        this.schedules = schedules;
    }

    @Override
    public Optional<String> patientIdOf(String episodeId) {
        return StoredPatients.field(mongo, EpisodeScheduleDocument.COLLECTION, episodeId, "patientId");
    }

    @Override
    public Optional<String> episodeOfAppointment(String appointmentId) {
        return schedules.holding(appointmentId).map(EpisodeScheduleDocument::episodeId);
    }
}
