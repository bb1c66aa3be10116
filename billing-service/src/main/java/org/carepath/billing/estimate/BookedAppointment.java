package org.carepath.billing.estimate;

import java.time.Instant;
import org.carepath.events.scheduling.AppointmentBooked;

/**
 * An appointment still booked for an episode, with the CPT code billing prices it with and its start, the date of
 * service its line is ordered by (B-ORDER); {@code start} is null only when scheduling did not say.
 */
public record BookedAppointment(String appointmentId, String cpt, Instant start) {

    public static BookedAppointment from(AppointmentBooked booked) {
        return new BookedAppointment(booked.appointmentId(), booked.cpt(), booked.start());
    }
}
