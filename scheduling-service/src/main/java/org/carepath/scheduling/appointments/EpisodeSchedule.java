package org.carepath.scheduling.appointments;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.carepath.events.intake.Contact;
import org.carepath.events.intake.Region;
import org.carepath.events.triage.Disposition;
import org.carepath.events.triage.TriageDecided;
import org.carepath.platform.messaging.OutboxMessage;
import org.carepath.scheduling.booking.Appointment;
import org.carepath.scheduling.booking.BookingPlan;
import org.carepath.scheduling.booking.EpisodeBookings;
import org.carepath.scheduling.booking.WaitlistEntry;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One episode as scheduling holds it: its appointments and waitlist, the latest triage decision applied and the
 * episode's contact, region and onset from it, the ids of the events already applied, and the events its changes
 * caused (the embedded outbox). One document, so a change and its events are written together or not at all.
 */
@Document(EpisodeSchedule.COLLECTION)
@CompoundIndex(name = "appointment", def = "{'appointments.appointmentId': 1}")
@CompoundIndex(name = "waiting", def = "{'waitlist.status': 1, 'waitlist.specialty': 1}")
record EpisodeSchedule(
        @Id String episodeId,
        @Version Long version,
        int decisionVersion,
        Disposition disposition,
        Region region,
        LocalDate onsetDate,
        Contact contact,
        List<Appointment> appointments,
        List<WaitlistEntry> waitlist,
        List<String> appliedEventIds,
        List<OutboxMessage> outbox) {

    static final String COLLECTION = "episode_schedules";

    EpisodeSchedule {
        appointments = appointments == null ? List.of() : List.copyOf(appointments);
        waitlist = waitlist == null ? List.of() : List.copyOf(waitlist);
        appliedEventIds = appliedEventIds == null ? List.of() : List.copyOf(appliedEventIds);
        outbox = outbox == null ? List.of() : List.copyOf(outbox);
    }

    /** An episode no decision has reached yet: saving it inserts it. */
    static EpisodeSchedule unknown(String episodeId) {
        return new EpisodeSchedule(
                episodeId, null, 0, null, null, null, null, List.of(), List.of(), List.of(), List.of());
    }

    EpisodeBookings bookings() {
        return new EpisodeBookings(appointments, waitlist);
    }

    boolean hasApplied(String eventId) {
        return appliedEventIds.contains(eventId);
    }

    Optional<Appointment> appointment(String appointmentId) {
        return appointments.stream()
                .filter(appointment -> appointment.appointmentId().equals(appointmentId))
                .findFirst();
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
                concat(appointments, plan.appointments()),
                updatedWaitlist(plan),
                concat(appliedEventIds, List.of(eventId)),
                concat(outbox, events));
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
                concat(appointments, plan.appointments()),
                updatedWaitlist(plan),
                appliedEventIds,
                concat(outbox, events));
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
                updated,
                waitlist,
                appliedEventIds,
                concat(outbox, List.of(event)));
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
