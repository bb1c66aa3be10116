package org.carepath.scheduling.appointments;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.carepath.events.intake.Contact;
import org.carepath.platform.outbox.OutboxStore;
import org.carepath.platform.persistence.ConcurrentWrites;
import org.carepath.scheduling.booking.Appointment;
import org.carepath.scheduling.booking.BookingPlan;
import org.carepath.scheduling.booking.BookingPlanner;
import org.carepath.scheduling.booking.EpisodeBookings;
import org.carepath.scheduling.booking.WaitlistCandidate;
import org.carepath.scheduling.booking.WaitlistEntry;
import org.carepath.scheduling.booking.WaitlistServed;
import org.carepath.scheduling.booking.WaitlistServer;
import org.carepath.scheduling.directory.AppointmentTypes;
import org.carepath.scheduling.directory.Slot;
import org.carepath.scheduling.followup.FollowUp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/**
 * Books waiting entries (scheduling-rules §4.3): a freed slot goes to the oldest entry that can take it, and an
 * episode's waiting entries are tried again when the imaging they wait for was booked, or periodically.
 */
@Service
class WaitlistScheduling {

    private static final Logger log = LoggerFactory.getLogger(WaitlistScheduling.class);

    private final EpisodeSchedules schedules;
    private final ClaimingPlanner claiming;
    private final BookingPlanner bookingPlanner;
    private final Reminders reminders;
    private final ScheduleEvents events;
    private final OutboxStore store;
    private final FollowUpDelivery followUps;

    WaitlistScheduling(
            EpisodeSchedules schedules,
            ClaimingPlanner claiming,
            BookingPlanner bookingPlanner,
            Reminders reminders,
            ScheduleEvents events,
            OutboxStore store,
            FollowUpDelivery followUps) {
        this.schedules = schedules;
        this.claiming = claiming;
        this.bookingPlanner = bookingPlanner;
        this.reminders = reminders;
        this.events = events;
        this.store = store;
        this.followUps = followUps;
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
        List<EpisodeSchedule> waiting = schedules.waitingFor(freed);
        session.preloadPatients(waiting.stream().map(EpisodeSchedule::patientId).toList());
        List<WaitlistCandidate> candidates = waiting.stream()
                .flatMap(schedule -> schedule.bookings().waiting().stream()
                        .map(entry -> new WaitlistCandidate(entry, bookingsOfPatient(schedule, session))))
                .toList();
        Optional<WaitlistServed> served = WaitlistServer.serve(freed, candidates, session.now());
        if (served.isEmpty()) {
            return Optional.empty();
        }
        WaitlistEntry entry = served.get().entry();
        Appointment appointment = served.get().appointment();
        EpisodeSchedule schedule = waiting.stream()
                .filter(candidate -> candidate.episodeId().equals(entry.episodeId()))
                .findFirst()
                .orElseThrow();
        if (!session.claim(appointment)) {
            log.info("Slot {} was taken again before waiting entry {} got it", freed.slotId(), entry.entryId());
            return Optional.empty();
        }
        BookingPlan plan = new BookingPlan(
                entry.episodeId(), List.of(appointment), List.of(), List.of(entry), List.of(appointment.rule()));
        if (!session.recordPatientTime(schedule.patientId(), schedule.episodeId(), schedule.bookedAfter(plan))) {
            log.info("Patient of episode {} booked elsewhere meanwhile; slot {} left free", entry.episodeId(), freed);
            session.settle(schedule);
            return Optional.empty();
        }
        EpisodeSchedule saved = saveOrRelease(
                session,
                followUps.planned(
                        schedule.planned(plan, events.of(plan)),
                        remindersFor(plan, schedule.contact(), session),
                        List.of(),
                        session.now()));
        session.settle(saved);
        log.info(
                "Freed slot {} served waiting entry {} of episode {}",
                freed.slotId(),
                entry.entryId(),
                entry.episodeId());
        return Optional.of(appointment);
    }

    private int retry(String episodeId, BookingSession session) {
        Optional<EpisodeSchedule> found = schedules.find(episodeId);
        if (found.isEmpty() || found.get().bookings().waiting().isEmpty()) {
            return 0;
        }
        EpisodeSchedule schedule = found.get();
        Set<String> ownIds = schedule.bookings().waiting().stream()
                .map(WaitlistEntry::entryId)
                .collect(Collectors.toUnmodifiableSet());
        BookingPlan plan = claiming.planAndClaim(
                session,
                new ClaimingPlanner.PatientOf(schedule.patientId(), episodeId, schedule::bookedAfter),
                ownIds,
                (open, elsewhere) -> bookingPlanner.retryWaitlist(
                        episodeId, schedule.bookings().alsoBusy(elsewhere), open, session.now()));
        if (plan.changesNothing()) {
            // nothing found: nothing claimed is kept, and no reminder was planned
            session.settle(schedule);
            return 0;
        }
        EpisodeSchedule saved = saveOrRelease(
                session,
                followUps.planned(
                        schedule.planned(plan, events.of(plan)),
                        remindersFor(plan, schedule.contact(), session),
                        List.of(),
                        session.now()));
        session.settle(saved);
        log.info(
                "Episode {}: {} waiting entries booked on retry",
                episodeId,
                plan.appointments().size());
        return plan.appointments().size();
    }

    private static EpisodeBookings bookingsOfPatient(EpisodeSchedule schedule, BookingSession session) {
        return schedule.bookings().alsoBusy(session.elsewhere(schedule.patientId(), schedule.episodeId()));
    }

    /**
     * Saves the schedule once its claims are confirmed; if another writer changed it meanwhile, or a slot was lost,
     * what this attempt claimed is released first.
     */
    private EpisodeSchedule saveOrRelease(BookingSession session, EpisodeSchedule next) {
        try {
            session.confirm(next);
            return store.save(next);
        } catch (OptimisticLockingFailureException | DuplicateKeyException | SlotContentionException notSaved) {
            session.settle(schedules.find(next.episodeId()).orElse(null));
            throw notSaved;
        }
    }

    private List<FollowUp> remindersFor(BookingPlan plan, Contact contact, BookingSession session) {
        return reminders.forAppointments(plan.appointments(), contact, session.now());
    }
}
