package org.carepath.scheduling.adapters;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.carepath.platform.outbox.OutboxStore;
import org.carepath.scheduling.booking.Appointment;
import org.carepath.scheduling.followup.FollowUp;
import org.carepath.scheduling.schedule.ScheduleChange;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Carries out {@link ScheduleChange}s, always in this order, so that a crash between two steps leaves nothing a
 * retry or a sweep cannot repair and never a slot booked twice or a reminder without its appointment:
 *
 * <ol>
 *   <li>the slots the change books are claimed and its patient's time recorded while it is planned
 *       ({@link ClaimingPlanner}), before anything else, since a slot lost means planning again;
 *   <li>the follow-up timer the change needs and its waitlist notes are set (idempotent by id; a timer whose
 *       follow-up was never stored fires, finds nothing due and passes the chain on);
 *   <li>claims made long ago are confirmed, then the next state, its follow-ups and its events are saved in one
 *       document write, which hands the events to the relay ({@link OutboxStore});
 *   <li>what the session claimed that the stored document does not book is released, and the patient's time
 *       follows the stored document;
 *   <li>the slots the change gave up are freed and offered to the waitlist ({@link FreedSlots}).
 * </ol>
 *
 * A write that fails releases, before the failure goes on, what this attempt claimed and the document as stored
 * does not book.
 */
@Component
class ScheduleChanges {

    private final OutboxStore store;
    private final EpisodeSchedules schedules;
    private final ScheduleEvents events;
    private final FollowUpDelivery followUps;
    private final WaitlistIndex waitlistIndex;
    // serving the waitlist changes schedules through this adapter too, which frees slots through FreedSlots
    private final ObjectProvider<FreedSlots> freedSlots;

    ScheduleChanges(
            OutboxStore store,
            EpisodeSchedules schedules,
            ScheduleEvents events,
            FollowUpDelivery followUps,
            WaitlistIndex waitlistIndex,
            ObjectProvider<FreedSlots> freedSlots) {
        this.store = store;
        this.schedules = schedules;
        this.events = events;
        this.followUps = followUps;
        this.waitlistIndex = waitlistIndex;
        this.freedSlots = freedSlots;
    }

    /** Steps 2 to 5 for one change of the schedule {@code read}; returns the document as stored. */
    EpisodeScheduleDocument apply(BookingSession session, EpisodeScheduleDocument read, ScheduleChange change) {
        if (change.changesNothing()) {
            // nothing to store, but what an earlier attempt gave up may not have been freed yet
            settled(session, read, change);
            free(change.claimsToRelease());
            return read;
        }
        followUps.setTimers(change.timer().stream().toList());
        waitlistIndex.add(change.waitlisted());
        EpisodeScheduleDocument next = read.storing(change.next(), events.of(change.events()));
        EpisodeScheduleDocument saved;
        try {
            session.confirm(next);
            saved = store.save(next);
        } catch (RuntimeException notSaved) {
            session.settle(schedules.find(read.episodeId()).orElse(null));
            throw notSaved;
        }
        settled(session, saved, change);
        free(change.claimsToRelease());
        return saved;
    }

    /**
     * Steps 2 to 5 for a batch of changes, each step in one bulk write where it can: the schedules another writer
     * changed meanwhile are not stored and are returned (their episode ids), for the caller to apply alone.
     */
    Set<String> applyAll(Batch batch) {
        followUps.setTimers(batch.timers);
        waitlistIndex.add(batch.changes.stream()
                .flatMap(change -> change.waitlisted().stream())
                .toList());
        batch.next.forEach(
                (episodeId, next) -> batch.sessions.get(episodeId).forEach(session -> session.confirm(next)));
        Set<String> lost = new HashSet<>();
        store.saveAll(batch.next.values()).forEach(schedule -> lost.add(schedule.episodeId()));
        batch.next.forEach((episodeId, saved) -> {
            if (!lost.contains(episodeId)) {
                batch.sessions.get(episodeId).forEach(session -> session.settle(saved));
                free(batch.released.getOrDefault(episodeId, List.of()));
            }
        });
        return lost;
    }

    private static void settled(BookingSession session, EpisodeScheduleDocument saved, ScheduleChange change) {
        session.settle(saved);
        if (!change.claimsToRelease().isEmpty()) {
            // writes only when the time given up was not recorded while planning (a cancellation)
            session.followPatientTime(saved);
        }
    }

    private void free(List<Appointment> released) {
        released.forEach(appointment -> freedSlots.getObject().free(appointment.slotId(), appointment.appointmentId()));
    }

    /** A batch of changes to plan in memory and then write together ({@link #applyAll}). */
    Batch batch() {
        return new Batch();
    }

    /**
     * Changes planned one after the other in memory (each one's claims seen by the next), still to be written: per
     * episode the document as the last change leaves it, and the sessions whose claims it settles.
     */
    final class Batch {

        private final Map<String, EpisodeScheduleDocument> next = new LinkedHashMap<>();
        private final Map<String, List<BookingSession>> sessions = new HashMap<>();
        private final Map<String, List<Appointment>> released = new HashMap<>();
        private final List<ScheduleChange> changes = new ArrayList<>();
        private final List<FollowUp> timers = new ArrayList<>();

        private Batch() {}

        /**
         * A change of the document {@code read} planned in {@code session}; returns the document holding it,
         * unsaved, for the next change of the episode to build on.
         */
        EpisodeScheduleDocument add(BookingSession session, EpisodeScheduleDocument read, ScheduleChange change) {
            String episodeId = read.episodeId();
            sessions.computeIfAbsent(episodeId, id -> new ArrayList<>()).add(session);
            if (change.changesNothing()) {
                return read;
            }
            EpisodeScheduleDocument after = read.storing(change.next(), events.of(change.events()));
            next.put(episodeId, after);
            changes.add(change);
            change.timer().ifPresent(timers::add);
            released.computeIfAbsent(episodeId, id -> new ArrayList<>()).addAll(change.claimsToRelease());
            return after;
        }

        /** The sessions of an episode's changes. */
        List<BookingSession> sessionsOf(String episodeId) {
            return sessions.getOrDefault(episodeId, List.of());
        }
    }
}
