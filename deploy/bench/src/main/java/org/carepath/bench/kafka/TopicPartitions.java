package org.carepath.bench.kafka;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;

/** How many partitions a topic has, if it exists. */
public final class TopicPartitions {

    private static final long TIMEOUT_SECONDS = 30;

    private TopicPartitions() {}

    public static Optional<Integer> count(String bootstrapServers, String topic) {
        try (Admin admin = Admin.create(KafkaSettings.admin(bootstrapServers))) {
            Set<String> names = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!names.contains(topic)) {
                return Optional.empty();
            }
            TopicDescription description = admin.describeTopics(Set.of(topic))
                    .allTopicNames()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .get(topic);
            return Optional.of(description.partitions().size());
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not describe " + topic + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while describing " + topic, e);
        }
    }
}
