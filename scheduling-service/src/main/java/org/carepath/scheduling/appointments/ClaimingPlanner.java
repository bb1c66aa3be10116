package org.carepath.scheduling.appointments;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.carepath.scheduling.booking.Appointment;
import org.carepath.scheduling.booking.BookingPlan;
import org.carepath.scheduling.booking.DirectoryOpenSlots;
import org.carepath.scheduling.booking.OpenSlots;
import org.carepath.scheduling.booking.PatientTime;
import org.carepath.scheduling.directory.SlotCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
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

    /** As below, for an episode that is its own patient. */
    BookingPlan planAndClaim(
            BookingSession session, String episodeId, Set<String> ownIds, Function<OpenSlots, BookingPlan> planner) {
        return planAndClaim(
                session,
                new PatientOf(null, episodeId, plan -> List.of()),
                ownIds,
                (open, elsewhere) -> planner.apply(open));
    }

    /**
     * Plans, claims the slots the plan books and records them as the patient's time; plans again when another
     * booking took one of the slots, or the patient's time changed, meanwhile.
     *
     * @param ownIds the appointment ids the plan may book; their claims left by an unfinished earlier attempt count
     *     as open, so that the plan can take them again
     * @param planner plans against the open slots and the patient's time in their other episodes
     */
    BookingPlan planAndClaim(
            BookingSession session,
            PatientOf patient,
            Set<String> ownIds,
            BiFunction<OpenSlots, List<PatientTime>, BookingPlan> planner) {
        String episodeId = patient.episodeId();
        for (int attempt = 1; ; attempt++) {
            BookingPlan plan = planner.apply(
                    new DirectoryOpenSlots(catalog, session.takenExcept(ownIds)),
                    session.elsewhere(patient.patientId(), episodeId));
            Optional<String> lost = session.claimAll(plan.appointments());
            if (lost.isEmpty()
                    && session.recordPatientTime(
                            patient.patientId(),
                            episodeId,
                            patient.bookedAfter().apply(plan))) {
                return plan;
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

    /**
     * The patient an episode belongs to ({@code patientId} null: the episode is its own patient), and what the
     * episode books once a plan is applied.
     */
    record PatientOf(String patientId, String episodeId, Function<BookingPlan, List<Appointment>> bookedAfter) {}
}
