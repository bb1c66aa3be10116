package org.carepath.scheduling.booking;

import java.time.Instant;

/**
 * Time a patient is booked in one of their episodes' appointments: what another episode of the same patient must
 * keep clear of (scheduling-rules §4.2, amended 2026-12: across all of a patient's episodes).
 */
public record PatientTime(String appointmentId, String episodeId, Instant start, Instant end) {

    public static PatientTime of(Appointment appointment) {
        return new PatientTime(
                appointment.appointmentId(), appointment.episodeId(), appointment.start(), appointment.end());
    }

    public boolean overlaps(Instant from, Instant to) {
        return start.isBefore(to) && from.isBefore(end);
    }
}
