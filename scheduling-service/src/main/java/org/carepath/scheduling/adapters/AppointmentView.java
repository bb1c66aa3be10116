package org.carepath.scheduling.adapters;

import java.time.Instant;
import org.carepath.events.intake.Region;
import org.carepath.events.scheduling.AppointmentStatus;
import org.carepath.events.scheduling.AppointmentType;
import org.carepath.events.scheduling.Specialty;
import org.carepath.scheduling.booking.Appointment;

/**
 * An appointment as the REST API shows it: the contract's fields, plus the slot, the decision version it was
 * booked for (0 = booked online) and the rule that booked it.
 */
record AppointmentView(
        String appointmentId,
        String episodeId,
        AppointmentType type,
        Specialty specialty,
        String providerId,
        String siteId,
        Region region,
        Instant start,
        Instant end,
        AppointmentStatus status,
        String cpt,
        String slotId,
        int decisionVersion,
        String rule) {

    static AppointmentView of(Appointment appointment) {
        return new AppointmentView(
                appointment.appointmentId(),
                appointment.episodeId(),
                appointment.type(),
                appointment.specialty(),
                appointment.providerId(),
                appointment.siteId(),
                appointment.region(),
                appointment.start(),
                appointment.end(),
                appointment.status(),
                appointment.cpt(),
                appointment.slotId(),
                appointment.decisionVersion(),
                appointment.rule());
    }
}
