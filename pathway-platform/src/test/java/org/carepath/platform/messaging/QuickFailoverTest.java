package org.carepath.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;

class QuickFailoverTest {

    @Test
    void aConsumerGetsAShortSessionAndItsHeartbeat() {
        Map<String, Object> consumer = new HashMap<>(Map.of(ConsumerConfig.GROUP_ID_CONFIG, "billing-service"));

        new QuickFailover().configure(consumer, "triageDecided-in-0", "carepath.triage.decided");

        assertThat(consumer)
                .containsEntry(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000)
                .containsEntry(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_000)
                .containsEntry(ConsumerConfig.GROUP_ID_CONFIG, "billing-service");
    }

    @Test
    void aValueTheDeploymentSetWins() {
        Map<String, Object> consumer = new HashMap<>(Map.of(
                ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG,
                "30000",
                ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG,
                "9000"));

        new QuickFailover().configure(consumer, "triageDecided-in-0", "carepath.triage.decided");

        assertThat(consumer)
                .containsEntry(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "30000")
                .containsEntry(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, "9000");
    }
}
