package org.carepath.billing.episode;

import java.util.ArrayList;
import java.util.List;
import org.carepath.billing.account.EpisodeAccount;
import org.carepath.platform.messaging.OutboxMessage;
import org.carepath.platform.outbox.WithOutbox;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One episode's account as billing stores it. The account, the ids of the events already applied to it and the
 * estimates waiting to be published are one document, so they change together or not at all.
 */
@Document("episodes")
record EpisodeDocument(
        @Id String episodeId,
        @Version Long version,
        EpisodeAccount account,
        List<String> appliedEventIds,
        List<OutboxMessage> outbox)
        implements WithOutbox {

    static EpisodeDocument opened(String episodeId) {
        return new EpisodeDocument(episodeId, null, EpisodeAccount.opened(episodeId), List.of(), List.of());
    }

    boolean hasApplied(String eventId) {
        return appliedEventIds != null && appliedEventIds.contains(eventId);
    }

    /** The event applied, changing the account or not. */
    EpisodeDocument applied(String eventId, EpisodeAccount next) {
        return new EpisodeDocument(episodeId, version, next, append(appliedEventIds, eventId), outboxOrEmpty());
    }

    /** The event applied, producing an estimate to publish. */
    EpisodeDocument applied(String eventId, EpisodeAccount next, OutboxMessage estimate) {
        return new EpisodeDocument(
                episodeId, version, next, append(appliedEventIds, eventId), append(outbox, estimate));
    }

    private List<OutboxMessage> outboxOrEmpty() {
        return outbox == null ? List.of() : outbox;
    }

    private static <T> List<T> append(List<T> list, T item) {
        List<T> copy = new ArrayList<>(list == null ? List.of() : list);
        copy.add(item);
        return List.copyOf(copy);
    }
}
