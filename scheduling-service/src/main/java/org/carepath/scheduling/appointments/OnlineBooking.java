package org.carepath.scheduling.appointments;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.carepath.events.scheduling.AppointmentType;
import org.carepath.platform.outbox.OutboxStore;
import org.carepath.platform.persistence.ConcurrentWrites;
import org.carepath.platform.web.ConflictException;
import org.carepath.platform.web.IdempotencyKeys;
import org.carepath.platform.web.InvalidFieldException;
import org.carepath.platform.web.NotFoundException;
import org.carepath.scheduling.booking.Appointment;
import org.carepath.scheduling.booking.BookingPlan;
import org.carepath.scheduling.booking.EpisodeBookings;
import org.carepath.scheduling.booking.PatientTime;
import org.carepath.scheduling.directory.Slot;
import org.carepath.scheduling.directory.SlotCatalog;
import org.carepath.scheduling.followup.FollowUp;
import org.carepath.scheduling.followup.FollowUpPlanner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/**
 * Booking online by staff or patient (scheduling-rules §5): book an open slot, move an appointment, cancel one.
 * The slot claim decides who gets a slot; every change emits its event; a freed slot serves the waitlist.
 */
@Service
class OnlineBooking {

    static final String CANCELLED_ONLINE = "cancelled online";
    private static final Logger log = LoggerFactory.getLogger(OnlineBooking.class);

    private final EpisodeSchedules schedules;
    private final ClaimingPlanner claiming;
    private final SlotCatalog catalog;
    private final FollowUpDelivery followUps;
    private final Reminders reminders;
    private final ScheduleEvents events;
    private final FreedSlots freedSlots;
    private final OutboxStore store;

    OnlineBooking(
            EpisodeSchedules schedules,
            ClaimingPlanner claiming,
            SlotCatalog catalog,
            FollowUpDelivery followUps,
            Reminders reminders,
            ScheduleEvents events,
            FreedSlots freedSlots,
            OutboxStore store) {
        this.schedules = schedules;
        this.claiming = claiming;
        this.catalog = catalog;
        this.followUps = followUps;
        this.reminders = reminders;
        this.events = events;
        this.freedSlots = freedSlots;
        this.store = store;
    }

    /**
     * Books an appointment of {@code type} in the slot; 409 when the slot is taken or the patient is busy then. Under
     * an {@code Idempotency-Key} a retry of the same request answers the appointment the first one booked (as it
     * stands) and books nothing; the key with another request is a 409.
     */
    Appointment book(String episodeId, String slotId, AppointmentType type, String idempotencyKey) {
        String requestHash = requestHash(idempotencyKey, "book", episodeId, slotId, String.valueOf(type));
        // one id for every attempt, so that a retried attempt recognises its own claim; under a key, one id for every
        // retry of the request too, so that two copies of it racing each other book one appointment
        String appointmentId = episodeId + ":" + type + ":online:"
                + (idempotencyKey == null
                        ? UUID.randomUUID()
                        : UUID.nameUUIDFromBytes(
                                (idempotencyKey + "|" + requestHash).getBytes(StandardCharsets.UTF_8)));
        Optional<Appointment> answered = idempotencyKey == null
                ? Optional.empty()
                : schedules
                        .find(episodeId)
                        .flatMap(schedule -> schedule.answered(idempotencyKey, requestHash, appointmentId));
        if (answered.isPresent()) {
            return answered.get();
        }
        BookingSession session = claiming.session();
        Slot slot = openFutureSlot(slotId, session);
        if (!slot.suits(type)) {
            throw new InvalidFieldException(
                    "type",
                    type + " does not fit slot " + slotId + " (" + slot.specialty() + ", "
                            + slot.length().toMinutes() + " min)");
        }
        Appointment appointment = Appointment.inSlot(appointmentId, episodeId, 0, type, slot, null);
        Booked booked = null;
        try {
            booked = concurrently(() -> {
                EpisodeSchedule schedule = knownEpisode(episodeId);
                Optional<Appointment> earlier = schedule.answered(idempotencyKey, requestHash, appointmentId);
                if (earlier.isPresent()) {
                    return new Booked(earlier.get(), schedule, false);
                }
                requireRoom(schedule.bookings().alsoBusy(elsewhere(session, schedule)), slot, type);
                requireClaimed(session, appointment);
                requirePatientTime(session, schedule, schedule.bookedWith(appointment));
                return new Booked(
                        appointment,
                        save(
                                session,
                                followUps.planned(
                                        schedule.planned(bookingOf(appointment), List.of(events.booked(appointment)))
                                                .keyed(idempotencyKey, requestHash, appointmentId),
                                        reminders.forAppointments(
                                                List.of(appointment), schedule.contact(), session.now()),
                                        List.of(),
                                        session.now())),
                        true);
            });
        } finally {
            // without a key the id is this request's alone: whatever it claimed and did not store is released; under a
            // key a copy of the request may have stored it, so settle against what is stored
            session.settle(
                    booked != null
                            ? booked.schedule()
                            : idempotencyKey == null
                                    ? null
                                    : schedules.find(episodeId).orElse(null));
        }
        if (booked.now()) {
            log.info("Appointment {} booked online in slot {}", appointmentId, slotId);
        }
        return booked.appointment();
    }

    /**
     * Moves a booked appointment to another open slot that suits its type. Under an {@code Idempotency-Key} a retry
     * of the same request answers the appointment as it stands and moves nothing; the key with another request is a
     * 409.
     */
    Appointment reschedule(String appointmentId, String slotId, String idempotencyKey) {
        String requestHash = requestHash(idempotencyKey, "reschedule", appointmentId, slotId);
        Optional<Appointment> answered = idempotencyKey == null
                ? Optional.empty()
                : schedules
                        .holding(appointmentId)
                        .flatMap(schedule -> schedule.answered(idempotencyKey, requestHash, null));
        if (answered.isPresent()) {
            return answered.get();
        }
        BookingSession session = claiming.session();
        Slot slot = openFutureSlot(slotId, session);
        Moved moved = null;
        try {
            moved = concurrently(() -> move(appointmentId, slot, session, idempotencyKey, requestHash));
        } finally {
            // the claim is keyed by the appointment's id: settle against what is stored, whoever stored it
            session.settle(
                    moved != null
                            ? moved.schedule()
                            : schedules.holding(appointmentId).orElse(null));
        }
        if (moved.before().slotId().equals(moved.after().slotId())) {
            return moved.after();
        }
        log.info(
                "Appointment {} moved from slot {} to slot {}",
                appointmentId,
                moved.before().slotId(),
                moved.after().slotId());
        freedSlots.free(moved.before().slotId(), appointmentId);
        return moved.after();
    }

    /**
     * Cancels an appointment; cancelling one already cancelled changes nothing. Under an {@code Idempotency-Key} a
     * retry of the same request answers the appointment as it stands; the key with another request is a 409.
     */
    Appointment cancel(String appointmentId, String reason, String idempotencyKey) {
        String requestHash = requestHash(idempotencyKey, "cancel", appointmentId, reason);
        String why = reason == null || reason.isBlank() ? CANCELLED_ONLINE : reason;
        BookingSession session = claiming.session();
        Instant now = session.now();
        EpisodeSchedule[] stored = new EpisodeSchedule[1];
        Appointment cancelled = concurrently(() -> {
            EpisodeSchedule schedule = holding(appointmentId);
            stored[0] = schedule;
            Optional<Appointment> earlier = schedule.answered(idempotencyKey, requestHash, null);
            if (earlier.isPresent()) {
                // a retry goes on as a repeated cancellation does: the first may have stopped before the waitlist
                return earlier.get();
            }
            Appointment appointment = schedule.appointment(appointmentId).orElseThrow();
            if (!appointment.isBooked()) {
                return appointment;
            }
            Appointment cancelledNow = appointment.cancel();
            stored[0] = store.save(followUps.planned(
                    schedule.replaced(cancelledNow, events.cancelled(cancelledNow, why))
                            .keyed(idempotencyKey, requestHash, appointmentId),
                    List.of(),
                    FollowUpPlanner.cancelledWithAppointment(appointmentId, schedule.followUps()),
                    now));
            return cancelledNow;
        });
        // the patient's time given up, after the document (a crash in between keeps it, which only errs on the safe
        // side)
        session.followPatientTime(stored[0]);
        log.info("Appointment {} cancelled, slot {} freed", appointmentId, cancelled.slotId());
        // also when it was already cancelled: that cancellation may have stopped before serving the waitlist
        freedSlots.free(cancelled.slotId(), appointmentId);
        return cancelled;
    }

    Appointment find(String appointmentId) {
        return holding(appointmentId).appointment(appointmentId).orElseThrow();
    }

    private Moved move(
            String appointmentId, Slot slot, BookingSession session, String idempotencyKey, String requestHash) {
        EpisodeSchedule schedule = holding(appointmentId);
        Optional<Appointment> earlier = schedule.answered(idempotencyKey, requestHash, null);
        if (earlier.isPresent()) {
            return new Moved(earlier.get(), earlier.get(), schedule);
        }
        Appointment appointment = schedule.appointment(appointmentId).orElseThrow();
        if (!appointment.isBooked()) {
            throw new ConflictException("Appointment " + appointmentId + " is " + appointment.status());
        }
        if (appointment.slotId().equals(slot.slotId())) {
            return new Moved(appointment, appointment, schedule);
        }
        if (!slot.suits(appointment.type())) {
            throw new InvalidFieldException(
                    "slotId", "slot " + slot.slotId() + " does not suit a " + appointment.type() + " appointment");
        }
        requireRoom(
                schedule.bookings().without(appointmentId).alsoBusy(elsewhere(session, schedule)),
                slot,
                appointment.type());
        Appointment after = appointment.rescheduleTo(slot);
        requireClaimed(session, after);
        requirePatientTime(session, schedule, schedule.bookedWith(after));
        List<FollowUp> oldReminders =
                FollowUpPlanner.cancelledWithAppointment(appointmentId, schedule.followUps()).stream()
                        .filter(reminder -> !reminder.followUpId().equals(FollowUpPlanner.reminderId(after)))
                        .toList();
        EpisodeSchedule saved = save(
                session,
                followUps.planned(
                        schedule.replaced(after, events.rescheduled(after))
                                .keyed(idempotencyKey, requestHash, appointmentId),
                        reminders.forAppointments(List.of(after), schedule.contact(), session.now()),
                        oldReminders,
                        session.now()));
        return new Moved(appointment, after, saved);
    }

    private Slot openFutureSlot(String slotId, BookingSession session) {
        if (slotId == null || slotId.isBlank()) {
            throw new InvalidFieldException("slotId", "must not be blank");
        }
        Slot slot = catalog.resolve(slotId)
                .orElseThrow(() -> new InvalidFieldException("slotId", "is not a slot of the clinic directory"));
        if (!slot.start().isAfter(session.now())) {
            throw new InvalidFieldException("slotId", "slot " + slotId + " has already begun");
        }
        return slot;
    }

    private EpisodeSchedule knownEpisode(String episodeId) {
        return schedules
                .find(episodeId)
                .orElseThrow(() -> new InvalidFieldException(
                        "episodeId",
                        "episode " + episodeId + " is not known to scheduling (no triage decision yet)",
                        422));
    }

    private EpisodeSchedule holding(String appointmentId) {
        return schedules
                .holding(appointmentId)
                .orElseThrow(() -> new NotFoundException("No appointment " + appointmentId));
    }

    private static void requireRoom(EpisodeBookings bookings, Slot slot, AppointmentType type) {
        if (!bookings.leavesRoomFor(slot, type)) {
            throw new ConflictException("The patient already has an appointment at the time of slot " + slot.slotId());
        }
    }

    /**
     * Read, decide, write, again while another writer changed the episode meanwhile; when that goes on (many
     * requests for one episode at once) the request is a 409 to try again, never a 500.
     */
    private static <T> T concurrently(Supplier<T> readDecideWrite) {
        try {
            return ConcurrentWrites.retry(readDecideWrite);
        } catch (ConcurrencyFailureException | DuplicateKeyException busy) {
            throw new ConflictException("The episode's schedule is being changed by another request; try again");
        }
    }

    /** Saves a booking once its claims are confirmed; a slot lost meanwhile is a 409 like any taken slot. */
    private EpisodeSchedule save(BookingSession session, EpisodeSchedule next) {
        try {
            session.confirm(next);
        } catch (SlotContentionException lost) {
            throw new ConflictException("The slot was taken while the booking was in flight; choose another");
        }
        return store.save(next);
    }

    private static List<PatientTime> elsewhere(BookingSession session, EpisodeSchedule schedule) {
        return session.elsewhere(schedule.patientId(), schedule.episodeId());
    }

    // §4.2 across episodes: another booking of the same patient wrote meanwhile; read both again and decide again
    private static void requirePatientTime(BookingSession session, EpisodeSchedule schedule, List<Appointment> booked) {
        if (!session.recordPatientTime(schedule.patientId(), schedule.episodeId(), booked)) {
            throw new OptimisticLockingFailureException(
                    "the calendar of the patient of episode " + schedule.episodeId() + " changed meanwhile");
        }
    }

    private static void requireClaimed(BookingSession session, Appointment appointment) {
        if (!session.claim(appointment)) {
            throw new ConflictException("Slot " + appointment.slotId() + " is already taken");
        }
    }

    private static BookingPlan bookingOf(Appointment appointment) {
        return new BookingPlan(appointment.episodeId(), List.of(appointment), List.of(), List.of(), List.of());
    }

    private static String requestHash(String idempotencyKey, String... request) {
        return idempotencyKey == null ? null : IdempotencyKeys.fingerprint(request);
    }

    private record Moved(Appointment before, Appointment after, EpisodeSchedule schedule) {}

    /** What a booking answers, the schedule as stored with it, and whether this request booked it. */
    private record Booked(Appointment appointment, EpisodeSchedule schedule, boolean now) {}
}
