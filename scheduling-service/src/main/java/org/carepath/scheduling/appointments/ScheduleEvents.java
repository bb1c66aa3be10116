package org.carepath.scheduling.appointments;

import java.util.List;
import java.util.stream.Stream;
import org.carepath.events.Topics;
import org.carepath.platform.messaging.OutboxMessage;
import org.carepath.platform.messaging.OutboxMessages;
import org.carepath.scheduling.booking.Appointment;
import org.carepath.scheduling.booking.BookingPlan;
import org.carepath.scheduling.booking.WaitlistEntry;
import org.springframework.stereotype.Component;

/**
 * The events an episode's schedule announces. Ids are natural where the change happens once (an appointment is
 * booked once and cancelled once under its id), so a change computed twice is one event to consumers.
 */
@Component
class ScheduleEvents {

    private final OutboxMessages outboxMessages;

    ScheduleEvents(OutboxMessages outboxMessages) {
        this.outboxMessages = outboxMessages;
    }

    List<OutboxMessage> of(BookingPlan plan) {
        return Stream.of(
                        plan.cancelled().stream().map(cancelled -> cancelled(cancelled, BookingPlan.RECOVERED)),
                        plan.appointments().stream().map(this::booked),
                        plan.waitlisted().stream().map(this::waitlisted))
                .flatMap(events -> events)
                .toList();
    }

    OutboxMessage booked(Appointment appointment) {
        return outboxMessages.create(
                Topics.APPOINTMENT_BOOKED,
                appointment.appointmentId() + ":booked",
                appointment.episodeId(),
                appointment.booked());
    }

    /** A moved appointment is announced as booked again, same id, new time: each move is a new event. */
    OutboxMessage rescheduled(Appointment appointment) {
        return outboxMessages.create(Topics.APPOINTMENT_BOOKED, appointment.episodeId(), appointment.booked());
    }

    OutboxMessage cancelled(Appointment appointment, String reason) {
        return outboxMessages.create(
                Topics.APPOINTMENT_CANCELLED,
                appointment.appointmentId() + ":cancelled",
                appointment.episodeId(),
                appointment.cancelled(reason));
    }

    OutboxMessage waitlisted(WaitlistEntry entry) {
        return outboxMessages.create(
                Topics.APPOINTMENT_WAITLISTED, entry.entryId() + ":waitlisted", entry.episodeId(), entry.waitlisted());
    }
}
