package org.carepath.scheduling.booking;

public enum WaitlistStatus {
    /** No slot fitted the window yet; a freed slot may serve it. */
    WAITING,
    /** Booked: the appointment has the entry's id. */
    SERVED,
    /** No longer wanted: the episode went to the emergency room or recovered. */
    WITHDRAWN
}
