package org.carepath.scheduling.adapters;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.carepath.platform.persistence.ConcurrentWrites;
import org.carepath.scheduling.booking.Appointment;
import org.carepath.scheduling.booking.EpisodeBookings;
import org.carepath.scheduling.booking.WaitlistCandidate;
import org.carepath.scheduling.booking.WaitlistEntry;
import org.carepath.scheduling.booking.WaitlistServed;
import org.carepath.scheduling.booking.WaitlistServer;
import org.carepath.scheduling.directory.AppointmentTypes;
import org.carepath.scheduling.directory.Slot;
import org.carepath.scheduling.schedule.EpisodeSchedule;
import org.carepath.scheduling.schedule.ScheduleChange;
import org.carepath.scheduling.schedule.ScheduleRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Books waiting entries (scheduling-rules §4.3) through {@link EpisodeSchedule#serve} and
 * {@link EpisodeSchedule#serveWaiting}, carried out by {@link ScheduleChanges}: a freed slot goes to the oldest
 * entry that can take it, and an episode's waiting entries are tried again when the imaging they wait for was
 * booked, or periodically.
 */
@Service
class WaitlistScheduling {

    private static final Logger log = LoggerFactory.getLogger(WaitlistScheduling.class);

    private final EpisodeSchedules schedules;
    private final ClaimingPlanner claiming;
    private final ScheduleRules rules;
    private final ScheduleChanges changes;

    WaitlistScheduling(
            EpisodeSchedules schedules, ClaimingPlanner claiming, ScheduleRules rules, ScheduleChanges changes) {
        this.schedules = schedules;
        this.claiming = claiming;
        this.rules = rules;
        this.changes = changes;
    }

    /** A slot came free (a cancellation, a move): the oldest waiting entry that can take it gets it. */
    void slotFreed(Slot freed) {
        BookingSession session = claiming.session();
        Optional<Appointment> served = ConcurrentWrites.retry(() -> serve(freed, session));
        served.filter(appointment -> AppointmentTypes.isImaging(appointment.type()))
                .ifPresent(imaging -> retryEpisode(imaging.episodeId()));
    }

    /** Tries an episode's waiting entries again, imaging first; returns how many it booked. */
    int retryEpisode(String episodeId) {
        BookingSession session = claiming.session();
        return ConcurrentWrites.retry(() -> retry(episodeId, session));
    }

    private Optional<Appointment> serve(Slot freed, BookingSession session) {
        List<EpisodeScheduleDocument> waiting = schedules.waitingFor(freed);
        session.preloadPatients(
                waiting.stream().map(EpisodeScheduleDocument::patientId).toList());
        List<WaitlistCandidate> candidates = waiting.stream()
                .map(EpisodeScheduleDocument::schedule)
                .flatMap(schedule -> schedule.bookings().waiting().stream()
                        .map(entry -> new WaitlistCandidate(entry, bookingsOfPatient(schedule, session))))
                .toList();
        Optional<WaitlistServed> served = WaitlistServer.serve(freed, candidates, session.now());
        if (served.isEmpty()) {
            return Optional.empty();
        }
        WaitlistEntry entry = served.get().entry();
        EpisodeScheduleDocument read = waiting.stream()
                .filter(candidate -> candidate.episodeId().equals(entry.episodeId()))
                .findFirst()
                .orElseThrow();
        ScheduleChange change = read.schedule().serve(served.get(), session.now(), rules);
        if (change.changesNothing()) {
            return Optional.empty();
        }
        if (session.claimAll(change.claimsToTake()).isPresent()) {
            log.info("Slot {} was taken again before waiting entry {} got it", freed.slotId(), entry.entryId());
            return Optional.empty();
        }
        if (!session.recordPatientTime(
                read.patientId(), read.episodeId(), change.next().booked())) {
            log.info("Patient of episode {} booked elsewhere meanwhile; slot {} left free", entry.episodeId(), freed);
            session.settle(read);
            return Optional.empty();
        }
        changes.apply(session, read, change);
        log.info(
                "Freed slot {} served waiting entry {} of episode {}",
                freed.slotId(),
                entry.entryId(),
                entry.episodeId());
        return change.claimsToTake().stream().findFirst();
    }

    private int retry(String episodeId, BookingSession session) {
        Optional<EpisodeScheduleDocument> found = schedules.find(episodeId);
        if (found.isEmpty() || found.get().schedule().bookings().waiting().isEmpty()) {
            return 0;
        }
        EpisodeScheduleDocument read = found.get();
        EpisodeSchedule schedule = read.schedule();
        Set<String> ownIds = schedule.bookings().waiting().stream()
                .map(WaitlistEntry::entryId)
                .collect(Collectors.toUnmodifiableSet());
        ScheduleChange change = claiming.planAndClaim(
                session,
                schedule.patientId(),
                episodeId,
                ownIds,
                openings -> schedule.serveWaiting(openings, session.now(), rules));
        if (change.changesNothing()) {
            // nothing found: nothing claimed is kept, and no reminder was planned
            session.settle(read);
            return 0;
        }
        changes.apply(session, read, change);
        log.info(
                "Episode {}: {} waiting entries booked on retry",
                episodeId,
                change.claimsToTake().size());
        return change.claimsToTake().size();
    }

    private static EpisodeBookings bookingsOfPatient(EpisodeSchedule schedule, BookingSession session) {
        return schedule.bookings().alsoBusy(session.elsewhere(schedule.patientId(), schedule.episodeId()));
    }
}
