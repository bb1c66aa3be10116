package org.carepath.scheduling.adapters;

import java.util.List;
import org.carepath.events.Topics;
import org.carepath.events.scheduling.FollowUpState;
import org.carepath.events.scheduling.FollowUpUpdated;
import org.carepath.platform.messaging.OutboxMessage;
import org.carepath.platform.messaging.OutboxMessages;
import org.carepath.scheduling.booking.Appointment;
import org.carepath.scheduling.followup.FollowUp;
import org.carepath.scheduling.schedule.ScheduleEvent;
import org.springframework.stereotype.Component;

/**
 * The events an episode's schedule announces, as the contract's topics carry them. Ids are natural where the
 * change happens once (an appointment is booked once and cancelled once under its id, a follow-up goes out once),
 * so a change computed twice is one event to consumers.
 */
@Component
class ScheduleEvents {

    private final OutboxMessages outboxMessages;

    ScheduleEvents(OutboxMessages outboxMessages) {
        this.outboxMessages = outboxMessages;
    }

    List<OutboxMessage> of(List<ScheduleEvent> events) {
        return events.stream().map(this::of).toList();
    }

    OutboxMessage of(ScheduleEvent event) {
        if (event instanceof ScheduleEvent.Booked booked) {
            return booked(booked.appointment());
        }
        if (event instanceof ScheduleEvent.Rescheduled moved) {
            // each move is a new event: same appointment id, new time
            return outboxMessages.create(
                    Topics.APPOINTMENT_BOOKED,
                    moved.appointment().episodeId(),
                    moved.appointment().booked());
        }
        if (event instanceof ScheduleEvent.Cancelled cancelled) {
            Appointment appointment = cancelled.appointment();
            return outboxMessages.create(
                    Topics.APPOINTMENT_CANCELLED,
                    appointment.appointmentId() + ":cancelled",
                    appointment.episodeId(),
                    appointment.cancelled(cancelled.reason()));
        }
        if (event instanceof ScheduleEvent.Waitlisted waitlisted) {
            return outboxMessages.create(
                    Topics.APPOINTMENT_WAITLISTED,
                    waitlisted.entry().entryId() + ":waitlisted",
                    waitlisted.entry().episodeId(),
                    waitlisted.entry().waitlisted());
        }
        if (event instanceof ScheduleEvent.FollowUpDue due) {
            FollowUp followUp = due.followUp();
            return outboxMessages.create(
                    Topics.FOLLOWUP_DUE, followUp.followUpId() + ":due", followUp.episodeId(), followUp.due());
        }
        return updated(((ScheduleEvent.FollowUpChanged) event).followUp());
    }

    private OutboxMessage booked(Appointment appointment) {
        return outboxMessages.create(
                Topics.APPOINTMENT_BOOKED,
                appointment.appointmentId() + ":booked",
                appointment.episodeId(),
                appointment.booked());
    }

    /** A natural id: the same state of a follow-up is the same event. */
    private OutboxMessage updated(FollowUp followUp) {
        FollowUpUpdated updated = new FollowUpUpdated(
                followUp.followUpId(),
                followUp.episodeId(),
                followUp.kind(),
                followUp.rule(),
                followUp.dueAt(),
                followUp.channel(),
                followUp.appointmentId(),
                FollowUpState.valueOf(followUp.status().name()));
        String eventId = followUp.followUpId() + ":" + followUp.status() + ":"
                + followUp.dueAt().toEpochMilli();
        return outboxMessages.create(Topics.FOLLOWUP_UPDATED, eventId, followUp.episodeId(), updated);
    }
}
