package org.carepath.local.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.carepath.events.PathwayTopic;
import org.carepath.events.Topics;
import org.carepath.local.FreePorts;
import org.carepath.local.Ports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InfrastructureTest {

    private static final String TOPIC = "carepath.episode.reported";

    @TempDir
    Path dataDir;

    private final InfraPorts ports = new InfraPorts(FreePorts.next(), FreePorts.next(), FreePorts.next());

    @Test
    void servesKafkaAndMongoDbAndKeepsTheirDataAcrossARestart() throws Exception {
        // given a first run that stores an event and a document
        String clusterId;
        try (Infrastructure infrastructure = Infrastructure.start(dataDir, ports)) {
            produce(infrastructure, "episode-1", "{\"episodeId\":\"episode-1\"}");
            assertThat(consumeAll(infrastructure)).containsExactly("episode-1");
            insert(infrastructure, "episode-1");
            assertThat(find(infrastructure, "episode-1")).isNotNull();
            clusterId = Files.readString(dataDir.resolve("kafka/cluster.id"));
        }
        assertThat(ports.named())
                .allSatisfy(port -> assertThat(Ports.isFree(port.port())).isTrue());

        // when it starts again on the same folder
        try (Infrastructure infrastructure = Infrastructure.start(dataDir, ports)) {
            // then both still hold what the first run wrote, under the same Kafka cluster
            produce(infrastructure, "episode-2", "{\"episodeId\":\"episode-2\"}");
            assertThat(consumeAll(infrastructure)).containsExactlyInAnyOrder("episode-1", "episode-2");
            assertThat(find(infrastructure, "episode-1")).isNotNull();
            assertThat(Files.readString(dataDir.resolve("kafka/cluster.id"))).isEqualTo(clusterId);
            assertThat(Files.readString(dataDir.resolve("kafka/logs/meta.properties")))
                    .contains("cluster.id=" + clusterId);
        }
        assertThat(Infrastructure.mongoFolder(dataDir)).isDirectoryContaining("glob:**/journal-*.log");
    }

    @Test
    void createsTopicsOnFirstUseWithThreePartitions() throws Exception {
        try (Infrastructure infrastructure = Infrastructure.start(dataDir, ports);
                KafkaConsumer<String, String> consumer = consumer(infrastructure)) {
            produce(infrastructure, "episode-1", "{}");

            assertThat(consumer.partitionsFor(TOPIC)).hasSize(3);
        }
    }

    @Test
    void everyContractTopicAndItsDeadLettersExistBeforeAnythingIsSent() throws Exception {
        try (Infrastructure infrastructure = Infrastructure.start(dataDir, ports);
                Admin admin = Admin.create(Map.<String, Object>of(
                        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers()))) {
            Set<String> names = admin.listTopics().names().get(30, TimeUnit.SECONDS);

            assertThat(names)
                    .contains("carepath.audit.recorded", "carepath.audit.recorded.dlq")
                    .containsAll(Topics.ALL.stream().map(PathwayTopic::name).toList())
                    .containsAll(Topics.ALL.stream()
                            .map(topic -> topic.name() + ".dlq")
                            .toList());
            assertThat(admin.describeTopics(List.of("carepath.audit.recorded"))
                            .allTopicNames()
                            .get(30, TimeUnit.SECONDS)
                            .get("carepath.audit.recorded")
                            .partitions())
                    .hasSize(3);
        }
    }

    private static void produce(Infrastructure infrastructure, String key, String value) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                infrastructure.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>(TOPIC, key, value)).get();
        }
    }

    /** The keys of every record on the topic, read from the beginning by a new consumer group. */
    private static List<String> consumeAll(Infrastructure infrastructure) {
        List<String> keys = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer(infrastructure)) {
            consumer.subscribe(List.of(TOPIC));
            await().atMost(Duration.ofSeconds(30)).pollInSameThread().untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> keys.add(record.key()));
                assertThat(consumer.assignment()).isNotEmpty();
                assertThat(keys).isNotEmpty();
                assertThat(consumer.endOffsets(consumer.assignment()))
                        .allSatisfy((partition, end) ->
                                assertThat(consumer.position(partition)).isEqualTo(end));
            });
        }
        return keys;
    }

    private static KafkaConsumer<String, String> consumer(Infrastructure infrastructure) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                infrastructure.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class));
    }

    private static void insert(Infrastructure infrastructure, String episodeId) {
        try (MongoClient client = MongoClients.create(infrastructure.mongoUri())) {
            episodes(client).insertOne(new Document("_id", episodeId).append("status", "REPORTED"));
        }
    }

    private static Document find(Infrastructure infrastructure, String episodeId) {
        try (MongoClient client = MongoClients.create(infrastructure.mongoUri())) {
            return episodes(client).find(new Document("_id", episodeId)).first();
        }
    }

    private static MongoCollection<Document> episodes(MongoClient client) {
        return client.getDatabase("intake").getCollection("episodes");
    }
}
