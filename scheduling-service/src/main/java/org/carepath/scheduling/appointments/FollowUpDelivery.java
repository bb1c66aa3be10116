package org.carepath.scheduling.appointments;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.carepath.events.Topics;
import org.carepath.events.scheduling.FollowUpState;
import org.carepath.events.scheduling.FollowUpUpdated;
import org.carepath.platform.messaging.OutboxMessage;
import org.carepath.platform.messaging.OutboxMessages;
import org.carepath.scheduling.followup.DueFollowUps;
import org.carepath.scheduling.followup.FollowUp;
import org.carepath.scheduling.followup.QuietHours;
import org.springframework.stereotype.Component;

/**
 * Puts follow-ups into a schedule about to be saved (scheduling-rules §6). Those already due (an emergency
 * instruction, a reminder for an appointment less than a day away) are marked sent at once with their
 * {@code followup.due} event, in the same write as the change that planned them. For the others one timer is
 * enough: the earliest pending follow-up of every schedule has a timer ({@link FollowUpTimers}), set before the
 * schedule is written; when it fires, the dispatcher sends what is due and sets the timer of the next one. So a
 * decision planning four messages writes one timer, not four. A timer whose follow-up was cancelled meanwhile
 * still fires, finds nothing due and passes the chain on.
 */
@Component
class FollowUpDelivery {

    private final FollowUpTimers timers;
    private final OutboxMessages outboxMessages;
    private final QuietHours quiet;

    FollowUpDelivery(FollowUpTimers timers, OutboxMessages outboxMessages, QuietHours quiet) {
        this.timers = timers;
        this.outboxMessages = outboxMessages;
        this.quiet = quiet;
    }

    EpisodeSchedule planned(EpisodeSchedule schedule, List<FollowUp> scheduled, List<FollowUp> cancelled, Instant now) {
        Planned planned = plan(schedule, scheduled, cancelled, now);
        timers.set(planned.timer().stream().toList());
        return planned.next();
    }

    /** As {@link #planned}, leaving the timer to the caller, who sets it (with others) before saving the schedule. */
    Planned plan(EpisodeSchedule schedule, List<FollowUp> scheduled, List<FollowUp> cancelled, Instant now) {
        EpisodeSchedule next = announced(schedule, markDue(schedule.withFollowUps(scheduled, cancelled), now));
        Optional<FollowUp> timed = schedule.nextPending(now);
        Optional<FollowUp> timer = next.nextPending(now)
                .filter(first ->
                        timed.isEmpty() || first.dueAt().isBefore(timed.get().dueAt()));
        return new Planned(next, timer);
    }

    /** Sets these timers, in one bulk write. */
    void setTimers(List<FollowUp> followUps) {
        timers.set(followUps);
    }

    /** A schedule with its follow-ups planned, and the timer its saving needs first, if any. */
    record Planned(EpisodeSchedule next, Optional<FollowUp> timer) {}

    /** The timers that keep the chain of these schedules going: each one's next pending follow-up. */
    void setNextTimers(List<EpisodeSchedule> schedules, Instant now) {
        timers.set(schedules.stream()
                .flatMap(schedule -> schedule.nextPending(now).stream())
                .toList());
    }

    /**
     * The schedule with every follow-up due at {@code now} marked sent, or cancelled when it reminds of an
     * appointment no longer booked then (MSG-STALE), or deferred out of quiet hours (MSG-QUIET); the same schedule
     * when none is due.
     */
    EpisodeSchedule sendDue(EpisodeSchedule schedule, Instant now) {
        return announced(schedule, markDue(schedule, now));
    }

    private EpisodeSchedule markDue(EpisodeSchedule schedule, Instant now) {
        DueFollowUps.Outcome outcome = DueFollowUps.of(now, schedule.followUps(), schedule.appointments(), quiet);
        if (outcome.changesNothing()) {
            return schedule;
        }
        List<OutboxMessage> events = outcome.sent().stream().map(this::dueEvent).toList();
        return schedule.sent(outcome.all(), events);
    }

    /**
     * {@code next} with a {@code followup.updated} event for each follow-up it planned, sent, cancelled or moved
     * since {@code before}, for the operations dashboard. A natural id: the same state is the same event.
     */
    private EpisodeSchedule announced(EpisodeSchedule before, EpisodeSchedule next) {
        Map<String, FollowUp> was = new HashMap<>();
        before.followUps().forEach(followUp -> was.put(followUp.followUpId(), followUp));
        List<OutboxMessage> updates = next.followUps().stream()
                .filter(followUp -> changed(was.get(followUp.followUpId()), followUp))
                .map(this::updatedEvent)
                .toList();
        return updates.isEmpty() ? next : next.announcing(updates);
    }

    private static boolean changed(FollowUp before, FollowUp after) {
        return before == null
                || before.status() != after.status()
                || !before.dueAt().equals(after.dueAt());
    }

    private OutboxMessage updatedEvent(FollowUp followUp) {
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

    /** A natural id: the follow-up goes out once, however often its sending is computed. */
    private OutboxMessage dueEvent(FollowUp followUp) {
        return outboxMessages.create(
                Topics.FOLLOWUP_DUE, followUp.followUpId() + ":due", followUp.episodeId(), followUp.due());
    }
}
