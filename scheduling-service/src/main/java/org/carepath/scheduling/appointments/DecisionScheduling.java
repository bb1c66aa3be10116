package org.carepath.scheduling.appointments;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.carepath.events.scheduling.AppointmentType;
import org.carepath.events.triage.EpisodeContext;
import org.carepath.events.triage.TriageDecided;
import org.carepath.platform.messaging.EventRejectedException;
import org.carepath.platform.messaging.FailedEventException;
import org.carepath.platform.messaging.Failures;
import org.carepath.platform.messaging.InboundEvent;
import org.carepath.platform.outbox.OutboxStore;
import org.carepath.platform.persistence.ConcurrentWrites;
import org.carepath.scheduling.booking.Appointment;
import org.carepath.scheduling.booking.BookingPlan;
import org.carepath.scheduling.booking.BookingPlanner;
import org.carepath.scheduling.booking.WaitlistEntry;
import org.carepath.scheduling.followup.FollowUp;
import org.carepath.scheduling.followup.FollowUpPlan;
import org.carepath.scheduling.followup.FollowUpPlanner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Applies triage decisions to episodes' schedules (scheduling-rules §3, §6). Idempotent on the event id and on
 * the decision version: a redelivered decision, or the same version published again under a new id, books
 * nothing more. Slot claims, follow-up timers and waitlist notes are written first (each idempotent by id); the
 * episode document that records the event as applied, with its follow-ups and events, is written last, so a crash
 * in between is repaired by the redelivery.
 */
@Service
class DecisionScheduling {

    private static final Logger log = LoggerFactory.getLogger(DecisionScheduling.class);

    private final EpisodeSchedules schedules;
    private final ClaimingPlanner claiming;
    private final BookingPlanner bookingPlanner;
    private final FollowUpPlanner followUpPlanner;
    private final FollowUpDelivery followUps;
    private final WaitlistIndex waitlistIndex;
    private final ScheduleEvents events;
    private final OutboxStore store;
    private final FreedSlots freedSlots;

    DecisionScheduling(
            EpisodeSchedules schedules,
            ClaimingPlanner claiming,
            BookingPlanner bookingPlanner,
            FollowUpPlanner followUpPlanner,
            FollowUpDelivery followUps,
            WaitlistIndex waitlistIndex,
            ScheduleEvents events,
            OutboxStore store,
            FreedSlots freedSlots) {
        this.schedules = schedules;
        this.claiming = claiming;
        this.bookingPlanner = bookingPlanner;
        this.followUpPlanner = followUpPlanner;
        this.followUps = followUps;
        this.waitlistIndex = waitlistIndex;
        this.events = events;
        this.store = store;
        this.freedSlots = freedSlots;
    }

    /** One decision: a batch of one. */
    void decided(InboundEvent<TriageDecided> event) {
        decidedAll(List.of(event));
    }

    /**
     * A batch of decisions: one read of the schedules they touch, one read of each slot's holder, the decisions
     * planned one after the other in memory (each one's claims must be seen by the next), then the writes of the
     * whole batch: the follow-up timers and waitlist notes in one bulk write each, then the schedules in one bulk
     * write. A schedule another writer changed meanwhile is read again and its decisions applied alone. A decision
     * that cannot be applied stops the batch there: what came before it is written first.
     */
    void decidedAll(List<InboundEvent<TriageDecided>> events) {
        List<String> episodeIds = events.stream()
                .map(event -> event.payload().episodeId())
                .filter(id -> id != null && !id.isBlank())
                .distinct()
                .toList();
        Map<String, EpisodeSchedule> current = new HashMap<>();
        schedules.findAll(episodeIds).forEach(schedule -> current.put(schedule.episodeId(), schedule));
        episodeIds.forEach(id -> current.putIfAbsent(id, EpisodeSchedule.unknown(id)));
        SlotHolders holders = claiming.holders();
        PatientTimes patientTimes = claiming.patientTimes();
        patientTimes.preload(events.stream()
                .map(event -> event.payload().episode())
                .filter(episode -> episode != null && episode.patientId() != null)
                .map(EpisodeContext::patientId)
                .toList());
        DecisionBatch batch = new DecisionBatch();
        FailedEventException failed = null;
        for (int i = 0; i < events.size(); i++) {
            InboundEvent<TriageDecided> event = events.get(i);
            BookingSession session = claiming.session(holders, patientTimes);
            try {
                TriageDecided decision = requireComplete(event.payload());
                EpisodeSchedule before = current.get(decision.episodeId());
                EpisodeSchedule after = planned(decision, event.eventId(), session, before, batch);
                current.put(decision.episodeId(), after);
                batch.planned(event, session, after, after != before);
            } catch (RuntimeException e) {
                if (Failures.isTransient(e)) {
                    // what this batch claimed is held under its decisions' own ids: the redelivery takes it again
                    throw e;
                }
                // a decision that ends in the dead letters books nothing: what it claimed is released now, and the
                // patient's time follows the episode's schedule as it stands
                session.settle(current.get(event.payload().episodeId()));
                failed = new FailedEventException(i, e);
                break;
            }
        }
        write(batch);
        if (failed != null) {
            throw failed;
        }
    }

    private void write(DecisionBatch batch) {
        followUps.setTimers(batch.timers);
        waitlistIndex.add(batch.waiting);
        // a booking in flight for long confirms its claims first (the orphan sweep may have freed them)
        batch.changed.forEach(
                (episodeId, next) -> batch.sessions.get(episodeId).forEach(session -> session.confirm(next)));
        Set<String> lost = new HashSet<>();
        for (EpisodeSchedule schedule : store.saveAll(batch.changed.values())) {
            lost.add(schedule.episodeId());
        }
        batch.changed.forEach((episodeId, saved) -> {
            if (!lost.contains(episodeId)) {
                batch.sessions.get(episodeId).forEach(session -> session.settle(saved));
                batch.cancelled.getOrDefault(episodeId, List.of()).forEach(this::free);
            }
        });
        for (String episodeId : lost) {
            for (InboundEvent<TriageDecided> event : batch.events.get(episodeId)) {
                BookingSession session = claiming.session();
                ConcurrentWrites.retry(() -> apply(event.payload(), event.eventId(), session, null));
            }
            EpisodeSchedule stored = schedules.find(episodeId).orElse(null);
            batch.sessions.get(episodeId).forEach(session -> session.settle(stored));
        }
    }

    /** What a batch has planned and still has to write, per episode in the order met. */
    private static final class DecisionBatch {

        final Map<String, EpisodeSchedule> changed = new LinkedHashMap<>();
        final Map<String, List<BookingSession>> sessions = new HashMap<>();
        final Map<String, List<InboundEvent<TriageDecided>>> events = new HashMap<>();
        final List<FollowUp> timers = new ArrayList<>();
        final List<WaitlistEntry> waiting = new ArrayList<>();
        final Map<String, List<Appointment>> cancelled = new HashMap<>();

        void planned(
                InboundEvent<TriageDecided> event, BookingSession session, EpisodeSchedule after, boolean changes) {
            String episodeId = after.episodeId();
            sessions.computeIfAbsent(episodeId, id -> new ArrayList<>()).add(session);
            events.computeIfAbsent(episodeId, id -> new ArrayList<>()).add(event);
            if (changes) {
                changed.put(episodeId, after);
            }
        }
    }

    /** A decision planned on the schedule as the batch has it: slots claimed, the next state computed, unsaved. */
    private EpisodeSchedule planned(
            TriageDecided decision,
            String eventId,
            BookingSession session,
            EpisodeSchedule schedule,
            DecisionBatch batch) {
        if (schedule.hasApplied(eventId) || decision.version() <= schedule.decisionVersion()) {
            logAlreadyApplied(decision, eventId, schedule);
            return schedule;
        }
        Set<String> ownIds = appointmentIdsOf(decision);
        BookingPlan plan = claiming.planAndClaim(
                session,
                new ClaimingPlanner.PatientOf(
                        decision.episode().patientId(), decision.episodeId(), schedule::bookedAfter),
                ownIds,
                (open, elsewhere) -> rejectingBadData(() ->
                        bookingPlanner.plan(decision, schedule.bookings().alsoBusy(elsewhere), open, session.now())));
        FollowUpPlan followUpPlan = rejectingBadData(
                () -> followUpPlanner.plan(decision, schedule.followUps(), plan.appointments(), session.now()));
        batch.waiting.addAll(plan.waitlisted());
        batch.cancelled
                .computeIfAbsent(decision.episodeId(), id -> new ArrayList<>())
                .addAll(plan.cancelled());
        // MSG-ER (and a reminder for an appointment less than a day away) goes out with the schedule's write
        FollowUpDelivery.Planned planned = followUps.plan(
                schedule.decided(decision, eventId, plan, events.of(plan)),
                followUpPlan.scheduled(),
                followUpPlan.cancelled(),
                session.now());
        planned.timer().ifPresent(batch.timers::add);
        logDecided(decision, eventId, plan, followUpPlan);
        return planned.next();
    }

    /**
     * One decision alone, read, planned and saved at once: for a schedule that another writer changed while its
     * batch was planned.
     *
     * @param alreadyRead the schedule as read before, or null to read it now
     * @return the schedule as stored afterwards
     */
    private EpisodeSchedule apply(
            TriageDecided decision, String eventId, BookingSession session, EpisodeSchedule alreadyRead) {
        String episodeId = decision.episodeId();
        EpisodeSchedule schedule = alreadyRead != null
                ? alreadyRead
                : schedules.find(episodeId).orElseGet(() -> EpisodeSchedule.unknown(episodeId));
        if (schedule.hasApplied(eventId) || decision.version() <= schedule.decisionVersion()) {
            session.settle(schedule);
            logAlreadyApplied(decision, eventId, schedule);
            return schedule;
        }
        Set<String> ownIds = appointmentIdsOf(decision);
        BookingPlan plan = claiming.planAndClaim(
                session,
                new ClaimingPlanner.PatientOf(decision.episode().patientId(), episodeId, schedule::bookedAfter),
                ownIds,
                (open, elsewhere) -> rejectingBadData(() ->
                        bookingPlanner.plan(decision, schedule.bookings().alsoBusy(elsewhere), open, session.now())));
        FollowUpPlan followUpPlan = rejectingBadData(
                () -> followUpPlanner.plan(decision, schedule.followUps(), plan.appointments(), session.now()));
        waitlistIndex.add(plan.waitlisted());
        EpisodeSchedule next = followUps.planned(
                schedule.decided(decision, eventId, plan, events.of(plan)),
                followUpPlan.scheduled(),
                followUpPlan.cancelled(),
                session.now());
        session.confirm(next);
        EpisodeSchedule saved = store.save(next);
        session.settle(saved);
        plan.cancelled().forEach(this::free);
        logDecided(decision, eventId, plan, followUpPlan);
        return saved;
    }

    // BK-RC: a cancelled appointment's slot, freed after the document and offered to the waitlist
    private void free(Appointment cancelled) {
        freedSlots.free(cancelled.slotId(), cancelled.appointmentId());
    }

    private static void logAlreadyApplied(TriageDecided decision, String eventId, EpisodeSchedule schedule) {
        log.info(
                "Episode {} decision v{} (event {}) already applied (at v{})",
                decision.episodeId(),
                decision.version(),
                eventId,
                schedule.decisionVersion());
    }

    private static void logDecided(TriageDecided decision, String eventId, BookingPlan plan, FollowUpPlan followUps) {
        log.info(
                "Episode {} decision v{} {} (event {}): {} booked, {} waitlisted, {} follow-ups planned, {} cancelled;"
                        + " {} cancelled; rules {} {}",
                decision.episodeId(),
                decision.version(),
                decision.disposition(),
                eventId,
                plan.appointments().size(),
                plan.waitlisted().size(),
                followUps.scheduled().size(),
                followUps.cancelled().size(),
                plan.cancelled().size(),
                plan.rules(),
                followUps.rules());
    }

    /** The ids this decision's appointments get, whatever it books: {@code <episodeId>:<TYPE>:v<version>}. */
    static Set<String> appointmentIdsOf(TriageDecided decision) {
        return Arrays.stream(AppointmentType.values())
                .map(type -> BookingPlanner.appointmentId(decision.episodeId(), type, decision.version()))
                .collect(Collectors.toUnmodifiableSet());
    }

    private static TriageDecided requireComplete(TriageDecided decision) {
        List<String> missing = new ArrayList<>();
        if (decision.episodeId() == null || decision.episodeId().isBlank()) {
            missing.add("episodeId");
        }
        if (decision.version() < 1) {
            missing.add("version (1 or more)");
        }
        if (decision.decidedAt() == null) {
            missing.add("decidedAt");
        }
        if (decision.disposition() == null) {
            missing.add("disposition");
        }
        if (decision.episode() == null) {
            missing.add("episode");
        }
        if (!missing.isEmpty()) {
            throw new EventRejectedException("decision lacks " + String.join(", ", missing));
        }
        return decision;
    }

    /** The planners refuse data they can never act on (no contact channel, no onset date): dead-letter it. */
    private static <T> T rejectingBadData(Supplier<T> planning) {
        try {
            return planning.get();
        } catch (IllegalArgumentException e) {
            throw new EventRejectedException(e.getMessage(), e);
        }
    }
}
