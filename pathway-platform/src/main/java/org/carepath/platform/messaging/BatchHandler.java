package org.carepath.platform.messaging;

import java.util.List;

/**
 * Applies a batch of events of one topic, in order. A store that is away is an exception as it comes (the whole
 * batch is retried with back-off until the store is back); one event that cannot be applied is a
 * {@link FailedEventException} naming its index.
 */
@FunctionalInterface
public interface BatchHandler<T> {

    void apply(List<InboundEvent<T>> events);

    /** A handler that applies the events one at a time, for work that cannot be done for many at once. */
    static <T> BatchHandler<T> oneByOne(java.util.function.Consumer<InboundEvent<T>> handler) {
        return events -> {
            for (int i = 0; i < events.size(); i++) {
                try {
                    handler.accept(events.get(i));
                } catch (RuntimeException e) {
                    if (Failures.isTransient(e)) {
                        throw e;
                    }
                    throw new FailedEventException(i, e);
                }
            }
        };
    }
}
