package org.carepath.scheduling.appointments;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.carepath.events.scheduling.AppointmentType;
import org.carepath.events.triage.TriageDecided;
import org.carepath.platform.messaging.EventRejectedException;
import org.carepath.platform.messaging.FailedEventException;
import org.carepath.platform.messaging.Failures;
import org.carepath.platform.messaging.InboundEvent;
import org.carepath.platform.outbox.OutboxStore;
import org.carepath.platform.persistence.ConcurrentWrites;
import org.carepath.scheduling.booking.BookingPlan;
import org.carepath.scheduling.booking.BookingPlanner;
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

    DecisionScheduling(
            EpisodeSchedules schedules,
            ClaimingPlanner claiming,
            BookingPlanner bookingPlanner,
            FollowUpPlanner followUpPlanner,
            FollowUpDelivery followUps,
            WaitlistIndex waitlistIndex,
            ScheduleEvents events,
            OutboxStore store) {
        this.schedules = schedules;
        this.claiming = claiming;
        this.bookingPlanner = bookingPlanner;
        this.followUpPlanner = followUpPlanner;
        this.followUps = followUps;
        this.waitlistIndex = waitlistIndex;
        this.events = events;
        this.store = store;
    }

    /** One decision: a batch of one. */
    void decided(InboundEvent<TriageDecided> event) {
        decidedAll(List.of(event));
    }

    /**
     * A batch of decisions, applied one after the other (each one's claims must be seen by the next) but with one
     * read of the schedules they touch and one read of each slot's holder for the whole batch.
     */
    void decidedAll(List<InboundEvent<TriageDecided>> events) {
        List<String> episodeIds = events.stream()
                .map(event -> event.payload().episodeId())
                .filter(id -> id != null && !id.isBlank())
                .distinct()
                .toList();
        Map<String, EpisodeSchedule> read = new HashMap<>();
        schedules.findAll(episodeIds).forEach(schedule -> read.put(schedule.episodeId(), schedule));
        episodeIds.forEach(id -> read.putIfAbsent(id, EpisodeSchedule.unknown(id)));
        SlotHolders holders = claiming.holders();
        for (int i = 0; i < events.size(); i++) {
            InboundEvent<TriageDecided> event = events.get(i);
            try {
                TriageDecided decision = requireComplete(event.payload());
                // one session across the retries, so that what a lost attempt claimed is settled against the winner
                BookingSession session = claiming.session(holders);
                EpisodeSchedule saved = ConcurrentWrites.retry(
                        () -> apply(decision, event.eventId(), session, read.remove(decision.episodeId())));
                read.put(decision.episodeId(), saved);
            } catch (RuntimeException e) {
                if (Failures.isTransient(e)) {
                    throw e;
                }
                throw new FailedEventException(i, e);
            }
        }
    }

    /**
     * @param alreadyRead the schedule as the batch read it, for the first attempt; null to read it now (a retry, or
     *     an episode the batch has not read)
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
            log.info(
                    "Episode {} decision v{} (event {}) already applied (at v{})",
                    episodeId,
                    decision.version(),
                    eventId,
                    schedule.decisionVersion());
            return schedule;
        }
        Set<String> ownIds = appointmentIdsOf(decision);
        BookingPlan plan = claiming.planAndClaim(
                session,
                episodeId,
                ownIds,
                open -> rejectingBadData(() -> bookingPlanner.plan(decision, schedule.bookings(), open)));
        FollowUpPlan followUpPlan = rejectingBadData(
                () -> followUpPlanner.plan(decision, schedule.followUps(), plan.appointments(), session.now()));
        waitlistIndex.add(plan.waitlisted());
        // MSG-ER (and a reminder for an appointment less than a day away) goes out with this very write
        EpisodeSchedule next = followUps.planned(
                schedule.decided(decision, eventId, plan, events.of(plan)),
                followUpPlan.scheduled(),
                followUpPlan.cancelled(),
                session.now());
        EpisodeSchedule saved = store.save(next);
        session.settle(saved);
        log.info(
                "Episode {} decision v{} {} (event {}): {} booked, {} waitlisted, {} follow-ups planned, {} cancelled;"
                        + " rules {} {}",
                episodeId,
                decision.version(),
                decision.disposition(),
                eventId,
                plan.appointments().size(),
                plan.waitlisted().size(),
                followUpPlan.scheduled().size(),
                followUpPlan.cancelled().size(),
                plan.rules(),
                followUpPlan.rules());
        return saved;
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
