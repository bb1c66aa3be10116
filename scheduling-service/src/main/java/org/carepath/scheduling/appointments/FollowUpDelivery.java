package org.carepath.scheduling.appointments;

import java.time.Instant;
import java.util.List;
import org.carepath.events.Topics;
import org.carepath.platform.messaging.OutboxMessage;
import org.carepath.platform.messaging.OutboxMessages;
import org.carepath.scheduling.followup.FollowUp;
import org.springframework.stereotype.Component;

/**
 * Puts follow-ups into a schedule about to be saved (scheduling-rules §6): those due later get a timer first, those
 * already due (an emergency instruction, a reminder for an appointment less than a day away) are marked sent at
 * once with their {@code followup.due} event, in the same write as the change that planned them.
 */
@Component
class FollowUpDelivery {

    private final FollowUpTimers timers;
    private final OutboxMessages outboxMessages;

    FollowUpDelivery(FollowUpTimers timers, OutboxMessages outboxMessages) {
        this.timers = timers;
        this.outboxMessages = outboxMessages;
    }

    EpisodeSchedule planned(EpisodeSchedule schedule, List<FollowUp> scheduled, List<FollowUp> cancelled, Instant now) {
        timers.set(scheduled.stream()
                .filter(followUp -> followUp.dueAt().isAfter(now))
                .toList());
        return sendDue(schedule.withFollowUps(scheduled, cancelled), now);
    }

    /** The schedule with every follow-up due at {@code now} marked sent; the same schedule when none is due. */
    EpisodeSchedule sendDue(EpisodeSchedule schedule, Instant now) {
        List<FollowUp> due = schedule.dueAt(now);
        if (due.isEmpty()) {
            return schedule;
        }
        List<FollowUp> sent = due.stream().map(FollowUp::markSent).toList();
        List<OutboxMessage> events = sent.stream().map(this::dueEvent).toList();
        return schedule.sent(sent, events);
    }

    /** A natural id: the follow-up goes out once, however often its sending is computed. */
    private OutboxMessage dueEvent(FollowUp followUp) {
        return outboxMessages.create(
                Topics.FOLLOWUP_DUE, followUp.followUpId() + ":due", followUp.episodeId(), followUp.due());
    }
}
