package org.carepath.scheduling.booking;

import java.util.List;

/**
 * What to store and announce for an episode: new appointments (each emits {@code appointment.booked}), new
 * waitlist entries (each emits {@code appointment.waitlisted}), and existing waitlist entries whose status
 * changed (SERVED, or WITHDRAWN when the episode went to the emergency room or recovered), and existing
 * appointments now cancelled (BK-RC: each emits {@code appointment.cancelled} with reason {@value #RECOVERED}, and
 * its slot is freed for the waitlist). {@code rules} lists the BK-* rules applied.
 */
public record BookingPlan(
        String episodeId,
        List<Appointment> appointments,
        List<WaitlistEntry> waitlisted,
        List<WaitlistEntry> waitlistUpdates,
        List<String> rules,
        List<Appointment> cancelled) {

    /** The reason an appointment cancelled by BK-RC gives. */
    public static final String RECOVERED = "RECOVERED";

    public BookingPlan {
        appointments = List.copyOf(appointments);
        waitlisted = List.copyOf(waitlisted);
        waitlistUpdates = List.copyOf(waitlistUpdates);
        rules = List.copyOf(rules);
        cancelled = List.copyOf(cancelled);
    }

    /** A plan that cancels nothing. */
    public BookingPlan(
            String episodeId,
            List<Appointment> appointments,
            List<WaitlistEntry> waitlisted,
            List<WaitlistEntry> waitlistUpdates,
            List<String> rules) {
        this(episodeId, appointments, waitlisted, waitlistUpdates, rules, List.of());
    }

    public boolean changesNothing() {
        return appointments.isEmpty() && waitlisted.isEmpty() && waitlistUpdates.isEmpty() && cancelled.isEmpty();
    }
}
