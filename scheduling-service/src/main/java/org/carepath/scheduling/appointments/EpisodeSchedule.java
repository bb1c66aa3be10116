package org.carepath.scheduling.appointments;

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
import org.carepath.events.triage.Disposition;
import org.carepath.events.triage.TriageDecided;
import org.carepath.platform.messaging.OutboxMessage;
import org.carepath.platform.outbox.WithOutbox;
import org.carepath.platform.web.ConflictException;
import org.carepath.scheduling.booking.Appointment;
import org.carepath.scheduling.booking.BookingPlan;
import org.carepath.scheduling.booking.EpisodeBookings;
import org.carepath.scheduling.booking.WaitlistEntry;
import org.carepath.scheduling.followup.DueFollowUps;
import org.carepath.scheduling.followup.FollowUp;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One episode as scheduling holds it: its appointments, waitlist and follow-up messages, the latest triage
 * decision applied and the episode's contact, region, onset and patient (intake's opaque id; null until intake
 * assigns one, and then the episode is its own patient) from it, the ids of the events already applied,
 * and the events its changes caused (the embedded outbox). One document, so a change, the reminders it plans and
 * its events are written together or not at all: a reminder exists only with the appointment it reminds of.
 */
@Document(EpisodeSchedule.COLLECTION)
record EpisodeSchedule(
        @Id String episodeId,
        @Version Long version,
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
        List<OutboxMessage> outbox,
        List<KeyedRequest> keyedRequests)
        implements WithOutbox {

    static final String COLLECTION = "episode_schedules";

    /** How many keyed requests an episode remembers; an older key is forgotten (and a retry under it done again). */
    static final int KEPT_KEYED_REQUESTS = 100;

    /**
     * An online booking, move or cancellation made under a client's {@code Idempotency-Key}: a retry under the key
     * answers {@code appointmentId} as it stands, another request under it is refused.
     */
    record KeyedRequest(String key, String requestHash, String appointmentId) {}

    EpisodeSchedule {
        appointments = appointments == null ? List.of() : List.copyOf(appointments);
        waitlist = waitlist == null ? List.of() : List.copyOf(waitlist);
        followUps = followUps == null ? List.of() : List.copyOf(followUps);
        appliedEventIds = appliedEventIds == null ? List.of() : List.copyOf(appliedEventIds);
        outbox = outbox == null ? List.of() : List.copyOf(outbox);
        keyedRequests = keyedRequests == null ? List.of() : List.copyOf(keyedRequests);
    }

    /** An episode no decision has reached yet: saving it inserts it. */
    static EpisodeSchedule unknown(String episodeId) {
        return new EpisodeSchedule(
                episodeId, null, 0, null, null, null, null, null, List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of());
    }

    EpisodeBookings bookings() {
        return new EpisodeBookings(appointments, waitlist);
    }

    boolean hasApplied(String eventId) {
        return appliedEventIds.contains(eventId);
    }

    /** The request made under this {@code Idempotency-Key}, if the episode remembers one. */
    Optional<KeyedRequest> keyedRequest(String key) {
        return key == null
                ? Optional.empty()
                : keyedRequests.stream()
                        .filter(keyed -> keyed.key().equals(key))
                        .findFirst();
    }

    /**
     * What an earlier request under {@code key} answered: the appointment it made or changed, as it stands now;
     * empty when the key is new here (or no key). The key with another request ({@code requestHash} differs) is a
     * 409. {@code ownAppointmentId}, the id a request derives from its key, is found even once the key is forgotten.
     */
    Optional<Appointment> answered(String key, String requestHash, String ownAppointmentId) {
        if (key == null) {
            return Optional.empty();
        }
        Optional<KeyedRequest> earlier = keyedRequest(key);
        if (earlier.isPresent() && !earlier.get().requestHash().equals(requestHash)) {
            throw new ConflictException("Idempotency-Key was already used with a different request");
        }
        return earlier.map(KeyedRequest::appointmentId)
                .or(() -> Optional.ofNullable(ownAppointmentId))
                .flatMap(this::appointment);
    }

    /** This schedule remembering a request made under a key (none: unchanged), the oldest beyond the bound forgotten. */
    EpisodeSchedule keyed(String key, String requestHash, String appointmentId) {
        if (key == null) {
            return this;
        }
        List<KeyedRequest> kept = concat(
                keyedRequests.stream().filter(keyed -> !keyed.key().equals(key)).toList(),
                List.of(new KeyedRequest(key, requestHash, appointmentId)));
        return new EpisodeSchedule(
                episodeId,
                version,
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
                outbox,
                kept.subList(Math.max(0, kept.size() - KEPT_KEYED_REQUESTS), kept.size()));
    }

    Optional<Appointment> appointment(String appointmentId) {
        return appointments.stream()
                .filter(appointment -> appointment.appointmentId().equals(appointmentId))
                .findFirst();
    }

    /** The appointments booked once {@code plan} is applied: those it cancels gone, those it books added. */
    List<Appointment> bookedAfter(BookingPlan plan) {
        return Stream.concat(cancelledBy(plan).stream(), plan.appointments().stream())
                .filter(Appointment::isBooked)
                .toList();
    }

    /** The appointments booked once {@code changed} replaces its earlier state. */
    List<Appointment> bookedWith(Appointment changed) {
        return Stream.concat(
                        appointments.stream()
                                .filter(appointment ->
                                        !appointment.appointmentId().equals(changed.appointmentId())),
                        Stream.of(changed))
                .filter(Appointment::isBooked)
                .toList();
    }

    List<String> bookedSlotIds() {
        return appointments.stream()
                .filter(Appointment::isBooked)
                .map(Appointment::slotId)
                .toList();
    }

    /** A decision applied: what it booked and waitlisted, and the episode's facts as of this version. */
    EpisodeSchedule decided(TriageDecided decision, String eventId, BookingPlan plan, List<OutboxMessage> events) {
        var episode = decision.episode();
        return new EpisodeSchedule(
                episodeId,
                version,
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
                concat(outbox, events),
                keyedRequests);
    }

    /** Bookings made outside a decision (a waitlist served, an online booking): the rest stays as it was. */
    EpisodeSchedule planned(BookingPlan plan, List<OutboxMessage> events) {
        return new EpisodeSchedule(
                episodeId,
                version,
                decisionVersion,
                disposition,
                region,
                onsetDate,
                contact,
                patientId,
                concat(appointments, plan.appointments()),
                updatedWaitlist(plan),
                followUps,
                appliedEventIds,
                concat(outbox, events),
                keyedRequests);
    }

    /** An appointment changed in place (cancelled, or moved to another slot). */
    EpisodeSchedule replaced(Appointment changed, OutboxMessage event) {
        List<Appointment> updated = appointments.stream()
                .map(appointment -> appointment.appointmentId().equals(changed.appointmentId()) ? changed : appointment)
                .toList();
        return new EpisodeSchedule(
                episodeId,
                version,
                decisionVersion,
                disposition,
                region,
                onsetDate,
                contact,
                patientId,
                updated,
                waitlist,
                followUps,
                appliedEventIds,
                concat(outbox, List.of(event)),
                keyedRequests);
    }

    /**
     * Follow-ups planned with a change: new ones added (one already held under the same id stays as it is, so a
     * sent one stays sent), and those {@code cancelled} replaced while they are still pending.
     */
    EpisodeSchedule withFollowUps(List<FollowUp> scheduled, List<FollowUp> cancelled) {
        Map<String, FollowUp> byId = new LinkedHashMap<>();
        followUps.forEach(followUp -> byId.put(followUp.followUpId(), followUp));
        scheduled.forEach(followUp -> byId.putIfAbsent(followUp.followUpId(), followUp));
        cancelled.forEach(followUp ->
                byId.computeIfPresent(followUp.followUpId(), (id, held) -> held.isPending() ? followUp : held));
        return replacingFollowUps(List.copyOf(byId.values()), List.of());
    }

    /** The pending follow-ups due at {@code now}, oldest due first. */
    List<FollowUp> dueAt(Instant now) {
        return DueFollowUps.at(now, followUps);
    }

    /** The pending follow-up that falls due first after {@code now}, if any. */
    Optional<FollowUp> nextPending(Instant now) {
        return followUps.stream()
                .filter(FollowUp::isPending)
                .filter(followUp -> followUp.dueAt().isAfter(now))
                .min(Comparator.comparing(FollowUp::dueAt).thenComparing(FollowUp::followUpId));
    }

    /** Follow-ups marked sent, each with its {@code followup.due} event. */
    EpisodeSchedule sent(List<FollowUp> sent, List<OutboxMessage> events) {
        Map<String, FollowUp> byId = new LinkedHashMap<>();
        followUps.forEach(followUp -> byId.put(followUp.followUpId(), followUp));
        sent.forEach(followUp -> byId.put(followUp.followUpId(), followUp));
        return replacingFollowUps(List.copyOf(byId.values()), events);
    }

    /** The same schedule with more events to publish. */
    EpisodeSchedule announcing(List<OutboxMessage> events) {
        return replacingFollowUps(followUps, events);
    }

    private EpisodeSchedule replacingFollowUps(List<FollowUp> next, List<OutboxMessage> events) {
        return new EpisodeSchedule(
                episodeId,
                version,
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
                concat(outbox, events),
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

    private static <T> List<T> concat(List<T> list, List<T> more) {
        return Stream.concat(list.stream(), more.stream()).toList();
    }
}
