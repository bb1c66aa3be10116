package org.carepath.scheduling.booking;

import java.util.List;

/**
 * What to store and announce for an episode: new appointments (each emits {@code appointment.booked}), new
 * waitlist entries (each emits {@code appointment.waitlisted}), and existing waitlist entries whose status
 * changed (SERVED, or WITHDRAWN when the episode went to the emergency room or recovered). {@code rules} lists
 * the BK-* rules applied.
 */
public record BookingPlan(
        String episodeId,
        List<Appointment> appointments,
        List<WaitlistEntry> waitlisted,
        List<WaitlistEntry> waitlistUpdates,
        List<String> rules) {

    public BookingPlan {
        appointments = List.copyOf(appointments);
        waitlisted = List.copyOf(waitlisted);
        waitlistUpdates = List.copyOf(waitlistUpdates);
        rules = List.copyOf(rules);
    }

    public boolean changesNothing() {
        return appointments.isEmpty() && waitlisted.isEmpty() && waitlistUpdates.isEmpty();
    }
}
