package org.carepath.billing.estimate;

import java.time.Instant;
import java.util.Objects;
import org.carepath.events.billing.LineSource;

/**
 * A service to price: {@code units} multiply the allowed amount. {@code appointmentId} and {@code serviceDate} are
 * set only for a line that comes from a booked appointment.
 */
public record ServiceRequest(String cpt, int units, LineSource source, String appointmentId, Instant serviceDate) {

    public ServiceRequest {
        if (cpt == null || cpt.isBlank()) {
            throw new IllegalArgumentException("services.cpt must not be empty");
        }
        if (units < 1) {
            throw new IllegalArgumentException("services.units must be at least 1 (CPT " + cpt + ")");
        }
        Objects.requireNonNull(source, "source");
        cpt = cpt.strip();
    }

    /** A service asked for in an ad-hoc quote. */
    public static ServiceRequest requested(String cpt, int units) {
        return new ServiceRequest(cpt, units, LineSource.REQUESTED_SERVICE, null, null);
    }

    public static ServiceRequest appointment(String appointmentId, String cpt, Instant start) {
        return new ServiceRequest(cpt, 1, LineSource.APPOINTMENT, Objects.requireNonNull(appointmentId), start);
    }

    /** A candidate procedure of a triage decision, priced "if performed". */
    public static ServiceRequest candidate(String cpt) {
        return new ServiceRequest(cpt, 1, LineSource.CANDIDATE_PROCEDURE, null, null);
    }

    boolean candidate() {
        return source == LineSource.CANDIDATE_PROCEDURE;
    }
}
