package org.carepath.platform.security;

import java.util.Optional;

/**
 * What a service knows of whose episodes it holds, so that a {@code patient} token reaches only its own. A
 * service that serves patient-owned endpoints provides one bean; without one, every patient request for an
 * episode is answered as if the episode did not exist. Both lookups are by id.
 */
public interface PatientRecords {

    /** The {@code patientId} of the episode, if this service holds the episode and knows its patient. */
    Optional<String> patientIdOf(String episodeId);

    /** The episode an appointment belongs to, for services that hold appointments. */
    default Optional<String> episodeOfAppointment(String appointmentId) {
        return Optional.empty();
    }

    PatientRecords NONE = episodeId -> Optional.empty();
}
