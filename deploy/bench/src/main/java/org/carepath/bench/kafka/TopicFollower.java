package org.carepath.bench.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.carepath.bench.measure.EpisodeTimeline;
import org.carepath.bench.measure.Hop;

/**
 * Follows some topics from their end offsets at start (records already there are not this step's) and writes, for
 * each record's key, when it was first seen on the topic's hop into an {@link EpisodeTimeline}. A topic that does
 * not exist yet (a service creates it on its first send) is picked up from its beginning once it appears. One
 * consumer, on its own thread; nothing is committed.
 */
public final class TopicFollower implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(50);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(5);
    private static final long REFRESH_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long START_TIMEOUT_SECONDS = 30;

    private final Set<String> topics;
    private final BiConsumer<ConsumerRecord<String, byte[]>, Long> sink;
    private final Map<String, Object> settings;
    private final CountDownLatch positioned = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean closing;
    private volatile RuntimeException failure;

    private TopicFollower(
            Map<String, Object> settings, Set<String> topics, BiConsumer<ConsumerRecord<String, byte[]>, Long> sink) {
        this.settings = settings;
        this.topics = Set.copyOf(topics);
        this.sink = sink;
        this.thread = new Thread(this::follow, "bench-follow-" + settings.get("client.id"));
        this.thread.setDaemon(true);
    }

    /** Starts following and returns once the end offsets are taken, so every later record is seen. */
    public static TopicFollower start(
            String bootstrapServers, String name, Map<String, Hop> hopByTopic, EpisodeTimeline timeline) {
        Map<String, Hop> hops = Map.copyOf(hopByTopic);
        return start(bootstrapServers, name, hops.keySet(), (record, now) -> {
            String key = key(record);
            if (key != null) {
                timeline.seen(key, hops.get(record.topic()), now);
            }
        });
    }

    /**
     * Starts following and returns once the end offsets are taken; hands every later record of these topics to
     * {@code sink} with the {@link System#nanoTime()} it was seen at, on the follower's thread.
     */
    public static TopicFollower start(
            String bootstrapServers,
            String name,
            Set<String> topics,
            BiConsumer<ConsumerRecord<String, byte[]>, Long> sink) {
        Map<String, Object> settings =
                KafkaSettings.consumer(bootstrapServers, KafkaSettings.GROUP_PREFIX + "follow-" + name, name);
        TopicFollower follower = new TopicFollower(settings, topics, sink);
        follower.thread.start();
        follower.awaitPositioned();
        return follower;
    }

    private void awaitPositioned() {
        try {
            if (!positioned.await(START_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                close();
                throw new IllegalStateException("the bench's Kafka consumer could not take the topics' end offsets in "
                        + START_TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("interrupted while starting the bench's Kafka consumer", interrupted);
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void follow() {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(settings)) {
            Set<TopicPartition> assigned = new HashSet<>();
            List<TopicPartition> existing = partitions(consumer);
            consumer.assign(existing);
            consumer.seekToEnd(existing);
            existing.forEach(consumer::position); // resolves the end offsets now, before the step sends
            assigned.addAll(existing);
            positioned.countDown();
            long nextRefresh = System.nanoTime() + REFRESH_NANOS;
            while (!closing) {
                if (assigned.isEmpty()) {
                    // poll() refuses to run with nothing assigned: wait for a topic to appear
                    sleep(POLL);
                    addNewPartitions(consumer, assigned);
                    continue;
                }
                ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
                long now = System.nanoTime();
                for (ConsumerRecord<String, byte[]> record : records) {
                    sink.accept(record, now);
                }
                if (now >= nextRefresh) {
                    addNewPartitions(consumer, assigned);
                    nextRefresh = now + REFRESH_NANOS;
                }
            }
        } catch (RuntimeException e) {
            if (!closing) {
                failure = e;
            }
        } finally {
            positioned.countDown();
        }
    }

    private void addNewPartitions(KafkaConsumer<String, byte[]> consumer, Set<TopicPartition> assigned) {
        List<TopicPartition> added = new ArrayList<>();
        for (TopicPartition partition : partitions(consumer)) {
            if (!assigned.contains(partition)) {
                added.add(partition);
            }
        }
        if (added.isEmpty()) {
            return;
        }
        assigned.addAll(added);
        consumer.assign(assigned);
        consumer.seekToBeginning(added);
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, byte[]> consumer) {
        Map<String, List<PartitionInfo>> existing = consumer.listTopics(METADATA_TIMEOUT);
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            for (PartitionInfo info : existing.getOrDefault(topic, List.of())) {
                partitions.add(new TopicPartition(info.topic(), info.partition()));
            }
        }
        return partitions;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The record key (CONTRACT.md: the episode id); ce_subject carries the same id when a key is absent. */
    public static String key(ConsumerRecord<String, byte[]> record) {
        if (record.key() != null) {
            return record.key();
        }
        Header subject = record.headers().lastHeader("ce_subject");
        return subject == null ? null : new String(subject.value(), StandardCharsets.UTF_8);
    }

    /** The follower's failure, if its consumer stopped on an error. */
    public RuntimeException failure() {
        return failure;
    }

    @Override
    public void close() {
        closing = true;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
