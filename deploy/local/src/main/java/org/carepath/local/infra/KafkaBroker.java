package org.carepath.local.infra;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.carepath.events.Topics;

/**
 * A real Apache Kafka broker in this JVM, in KRaft combined mode (broker and controller in one node), keeping its
 * log in {@code <dataDir>/logs} so topics and offsets survive a restart.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final int NODE_ID = 1;
    private static final long READY_TIMEOUT_SECONDS = 60;

    private final KafkaRaftServer server;
    private final String bootstrapServers;

    private KafkaBroker(KafkaRaftServer server, String bootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Formats the storage the first time (keeping the cluster id in {@code <dataDir>/cluster.id}), starts the broker
     * and returns once it answers a client.
     *
     * @param dataDir the broker's own folder; created when absent
     * @param port the client listener on 127.0.0.1
     * @param controllerPort the KRaft controller listener on 127.0.0.1
     */
    public static KafkaBroker start(Path dataDir, int port, int controllerPort) {
        Path logDir = dataDir.resolve("logs");
        Properties properties = serverProperties(logDir, port, controllerPort);
        Path propertiesFile = dataDir.resolve("server.properties");
        writeProperties(propertiesFile, properties);
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            formatStorage(propertiesFile, clusterId(dataDir));
        }
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
        server.startup();
        KafkaBroker broker = new KafkaBroker(server, "127.0.0.1:" + port);
        try {
            broker.awaitClusterAnswers();
        } catch (RuntimeException notReady) {
            broker.close();
            throw notReady;
        }
        return broker;
    }

    /** {@code host:port} for {@code bootstrap.servers} / {@code KAFKA_BOOTSTRAP_SERVERS}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }

    private static Properties serverProperties(Path logDir, int port, int controllerPort) {
        Properties properties = new Properties();
        properties.putAll(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", Integer.toString(NODE_ID)),
                Map.entry("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort),
                Map.entry("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort),
                Map.entry("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
                Map.entry("log.dirs", logDir.toAbsolutePath().toString()),
                Map.entry("auto.create.topics.enable", "true"),
                Map.entry("num.partitions", "3"),
                Map.entry("default.replication.factor", "1"),
                Map.entry("min.insync.replicas", "1"),
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                // A service's consumers (one per partition) join an empty group within a few hundred ms of each
                // other; with no delay the first to arrive formed the group alone and the others waited for its
                // next poll, a whole batch later (issue 8: a restarted scheduling served three partitions with two
                // consumers for its first 10 s). Kafka's own default is 3 s; one second is enough here.
                Map.entry("group.initial.rebalance.delay.ms", "1000")));
        return properties;
    }

    private static String clusterId(Path dataDir) {
        Path file = dataDir.resolve("cluster.id");
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            String clusterId = Uuid.randomUuid().toString();
            Files.writeString(file, clusterId, StandardCharsets.UTF_8);
            return clusterId;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + file, e);
        }
    }

    private static void formatStorage(Path propertiesFile, String clusterId) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exitCode;
        try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            exitCode =
                    StorageTool.execute(new String[] {"format", "-t", clusterId, "-c", propertiesFile.toString()}, out);
        }
        if (exitCode != 0) {
            throw new IllegalStateException("formatting the Kafka storage failed: "
                    + output.toString(StandardCharsets.UTF_8).strip());
        }
    }

    private static void writeProperties(Path file, Properties properties) {
        try {
            Files.createDirectories(file.getParent());
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                properties.store(writer, "Written by carepath-local on each start; edits are overwritten");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * Every topic of the contract and its dead letters, before any service starts. Why: a topic the broker creates on
     * a first send (the relays' raw producers) can answer that send "not the leader" while it is being created; the
     * producer's retry then met "out of order sequence number" for 30 s, holding back every event of that service.
     */
    private static void createPathwayTopics(Admin admin)
            throws InterruptedException, ExecutionException, TimeoutException {
        List<NewTopic> topics = Topics.ALL.stream()
                .flatMap(topic -> Stream.of(topic.name(), topic.name() + ".dlq"))
                .map(name -> new NewTopic(name, Optional.empty(), Optional.empty()))
                .toList();
        Set<String> existing = admin.listTopics().names().get(READY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        List<NewTopic> missing = topics.stream()
                .filter(topic -> !existing.contains(topic.name()))
                .toList();
        if (!missing.isEmpty()) {
            admin.createTopics(missing).all().get(READY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
    }

    private void awaitClusterAnswers() {
        try (Admin admin =
                Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.describeCluster().nodes().get(READY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            createPathwayTopics(admin);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the Kafka broker on " + bootstrapServers + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the Kafka broker", e);
        }
    }
}
