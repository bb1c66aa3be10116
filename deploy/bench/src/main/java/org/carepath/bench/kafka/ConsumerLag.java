package org.carepath.bench.kafka;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** How far each of the services' consumer groups is behind the end of the partitions it has committed on. */
public final class ConsumerLag implements AutoCloseable {

    private static final long TIMEOUT_SECONDS = 10;

    private final Admin admin;

    public ConsumerLag(String bootstrapServers) {
        this.admin = Admin.create(KafkaSettings.admin(bootstrapServers));
    }

    /** Records behind per consumer group, the bench's own groups left out; sorted by group. */
    public Map<String, Long> byGroup() {
        try {
            Map<String, Long> lag = new TreeMap<>();
            for (GroupListing group : admin.listGroups(ListGroupsOptions.forConsumerGroups())
                    .all()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                if (!group.groupId().startsWith(KafkaSettings.GROUP_PREFIX)) {
                    lag.put(group.groupId(), lagOf(group.groupId()));
                }
            }
            return lag;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not read the consumer groups' lag: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the consumer groups' lag", e);
        }
    }

    public static String describe(Map<String, Long> lag) {
        if (lag.isEmpty()) {
            return "no consumer groups yet";
        }
        return lag.entrySet().stream()
                .map(entry -> entry.getKey() + " " + entry.getValue())
                .collect(Collectors.joining(", "));
    }

    private long lagOf(String groupId) throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                .partitionsToOffsetAndMetadata()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (committed.isEmpty()) {
            return 0;
        }
        Map<TopicPartition, OffsetSpec> latest = committed.keySet().stream()
                .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
                admin.listOffsets(latest).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        long lag = 0;
        for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : committed.entrySet()) {
            if (entry.getValue() != null && ends.containsKey(entry.getKey())) {
                lag += Math.max(
                        0, ends.get(entry.getKey()).offset() - entry.getValue().offset());
            }
        }
        return lag;
    }

    @Override
    public void close() {
        admin.close();
    }
}
