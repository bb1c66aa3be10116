package org.carepath.triage.decision;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
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
import org.carepath.platform.outbox.OutboxStore;
import org.carepath.platform.persistence.ConcurrentWrites;
import org.carepath.triage.pathway.EpisodePathway;
import org.carepath.triage.pathway.PathwayTransition;
import org.carepath.triage.rules.TriageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Applies reports, check-ins and findings to episodes' pathways. Idempotent on the event id: a redelivered
 * event finds its id among the pathway's applied events and changes nothing, so no decision version is made
 * twice. Concurrent writers are settled by the document's version (optimistic locking) and its unique id.
 */
@Service
class Triage {

    private static final Logger log = LoggerFactory.getLogger(Triage.class);

    private final PathwayRepository pathways;
    private final TriageEngine engine;
    private final OutboxMessages outboxMessages;
    private final OutboxStore store;
    private final Clock clock;

    Triage(
            PathwayRepository pathways,
            TriageEngine engine,
            OutboxMessages outboxMessages,
            OutboxStore store,
            Clock clock) {
        this.pathways = pathways;
        this.engine = engine;
        this.outboxMessages = outboxMessages;
        this.store = store;
        this.clock = clock;
    }

    void reported(InboundEvent<EpisodeReported> event) {
        EpisodeReported report = event.payload();
        requireEpisodeId(report.episodeId());
        ConcurrentWrites.retry(() -> {
            if (pathways.existsById(report.episodeId())) {
                log.info("Episode {} already open; report event {} ignored", report.episodeId(), event.eventId());
                return;
            }
            var opened = EpisodePathway.open(report, clock.instant(), engine);
            store.insert(PathwayDocument.opened(opened.pathway(), event.eventId(), published(opened.decision())));
            decided(opened.decision(), event.eventId());
        });
    }

    void checkIn(InboundEvent<CheckInRecorded> event) {
        CheckInRecorded checkIn = event.payload();
        requireEpisodeId(checkIn.episodeId());
        apply(checkIn.episodeId(), event.eventId(), pathway -> pathway.recordCheckIn(checkIn, clock.instant(), engine));
    }

    void finding(InboundEvent<FindingRecorded> event) {
        FindingRecorded finding = event.payload();
        requireEpisodeId(finding.episodeId());
        apply(finding.episodeId(), event.eventId(), pathway -> pathway.recordFinding(finding, clock.instant(), engine));
    }

    Optional<TriageDecided> latest(String episodeId) {
        return pathways.findById(episodeId).map(document -> document.pathway().latestDecision());
    }

    Optional<List<TriageDecided>> history(String episodeId) {
        return pathways.findById(episodeId).map(document -> document.pathway().decisions());
    }

    private void apply(String episodeId, String eventId, Function<EpisodePathway, PathwayTransition> transition) {
        ConcurrentWrites.retry(() -> {
            PathwayDocument document =
                    pathways.findById(episodeId).orElseThrow(() -> new EpisodeNotYetKnownException(episodeId));
            if (document.hasApplied(eventId)) {
                log.info("Event {} already applied to episode {}", eventId, episodeId);
                return;
            }
            PathwayTransition next = transition.apply(document.pathway());
            if (next instanceof PathwayTransition.Decided decided) {
                store.save(document.advancedTo(decided.pathway(), eventId, published(decided.decision())));
                decided(decided.decision(), eventId);
            } else if (next instanceof PathwayTransition.Refused refused) {
                store.save(document.refused(eventId, refused.refusal().name()));
                log.info(
                        "Event {} refused for episode {}: {}",
                        eventId,
                        episodeId,
                        refused.refusal().explanation());
            }
        });
    }

    private OutboxMessage published(TriageDecided decision) {
        // A natural id: the same decision version, however often recomputed, is the same event.
        String eventId = decision.episodeId() + ":triage:v" + decision.version();
        return outboxMessages.create(Topics.TRIAGE_DECIDED, eventId, decision.episodeId(), decision);
    }

    private void decided(TriageDecided decision, String causeEventId) {
        log.info(
                "Episode {} decided v{} {} (cause {})",
                decision.episodeId(),
                decision.version(),
                decision.disposition(),
                causeEventId);
    }

    private static void requireEpisodeId(String episodeId) {
        if (episodeId == null || episodeId.isBlank()) {
            throw new EventRejectedException("payload has no episodeId");
        }
    }
}
