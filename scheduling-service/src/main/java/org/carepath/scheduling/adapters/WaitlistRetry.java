package org.carepath.scheduling.adapters;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Tries waiting entries again now and then, for availability that appeared without a cancellation (a directory
 * with more hours, a slot freed while its instance was down). A booking it makes is claimed like any other.
 */
@Component
class WaitlistRetry {

    static final int EPISODES_PER_ROUND = 200;
    private static final Logger log = LoggerFactory.getLogger(WaitlistRetry.class);

    private final EpisodeSchedules schedules;
    private final WaitlistScheduling waitlist;
    private final Clock clock;

    WaitlistRetry(EpisodeSchedules schedules, WaitlistScheduling waitlist, Clock clock) {
        this.schedules = schedules;
        this.waitlist = waitlist;
        this.clock = clock;
    }

    @Scheduled(
            initialDelayString = "${carepath.scheduling.waitlist-retry-interval:15m}",
            fixedDelayString = "${carepath.scheduling.waitlist-retry-interval:15m}")
    void retryWaiting() {
        int booked = 0;
        for (String episodeId : schedules.withOpenWaitlist(clock.instant(), EPISODES_PER_ROUND)) {
            try {
                booked += waitlist.retryEpisode(episodeId);
            } catch (RuntimeException e) {
                log.warn("Waitlist retry of episode {} failed: {}", episodeId, e.toString());
            }
        }
        if (booked > 0) {
            log.info("Waitlist retry booked {} waiting entries", booked);
        }
    }
}
