package org.carepath.scheduling.adapters;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.carepath.events.intake.Contact;
import org.carepath.events.intake.Region;
import org.carepath.events.triage.Disposition;
import org.carepath.platform.messaging.OutboxMessage;
import org.carepath.platform.outbox.WithOutbox;
import org.carepath.scheduling.booking.Appointment;
import org.carepath.scheduling.booking.WaitlistEntry;
import org.carepath.scheduling.followup.FollowUp;
import org.carepath.scheduling.schedule.EpisodeSchedule;
import org.carepath.scheduling.schedule.KeyedRequest;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.TypeAlias;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An {@link EpisodeSchedule} as stored: its state, the version read (optimistic writes) and the events its changes
 * caused, not yet relayed (the embedded outbox). One document, so a change, the reminders it plans and its events
 * are written together or not at all: a reminder exists only with the appointment it reminds of.
 */
@Document(EpisodeScheduleDocument.COLLECTION)
// the type hint stored before the aggregate moved to the core and the adapters' package had its name
@TypeAlias("org.carepath.scheduling.appointments.EpisodeSchedule")
record EpisodeScheduleDocument(
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

    EpisodeScheduleDocument {
        appointments = appointments == null ? List.of() : List.copyOf(appointments);
        waitlist = waitlist == null ? List.of() : List.copyOf(waitlist);
        followUps = followUps == null ? List.of() : List.copyOf(followUps);
        appliedEventIds = appliedEventIds == null ? List.of() : List.copyOf(appliedEventIds);
        outbox = outbox == null ? List.of() : List.copyOf(outbox);
        keyedRequests = keyedRequests == null ? List.of() : List.copyOf(keyedRequests);
    }

    /** An episode no decision has reached yet: saving it inserts it. */
    static EpisodeScheduleDocument unknown(String episodeId) {
        return new EpisodeScheduleDocument(
                episodeId, null, 0, null, null, null, null, null, List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of());
    }

    /** The aggregate this document holds. */
    EpisodeSchedule schedule() {
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
                keyedRequests);
    }

    /** This document holding {@code next} (at the version read) and {@code events} more to relay. */
    EpisodeScheduleDocument storing(EpisodeSchedule next, List<OutboxMessage> events) {
        return new EpisodeScheduleDocument(
                episodeId,
                version,
                next.decisionVersion(),
                next.disposition(),
                next.region(),
                next.onsetDate(),
                next.contact(),
                next.patientId(),
                next.appointments(),
                next.waitlist(),
                next.followUps(),
                next.appliedEventIds(),
                Stream.concat(outbox.stream(), events.stream()).toList(),
                next.keyedRequests());
    }

    Optional<Appointment> appointment(String appointmentId) {
        return appointments.stream()
                .filter(appointment -> appointment.appointmentId().equals(appointmentId))
                .findFirst();
    }
}
