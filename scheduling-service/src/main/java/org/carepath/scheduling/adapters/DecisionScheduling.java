package org.carepath.scheduling.adapters;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
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
import org.carepath.platform.persistence.ConcurrentWrites;
import org.carepath.scheduling.booking.BookingPlanner;
import org.carepath.scheduling.schedule.EpisodeSchedule;
import org.carepath.scheduling.schedule.ScheduleChange;
import org.carepath.scheduling.schedule.ScheduleRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Applies triage decisions to episodes' schedules (scheduling-rules §3, §6) through
 * {@link EpisodeSchedule#decide}. Idempotent on the event id and on the decision version: a redelivered decision,
 * or the same version published again under a new id, books nothing more. The changes are written in
 * {@link ScheduleChanges}' order: slot claims, follow-up timers and waitlist notes first (each idempotent by id),
 * the episode document that records the event as applied, with its follow-ups and events, last, so a crash in
 * between is repaired by the redelivery.
 */
@Service
class DecisionScheduling {

    private static final Logger log = LoggerFactory.getLogger(DecisionScheduling.class);

    private final EpisodeSchedules schedules;
    private final ClaimingPlanner claiming;
    private final ScheduleRules rules;
    private final ScheduleChanges changes;

    DecisionScheduling(
            EpisodeSchedules schedules, ClaimingPlanner claiming, ScheduleRules rules, ScheduleChanges changes) {
        this.schedules = schedules;
        this.claiming = claiming;
        this.rules = rules;
        this.changes = changes;
    }

    /** One decision: a batch of one. */
    void decided(InboundEvent<TriageDecided> event) {
        decidedAll(List.of(event));
    }

    /**
     * A batch of decisions: one read of the schedules they touch, one read of each slot's holder, the decisions
     * planned one after the other in memory (each one's claims must be seen by the next), then the writes of the
     * whole batch ({@link ScheduleChanges#applyAll}). A schedule another writer changed meanwhile is read again and
     * its decisions applied alone. A decision that cannot be applied stops the batch there: what came before it is
     * written first.
     */
    void decidedAll(List<InboundEvent<TriageDecided>> events) {
        List<String> episodeIds = events.stream()
                .map(event -> event.payload().episodeId())
                .filter(id -> id != null && !id.isBlank())
                .distinct()
                .toList();
        Map<String, EpisodeScheduleDocument> current = new HashMap<>();
        schedules.findAll(episodeIds).forEach(schedule -> current.put(schedule.episodeId(), schedule));
        episodeIds.forEach(id -> current.putIfAbsent(id, EpisodeScheduleDocument.unknown(id)));
        SlotHolders holders = claiming.holders();
        PatientTimes patientTimes = claiming.patientTimes();
        patientTimes.preload(events.stream()
                .map(event -> event.payload().episode())
                .filter(episode -> episode != null && episode.patientId() != null)
                .map(EpisodeContext::patientId)
                .toList());
        ScheduleChanges.Batch batch = changes.batch();
        Map<String, List<InboundEvent<TriageDecided>>> byEpisode = new HashMap<>();
        FailedEventException failed = null;
        for (int i = 0; i < events.size(); i++) {
            InboundEvent<TriageDecided> event = events.get(i);
            BookingSession session = claiming.session(holders, patientTimes);
            try {
                TriageDecided decision = requireComplete(event.payload());
                EpisodeScheduleDocument before = current.get(decision.episodeId());
                ScheduleChange change = planned(decision, event.eventId(), session, before.schedule());
                current.put(decision.episodeId(), batch.add(session, before, change));
                byEpisode
                        .computeIfAbsent(decision.episodeId(), id -> new ArrayList<>())
                        .add(event);
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
        for (String episodeId : changes.applyAll(batch)) {
            for (InboundEvent<TriageDecided> event : byEpisode.get(episodeId)) {
                BookingSession session = claiming.session();
                ConcurrentWrites.retry(() -> apply(event.payload(), event.eventId(), session));
            }
            EpisodeScheduleDocument stored = schedules.find(episodeId).orElse(null);
            batch.sessionsOf(episodeId).forEach(session -> session.settle(stored));
        }
        if (failed != null) {
            throw failed;
        }
    }

    /** A decision planned on the schedule as the batch has it: slots claimed, the change computed, unsaved. */
    private ScheduleChange planned(
            TriageDecided decision, String eventId, BookingSession session, EpisodeSchedule schedule) {
        if (schedule.hasAlreadyApplied(decision, eventId)) {
            logAlreadyApplied(decision, eventId, schedule);
            return ScheduleChange.none(schedule);
        }
        ScheduleChange change = claiming.planAndClaim(
                session,
                decision.episode().patientId(),
                decision.episodeId(),
                appointmentIdsOf(decision),
                openings -> rejectingBadData(() -> schedule.decide(decision, eventId, openings, session.now(), rules)));
        logDecided(decision, eventId, change);
        return change;
    }

    /** One decision alone, read, planned and saved at once: for a schedule another writer changed meanwhile. */
    private void apply(TriageDecided decision, String eventId, BookingSession session) {
        String episodeId = decision.episodeId();
        EpisodeScheduleDocument read =
                schedules.find(episodeId).orElseGet(() -> EpisodeScheduleDocument.unknown(episodeId));
        ScheduleChange change = planned(decision, eventId, session, read.schedule());
        if (change.changesNothing()) {
            session.settle(read);
            return;
        }
        changes.apply(session, read, change);
    }

    private static void logAlreadyApplied(TriageDecided decision, String eventId, EpisodeSchedule schedule) {
        log.info(
                "Episode {} decision v{} (event {}) already applied (at v{})",
                decision.episodeId(),
                decision.version(),
                eventId,
                schedule.decisionVersion());
    }

    private static void logDecided(TriageDecided decision, String eventId, ScheduleChange change) {
        log.info(
                "Episode {} decision v{} {} (event {}): {} booked, {} waitlisted, {} follow-ups planned, {} cancelled;"
                        + " {} cancelled; rules {}",
                decision.episodeId(),
                decision.version(),
                decision.disposition(),
                eventId,
                change.claimsToTake().size(),
                change.waitlisted().size(),
                change.followUpsPlanned().size(),
                change.followUpsCancelled().size(),
                change.claimsToRelease().size(),
                change.rules());
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
