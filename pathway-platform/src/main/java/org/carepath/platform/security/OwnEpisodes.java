package org.carepath.platform.security;

import java.util.Optional;
import org.carepath.events.intake.PatientIds;
import org.carepath.platform.web.NotFoundException;

/**
 * The patient's own-episode check for the calls whose episode is named in the body
 * ({@link Ownership#EPISODE_IN_BODY}), and the check the request filter makes for those named in the path.
 */
public class OwnEpisodes {

    private final PatientRecords records;
    private final PatientIds patientIds;

    public OwnEpisodes(PatientRecords records, PatientIds patientIds) {
        this.records = records;
        this.patientIds = patientIds;
    }

    /** Throws {@code 404} if the current caller acts only as a patient and the episode is not theirs. */
    public void require(String episodeId) {
        Optional<Caller> caller = Caller.current();
        if (caller.isPresent() && actsOnlyAsPatient(caller.get()) && !owns(caller.get(), episodeId)) {
            throw new NotFoundException("episode " + episodeId + " not found");
        }
    }

    public boolean owns(Caller caller, String episodeId) {
        if (episodeId == null || caller.mrn().isEmpty()) {
            return false;
        }
        String patientId = patientIds.of(caller.mrn().get());
        return records.patientIdOf(episodeId).filter(patientId::equals).isPresent();
    }

    public boolean ownsAppointment(Caller caller, String appointmentId) {
        return appointmentId != null
                && records.episodeOfAppointment(appointmentId)
                        .filter(episodeId -> owns(caller, episodeId))
                        .isPresent();
    }

    private static boolean actsOnlyAsPatient(Caller caller) {
        return caller.roles().equals(java.util.Set.of(Role.PATIENT));
    }
}
