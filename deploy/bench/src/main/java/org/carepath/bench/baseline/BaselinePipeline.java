package org.carepath.bench.baseline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.carepath.bench.kafka.KafkaSettings;

/** The baseline's topics and its four relays, in the bench JVM, over the same broker as the services. */
public final class BaselinePipeline implements AutoCloseable {

    private static final Duration ASSIGNMENT_TIMEOUT = Duration.ofSeconds(60);
    private static final long ADMIN_TIMEOUT_SECONDS = 30;

    private final List<BaselineRelay> relays;

    private BaselinePipeline(List<BaselineRelay> relays) {
        this.relays = relays;
    }

    /**
     * Creates the topics (when absent) with {@code partitions} partitions each, starts the relays and returns once
     * every relay owns its partitions.
     */
    public static BaselinePipeline start(String bootstrapServers, int partitions, String runTag) {
        createTopics(bootstrapServers, partitions);
        List<String> topics = BaselineTopics.all();
        List<BaselineRelay> relays = new ArrayList<>();
        BaselinePipeline pipeline = new BaselinePipeline(relays);
        try {
            for (int stage = 1; stage < topics.size(); stage++) {
                String name = "baseline-relay-" + stage + "-" + runTag;
                BaselineRelay relay = new BaselineRelay(
                        topics.get(stage - 1),
                        topics.get(stage),
                        KafkaSettings.consumer(bootstrapServers, KafkaSettings.GROUP_PREFIX + name, name),
                        KafkaSettings.producer(bootstrapServers, name));
                relays.add(relay);
                relay.start();
            }
            pipeline.awaitAssigned();
            return pipeline;
        } catch (RuntimeException failed) {
            pipeline.close();
            throw failed;
        }
    }

    /** The first relay that stopped on an error, if any. */
    public RuntimeException failure() {
        return relays.stream()
                .map(BaselineRelay::failure)
                .filter(failure -> failure != null)
                .findFirst()
                .orElse(null);
    }

    private void awaitAssigned() {
        try {
            for (BaselineRelay relay : relays) {
                if (!relay.awaitAssigned(ASSIGNMENT_TIMEOUT)) {
                    throw new IllegalStateException("the baseline relay " + relay.describe() + " got no partitions in "
                            + ASSIGNMENT_TIMEOUT.toSeconds() + " s");
                }
                if (relay.failure() != null) {
                    throw new IllegalStateException(
                            "the baseline relay " + relay.describe() + " failed: " + relay.failure(), relay.failure());
                }
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the baseline relays", interrupted);
        }
    }

    private static void createTopics(String bootstrapServers, int partitions) {
        try (Admin admin = Admin.create(KafkaSettings.admin(bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            List<NewTopic> missing = BaselineTopics.all().stream()
                    .filter(topic -> !existing.contains(topic))
                    .map(topic -> new NewTopic(topic, partitions, (short) 1))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not create the baseline topics: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the baseline topics", e);
        }
    }

    @Override
    public void close() {
        relays.forEach(BaselineRelay::close);
    }
}
