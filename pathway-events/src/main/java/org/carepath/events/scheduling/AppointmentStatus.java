package org.carepath.events.scheduling;

public enum AppointmentStatus {
    BOOKED,
    CANCELLED
}
