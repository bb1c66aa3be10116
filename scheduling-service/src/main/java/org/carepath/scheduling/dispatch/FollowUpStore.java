package org.carepath.scheduling.dispatch;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.mongodb.ErrorCategory;
import com.mongodb.bulk.BulkWriteResult;
import java.time.Instant;
import java.util.List;
import org.carepath.events.Topics;
import org.carepath.platform.messaging.OutboxMessages;
import org.carepath.scheduling.followup.DueFollowUps;
import org.carepath.scheduling.followup.FollowUp;
import org.carepath.scheduling.followup.FollowUpStatus;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The {@code follow_ups} collection. Every write is idempotent, so a redelivered event can repeat it. */
@Component
public class FollowUpStore {

    private static final String STATUS = "status";
    private static final String VERSION = "version";

    private final MongoTemplate mongo;
    private final OutboxMessages outboxMessages;

    FollowUpStore(MongoTemplate mongo, OutboxMessages outboxMessages) {
        this.mongo = mongo;
        this.outboxMessages = outboxMessages;
    }

    /** An episode's follow-ups, soonest due first; none for an episode scheduling has never seen. */
    public List<FollowUp> forEpisode(String episodeId) {
        Query ofEpisode = query(where("episodeId").is(episodeId)).with(Sort.by("dueAt", "_id"));
        return mongo.find(ofEpisode, FollowUpDocument.class).stream()
                .map(FollowUpDocument::followUp)
                .toList();
    }

    /** Stores new follow-ups; one already stored under the same id is left as it is (sent stays sent). */
    public void insertAll(List<FollowUp> followUps) {
        if (followUps.isEmpty()) {
            return;
        }
        BulkOperations inserts = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, FollowUpDocument.class);
        followUps.forEach(followUp -> inserts.insert(FollowUpDocument.of(followUp)));
        try {
            inserts.execute();
        } catch (DuplicateKeyException alreadyStored) {
            // planned before: the stored one stands
        } catch (BulkOperationException e) {
            boolean onlyDuplicates = e.getErrors().stream()
                    .allMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY);
            if (!onlyDuplicates) {
                throw e;
            }
        }
    }

    /** Cancels those of these follow-ups that are still pending; one already sent stays sent. */
    public void cancelAll(List<FollowUp> followUps) {
        if (followUps.isEmpty()) {
            return;
        }
        List<String> ids = followUps.stream().map(FollowUp::followUpId).toList();
        mongo.updateMulti(
                query(where("_id").in(ids).and(STATUS).is(FollowUpStatus.PENDING)),
                new Update().set(STATUS, FollowUpStatus.CANCELLED).inc(VERSION, 1),
                FollowUpDocument.class);
    }

    /**
     * Marks up to {@code limit} follow-ups due at {@code now} as sent, each with its {@code followup.due} event in
     * its outbox, in one conditional write per follow-up; returns those this call marked (another instance may
     * have marked some of the same first).
     */
    public DispatchedBatch markDueAsSent(Instant now, int limit) {
        Query due = query(where(STATUS).is(FollowUpStatus.PENDING).and("dueAt").lte(now))
                .with(Sort.by("dueAt", "_id"))
                .limit(limit);
        List<FollowUp> candidates = DueFollowUps.at(
                now,
                mongo.find(due, FollowUpDocument.class).stream()
                        .map(FollowUpDocument::followUp)
                        .toList());
        if (candidates.isEmpty()) {
            return new DispatchedBatch(List.of(), 0);
        }
        BulkOperations sends = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, FollowUpDocument.class);
        for (FollowUp followUp : candidates) {
            FollowUp sent = followUp.markSent();
            var event = outboxMessages.create(
                    Topics.FOLLOWUP_DUE, sent.followUpId() + ":due", sent.episodeId(), sent.due());
            sends.updateOne(
                    query(where("_id").is(sent.followUpId()).and(STATUS).is(FollowUpStatus.PENDING)),
                    new Update()
                            .set(STATUS, FollowUpStatus.SENT)
                            .set("sentAt", now)
                            .push("outbox", event)
                            .inc(VERSION, 1));
        }
        BulkWriteResult result = sends.execute();
        return new DispatchedBatch(candidates.stream().map(FollowUp::followUpId).toList(), result.getModifiedCount());
    }

    /**
     * @param candidateIds the follow-ups found due
     * @param marked how many of them this call marked sent
     */
    public record DispatchedBatch(List<String> candidateIds, int marked) {}
}
