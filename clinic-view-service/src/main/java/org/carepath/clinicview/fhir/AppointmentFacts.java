package org.carepath.clinicview.fhir;

import java.time.Instant;
import org.carepath.clinicview.appointments.ExportedAppointment;
import org.carepath.clinicview.episode.EpisodeRecord.AppointmentState;
import org.carepath.events.scheduling.AppointmentBooked;

/** What an Appointment resource is made of, from the episode's record or from the system-level export. */
record AppointmentFacts(
        String appointmentId,
        String episodeId,
        String type,
        String specialty,
        String providerId,
        String siteId,
        String region,
        Instant start,
        Instant end,
        boolean cancelled,
        String cancelReason,
        String cpt) {

    static AppointmentFacts of(AppointmentState state) {
        AppointmentBooked booked = state.booked();
        return new AppointmentFacts(
                booked.appointmentId(),
                booked.episodeId(),
                name(booked.type()),
                name(booked.specialty()),
                booked.providerId(),
                booked.siteId(),
                name(booked.region()),
                booked.start(),
                booked.end(),
                !state.active(),
                state.reason(),
                booked.cpt() != null
                        ? booked.cpt()
                        : booked.type() == null ? null : booked.type().cpt());
    }

    static AppointmentFacts of(ExportedAppointment exported) {
        return new AppointmentFacts(
                exported.appointmentId(),
                exported.episodeId(),
                exported.type(),
                exported.specialty(),
                exported.providerId(),
                exported.siteId(),
                exported.region(),
                exported.start(),
                exported.end(),
                "CANCELLED".equals(exported.status()),
                null,
                null);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
