package org.carepath.scheduling.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.carepath.scheduling.booking.Appointment;
import org.carepath.scheduling.booking.WaitlistEntry;
import org.carepath.scheduling.followup.FollowUp;

/**
 * What one transition of an {@link EpisodeSchedule} causes, for the adapter to carry out: the next state, the
 * events it announces, the slots to claim before it is stored and those to free after, the follow-ups (reminders among
 * them) it plans and cancels, and the follow-up whose timer must be set before it is stored, if any.
 *
 * @param rules the BK-* and MSG-* rules applied, for the log
 */
public record ScheduleChange(
        EpisodeSchedule before,
        EpisodeSchedule next,
        List<ScheduleEvent> events,
        List<Appointment> claimsToTake,
        List<Appointment> claimsToRelease,
        List<FollowUp> followUpsPlanned,
        List<FollowUp> followUpsCancelled,
        Optional<FollowUp> timer,
        List<String> rules) {

    public ScheduleChange {
        events = List.copyOf(events);
        claimsToTake = List.copyOf(claimsToTake);
        claimsToRelease = List.copyOf(claimsToRelease);
        followUpsPlanned = List.copyOf(followUpsPlanned);
        followUpsCancelled = List.copyOf(followUpsCancelled);
        rules = List.copyOf(rules);
    }

    /** The schedule as it is: a redelivery, a retried request, a state that asks for nothing. */
    public static ScheduleChange none(EpisodeSchedule schedule) {
        return new ScheduleChange(
                schedule, schedule, List.of(), List.of(), List.of(), List.of(), List.of(), Optional.empty(), List.of());
    }

    /** The same change, with one more appointment whose slot is to be freed after it. */
    ScheduleChange releasing(Appointment appointment) {
        List<Appointment> released = new ArrayList<>(claimsToRelease);
        released.add(appointment);
        return new ScheduleChange(
                before, next, events, claimsToTake, released, followUpsPlanned, followUpsCancelled, timer, rules);
    }

    /** Whether the state stays as it was (slots may still be freed again: {@link #claimsToRelease}). */
    public boolean changesNothing() {
        return next == before;
    }

    /** The entries this change puts on the waitlist. */
    public List<WaitlistEntry> waitlisted() {
        return events.stream()
                .filter(ScheduleEvent.Waitlisted.class::isInstance)
                .map(event -> ((ScheduleEvent.Waitlisted) event).entry())
                .toList();
    }
}
