package org.carepath.scheduling.adapters;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.carepath.scheduling.directory.ClinicTime;
import org.carepath.scheduling.directory.Directory;
import org.carepath.scheduling.directory.Provider;
import org.carepath.scheduling.directory.SlotCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Frees slots whose claim no saved booking backs. A booking claims its slot before it saves the episode's
 * document, and a move or cancellation deletes the old claim after saving; a crash between the two would
 * otherwise keep a provider's slot taken for good. A freed slot goes to the waitlist like any other.
 *
 * <p>Fair and bounded, and by {@code _id} only: the directory says which slots exist, so each round takes the slot
 * ids of the next clinic days after where the last round stopped (whole days, until about {@value
 * #SLOTS_PER_ROUND} ids), reads the claims on them in one {@code _id $in}, and starts again from now once it has
 * passed {@link #HORIZON}. So what a round reads depends on the directory, never on how many claims history has
 * left in the collection, and an orphan is freed within a bounded number of rounds (before the horizon, once it
 * comes within it). A claim is freed only as the sweep saw it: one claimed again meanwhile
 * (a redelivery taking its own slot again refreshes the claim's time) stays, and a booking that was in flight for
 * longer than half of {@link #GRACE} confirms its claims before it saves ({@link BookingSession#confirm}).
 */
@Component
class OrphanClaimSweeper {

    /** Far longer than a booking takes between its claim and its save. */
    static final Duration GRACE = Duration.ofMinutes(2);

    static final int SLOTS_PER_ROUND = 5_000;

    /** How far ahead the sweep looks: a claim further out is reached as it comes closer. */
    static final Duration HORIZON = Duration.ofDays(90);

    private static final Logger log = LoggerFactory.getLogger(OrphanClaimSweeper.class);

    private final SlotClaims claims;
    private final EpisodeSchedules schedules;
    private final FreedSlots freedSlots;
    private final ClaimingPlanner claiming;
    private final Directory directory;
    private final SlotCatalog catalog;
    private final Clock clock;
    private LocalDate nextDay;

    OrphanClaimSweeper(
            SlotClaims claims,
            EpisodeSchedules schedules,
            FreedSlots freedSlots,
            ClaimingPlanner claiming,
            Directory directory,
            SlotCatalog catalog,
            Clock clock) {
        this.claims = claims;
        this.schedules = schedules;
        this.freedSlots = freedSlots;
        this.claiming = claiming;
        this.directory = directory;
        this.catalog = catalog;
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
        return sweep(now, SLOTS_PER_ROUND);
    }

    /** One round over whole days of slot ids, at least one day, until {@code slotLimit} ids. */
    synchronized int sweep(Instant now, int slotLimit) {
        LocalDate today = ClinicTime.dateOf(now);
        LocalDate last = ClinicTime.dateOf(now.plus(HORIZON));
        LocalDate day = nextDay == null || nextDay.isBefore(today) ? today : nextDay;
        List<String> slotIds = new ArrayList<>();
        while (!day.isAfter(last) && (slotIds.isEmpty() || slotIds.size() < slotLimit)) {
            slotIds.addAll(slotIdsOn(day, now));
            day = day.plusDays(1);
        }
        nextDay = day.isAfter(last) ? null : day;
        Instant cutoff = now.minus(GRACE);
        List<SlotClaim> page = claims.claimsOn(slotIds).stream()
                .filter(claim -> claim.claimedAt().isBefore(cutoff))
                .toList();
        int freed = 0;
        for (SlotClaim claim : page) {
            Optional<EpisodeScheduleDocument> schedule = schedules.find(claim.episodeId());
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

    /** The next round starts from today again. */
    synchronized void restart() {
        nextDay = null;
    }

    private List<String> slotIdsOn(LocalDate day, Instant now) {
        Instant from = ClinicTime.startOfDay(day);
        Instant to = ClinicTime.startOfDay(day.plusDays(1));
        List<String> ids = new ArrayList<>();
        for (Provider provider : directory.providers()) {
            catalog.slotsOf(provider, from.isBefore(now) ? now : from, to).forEach(slot -> ids.add(slot.slotId()));
        }
        return ids;
    }

    private static boolean backedByABooking(SlotClaim claim, Optional<EpisodeScheduleDocument> schedule) {
        return schedule.flatMap(stored -> stored.appointment(claim.appointmentId()))
                .filter(appointment ->
                        appointment.isBooked() && appointment.slotId().equals(claim.slotId()))
                .isPresent();
    }
}
