package org.carepath.intake.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.carepath.events.Topics;
import org.carepath.testing.HttpJson;
import org.carepath.testing.ReportJson;
import org.carepath.testing.TestInfrastructure;
import org.carepath.testing.TestTokens;
import org.carepath.testing.TlsKafkaBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 9, transport: intake against a broker that speaks only TLS (a certificate generated for the run), configured
 * by the same properties an operator sets through the environment ({@code SPRING_KAFKA_SECURITY_PROTOCOL=SSL},
 * {@code SPRING_KAFKA_SSL_TRUST_STORE_LOCATION}, ...; README "Transport security"). A report is accepted and its event
 * read back over TLS.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KafkaTlsIT {

    private static final TlsKafkaBroker BROKER = TlsKafkaBroker.start();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry);
        registry.add("spring.kafka.bootstrap-servers", BROKER::bootstrapServers);
        registry.add("spring.cloud.stream.kafka.binder.brokers", BROKER::bootstrapServers);
        registry.add("spring.kafka.security.protocol", () -> "SSL");
        registry.add("spring.kafka.ssl.trust-store-type", () -> "PKCS12");
        registry.add(
                "spring.kafka.ssl.trust-store-location",
                () -> BROKER.trustStore().toUri().toString());
        registry.add("spring.kafka.ssl.trust-store-password", () -> TlsKafkaBroker.PASSWORD);
        registry.add("spring.mongodb.database", () -> "intake-tls-it");
    }

    @AfterAll
    static void stop() throws IOException {
        BROKER.close();
    }

    @Test
    void aReportIsPublishedOverTls() {
        LocalDate yesterday = LocalDate.now(ZoneId.of("America/New_York")).minusDays(1);
        HttpJson intake =
                new HttpJson("http://127.0.0.1:" + port).as(TestTokens.get().forRole("clinician"));

        HttpJson.Response accepted = intake.post(
                "/api/v1/episodes", ReportJson.contractExample(yesterday).json());

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String episodeId = accepted.json().get("episodeId").asString();
        assertThat(reportedOverTls(episodeId, Duration.ofSeconds(60))).isNotEmpty();
    }

    @Test
    void aClientWithoutTlsIsNotServed() {
        Map<String, Object> plaintext = new HashMap<>();
        plaintext.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BROKER.bootstrapServers());
        plaintext.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3_000);
        plaintext.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        plaintext.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(plaintext)) {
            assertThatThrownBy(() -> producer.partitionsFor(Topics.EPISODE_REPORTED.name()))
                    .isInstanceOf(KafkaException.class);
        }
    }

    private static List<String> reportedOverTls(String episodeId, Duration patience) {
        Map<String, Object> config = new HashMap<>(BROKER.clientProperties());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "tls-it-reader");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<String> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(Topics.EPISODE_REPORTED.name()));
            long deadline = System.nanoTime() + patience.toNanos();
            while (found.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (episodeId.equals(record.key())) {
                        found.add(record.value());
                    }
                }
            }
        }
        return found;
    }
}
