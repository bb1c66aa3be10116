package org.carepath.scheduling.adapters;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.carepath.scheduling.booking.Appointment;
import org.carepath.scheduling.booking.PatientTime;
import org.carepath.scheduling.booking.TakenSlots;

/**
 * The side writes of one booking operation (slot claims), made before the episode document is saved and settled
 * against the document afterwards: whatever the saved document does not book (a slot the plan gave up when it
 * was planned again) is released. Reminders travel inside the document, so they need no settling. Appointment ids are deterministic, so an
 * attempt that lost a race never releases a claim the winner booked: it is settled against the winner's document.
 */
final class BookingSession {

    private final SlotClaims claims;
    private final SlotHolders holders;
    private final PatientTimes patientTimes;
    private final Instant now;
    private final Clock clock;
    private final Set<Claimed> claimed = new LinkedHashSet<>();
    private final Map<Claimed, Appointment> claimedFor = new HashMap<>();
    private final Map<Claimed, Instant> claimedAt = new HashMap<>();
    private Recorded recorded;

    private record Claimed(String appointmentId, String slotId) {}

    /** The patient's time this operation recorded: all the episode's booked ids, and those it added. */
    private record Recorded(String patientId, String episodeId, Set<String> appointmentIds, Set<String> added) {}

    BookingSession(SlotClaims claims, SlotHolders holders, PatientTimes patientTimes, Clock clock) {
        this.claims = claims;
        this.holders = holders;
        this.patientTimes = patientTimes;
        this.clock = clock;
        this.now = clock.instant();
    }

    Instant now() {
        return now;
    }

    /** Reads these patients' calendars at once (null ids: episodes that are their own patient). */
    void preloadPatients(List<String> patientIds) {
        patientTimes.preload(patientIds);
    }

    /** The patient's time in their other episodes (none when the episode is its own patient). */
    List<PatientTime> elsewhere(String patientId, String episodeId) {
        return patientTimes.elsewhere(patientId, episodeId);
    }

    /**
     * Records the episode's booked appointments (after this operation) as its patient's time, before the schedule
     * is saved; false when the patient's calendar changed meanwhile: plan again against it.
     */
    boolean recordPatientTime(String patientId, String episodeId, List<Appointment> booked) {
        if (patientId == null) {
            return true;
        }
        Set<String> before = patientTimes.idsOf(patientId, episodeId);
        if (!patientTimes.record(patientId, episodeId, booked, now)) {
            return false;
        }
        Set<String> ids = idsOf(booked);
        Set<String> added = ids.stream().filter(id -> !before.contains(id)).collect(Collectors.toSet());
        recorded = new Recorded(patientId, episodeId, ids, added);
        return true;
    }

    /**
     * Taken slots as planning sees them: every claim except those held by {@code ownAppointmentIds}, the ids this
     * operation is about to book (an earlier attempt's claims, which it may take again).
     */
    TakenSlots takenExcept(Set<String> ownAppointmentIds) {
        return holders.takenExcept(ownAppointmentIds);
    }

    boolean claim(Appointment appointment) {
        return claimAll(List.of(appointment)).isEmpty();
    }

    /** Claims every appointment's slot at once; the first slot another appointment holds, if any. */
    Optional<String> claimAll(List<Appointment> appointments) {
        Set<String> held = claims.claimAll(appointments, now);
        Optional<String> lost = Optional.empty();
        for (Appointment appointment : appointments) {
            if (held.contains(appointment.slotId())) {
                Claimed claim = new Claimed(appointment.appointmentId(), appointment.slotId());
                claimed.add(claim);
                claimedFor.put(claim, appointment);
                claimedAt.put(claim, now);
                holders.claimed(appointment.slotId(), appointment.appointmentId());
            } else {
                holders.heldByAnother(appointment.slotId());
                lost = lost.or(() -> Optional.of(appointment.slotId()));
            }
        }
        return lost;
    }

    /** Makes the patient's time follow what {@code stored} books, once time was given up (a cancellation). */
    void followPatientTime(EpisodeScheduleDocument stored) {
        if (stored != null && stored.patientId() != null) {
            List<Appointment> booked =
                    stored.appointments().stream().filter(Appointment::isBooked).toList();
            patientTimes.release(stored.patientId(), stored.episodeId(), booked, now);
        }
    }

    /**
     * Called just before {@code next} is saved: a claim it books that was made longer ago than half the orphan
     * sweep's grace may have been freed by the sweep meanwhile (a booking paused between its claim and its save).
     * Such a claim is refreshed, or taken again if it was freed; if another booking took the slot meanwhile, the
     * save must not happen ({@link SlotContentionException}: the operation is tried again as a whole). A booking
     * quicker than that costs nothing here: the sweep cannot have freed its claims.
     */
    void confirm(EpisodeScheduleDocument next) {
        Instant current = clock.instant();
        Duration safe = OrphanClaimSweeper.GRACE.dividedBy(2);
        for (Claimed claim : claimed) {
            boolean booked = next.appointment(claim.appointmentId())
                    .filter(appointment ->
                            appointment.isBooked() && appointment.slotId().equals(claim.slotId()))
                    .isPresent();
            if (!booked || Duration.between(claimedAt.get(claim), current).compareTo(safe) < 0) {
                continue;
            }
            boolean held = claims.refresh(claim.slotId(), claim.appointmentId(), current)
                    || claims.claim(claimedFor.get(claim), current);
            if (!held) {
                holders.heldByAnother(claim.slotId());
                throw new SlotContentionException(next.episodeId(), claim.slotId());
            }
            claimedAt.put(claim, current);
        }
    }

    /**
     * Releases what this operation claimed that {@code schedule} (the stored state; null when nothing of this
     * operation was stored) does not book. Costs a write only when there is something to release.
     */
    void settle(EpisodeScheduleDocument schedule) {
        List<Appointment> booked = schedule == null
                ? List.of()
                : schedule.appointments().stream().filter(Appointment::isBooked).toList();
        if (recorded != null && schedule == null) {
            // nothing of this operation was stored: only what it added to the patient's time goes
            patientTimes.forget(recorded.patientId(), recorded.episodeId(), recorded.added(), now);
        } else if (recorded != null && !recorded.appointmentIds().equals(idsOf(booked))) {
            // the patient's time follows what is stored, not what this operation hoped to store
            patientTimes.release(recorded.patientId(), recorded.episodeId(), booked, now);
        }
        for (Claimed claim : claimed) {
            boolean stillBooked = booked.stream()
                    .anyMatch(appointment -> appointment.appointmentId().equals(claim.appointmentId())
                            && appointment.slotId().equals(claim.slotId()));
            if (!stillBooked && claims.release(claim.slotId(), claim.appointmentId())) {
                holders.released(List.of(claim.slotId()));
            }
        }
    }

    private static Set<String> idsOf(List<Appointment> appointments) {
        return appointments.stream()
                .filter(Appointment::isBooked)
                .map(Appointment::appointmentId)
                .collect(Collectors.toSet());
    }
}
