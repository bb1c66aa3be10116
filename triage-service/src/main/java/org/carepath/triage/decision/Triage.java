package org.carepath.triage.decision;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.carepath.events.Topics;
import org.carepath.events.intake.CheckInRecorded;
import org.carepath.events.intake.EpisodeReported;
import org.carepath.events.intake.FindingRecorded;
import org.carepath.events.triage.TriageDecided;
import org.carepath.platform.messaging.EventRejectedException;
import org.carepath.platform.messaging.InboundEvent;
import org.carepath.platform.messaging.OutboxMessage;
import org.carepath.platform.messaging.OutboxMessages;
import org.carepath.platform.outbox.AggregateBatches;
import org.carepath.triage.pathway.EpisodePathway;
import org.carepath.triage.pathway.PathwayTransition;
import org.carepath.triage.rules.TriageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Applies batches of reports, check-ins and findings to episodes' pathways: one read of the pathways a batch
 * touches, one bulk write of those that changed ({@link AggregateBatches}). Idempotent on the event id: a
 * redelivered event finds its id among the pathway's applied events and changes nothing, so no decision version
 * is made twice. Concurrent writers are settled by the document's version (optimistic locking) and its unique id.
 */
@Service
class Triage {

    private static final Logger log = LoggerFactory.getLogger(Triage.class);

    private final PathwayRepository pathways;
    private final TriageEngine engine;
    private final OutboxMessages outboxMessages;
    private final AggregateBatches batches;
    private final Clock clock;

    Triage(
            PathwayRepository pathways,
            TriageEngine engine,
            OutboxMessages outboxMessages,
            AggregateBatches batches,
            Clock clock) {
        this.pathways = pathways;
        this.engine = engine;
        this.outboxMessages = outboxMessages;
        this.batches = batches;
        this.clock = clock;
    }

    void reported(List<InboundEvent<EpisodeReported>> events) {
        batches.apply(
                PathwayDocument.class,
                events,
                event -> requireEpisodeId(event.payload().episodeId()),
                this::opened);
    }

    void checkIns(List<InboundEvent<CheckInRecorded>> events) {
        advanceAll(
                events,
                CheckInRecorded::episodeId,
                (pathway, checkIn) -> pathway.recordCheckIn(checkIn, clock.instant(), engine));
    }

    void findings(List<InboundEvent<FindingRecorded>> events) {
        advanceAll(
                events,
                FindingRecorded::episodeId,
                (pathway, finding) -> pathway.recordFinding(finding, clock.instant(), engine));
    }

    Optional<TriageDecided> latest(String episodeId) {
        return pathways.findById(episodeId).map(document -> document.pathway().latestDecision());
    }

    Optional<List<TriageDecided>> history(String episodeId) {
        return pathways.findById(episodeId).map(document -> document.pathway().decisions());
    }

    private PathwayDocument opened(PathwayDocument existing, InboundEvent<EpisodeReported> event) {
        if (existing != null) {
            log.info("Episode {} already open; report event {} ignored", existing.episodeId(), event.eventId());
            return existing;
        }
        var opened = EpisodePathway.open(event.payload(), clock.instant(), engine);
        decided(opened.decision(), event.eventId());
        return PathwayDocument.opened(opened.pathway(), event.eventId(), published(opened.decision()));
    }

    private <T> void advanceAll(
            List<InboundEvent<T>> events,
            Function<T, String> episodeIdOf,
            BiFunction<EpisodePathway, T, PathwayTransition> transition) {
        batches.apply(
                PathwayDocument.class,
                events,
                event -> requireEpisodeId(episodeIdOf.apply(event.payload())),
                (document, event) -> advanced(
                        document,
                        episodeIdOf.apply(event.payload()),
                        event,
                        pathway -> transition.apply(pathway, event.payload())));
    }

    private PathwayDocument advanced(
            PathwayDocument document,
            String episodeId,
            InboundEvent<?> event,
            Function<EpisodePathway, PathwayTransition> transition) {
        if (document == null) {
            throw new EpisodeNotYetKnownException(episodeId);
        }
        if (document.hasApplied(event.eventId())) {
            log.info("Event {} already applied to episode {}", event.eventId(), document.episodeId());
            return document;
        }
        PathwayTransition next = transition.apply(document.pathway());
        if (next instanceof PathwayTransition.Decided decided) {
            decided(decided.decision(), event.eventId());
            return document.advancedTo(decided.pathway(), event.eventId(), published(decided.decision()));
        }
        PathwayTransition.Refused refused = (PathwayTransition.Refused) next;
        log.info(
                "Event {} refused for episode {}: {}",
                event.eventId(),
                document.episodeId(),
                refused.refusal().explanation());
        return document.refused(event.eventId(), refused.refusal().name());
    }

    private OutboxMessage published(TriageDecided decision) {
        // A natural id: the same decision version, however often recomputed, is the same event.
        String eventId = decision.episodeId() + ":triage:v" + decision.version();
        return outboxMessages.create(Topics.TRIAGE_DECIDED, eventId, decision.episodeId(), decision);
    }

    private static void decided(TriageDecided decision, String causeEventId) {
        log.info(
                "Episode {} decided v{} {} (cause {})",
                decision.episodeId(),
                decision.version(),
                decision.disposition(),
                causeEventId);
    }

    private static String requireEpisodeId(String episodeId) {
        if (episodeId == null || episodeId.isBlank()) {
            throw new EventRejectedException("payload has no episodeId");
        }
        return episodeId;
    }
}
