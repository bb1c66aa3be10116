package org.carepath.scheduling.adapters;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.carepath.scheduling.booking.DirectoryOpenSlots;
import org.carepath.scheduling.directory.SlotCatalog;
import org.carepath.scheduling.schedule.Openings;
import org.carepath.scheduling.schedule.ScheduleChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Plans a schedule change against the slots open right now and claims what it books. When another booking claimed
 * one of those slots first (another instance, another episode), it plans again without it (scheduling-rules §4.4).
 */
@Component
class ClaimingPlanner {

    static final int MAX_PLANS = 10;
    private static final Logger log = LoggerFactory.getLogger(ClaimingPlanner.class);

    private final SlotCatalog catalog;
    private final SlotClaims claims;
    private final MongoTemplate mongo;
    private final Clock clock;

    ClaimingPlanner(SlotCatalog catalog, SlotClaims claims, MongoTemplate mongo, Clock clock) {
        this.catalog = catalog;
        this.claims = claims;
        this.mongo = mongo;
        this.clock = clock;
    }

    /** A session of its own: what it knows of the slots' holders and the patients' time is read afresh. */
    BookingSession session() {
        return session(holders(), patientTimes());
    }

    /** A session of a batch of bookings, sharing what the batch knows of the slots' holders and patients' time. */
    BookingSession session(SlotHolders holders, PatientTimes patientTimes) {
        return new BookingSession(claims, holders, patientTimes, clock);
    }

    SlotHolders holders() {
        return new SlotHolders(claims);
    }

    PatientTimes patientTimes() {
        return new PatientTimes(mongo);
    }

    /**
     * Plans a change against the slots open right now, claims the slots it books and records them as the patient's
     * time; plans again when another booking took one of the slots, or the patient's time changed, meanwhile.
     *
     * @param patientId the episode's patient, as the change will store it (null: the episode is its own patient)
     * @param ownIds the appointment ids the change may book; their claims left by an unfinished earlier attempt
     *     count as open, so that the change can take them again
     * @param transition the change, planned against what is open
     */
    ScheduleChange planAndClaim(
            BookingSession session,
            String patientId,
            String episodeId,
            Set<String> ownIds,
            Function<Openings, ScheduleChange> transition) {
        for (int attempt = 1; ; attempt++) {
            ScheduleChange change = transition.apply(new Openings(
                    new DirectoryOpenSlots(catalog, session.takenExcept(ownIds)),
                    session.elsewhere(patientId, episodeId)));
            Optional<String> lost = session.claimAll(change.claimsToTake());
            if (lost.isEmpty()
                    && session.recordPatientTime(
                            patientId, episodeId, change.next().booked())) {
                return change;
            }
            if (attempt == MAX_PLANS) {
                throw new SlotContentionException(episodeId, attempt);
            }
            log.info(
                    "Episode {}: {} went to another booking; planning again",
                    episodeId,
                    lost.map(slot -> "slot " + slot).orElse("the patient's time"));
        }
    }
}
