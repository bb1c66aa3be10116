package org.carepath.scheduling.adapters;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.carepath.platform.PollingWorker;
import org.carepath.platform.outbox.OutboxStore;
import org.carepath.platform.persistence.ConcurrentWrites;
import org.carepath.scheduling.SchedulingProperties;
import org.carepath.scheduling.followup.FollowUpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends follow-ups when they fall due (scheduling-rules §6). It reads the timers of the minutes that have passed
 * since it last looked, and of the next ones, by their ids ({@link FollowUpTimers}); marks each due follow-up sent
 * in its episode's schedule with its {@code followup.due} event (one bulk write), after setting the timer of each
 * schedule's next pending follow-up ({@link FollowUpDelivery}); and sleeps until the next timer
 * it saw, or at most {@code follow-up-dispatch-interval}. An idle dispatcher costs one read by ids per interval,
 * whatever is stored. The time is the injected {@link Clock}'s. Several instances may dispatch the same minute:
 * the schedule's version lets one of them mark a follow-up sent, once.
 */
@Component
public class FollowUpDispatcher extends PollingWorker {

    /** Buckets sent per round when catching up after a pause. */
    static final int BUCKETS_PER_ROUND = 64;
    /** How far ahead the dispatcher looks for the next timer to sleep until. */
    static final Duration LOOK_AHEAD = Duration.ofMinutes(15);

    private static final Duration SHORTEST_SLEEP = Duration.ofMillis(10);
    private static final Logger log = LoggerFactory.getLogger(FollowUpDispatcher.class);

    private final FollowUpTimers timers;
    private final EpisodeSchedules schedules;
    private final FollowUpDelivery delivery;
    private final OutboxStore store;
    private final Clock clock;
    private final Duration longestSleep;
    private Instant cursor;
    private Duration sleep;

    FollowUpDispatcher(
            FollowUpTimers timers,
            EpisodeSchedules schedules,
            FollowUpDelivery delivery,
            OutboxStore store,
            Clock clock,
            SchedulingProperties properties) {
        super("follow-up-dispatcher", properties.followUpDispatchInterval());
        this.timers = timers;
        this.schedules = schedules;
        this.delivery = delivery;
        this.store = store;
        this.clock = clock;
        this.longestSleep = properties.followUpDispatchInterval();
        this.sleep = longestSleep;
    }

    /** Sends what is due now, at most {@value #BUCKETS_PER_ROUND} minutes' buckets; returns how many it sent. */
    public synchronized int dispatchDue() {
        Instant now = clock.instant();
        Instant currentMinute = FollowUpTimers.minuteOf(now);
        if (cursor == null) {
            Instant saved = timers.cursor();
            cursor = saved == null ? currentMinute : saved;
        }
        if (cursor.isAfter(currentMinute)) {
            // the clock went back (a test, or a corrected host clock): start again from now
            cursor = currentMinute;
        }
        int sent = 0;
        int read = 0;
        Instant nextDue = null;
        Instant nextCursor = currentMinute;
        boolean more = false;
        for (FollowUpTimers.Bucket bucket : timers.between(cursor, currentMinute.plus(LOOK_AHEAD))) {
            if (bucket.minute().isAfter(now)) {
                nextDue = earliest(nextDue, bucket, now);
                continue;
            }
            if (read == BUCKETS_PER_ROUND) {
                // catching up after a pause: the rest next round, from this bucket's minute on
                nextCursor = bucket.minute();
                more = true;
                break;
            }
            read++;
            sent += send(bucket, now);
            boolean allDue =
                    bucket.timers().stream().noneMatch(timer -> timer.dueAt().isAfter(now));
            if (allDue) {
                timers.remove(bucket);
            } else {
                nextDue = earliest(nextDue, bucket, now);
            }
        }
        if (!nextCursor.equals(cursor)) {
            timers.forgetDays(cursor, nextCursor);
            cursor = nextCursor;
            timers.saveCursor(cursor);
        }
        sleep = more ? Duration.ZERO : sleepUntil(nextDue, now);
        if (sent > 0) {
            log.info("Follow-ups due: {} marked sent", sent);
        }
        return sent;
    }

    @Override
    protected boolean workOnce() {
        dispatchDue();
        return sleep.isZero();
    }

    @Override
    protected Duration nextWait() {
        return sleep;
    }

    private int send(FollowUpTimers.Bucket bucket, Instant now) {
        Set<String> episodeIds = new LinkedHashSet<>();
        bucket.timers().stream()
                .filter(timer -> !timer.dueAt().isAfter(now))
                .forEach(timer -> episodeIds.add(timer.episodeId()));
        List<EpisodeScheduleDocument> changed = new ArrayList<>();
        List<EpisodeScheduleDocument> after = new ArrayList<>();
        int sent = 0;
        for (EpisodeScheduleDocument schedule : schedules.findAll(episodeIds)) {
            EpisodeScheduleDocument next = delivery.sendDue(schedule, now);
            after.add(next);
            if (next != schedule) {
                changed.add(next);
                sent += sentCount(next) - sentCount(schedule);
            }
        }
        // the next timers before the schedules, and the bucket goes only after both (so the chain never breaks)
        delivery.setNextTimers(after, now);
        for (EpisodeScheduleDocument lost : store.saveAll(changed)) {
            // another writer changed the schedule since it was read: read it again and send what is still due
            ConcurrentWrites.retry(() -> schedules.find(lost.episodeId()).ifPresent(current -> {
                EpisodeScheduleDocument next = delivery.sendDue(current, now);
                if (next != current) {
                    store.save(next);
                }
            }));
        }
        return sent;
    }

    private static int sentCount(EpisodeScheduleDocument schedule) {
        return (int) schedule.followUps().stream()
                .filter(followUp -> followUp.status() == FollowUpStatus.SENT)
                .count();
    }

    private Duration sleepUntil(Instant nextDue, Instant now) {
        if (nextDue == null) {
            return longestSleep;
        }
        Duration untilDue = Duration.between(now, nextDue);
        if (untilDue.compareTo(SHORTEST_SLEEP) < 0) {
            return SHORTEST_SLEEP;
        }
        return untilDue.compareTo(longestSleep) < 0 ? untilDue : longestSleep;
    }

    /** The earliest timer of the bucket still ahead of {@code now}, if earlier than {@code soFar}. */
    private static Instant earliest(Instant soFar, FollowUpTimers.Bucket bucket, Instant now) {
        Instant earliest = soFar;
        for (FollowUpTimers.Timer timer : bucket.timers()) {
            if (timer.dueAt().isAfter(now) && (earliest == null || timer.dueAt().isBefore(earliest))) {
                earliest = timer.dueAt();
            }
        }
        return earliest;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
