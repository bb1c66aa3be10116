package org.carepath.scheduling.appointments;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.carepath.scheduling.directory.SlotCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Frees slots whose claim no saved booking backs. A booking claims its slot before it saves the episode's
 * document, and a move or cancellation deletes the old claim after saving; a crash between the two would
 * otherwise keep a provider's slot taken for good. A freed slot goes to the waitlist like any other.
 */
@Component
class OrphanClaimSweeper {

    /** Far longer than a booking takes between its claim and its save. */
    static final Duration GRACE = Duration.ofMinutes(2);

    private static final int CLAIMS_PER_ROUND = 500;
    private static final Logger log = LoggerFactory.getLogger(OrphanClaimSweeper.class);

    private final SlotClaims claims;
    private final EpisodeSchedules schedules;
    private final WaitlistScheduling waitlist;
    private final SlotCatalog catalog;
    private final Clock clock;

    OrphanClaimSweeper(
            SlotClaims claims,
            EpisodeSchedules schedules,
            WaitlistScheduling waitlist,
            SlotCatalog catalog,
            Clock clock) {
        this.claims = claims;
        this.schedules = schedules;
        this.waitlist = waitlist;
        this.catalog = catalog;
        this.clock = clock;
    }

    @Scheduled(
            initialDelayString = "${carepath.scheduling.orphan-claim-sweep-initial-delay:1m}",
            fixedDelayString = "${carepath.scheduling.orphan-claim-sweep-interval:30m}")
    void sweep() {
        sweep(clock.instant());
    }

    /** Frees the orphaned claims seen at {@code now}; returns how many. */
    int sweep(Instant now) {
        int freed = 0;
        for (SlotClaim claim : claims.upcomingClaimedBefore(now.minus(GRACE), now, CLAIMS_PER_ROUND)) {
            if (!backedByABooking(claim) && claims.release(claim.slotId(), claim.appointmentId())) {
                freed++;
                log.warn(
                        "Freed slot {}: appointment {} of episode {} does not book it",
                        claim.slotId(),
                        claim.appointmentId(),
                        claim.episodeId());
                catalog.resolve(claim.slotId()).ifPresent(waitlist::slotFreed);
            }
        }
        return freed;
    }

    private boolean backedByABooking(SlotClaim claim) {
        return schedules
                .find(claim.episodeId())
                .flatMap(schedule -> schedule.appointment(claim.appointmentId()))
                .filter(appointment ->
                        appointment.isBooked() && appointment.slotId().equals(claim.slotId()))
                .isPresent();
    }
}
