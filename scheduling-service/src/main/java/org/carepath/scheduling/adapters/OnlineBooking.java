package org.carepath.scheduling.adapters;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.carepath.events.scheduling.AppointmentType;
import org.carepath.platform.persistence.ConcurrentWrites;
import org.carepath.platform.web.ConflictException;
import org.carepath.platform.web.IdempotencyKeys;
import org.carepath.platform.web.InvalidFieldException;
import org.carepath.platform.web.NotFoundException;
import org.carepath.scheduling.booking.Appointment;
import org.carepath.scheduling.booking.PatientTime;
import org.carepath.scheduling.directory.Slot;
import org.carepath.scheduling.directory.SlotCatalog;
import org.carepath.scheduling.schedule.ChangeRefused;
import org.carepath.scheduling.schedule.EpisodeSchedule;
import org.carepath.scheduling.schedule.KeyedRequest;
import org.carepath.scheduling.schedule.ScheduleChange;
import org.carepath.scheduling.schedule.ScheduleRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/**
 * Booking online by staff or patient (scheduling-rules §5): book an open slot, move an appointment, cancel one,
 * through {@link EpisodeSchedule#book}, {@link EpisodeSchedule#reschedule} and {@link EpisodeSchedule#cancel},
 * carried out by {@link ScheduleChanges}. The slot claim decides who gets a slot; every change emits its event; a
 * freed slot serves the waitlist. A change the schedule refuses is a 409, or a 422 naming the field.
 */
@Service
class OnlineBooking {

    private static final Logger log = LoggerFactory.getLogger(OnlineBooking.class);

    private final EpisodeSchedules schedules;
    private final ClaimingPlanner claiming;
    private final SlotCatalog catalog;
    private final ScheduleRules rules;
    private final ScheduleChanges changes;

    OnlineBooking(
            EpisodeSchedules schedules,
            ClaimingPlanner claiming,
            SlotCatalog catalog,
            ScheduleRules rules,
            ScheduleChanges changes) {
        this.schedules = schedules;
        this.claiming = claiming;
        this.catalog = catalog;
        this.rules = rules;
        this.changes = changes;
    }

    /**
     * Books an appointment of {@code type} in the slot; 409 when the slot is taken or the patient is busy then. Under
     * an {@code Idempotency-Key} a retry of the same request answers the appointment the first one booked (as it
     * stands) and books nothing; the key with another request is a 409.
     */
    Appointment book(String episodeId, String slotId, AppointmentType type, String idempotencyKey) {
        return answering(() -> booked(episodeId, slotId, type, idempotencyKey));
    }

    /**
     * Moves a booked appointment to another open slot that suits its type. Under an {@code Idempotency-Key} a retry
     * of the same request answers the appointment as it stands and moves nothing; the key with another request is a
     * 409.
     */
    Appointment reschedule(String appointmentId, String slotId, String idempotencyKey) {
        return answering(() -> moved(appointmentId, slotId, idempotencyKey));
    }

    /**
     * Cancels an appointment; cancelling one already cancelled changes nothing. Under an {@code Idempotency-Key} a
     * retry of the same request answers the appointment as it stands; the key with another request is a 409.
     */
    Appointment cancel(String appointmentId, String reason, String idempotencyKey) {
        return answering(() -> cancelled(appointmentId, reason, idempotencyKey));
    }

    Appointment find(String appointmentId) {
        return holding(appointmentId).appointment(appointmentId).orElseThrow();
    }

    private Appointment booked(String episodeId, String slotId, AppointmentType type, String idempotencyKey) {
        String requestHash = requestHash(idempotencyKey, "book", episodeId, slotId, String.valueOf(type));
        // one id for every attempt, so that a retried attempt recognises its own claim; under a key, one id for every
        // retry of the request too, so that two copies of it racing each other book one appointment
        String appointmentId = episodeId + ":" + type + ":online:"
                + (idempotencyKey == null
                        ? UUID.randomUUID()
                        : UUID.nameUUIDFromBytes(
                                (idempotencyKey + "|" + requestHash).getBytes(StandardCharsets.UTF_8)));
        KeyedRequest keyed = keyed(idempotencyKey, requestHash, appointmentId);
        Optional<Appointment> answered = idempotencyKey == null
                ? Optional.empty()
                : schedules.find(episodeId).flatMap(read -> read.schedule().answered(keyed, appointmentId));
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
        Stored stored = null;
        try {
            stored = concurrently(() -> {
                EpisodeScheduleDocument read = knownEpisode(episodeId);
                EpisodeSchedule schedule = read.schedule();
                ScheduleChange change = schedule.book(
                        appointmentId, type, slot, keyed, elsewhere(session, schedule), session.now(), rules);
                return store(session, read, change);
            });
        } finally {
            // without a key the id is this request's alone: whatever it claimed and did not store is released; under a
            // key a copy of the request may have stored it, so settle against what is stored
            session.settle(
                    stored != null
                            ? stored.schedule()
                            : idempotencyKey == null
                                    ? null
                                    : schedules.find(episodeId).orElse(null));
        }
        if (stored.now()) {
            log.info("Appointment {} booked online in slot {}", appointmentId, slotId);
        }
        return stored.schedule().appointment(appointmentId).orElseThrow();
    }

    private Appointment moved(String appointmentId, String slotId, String idempotencyKey) {
        String requestHash = requestHash(idempotencyKey, "reschedule", appointmentId, slotId);
        KeyedRequest keyed = keyed(idempotencyKey, requestHash, appointmentId);
        Optional<Appointment> answered = idempotencyKey == null
                ? Optional.empty()
                : schedules.holding(appointmentId).flatMap(read -> read.schedule()
                        .answered(keyed, null));
        if (answered.isPresent()) {
            return answered.get();
        }
        BookingSession session = claiming.session();
        Slot slot = openFutureSlot(slotId, session);
        Stored stored = null;
        try {
            stored = concurrently(() -> {
                EpisodeScheduleDocument read = holding(appointmentId);
                EpisodeSchedule schedule = read.schedule();
                ScheduleChange change = schedule.reschedule(
                        appointmentId, slot, keyed, elsewhere(session, schedule), session.now(), rules);
                return store(session, read, change);
            });
        } finally {
            // the claim is keyed by the appointment's id: settle against what is stored, whoever stored it
            session.settle(
                    stored != null
                            ? stored.schedule()
                            : schedules.holding(appointmentId).orElse(null));
        }
        if (stored.now()) {
            log.info(
                    "Appointment {} moved from slot {} to slot {}",
                    appointmentId,
                    stored.change().claimsToRelease().get(0).slotId(),
                    slotId);
        }
        return stored.schedule().appointment(appointmentId).orElseThrow();
    }

    private Appointment cancelled(String appointmentId, String reason, String idempotencyKey) {
        String requestHash = requestHash(idempotencyKey, "cancel", appointmentId, reason);
        KeyedRequest keyed = keyed(idempotencyKey, requestHash, appointmentId);
        BookingSession session = claiming.session();
        Stored stored = concurrently(() -> {
            EpisodeScheduleDocument read = holding(appointmentId);
            ScheduleChange change = read.schedule().cancel(appointmentId, reason, keyed, session.now(), rules);
            return new Stored(changes.apply(session, read, change), change);
        });
        Appointment cancelled = stored.schedule().appointment(appointmentId).orElseThrow();
        log.info("Appointment {} cancelled, slot {} freed", appointmentId, cancelled.slotId());
        return cancelled;
    }

    /**
     * Takes the slot the change books (409 when another booking holds it) and records the patient's time, then has
     * the change carried out; a slot lost meanwhile is a 409 like any taken slot.
     */
    private Stored store(BookingSession session, EpisodeScheduleDocument read, ScheduleChange change) {
        if (change.changesNothing()) {
            return new Stored(read, change);
        }
        for (Appointment appointment : change.claimsToTake()) {
            if (!session.claim(appointment)) {
                throw new ConflictException("Slot " + appointment.slotId() + " is already taken");
            }
        }
        // §4.2 across episodes: another booking of the same patient wrote meanwhile; read both again and decide again
        if (!session.recordPatientTime(
                read.patientId(), read.episodeId(), change.next().booked())) {
            throw new OptimisticLockingFailureException(
                    "the calendar of the patient of episode " + read.episodeId() + " changed meanwhile");
        }
        try {
            return new Stored(changes.apply(session, read, change), change);
        } catch (SlotContentionException lost) {
            throw new ConflictException("The slot was taken while the booking was in flight; choose another");
        }
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

    private EpisodeScheduleDocument knownEpisode(String episodeId) {
        return schedules
                .find(episodeId)
                .orElseThrow(() -> new InvalidFieldException(
                        "episodeId",
                        "episode " + episodeId + " is not known to scheduling (no triage decision yet)",
                        422));
    }

    private EpisodeScheduleDocument holding(String appointmentId) {
        return schedules
                .holding(appointmentId)
                .orElseThrow(() -> new NotFoundException("No appointment " + appointmentId));
    }

    private static List<PatientTime> elsewhere(BookingSession session, EpisodeSchedule schedule) {
        return session.elsewhere(schedule.patientId(), schedule.episodeId());
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

    /** A change the schedule refuses: a 422 naming the field that cannot apply, else a 409. */
    private static Appointment answering(Supplier<Appointment> request) {
        try {
            return request.get();
        } catch (ChangeRefused refused) {
            if (refused.field().isPresent()) {
                throw new InvalidFieldException(refused.field().get(), refused.getMessage());
            }
            throw new ConflictException(refused.getMessage());
        }
    }

    private static KeyedRequest keyed(String idempotencyKey, String requestHash, String appointmentId) {
        return idempotencyKey == null ? null : new KeyedRequest(idempotencyKey, requestHash, appointmentId);
    }

    private static String requestHash(String idempotencyKey, String... request) {
        return idempotencyKey == null ? null : IdempotencyKeys.fingerprint(request);
    }

    /** The schedule as stored after a request, and the change the request made of it. */
    private record Stored(EpisodeScheduleDocument schedule, ScheduleChange change) {

        boolean now() {
            return !change.changesNothing();
        }
    }
}
