package org.carepath.scheduling.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.carepath.events.intake.Contact;
import org.carepath.events.intake.Region;
import org.carepath.events.scheduling.AppointmentType;
import org.carepath.events.triage.Disposition;
import org.carepath.events.triage.TriageDecided;
import org.carepath.scheduling.booking.Appointment;
import org.carepath.scheduling.booking.BookingPlan;
import org.carepath.scheduling.booking.EpisodeBookings;
import org.carepath.scheduling.booking.PatientTime;
import org.carepath.scheduling.booking.WaitlistEntry;
import org.carepath.scheduling.booking.WaitlistServed;
import org.carepath.scheduling.directory.Slot;
import org.carepath.scheduling.followup.DueFollowUps;
import org.carepath.scheduling.followup.FollowUp;
import org.carepath.scheduling.followup.FollowUpPlan;
import org.carepath.scheduling.followup.FollowUpPlanner;
import org.carepath.scheduling.followup.FollowUpStatus;
import org.carepath.scheduling.followup.QuietHours;

/**
 * One episode's schedule, as a state machine: its appointments, waitlist and follow-up messages, the latest triage
 * decision applied with the episode's contact, region, onset and patient (intake's opaque id; null until intake
 * assigns one, and then the episode is its own patient) from it, the ids of the events already applied and the
 * requests remembered under an {@code Idempotency-Key}. Each transition ({@link #decide}, {@link #book},
 * {@link #reschedule}, {@link #cancel}, {@link #serve}) checks the state and returns one {@link ScheduleChange}; the
 * state it returns keeps a reminder only with the appointment booked that it reminds of.
 */
public record EpisodeSchedule(
        String episodeId,
        int decisionVersion,
        Disposition disposition,
        Region region,
        LocalDate onsetDate,
        Contact contact,
        String patientId,
        List<Appointment> appointments,
        List<WaitlistEntry> waitlist,
        List<FollowUp> followUps,
        List<String> appliedEventIds,
        List<KeyedRequest> keyedRequests) {

    /** How many keyed requests an episode remembers; an older key is forgotten (and a retry under it done again). */
    public static final int KEPT_KEYED_REQUESTS = 100;

    /** The reason an appointment cancelled online without one gives. */
    public static final String CANCELLED_ONLINE = "cancelled online";

    public EpisodeSchedule {
        appointments = appointments == null ? List.of() : List.copyOf(appointments);
        waitlist = waitlist == null ? List.of() : List.copyOf(waitlist);
        followUps = followUps == null ? List.of() : List.copyOf(followUps);
        appliedEventIds = appliedEventIds == null ? List.of() : List.copyOf(appliedEventIds);
        keyedRequests = keyedRequests == null ? List.of() : List.copyOf(keyedRequests);
    }

    /** An episode no decision has reached yet. */
    public static EpisodeSchedule unknown(String episodeId) {
        return new EpisodeSchedule(
                episodeId, 0, null, null, null, null, null, List.of(), List.of(), List.of(), List.of(), List.of());
    }

    // ---- transitions

    /**
     * A triage decision applied (§3, §6): what it books in {@code openings} and waitlists, what it cancels (BK-RC),
     * the follow-ups it plans and cancels. Idempotent on the event id and on the decision version: a redelivered
     * decision, or the same version under a new id, changes nothing.
     *
     * @throws IllegalArgumentException for a decision the planners can never act on (no contact, no onset date)
     */
    public ScheduleChange decide(
            TriageDecided decision, String eventId, Openings openings, Instant now, ScheduleRules rules) {
        if (hasAlreadyApplied(decision, eventId)) {
            return ScheduleChange.none(this);
        }
        BookingPlan plan =
                rules.bookings().plan(decision, bookings().alsoBusy(openings.elsewhere()), openings.open(), now);
        FollowUpPlan followUpPlan = rules.followUps().plan(decision, followUps, plan.appointments(), now);
        List<String> applied = Stream.concat(plan.rules().stream(), followUpPlan.rules().stream())
                .distinct()
                .toList();
        return changedTo(
                decided(decision, eventId, plan),
                eventsOf(plan, BookingPlan.RECOVERED),
                plan.appointments(),
                plan.cancelled(),
                followUpPlan.scheduled(),
                followUpPlan.cancelled(),
                now,
                rules,
                applied);
    }

    /** Whether this decision (by event id or version) was applied already. */
    public boolean hasAlreadyApplied(TriageDecided decision, String eventId) {
        return hasApplied(eventId) || decision.version() <= decisionVersion;
    }

    /**
     * An online booking (§5) of {@code type} in {@code slot}, as {@code appointmentId}, with its MSG-APPT reminder;
     * refused when the patient has another appointment then (§4.2), here or {@code elsewhere}. A retry under its
     * {@code keyed} request changes nothing.
     */
    public ScheduleChange book(
            String appointmentId,
            AppointmentType type,
            Slot slot,
            KeyedRequest keyed,
            List<PatientTime> elsewhere,
            Instant now,
            ScheduleRules rules) {
        if (answered(keyed, appointmentId).isPresent()) {
            return ScheduleChange.none(this);
        }
        requireRoom(bookings().alsoBusy(elsewhere), slot, type);
        Appointment appointment = Appointment.inSlot(appointmentId, episodeId, 0, type, slot, null);
        return changedTo(
                planned(new BookingPlan(episodeId, List.of(appointment), List.of(), List.of(), List.of()))
                        .keyed(keyed),
                List.of(new ScheduleEvent.Booked(appointment)),
                List.of(appointment),
                List.of(),
                remindersFor(List.of(appointment), now, rules),
                List.of(),
                now,
                rules,
                List.of());
    }

    /**
     * A booked appointment moved to {@code slot}, which must suit its type and leave the patient's appointments
     * apart; its pending reminders go and a new one comes (MSG-STALE). Moving to the slot it holds changes nothing.
     */
    public ScheduleChange reschedule(
            String appointmentId,
            Slot slot,
            KeyedRequest keyed,
            List<PatientTime> elsewhere,
            Instant now,
            ScheduleRules rules) {
        if (answered(keyed, null).isPresent()) {
            return ScheduleChange.none(this);
        }
        Appointment appointment = requireAppointment(appointmentId);
        if (!appointment.isBooked()) {
            throw ChangeRefused.conflict("Appointment " + appointmentId + " is " + appointment.status());
        }
        if (appointment.slotId().equals(slot.slotId())) {
            return ScheduleChange.none(this);
        }
        if (!slot.suits(appointment.type())) {
            throw ChangeRefused.invalid(
                    "slotId", "slot " + slot.slotId() + " does not suit a " + appointment.type() + " appointment");
        }
        requireRoom(bookings().without(appointmentId).alsoBusy(elsewhere), slot, appointment.type());
        Appointment after = appointment.rescheduleTo(slot);
        List<FollowUp> oldReminders = FollowUpPlanner.cancelledWithAppointment(appointmentId, followUps).stream()
                .filter(reminder -> !reminder.followUpId().equals(FollowUpPlanner.reminderId(after)))
                .toList();
        return changedTo(
                replaced(after).keyed(keyed),
                List.of(new ScheduleEvent.Rescheduled(after)),
                List.of(after),
                List.of(appointment),
                remindersFor(List.of(after), now, rules),
                oldReminders,
                now,
                rules,
                List.of());
    }

    /**
     * A booked appointment cancelled, with its pending reminders (MSG-STALE), its slot to be freed. Cancelling one
     * no longer booked, or a retry under its {@code keyed} request, changes nothing but frees its slot again: the
     * first cancellation may have stopped before it freed the slot for the waitlist.
     */
    public ScheduleChange cancel(
            String appointmentId, String reason, KeyedRequest keyed, Instant now, ScheduleRules rules) {
        Appointment appointment = answered(keyed, null).orElseGet(() -> requireAppointment(appointmentId));
        if (!appointment.isBooked()) {
            return ScheduleChange.none(this).releasing(appointment);
        }
        Appointment cancelled = appointment.cancel();
        String why = reason == null || reason.isBlank() ? CANCELLED_ONLINE : reason;
        return changedTo(
                replaced(cancelled).keyed(keyed),
                List.of(new ScheduleEvent.Cancelled(cancelled, why)),
                List.of(),
                List.of(cancelled),
                List.of(),
                FollowUpPlanner.cancelledWithAppointment(appointmentId, followUps),
                now,
                rules,
                List.of());
    }

    /**
     * A waiting entry of this episode served by a freed slot (§4.3; which entry gets it is
     * {@link org.carepath.scheduling.booking.WaitlistServer}'s choice): the entry SERVED, its appointment booked
     * with a reminder. An entry no longer waiting here changes nothing.
     */
    public ScheduleChange serve(WaitlistServed served, Instant now, ScheduleRules rules) {
        boolean waiting = bookings().waiting().stream()
                .anyMatch(entry -> entry.entryId().equals(served.entry().entryId()));
        if (!waiting) {
            return ScheduleChange.none(this);
        }
        Appointment appointment = served.appointment();
        return fromWaitlist(
                new BookingPlan(
                        episodeId,
                        List.of(appointment),
                        List.of(),
                        List.of(served.entry()),
                        List.of(appointment.rule())),
                now,
                rules);
    }

    /** This episode's waiting entries tried again in {@code openings}, imaging first (§4.3). */
    public ScheduleChange serveWaiting(Openings openings, Instant now, ScheduleRules rules) {
        if (bookings().waiting().isEmpty()) {
            return ScheduleChange.none(this);
        }
        BookingPlan plan = rules.bookings()
                .retryWaitlist(episodeId, bookings().alsoBusy(openings.elsewhere()), openings.open(), now);
        return plan.changesNothing() ? ScheduleChange.none(this) : fromWaitlist(plan, now, rules);
    }

    /**
     * The follow-ups due at {@code now} marked sent, or cancelled when they remind of an appointment no longer
     * booked then (MSG-STALE), or deferred out of quiet hours (MSG-QUIET).
     */
    public ScheduleChange sendDue(Instant now, QuietHours quiet) {
        Due due = markDue(this, now, quiet);
        if (due.events().isEmpty() && due.next() == this) {
            return ScheduleChange.none(this);
        }
        List<ScheduleEvent> events = new ArrayList<>(due.events());
        events.addAll(announcements(due.next()));
        return new ScheduleChange(
                this, due.next(), events, List.of(), List.of(), List.of(), List.of(), Optional.empty(), List.of());
    }

    // ---- queries

    public EpisodeBookings bookings() {
        return new EpisodeBookings(appointments, waitlist);
    }

    public boolean hasApplied(String eventId) {
        return appliedEventIds.contains(eventId);
    }

    public Optional<Appointment> appointment(String appointmentId) {
        return appointments.stream()
                .filter(appointment -> appointment.appointmentId().equals(appointmentId))
                .findFirst();
    }

    public List<Appointment> booked() {
        return appointments.stream().filter(Appointment::isBooked).toList();
    }

    public List<String> bookedSlotIds() {
        return booked().stream().map(Appointment::slotId).toList();
    }

    /** The request made under this {@code Idempotency-Key}, if the episode remembers one. */
    public Optional<KeyedRequest> keyedRequest(String key) {
        return key == null
                ? Optional.empty()
                : keyedRequests.stream()
                        .filter(keyed -> keyed.key().equals(key))
                        .findFirst();
    }

    /**
     * What an earlier request under {@code key} answered: the appointment it made or changed, as it stands now;
     * empty when the key is new here (or no key). The key with another request ({@code requestHash} differs) is
     * refused. {@code ownAppointmentId}, the id a request derives from its key, is found even once the key is
     * forgotten.
     */
    public Optional<Appointment> answered(String key, String requestHash, String ownAppointmentId) {
        if (key == null) {
            return Optional.empty();
        }
        Optional<KeyedRequest> earlier = keyedRequest(key);
        if (earlier.isPresent() && !earlier.get().requestHash().equals(requestHash)) {
            throw ChangeRefused.conflict("Idempotency-Key was already used with a different request");
        }
        return earlier.map(KeyedRequest::appointmentId)
                .or(() -> Optional.ofNullable(ownAppointmentId))
                .flatMap(this::appointment);
    }

    /** As above, for a request made under {@code keyed} (null: no key). */
    public Optional<Appointment> answered(KeyedRequest keyed, String ownAppointmentId) {
        return keyed == null ? Optional.empty() : answered(keyed.key(), keyed.requestHash(), ownAppointmentId);
    }

    /** The pending follow-up that falls due first after {@code now}, if any. */
    public Optional<FollowUp> nextPending(Instant now) {
        return followUps.stream()
                .filter(FollowUp::isPending)
                .filter(followUp -> followUp.dueAt().isAfter(now))
                .min(Comparator.comparing(FollowUp::dueAt).thenComparing(FollowUp::followUpId));
    }

    // ---- the next states

    /** This schedule remembering a request made under a key (none: unchanged), the oldest beyond the bound forgotten. */
    public EpisodeSchedule keyed(KeyedRequest request) {
        if (request == null) {
            return this;
        }
        List<KeyedRequest> kept = concat(
                keyedRequests.stream()
                        .filter(keyed -> !keyed.key().equals(request.key()))
                        .toList(),
                List.of(request));
        return new EpisodeSchedule(
                episodeId,
                decisionVersion,
                disposition,
                region,
                onsetDate,
                contact,
                patientId,
                appointments,
                waitlist,
                followUps,
                appliedEventIds,
                kept.subList(Math.max(0, kept.size() - KEPT_KEYED_REQUESTS), kept.size()));
    }

    /** A decision applied: what it booked and waitlisted, and the episode's facts as of this version. */
    EpisodeSchedule decided(TriageDecided decision, String eventId, BookingPlan plan) {
        var episode = decision.episode();
        return new EpisodeSchedule(
                episodeId,
                decision.version(),
                decision.disposition(),
                episode.region(),
                episode.onsetDate(),
                episode.contact(),
                episode.patientId(),
                concat(cancelledBy(plan), plan.appointments()),
                updatedWaitlist(plan),
                followUps,
                concat(appliedEventIds, List.of(eventId)),
                keyedRequests);
    }

    /** Bookings made outside a decision (a waitlist served, an online booking): the rest stays as it was. */
    EpisodeSchedule planned(BookingPlan plan) {
        return withBookings(concat(appointments, plan.appointments()), updatedWaitlist(plan));
    }

    /** An appointment changed in place (cancelled, or moved to another slot). */
    EpisodeSchedule replaced(Appointment changed) {
        return withBookings(
                appointments.stream()
                        .map(appointment ->
                                appointment.appointmentId().equals(changed.appointmentId()) ? changed : appointment)
                        .toList(),
                waitlist);
    }

    /**
     * Follow-ups planned with a change: new ones added (one already held under the same id stays as it is, so a
     * sent one stays sent, but a cancelled one is planned again: a reminder's id is its appointment and start, so an
     * appointment moved back to its first time finds its cancelled reminder), and those {@code cancelled} replaced
     * while they are still pending.
     */
    EpisodeSchedule withFollowUps(List<FollowUp> scheduled, List<FollowUp> cancelled) {
        Map<String, FollowUp> byId = byId(followUps);
        scheduled.forEach(followUp -> byId.merge(
                followUp.followUpId(),
                followUp,
                (held, planned) -> held.status() == FollowUpStatus.CANCELLED ? planned : held));
        cancelled.forEach(followUp ->
                byId.computeIfPresent(followUp.followUpId(), (id, held) -> held.isPending() ? followUp : held));
        return withFollowUps(List.copyOf(byId.values()));
    }

    private ScheduleChange fromWaitlist(BookingPlan plan, Instant now, ScheduleRules rules) {
        return changedTo(
                planned(plan),
                eventsOf(plan, BookingPlan.RECOVERED),
                plan.appointments(),
                List.of(),
                remindersFor(plan.appointments(), now, rules),
                List.of(),
                now,
                rules,
                plan.rules());
    }

    /**
     * The change to {@code planned} with its follow-ups: those planned and cancelled put in, those already due
     * (MSG-ER, a reminder for an appointment less than a day away) sent at once, each follow-up changed announced,
     * and the timer the first pending one needs if it falls due before the earliest one this schedule already has.
     */
    private ScheduleChange changedTo(
            EpisodeSchedule planned,
            List<ScheduleEvent> planEvents,
            List<Appointment> claimsToTake,
            List<Appointment> claimsToRelease,
            List<FollowUp> followUpsPlanned,
            List<FollowUp> followUpsCancelled,
            Instant now,
            ScheduleRules rules,
            List<String> applied) {
        Due due = markDue(planned.withFollowUps(followUpsPlanned, followUpsCancelled), now, rules.quietHours());
        EpisodeSchedule next = due.next();
        List<ScheduleEvent> events = new ArrayList<>(planEvents);
        events.addAll(due.events());
        events.addAll(announcements(next));
        Optional<FollowUp> timed = nextPending(now);
        Optional<FollowUp> timer = next.nextPending(now)
                .filter(first ->
                        timed.isEmpty() || first.dueAt().isBefore(timed.get().dueAt()));
        return new ScheduleChange(
                this,
                next,
                events,
                claimsToTake,
                claimsToRelease,
                followUpsPlanned,
                followUpsCancelled,
                timer,
                applied);
    }

    private record Due(EpisodeSchedule next, List<ScheduleEvent> events) {}

    private static Due markDue(EpisodeSchedule schedule, Instant now, QuietHours quiet) {
        DueFollowUps.Outcome outcome = DueFollowUps.of(now, schedule.followUps, schedule.appointments, quiet);
        if (outcome.changesNothing()) {
            return new Due(schedule, List.of());
        }
        Map<String, FollowUp> byId = byId(schedule.followUps);
        outcome.all().forEach(followUp -> byId.put(followUp.followUpId(), followUp));
        return new Due(
                schedule.withFollowUps(List.copyOf(byId.values())),
                outcome.sent().stream()
                        .<ScheduleEvent>map(ScheduleEvent.FollowUpDue::new)
                        .toList());
    }

    /** Each follow-up {@code next} planned, sent, cancelled or moved since this state, for the dashboard. */
    private List<ScheduleEvent> announcements(EpisodeSchedule next) {
        Map<String, FollowUp> was = byId(followUps);
        return next.followUps.stream()
                .filter(followUp -> changed(was.get(followUp.followUpId()), followUp))
                .<ScheduleEvent>map(ScheduleEvent.FollowUpChanged::new)
                .toList();
    }

    private static boolean changed(FollowUp before, FollowUp after) {
        return before == null
                || before.status() != after.status()
                || !before.dueAt().equals(after.dueAt());
    }

    private static List<ScheduleEvent> eventsOf(BookingPlan plan, String cancelReason) {
        return Stream.of(
                        plan.cancelled().stream()
                                .<ScheduleEvent>map(cancelled -> new ScheduleEvent.Cancelled(cancelled, cancelReason)),
                        plan.appointments().stream().<ScheduleEvent>map(ScheduleEvent.Booked::new),
                        plan.waitlisted().stream().<ScheduleEvent>map(ScheduleEvent.Waitlisted::new))
                .flatMap(events -> events)
                .toList();
    }

    /** MSG-APPT for appointments booked outside a decision: a booking stands even when the patient cannot be reached. */
    private List<FollowUp> remindersFor(List<Appointment> booked, Instant now, ScheduleRules rules) {
        try {
            return booked.stream()
                    .flatMap(appointment -> rules.followUps().reminderFor(appointment, contact, now).stream())
                    .toList();
        } catch (IllegalArgumentException unreachable) {
            return List.of();
        }
    }

    private Appointment requireAppointment(String appointmentId) {
        return appointment(appointmentId)
                .orElseThrow(() -> ChangeRefused.invalid(
                        "appointmentId", "episode " + episodeId + " holds no appointment " + appointmentId));
    }

    private static void requireRoom(EpisodeBookings bookings, Slot slot, AppointmentType type) {
        if (!bookings.leavesRoomFor(slot, type)) {
            throw ChangeRefused.conflict("The patient already has an appointment at the time of slot " + slot.slotId());
        }
    }

    private EpisodeSchedule withBookings(List<Appointment> nextAppointments, List<WaitlistEntry> nextWaitlist) {
        return new EpisodeSchedule(
                episodeId,
                decisionVersion,
                disposition,
                region,
                onsetDate,
                contact,
                patientId,
                nextAppointments,
                nextWaitlist,
                followUps,
                appliedEventIds,
                keyedRequests);
    }

    private EpisodeSchedule withFollowUps(List<FollowUp> next) {
        return new EpisodeSchedule(
                episodeId,
                decisionVersion,
                disposition,
                region,
                onsetDate,
                contact,
                patientId,
                appointments,
                waitlist,
                next,
                appliedEventIds,
                keyedRequests);
    }

    // BK-RC: the appointments a plan cancels, changed in place
    private List<Appointment> cancelledBy(BookingPlan plan) {
        return appointments.stream()
                .map(appointment -> plan.cancelled().stream()
                        .filter(cancelled -> cancelled.appointmentId().equals(appointment.appointmentId()))
                        .findFirst()
                        .orElse(appointment))
                .toList();
    }

    private List<WaitlistEntry> updatedWaitlist(BookingPlan plan) {
        List<WaitlistEntry> updated = new ArrayList<>();
        for (WaitlistEntry entry : waitlist) {
            updated.add(plan.waitlistUpdates().stream()
                    .filter(change -> change.entryId().equals(entry.entryId()))
                    .findFirst()
                    .orElse(entry));
        }
        updated.addAll(plan.waitlisted());
        return updated;
    }

    private static Map<String, FollowUp> byId(List<FollowUp> followUps) {
        Map<String, FollowUp> byId = new LinkedHashMap<>();
        followUps.forEach(followUp -> byId.put(followUp.followUpId(), followUp));
        return byId;
    }

    private static <T> List<T> concat(List<T> list, List<T> more) {
        return Stream.concat(list.stream(), more.stream()).toList();
    }
}
