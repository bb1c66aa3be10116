package org.carepath.billing.estimate;

import org.carepath.events.scheduling.AppointmentBooked;

/** An appointment still booked for an episode, with the CPT code billing prices it with. */
public record BookedAppointment(String appointmentId, String cpt) {

    public static BookedAppointment from(AppointmentBooked booked) {
        return new BookedAppointment(booked.appointmentId(), booked.cpt());
    }
}
