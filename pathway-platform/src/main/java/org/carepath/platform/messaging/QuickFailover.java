package org.carepath.platform.messaging;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.cloud.stream.binder.kafka.support.ConsumerConfigCustomizer;

/**
 * Consumer defaults that hand a dead instance's partitions on within {@value #SESSION_TIMEOUT_MS} ms. A process
 * killed with SIGKILL never leaves its group, so the broker waits out its session; with Kafka's 45 s the restarted
 * service sat idle behind its own ghost (issue 8: lag steady 49.5 s after a kill -9, the target is 30 s). Heartbeats
 * run on the client's own thread, so a long batch does not end a session; a value set in the binding's or binder's
 * {@code consumer-properties} wins over these.
 */
public final class QuickFailover implements ConsumerConfigCustomizer {

    static final int SESSION_TIMEOUT_MS = 10_000;
    static final int HEARTBEAT_INTERVAL_MS = 3_000;

    @Override
    public void configure(Map<String, Object> consumerProperties, String bindingName, String destination) {
        consumerProperties.putIfAbsent(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, SESSION_TIMEOUT_MS);
        consumerProperties.putIfAbsent(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, HEARTBEAT_INTERVAL_MS);
    }
}
