package org.carepath.triage.decision;

import java.util.ArrayList;
import java.util.List;
import org.carepath.platform.messaging.OutboxMessage;
import org.carepath.platform.outbox.WithOutbox;
import org.carepath.triage.pathway.EpisodePathway;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One episode's pathway as triage stores it. The pathway, the ids of the events already applied to it and the
 * decisions waiting to be published are one document, so they change together or not at all.
 */
@Document("pathways")
record PathwayDocument(
        @Id String episodeId,
        @Version Long version,
        EpisodePathway pathway,
        List<String> appliedEventIds,
        List<String> refusals,
        List<OutboxMessage> outbox)
        implements WithOutbox {

    static PathwayDocument opened(EpisodePathway pathway, String eventId, OutboxMessage decision) {
        return new PathwayDocument(pathway.episodeId(), null, pathway, List.of(eventId), List.of(), List.of(decision));
    }

    boolean hasApplied(String eventId) {
        return appliedEventIds.contains(eventId);
    }

    PathwayDocument advancedTo(EpisodePathway next, String eventId, OutboxMessage decision) {
        return new PathwayDocument(
                episodeId, version, next, append(appliedEventIds, eventId), refusals, append(outbox, decision));
    }

    PathwayDocument refused(String eventId, String reason) {
        return new PathwayDocument(
                episodeId, version, pathway, append(appliedEventIds, eventId), append(refusals, reason), outbox);
    }

    private static <T> List<T> append(List<T> list, T item) {
        List<T> copy = new ArrayList<>(list == null ? List.of() : list);
        copy.add(item);
        return List.copyOf(copy);
    }
}
