package org.carepath.intake.episode;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.carepath.events.triage.TriageDecided;
import org.carepath.platform.messaging.InboundEvent;
import org.carepath.platform.persistence.ConcurrentWrites;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Triage's decisions as intake keeps them: on each episode the latest disposition, its time and its version, so
 * that intake can tell a client when an episode is closed. A batch reads only the episodes' decision and document
 * versions (one read by {@code _id}) and writes only the three fields of each newer decision, in one bulk of
 * updates filtered on {@code {_id, version}} (served by the {@code _id_version} index, on the wire server too). An
 * older or repeated decision changes nothing. When an episode changed meanwhile (a check-in), the batch's versions
 * are read again and only the decisions not yet written are written ({@link ConcurrentWrites}). The update moves the
 * episode's {@code @Version}, so a check-in saved from an earlier read is read again instead of putting back the
 * old disposition.
 *
 * <p>Why not read, change and write back whole episodes: the report inside is most of an episode's bytes, and
 * intake's CPU and the store's went to reading and rewriting it for three fields.
 */
@Component
class EpisodeDecisions {

    private static final Logger log = LoggerFactory.getLogger(EpisodeDecisions.class);
    private static final String DECISION_VERSION = "decisionVersion";
    private static final String VERSION = "version";

    private final MongoTemplate mongo;

    EpisodeDecisions(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The versions an episode is stored at, as read. */
    private record Versions(long document, int decision) {}

    void apply(List<InboundEvent<TriageDecided>> events) {
        Map<String, TriageDecided> newest = new LinkedHashMap<>();
        for (InboundEvent<TriageDecided> event : events) {
            TriageDecided decision = event.payload();
            if (decision.episodeId() == null || decision.episodeId().isBlank()) {
                log.info("Decision {} names no episode; ignored", event.eventId());
                continue;
            }
            newest.merge(decision.episodeId(), decision, (held, next) -> next.version() > held.version() ? next : held);
        }
        if (!newest.isEmpty()) {
            // a retry reads the versions again: the decisions already written are then no longer newer
            ConcurrentWrites.retry(() -> writeNewer(newest.values()));
        }
    }

    private void writeNewer(Collection<TriageDecided> decisions) {
        Map<String, Versions> stored =
                versionsOf(decisions.stream().map(TriageDecided::episodeId).toList());
        BulkOperations updates = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Episode.class);
        int written = 0;
        for (TriageDecided decision : decisions) {
            Versions versions = stored.get(decision.episodeId());
            if (versions == null) {
                log.info(
                        "Decision v{} is for episode {}, which intake does not hold; ignored",
                        decision.version(),
                        decision.episodeId());
            } else if (decision.version() > versions.decision()) {
                updates.updateOne(atVersion(decision.episodeId(), versions.document()), taking(decision));
                written++;
            }
        }
        if (written > 0 && updates.execute().getMatchedCount() < written) {
            throw new OptimisticLockingFailureException(
                    "an episode changed while " + written + " decisions were written to their episodes");
        }
    }

    private Map<String, Versions> versionsOf(Collection<String> episodeIds) {
        Query byId = query(where("_id").in(episodeIds));
        byId.fields().include(VERSION).include(DECISION_VERSION);
        Map<String, Versions> versions = new LinkedHashMap<>();
        for (Document episode : mongo.find(byId, Document.class, mongo.getCollectionName(Episode.class))) {
            versions.put(
                    episode.getString("_id"),
                    new Versions(
                            episode.get(VERSION, Number.class).longValue(),
                            episode.get(DECISION_VERSION, Number.class).intValue()));
        }
        return versions;
    }

    private static Query atVersion(String episodeId, long version) {
        return query(where("_id").is(episodeId).and(VERSION).is(version));
    }

    private static Update taking(TriageDecided decision) {
        return new Update()
                .set("updatedAt", decision.decidedAt())
                .set("disposition", decision.disposition())
                .set(DECISION_VERSION, decision.version())
                .inc(VERSION, 1);
    }
}
