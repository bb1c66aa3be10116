package org.carepath.scheduling.adapters;

import java.time.Instant;
import java.util.List;
import org.carepath.scheduling.followup.FollowUp;
import org.carepath.scheduling.followup.QuietHours;
import org.carepath.scheduling.schedule.ScheduleChange;
import org.springframework.stereotype.Component;

/**
 * Delivers follow-ups (scheduling-rules §6). Those already due when planned go out with the change that planned
 * them ({@link org.carepath.scheduling.schedule.EpisodeSchedule}). For the others one timer is enough: the earliest
 * pending follow-up of every schedule has a timer ({@link FollowUpTimers}), set before the schedule is written;
 * when it fires, the dispatcher sends what is due and sets the timer of the next one. So a decision planning four
 * messages writes one timer, not four. A timer whose follow-up was cancelled meanwhile still fires, finds nothing
 * due and passes the chain on.
 */
@Component
class FollowUpDelivery {

    private final FollowUpTimers timers;
    private final ScheduleEvents events;
    private final QuietHours quiet;

    FollowUpDelivery(FollowUpTimers timers, ScheduleEvents events, QuietHours quiet) {
        this.timers = timers;
        this.events = events;
        this.quiet = quiet;
    }

    /** Sets these timers, in one bulk write. */
    void setTimers(List<FollowUp> followUps) {
        timers.set(followUps);
    }

    /** The timers that keep the chain of these schedules going: each one's next pending follow-up. */
    void setNextTimers(List<EpisodeScheduleDocument> schedules, Instant now) {
        timers.set(schedules.stream()
                .flatMap(schedule -> schedule.schedule().nextPending(now).stream())
                .toList());
    }

    /**
     * The schedule with every follow-up due at {@code now} marked sent, or cancelled when it reminds of an
     * appointment no longer booked then (MSG-STALE), or deferred out of quiet hours (MSG-QUIET); the same schedule
     * when none is due.
     */
    EpisodeScheduleDocument sendDue(EpisodeScheduleDocument schedule, Instant now) {
        ScheduleChange change = schedule.schedule().sendDue(now, quiet);
        return change.changesNothing() ? schedule : schedule.storing(change.next(), events.of(change.events()));
    }
}
