package org.carepath.testing;

import de.bwaldvogel.mongo.MongoServer;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * One real Kafka broker and one MongoDB endpoint for the whole test JVM.
 *
 * <p>Why JVM-wide: every distinct Spring test configuration gets its own cached context; brokers started per
 * class would leave those contexts reconnecting to dead ports (STACK.md). Where a Docker engine exists this is
 * Testcontainers (Kafka, and MongoDB as a replica set); otherwise a KRaft broker from Kafka's own jars and the
 * mongo-java-server wire server. System property {@code carepath.test.infrastructure} = {@code embedded} or
 * {@code containers} forces either.
 */
public final class TestInfrastructure {

    public static final String MODE_PROPERTY = "carepath.test.infrastructure";
    static final int PARTITIONS = 3;
    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);
    private static volatile TestInfrastructure instance;

    private final String kafkaBootstrapServers;
    private final String mongoUri;
    private final ScanCountingBackend wireServer;

    private TestInfrastructure(String kafkaBootstrapServers, String mongoUri, ScanCountingBackend wireServer) {
        this.kafkaBootstrapServers = kafkaBootstrapServers;
        this.mongoUri = mongoUri;
        this.wireServer = wireServer;
    }

    public static TestInfrastructure get() {
        if (instance == null) {
            synchronized (TestInfrastructure.class) {
                if (instance == null) {
                    instance = useContainers() ? startContainers() : startEmbedded();
                }
            }
        }
        return instance;
    }

    /** Points a Spring test context at the shared broker and MongoDB endpoint. */
    public static void register(DynamicPropertyRegistry registry) {
        TestInfrastructure infrastructure = get();
        registry.add("spring.cloud.stream.kafka.binder.brokers", infrastructure::kafkaBootstrapServers);
        registry.add("spring.kafka.bootstrap-servers", infrastructure::kafkaBootstrapServers);
        registry.add("spring.mongodb.uri", infrastructure::mongoUri);
        TestTokens tokens = TestTokens.get();
        registry.add("carepath.security.issuer-uri", tokens::issuer);
        registry.add("carepath.security.jwk-set-uri", tokens::jwkSetUri);
    }

    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    /**
     * The embedded wire server's count of full collection scans, for tests that prove some work is served by
     * {@code _id} or an index; empty on Testcontainers, where a real MongoDB has secondary indexes anyway.
     */
    public java.util.Optional<ScanCountingBackend> wireServer() {
        return java.util.Optional.ofNullable(wireServer);
    }

    /** A connection string without a database: each service names its own. */
    public String mongoUri() {
        return mongoUri;
    }

    private static boolean useContainers() {
        String mode = System.getProperty(MODE_PROPERTY, "auto").toLowerCase(Locale.ROOT);
        return switch (mode) {
            case "embedded" -> false;
            case "containers" -> true;
            default -> dockerAvailable();
        };
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static TestInfrastructure startEmbedded() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, PARTITIONS);
        broker.brokerProperty("auto.create.topics.enable", "true");
        broker.brokerProperty("num.partitions", String.valueOf(PARTITIONS));
        broker.afterPropertiesSet();
        ScanCountingBackend backend = new ScanCountingBackend();
        MongoServer mongo = new MongoServer(backend);
        String mongoUri = mongo.bindAndGetConnectionString();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            mongo.shutdownNow();
            broker.destroy();
        }));
        log.info("Test infrastructure: embedded KRaft broker {} and MongoDB wire server", broker.getBrokersAsString());
        return new TestInfrastructure(broker.getBrokersAsString(), mongoUri, backend);
    }

    @SuppressWarnings("resource") // stopped by Testcontainers' reaper when the JVM ends
    private static TestInfrastructure startContainers() {
        KafkaContainer kafka = new KafkaContainer("apache/kafka-native:4.1.0");
        MongoDBContainer mongo = new MongoDBContainer("mongo:8.0").withReplicaSet();
        kafka.start();
        mongo.start();
        log.info("Test infrastructure: Testcontainers Kafka and MongoDB replica set");
        return new TestInfrastructure(kafka.getBootstrapServers(), mongo.getConnectionString(), null);
    }
}
