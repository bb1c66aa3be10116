package org.carepath.scheduling.schedule;

import org.carepath.scheduling.booking.Appointment;
import org.carepath.scheduling.booking.WaitlistEntry;
import org.carepath.scheduling.followup.FollowUp;

/** What a change of an episode's schedule announces; the adapter turns each into its topic's event. */
public sealed interface ScheduleEvent {

    record Booked(Appointment appointment) implements ScheduleEvent {}

    /** A booked appointment moved to another slot: announced as booked again, same id, new time. */
    record Rescheduled(Appointment appointment) implements ScheduleEvent {}

    record Cancelled(Appointment appointment, String reason) implements ScheduleEvent {}

    record Waitlisted(WaitlistEntry entry) implements ScheduleEvent {}

    /** A follow-up whose time came and which is sent now. */
    record FollowUpDue(FollowUp followUp) implements ScheduleEvent {}

    /** A follow-up planned, sent, cancelled or moved, for the operations dashboard. */
    record FollowUpChanged(FollowUp followUp) implements ScheduleEvent {}
}
