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
}
