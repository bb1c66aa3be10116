package org.carepath.platform.outbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.carepath.platform.messaging.FailedEventException;
import org.carepath.platform.messaging.Failures;
import org.carepath.platform.messaging.InboundEvent;
import org.carepath.platform.persistence.ConcurrentWrites;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Applies a batch of events to the aggregates they touch: one read of them all by {@code _id}, every event applied
 * in order in memory, one bulk write of those that changed (each with the events it caused, handed to the relay).
 * An aggregate another writer changed in between is read again and its events applied again, alone; the
 * transitions are idempotent on the event id, so that changes nothing twice. An event that cannot be applied
 * stops the batch there: what came before it is written, and it is reported as a {@link FailedEventException}.
 */
public class AggregateBatches {

    private final MongoTemplate mongo;
    private final OutboxStore store;

    public AggregateBatches(MongoTemplate mongo, OutboxStore store) {
        this.mongo = mongo;
        this.store = store;
    }

    /** The next state of an aggregate for one event. */
    @FunctionalInterface
    public interface Transition<D, T> {

        /**
         * @param current the aggregate as stored so far, or null when none is
         * @return the next state; {@code current} itself (or null when there is none) when the event changes nothing
         */
        D apply(D current, InboundEvent<T> event);
    }

    /**
     * Told of each aggregate about to be written, with the state it had in the store: a read model keeps documents
     * derived from the aggregate in step before the aggregate itself is written, so that a crash in between leaves
     * the event to be applied again from the same stored state.
     */
    @FunctionalInterface
    public interface BeforeWrite<D> {

        void changing(List<Change<D>> changes);
    }

    /** An aggregate's state in the store (null when new) and the state about to replace it. */
    public record Change<D>(D stored, D next) {}

    public <D extends WithOutbox, T> void apply(
            Class<D> type,
            List<InboundEvent<T>> events,
            Function<InboundEvent<T>, String> aggregateId,
            Transition<D, T> transition) {
        apply(type, events, aggregateId, transition, changes -> {});
    }

    public <D extends WithOutbox, T> void apply(
            Class<D> type,
            List<InboundEvent<T>> events,
            Function<InboundEvent<T>, String> aggregateId,
            Transition<D, T> transition,
            BeforeWrite<D> beforeWrite) {
        List<String> ids = new ArrayList<>(events.size());
        FailedEventException failed = null;
        for (int i = 0; i < events.size() && failed == null; i++) {
            try {
                ids.add(aggregateId.apply(events.get(i)));
            } catch (RuntimeException e) {
                failed = new FailedEventException(i, e);
            }
        }
        int applicable = ids.size();
        Map<String, D> current = new LinkedHashMap<>();
        Set<String> distinct = new LinkedHashSet<>(ids);
        if (!distinct.isEmpty()) {
            mongo.find(new Query(Criteria.where("_id").in(distinct)), type)
                    .forEach(stored -> current.put(idOf(stored), stored));
        }
        Map<String, D> changed = new LinkedHashMap<>();
        for (int i = 0; i < applicable; i++) {
            String id = ids.get(i);
            D before = changed.containsKey(id) ? changed.get(id) : current.get(id);
            D after;
            try {
                after = transition.apply(before, events.get(i));
            } catch (RuntimeException e) {
                if (Failures.isTransient(e)) {
                    throw e;
                }
                failed = new FailedEventException(i, e);
                applicable = i;
                break;
            }
            if (after != null && after != before) {
                changed.put(id, after);
            }
        }
        if (!changed.isEmpty()) {
            List<Change<D>> changes = new ArrayList<>(changed.size());
            changed.forEach((id, next) -> changes.add(new Change<>(current.get(id), next)));
            beforeWrite.changing(changes);
        }
        for (D lost : store.saveAll(changed.values())) {
            String id = idOf(lost);
            List<InboundEvent<T>> ofAggregate = new ArrayList<>();
            for (int i = 0; i < applicable; i++) {
                if (ids.get(i).equals(id)) {
                    ofAggregate.add(events.get(i));
                }
            }
            ConcurrentWrites.retry(() -> applyAlone(type, id, ofAggregate, transition, beforeWrite));
        }
        if (failed != null) {
            throw failed;
        }
    }

    private <D extends WithOutbox, T> void applyAlone(
            Class<D> type,
            String id,
            List<InboundEvent<T>> events,
            Transition<D, T> transition,
            BeforeWrite<D> beforeWrite) {
        D stored = mongo.findById(id, type);
        D next = stored;
        for (InboundEvent<T> event : events) {
            D after = transition.apply(next, event);
            if (after != null) {
                next = after;
            }
        }
        if (next != null && next != stored) {
            beforeWrite.changing(List.of(new Change<>(stored, next)));
            store.save(next);
        }
    }

    private String idOf(Object document) {
        return String.valueOf(mongo.getConverter()
                .getMappingContext()
                .getRequiredPersistentEntity(document.getClass())
                .getIdentifierAccessor(document)
                .getRequiredIdentifier());
    }
}
