package org.carepath.scheduling.appointments;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Frees slots whose claim no saved booking backs. A booking claims its slot before it saves the episode's
 * document, and a move or cancellation deletes the old claim after saving; a crash between the two would
 * otherwise keep a provider's slot taken for good. A freed slot goes to the waitlist like any other.
 *
 * <p>Fair and bounded: each round reads the next {@value #CLAIMS_PER_ROUND} claims in slot-start order after where
 * the last round stopped, and starts again from now once it has passed the last, so an orphan however far out is
 * freed within a bounded number of rounds. A claim is freed only as the sweep saw it: one claimed again meanwhile
 * (a redelivery taking its own slot again refreshes the claim's time) stays, and a booking that was in flight for
 * longer than half of {@link #GRACE} confirms its claims before it saves ({@link BookingSession#confirm}).
 */
@Component
class OrphanClaimSweeper {

    /** Far longer than a booking takes between its claim and its save. */
    static final Duration GRACE = Duration.ofMinutes(2);

    static final int CLAIMS_PER_ROUND = 500;
    private static final Logger log = LoggerFactory.getLogger(OrphanClaimSweeper.class);

    private final SlotClaims claims;
    private final EpisodeSchedules schedules;
    private final FreedSlots freedSlots;
    private final ClaimingPlanner claiming;
    private final Clock clock;
    private SlotClaims.SweepCursor cursor;

    OrphanClaimSweeper(
            SlotClaims claims,
            EpisodeSchedules schedules,
            FreedSlots freedSlots,
            ClaimingPlanner claiming,
            Clock clock) {
        this.claims = claims;
        this.schedules = schedules;
        this.freedSlots = freedSlots;
        this.claiming = claiming;
        this.clock = clock;
    }

    @Scheduled(
            initialDelayString = "${carepath.scheduling.orphan-claim-sweep-initial-delay:1m}",
            fixedDelayString = "${carepath.scheduling.orphan-claim-sweep-interval:30m}")
    void sweep() {
        sweep(clock.instant());
    }

    /** Frees the orphaned claims of one round at {@code now}; returns how many. */
    synchronized int sweep(Instant now) {
        return sweep(now, CLAIMS_PER_ROUND);
    }

    synchronized int sweep(Instant now, int limit) {
        List<SlotClaim> page = claims.claimedBefore(now.minus(GRACE), now, cursor, limit);
        cursor = page.size() < limit
                ? null
                : new SlotClaims.SweepCursor(
                        page.get(page.size() - 1).start(),
                        page.get(page.size() - 1).slotId());
        int freed = 0;
        for (SlotClaim claim : page) {
            Optional<EpisodeSchedule> schedule = schedules.find(claim.episodeId());
            if (!backedByABooking(claim, schedule) && claims.releaseAsSeen(claim)) {
                freed++;
                log.warn(
                        "Freed slot {}: appointment {} of episode {} does not book it",
                        claim.slotId(),
                        claim.appointmentId(),
                        claim.episodeId());
                // the same crash may have left the time in the patient's calendar: it follows the schedule again
                schedule.ifPresent(stored -> claiming.session().followPatientTime(stored));
                freedSlots.offer(claim.slotId());
            }
        }
        return freed;
    }

    private static boolean backedByABooking(SlotClaim claim, Optional<EpisodeSchedule> schedule) {
        return schedule.flatMap(stored -> stored.appointment(claim.appointmentId()))
                .filter(appointment ->
                        appointment.isBooked() && appointment.slotId().equals(claim.slotId()))
                .isPresent();
    }
}
