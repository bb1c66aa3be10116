package org.carepath.scheduling.appointments;

import java.time.Instant;
import java.util.List;
import org.carepath.events.intake.Contact;
import org.carepath.scheduling.booking.Appointment;
import org.carepath.scheduling.followup.FollowUp;
import org.carepath.scheduling.followup.FollowUpPlanner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** MSG-APPT reminders for appointments booked outside a decision (online, from the waitlist). */
@Component
class Reminders {

    private static final Logger log = LoggerFactory.getLogger(Reminders.class);

    private final FollowUpPlanner planner;

    Reminders(FollowUpPlanner planner) {
        this.planner = planner;
    }

    /** A booking stands even when the patient cannot be reminded (no usable contact): that is logged. */
    List<FollowUp> forAppointments(List<Appointment> appointments, Contact contact, Instant now) {
        try {
            return appointments.stream()
                    .flatMap(appointment -> planner.reminderFor(appointment, contact, now).stream())
                    .toList();
        } catch (IllegalArgumentException unreachable) {
            log.warn("No reminder for appointments {}: {}", ids(appointments), unreachable.getMessage());
            return List.of();
        }
    }

    private static List<String> ids(List<Appointment> appointments) {
        return appointments.stream().map(Appointment::appointmentId).toList();
    }
}
