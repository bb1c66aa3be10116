package org.carepath.platform.messaging;

import java.time.Instant;

/**
 * An event waiting in its aggregate's document to be relayed to Kafka. It is stored in the same document
 * write as the state change that caused it, so the two can never drift apart; the payload is already JSON so
 * the relay needs no knowledge of its type.
 *
 * @param eventId becomes {@code ce_id}; deterministic where a natural key exists, so a re-computed event keeps
 *     its id and consumers de-duplicate it
 * @param subject becomes the record key and {@code ce_subject}: the episodeId
 */
public record OutboxMessage(
        String eventId, String topic, String type, String source, String subject, Instant time, String payload) {}
