package org.carepath.scheduling.appointments;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.carepath.scheduling.booking.BookingPlan;
import org.carepath.scheduling.booking.DirectoryOpenSlots;
import org.carepath.scheduling.booking.OpenSlots;
import org.carepath.scheduling.directory.SlotCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Plans against the slots open right now and claims what the plan books. When another booking claimed one of
 * those slots first (another instance, another episode), it plans again without it (scheduling-rules §4.4).
 */
@Component
class ClaimingPlanner {

    static final int MAX_PLANS = 10;
    private static final Logger log = LoggerFactory.getLogger(ClaimingPlanner.class);

    private final SlotCatalog catalog;
    private final SlotClaims claims;
    private final Clock clock;

    ClaimingPlanner(SlotCatalog catalog, SlotClaims claims, Clock clock) {
        this.catalog = catalog;
        this.claims = claims;
        this.clock = clock;
    }

    /** A session of its own: what it knows of the slots' holders is read afresh. */
    BookingSession session() {
        return session(new SlotHolders(claims));
    }

    /** A session of a batch of bookings, sharing what the batch knows of the slots' holders. */
    BookingSession session(SlotHolders holders) {
        return new BookingSession(claims, holders, clock.instant());
    }

    SlotHolders holders() {
        return new SlotHolders(claims);
    }

    /**
     * @param ownIds the appointment ids the plan may book; their claims left by an unfinished earlier attempt count
     *     as open, so that the plan can take them again
     */
    BookingPlan planAndClaim(
            BookingSession session, String episodeId, Set<String> ownIds, Function<OpenSlots, BookingPlan> planner) {
        for (int attempt = 1; ; attempt++) {
            BookingPlan plan = planner.apply(new DirectoryOpenSlots(catalog, session.takenExcept(ownIds)));
            Optional<String> lost = session.claimAll(plan.appointments());
            if (lost.isEmpty()) {
                return plan;
            }
            if (attempt == MAX_PLANS) {
                throw new SlotContentionException(episodeId, attempt);
            }
            log.info("Episode {}: slot {} went to another booking; planning again", episodeId, lost.get());
        }
    }
}
