package org.carepath.intake.episode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.carepath.events.intake.CheckInRecorded;
import org.carepath.events.intake.EpisodeReported;
import org.carepath.events.intake.FindingRecorded;
import org.carepath.events.triage.Disposition;
import org.carepath.platform.messaging.OutboxMessage;
import org.carepath.platform.outbox.WithOutbox;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An episode as intake holds it: the report, what was added to it since, and the events each change caused
 * (the embedded outbox) — all one document, so a change and its events are written together.
 *
 * @param idempotencyKey the client's {@code Idempotency-Key}, unique across instances
 * @param requestHash fingerprint of the request that created the episode, to tell a retry from a different
 *     request under the same key
 * @param disposition triage's latest disposition, as last heard on {@code carepath.triage.decided}
 * @param decisionVersion the version of that decision: an older or repeated one changes nothing
 * @param keyedRequests the check-ins and findings posted with an {@code Idempotency-Key}: a retry under the same
 *     key answers what was recorded, another request under it is refused
 */
@Document("episodes")
record Episode(
        @Id String episodeId,
        @Version Long version,
        EpisodeReported report,
        String status,
        @Indexed(unique = true, sparse = true) String idempotencyKey,
        String requestHash,
        List<CheckInRecorded> checkIns,
        List<FindingRecorded> findings,
        List<OutboxMessage> outbox,
        Instant updatedAt,
        Disposition disposition,
        int decisionVersion,
        List<KeyedRequest> keyedRequests)
        implements WithOutbox {

    /** Past these an episode takes no more: long before MongoDB's 16 MB document limit (issue 9). */
    static final int MAX_CHECK_INS = 200;

    static final int MAX_FINDINGS = 50;

    /** A check-in or finding recorded under a client's {@code Idempotency-Key}. */
    record KeyedRequest(String key, String requestHash, String recordedId) {}

    static final String REPORTED = "REPORTED";

    static Episode reported(EpisodeReported report, String idempotencyKey, String requestHash, OutboxMessage event) {
        return new Episode(
                report.episodeId(),
                null,
                report,
                REPORTED,
                idempotencyKey,
                requestHash,
                List.of(),
                List.of(),
                List.of(event),
                report.reportedAt(),
                null,
                0,
                List.of());
    }

    boolean closed() {
        return disposition == Disposition.RECOVERED;
    }

    Optional<KeyedRequest> keyed(String key) {
        return keyedRequests == null
                ? Optional.empty()
                : keyedRequests.stream()
                        .filter(keyed -> keyed.key().equals(key))
                        .findFirst();
    }

    Episode withCheckIn(CheckInRecorded checkIn, OutboxMessage event, KeyedRequest keyed) {
        return new Episode(
                episodeId,
                version,
                report,
                status,
                idempotencyKey,
                requestHash,
                append(checkIns, checkIn),
                findings,
                append(outbox, event),
                checkIn.recordedAt(),
                disposition,
                decisionVersion,
                keyed == null ? keyedRequests : append(keyedRequests, keyed));
    }

    Episode withFinding(FindingRecorded finding, OutboxMessage event, KeyedRequest keyed) {
        return new Episode(
                episodeId,
                version,
                report,
                status,
                idempotencyKey,
                requestHash,
                checkIns,
                append(findings, finding),
                append(outbox, event),
                finding.recordedAt(),
                disposition,
                decisionVersion,
                keyed == null ? keyedRequests : append(keyedRequests, keyed));
    }

    private static <T> List<T> append(List<T> list, T item) {
        List<T> copy = new ArrayList<>(list == null ? List.of() : list);
        copy.add(item);
        return List.copyOf(copy);
    }
}
