package org.carepath.clinicview.projection;

import java.util.ArrayList;
import java.util.List;
import org.carepath.clinicview.episode.EpisodeRecord;
import org.carepath.platform.messaging.OutboxMessage;
import org.carepath.platform.outbox.WithOutbox;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An episode of the read model, by {@code _id} = episodeId. It publishes nothing: its outbox stays empty. The ids
 * of the events applied make a redelivery, or a replay of the log, change nothing.
 */
@Document("episode_views")
public record EpisodeView(
        @Id String episodeId,
        @Version Long version,
        EpisodeRecord record,
        List<String> appliedEventIds,
        List<OutboxMessage> outbox)
        implements WithOutbox {

    static EpisodeView opened(String episodeId) {
        return new EpisodeView(episodeId, null, EpisodeRecord.opened(episodeId), List.of(), List.of());
    }

    boolean hasApplied(String eventId) {
        return appliedEventIds != null && appliedEventIds.contains(eventId);
    }

    EpisodeView applied(String eventId, EpisodeRecord next) {
        List<String> applied = new ArrayList<>(appliedEventIds == null ? List.of() : appliedEventIds);
        applied.add(eventId);
        return new EpisodeView(episodeId, version, next, List.copyOf(applied), List.of());
    }
}
