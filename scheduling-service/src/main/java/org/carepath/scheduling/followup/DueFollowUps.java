package org.carepath.scheduling.followup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.carepath.events.scheduling.FollowUpKind;
import org.carepath.scheduling.booking.Appointment;

/** Which follow-ups are due, and what becomes of each when its time comes. */
public final class DueFollowUps {

    private DueFollowUps() {}

    /** Pending follow-ups whose time has come, oldest due first. */
    public static List<FollowUp> at(Instant now, List<FollowUp> followUps) {
        return followUps.stream()
                .filter(followUp -> followUp.isDueAt(now))
                .sorted(Comparator.comparing(FollowUp::dueAt).thenComparing(FollowUp::followUpId))
                .toList();
    }

    /**
     * What the follow-ups due at {@code now} become: sent; cancelled when they are reminders of an appointment no
     * longer booked (or moved, or already started: MSG-STALE); or, in quiet hours, deferred to their end (MSG-QUIET;
     * MSG-ER is always sent at once).
     */
    public static Outcome of(Instant now, List<FollowUp> followUps, List<Appointment> appointments, QuietHours quiet) {
        List<FollowUp> send = new ArrayList<>();
        List<FollowUp> cancel = new ArrayList<>();
        List<FollowUp> defer = new ArrayList<>();
        for (FollowUp due : at(now, followUps)) {
            if (isStale(due, appointments, now)) {
                cancel.add(due.cancel());
            } else if (due.kind() != FollowUpKind.EMERGENCY_INSTRUCTION && quiet.isQuiet(now)) {
                defer.add(due.deferTo(quiet.deferred(now)));
            } else {
                send.add(due.markSent());
            }
        }
        return new Outcome(send, cancel, defer);
    }

    /** MSG-STALE: a reminder whose appointment is no longer booked there and then, or has already started. */
    public static boolean isStale(FollowUp followUp, List<Appointment> appointments, Instant now) {
        if (!followUp.isReminder()) {
            return false;
        }
        return appointments.stream()
                .filter(Appointment::isBooked)
                .filter(appointment -> appointment.appointmentId().equals(followUp.appointmentId()))
                .filter(appointment -> FollowUpPlanner.reminderId(appointment).equals(followUp.followUpId()))
                .noneMatch(appointment -> appointment.start().isAfter(now));
    }

    /** Follow-ups now sent, cancelled as stale, and deferred out of quiet hours. */
    public record Outcome(List<FollowUp> sent, List<FollowUp> cancelled, List<FollowUp> deferred) {

        public Outcome {
            sent = List.copyOf(sent);
            cancelled = List.copyOf(cancelled);
            deferred = List.copyOf(deferred);
        }

        public boolean changesNothing() {
            return sent.isEmpty() && cancelled.isEmpty() && deferred.isEmpty();
        }

        public List<FollowUp> all() {
            List<FollowUp> all = new ArrayList<>(sent);
            all.addAll(cancelled);
            all.addAll(deferred);
            return all;
        }
    }
}
