package org.carepath.platform.outbox;

import org.carepath.platform.messaging.OutboxMessage;

/**
 * An event the relay holds in memory until the broker has acknowledged it.
 *
 * @param collection the collection of the document that carries it
 * @param documentId that document's {@code _id}
 * @param recovered found by the recovery sweep (the relay then holds a lease on the document) rather than handed
 *     over by the write that stored it
 * @param queuedAtNanos {@link System#nanoTime()} when the relay took it, for the outbox's oldest-age gauge
 */
record PendingEvent(
        String collection, Object documentId, OutboxMessage message, boolean recovered, long queuedAtNanos) {

    PendingEvent(String collection, Object documentId, OutboxMessage message, boolean recovered) {
        this(collection, documentId, message, recovered, System.nanoTime());
    }

    String eventId() {
        return message.eventId();
    }
}
