package org.carepath.platform;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code carepath.outbox.*}: how the relay publishes what {@code OutboxStore} hands over, and how it recovers
 * what a crash left behind.
 *
 * @param batchSize events sent before the relay waits for their acknowledgements
 * @param sendTimeout how long a batch may wait for the broker; unanswered events stay queued, in order
 * @param recoveryInterval how often the recovery sweep looks for events left in documents
 * @param firstRecoveryAfter how long after start-up the first sweep runs (the one that takes every event waiting,
 *     however young); the events handed over meanwhile are sent as usual
 * @param recoveryBatchSize documents the sweep reads per collection per run
 * @param staleAfter how old an event must be for the sweep to take it: younger ones are their writer's to send
 * @param lease how long a sweep holds a document it recovers events from
 * @param idleCheck how often the idle relay checks (in memory) whether the sweep is due
 */
@ConfigurationProperties("carepath.outbox")
public record OutboxProperties(
        @DefaultValue("500") int batchSize,
        @DefaultValue("30s") Duration sendTimeout,
        @DefaultValue("15m") Duration recoveryInterval,
        @DefaultValue("500") int recoveryBatchSize,
        @DefaultValue("1m") Duration staleAfter,
        @DefaultValue("2m") Duration lease,
        @DefaultValue("1s") Duration idleCheck,
        @DefaultValue("0s") Duration firstRecoveryAfter) {

    public static OutboxProperties defaults() {
        return new OutboxProperties(
                500,
                Duration.ofSeconds(30),
                Duration.ofMinutes(15),
                500,
                Duration.ofMinutes(1),
                Duration.ofMinutes(2),
                Duration.ofSeconds(1),
                Duration.ZERO);
    }
}
