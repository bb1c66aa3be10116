package org.carepath.platform;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.swagger.v3.oas.models.OpenAPI;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.carepath.platform.deadletter.DeadLetterConfiguration;
import org.carepath.platform.messaging.BatchConsumers;
import org.carepath.platform.messaging.DeadLetterErrorHandling;
import org.carepath.platform.messaging.InboundEvents;
import org.carepath.platform.messaging.OutboxMessages;
import org.carepath.platform.messaging.QuickFailover;
import org.carepath.platform.outbox.AggregateBatches;
import org.carepath.platform.outbox.OutboxCollections;
import org.carepath.platform.outbox.OutboxIndexes;
import org.carepath.platform.outbox.OutboxMetrics;
import org.carepath.platform.outbox.OutboxRelay;
import org.carepath.platform.outbox.OutboxStore;
import org.carepath.platform.persistence.VersionIndexes;
import org.carepath.platform.web.BearerOpenApi;
import org.carepath.platform.web.ProblemDetailsAdvice;
import org.carepath.platform.web.StrictJsonBodies;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.LoggingProducerListener;
import tools.jackson.databind.json.JsonMapper;

/** What every Carepath service gets by depending on the platform. */
@AutoConfiguration(
        beforeName = "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration")
@EnableConfigurationProperties(OutboxProperties.class)
@Import({ProblemDetailsAdvice.class, DeadLetterConfiguration.class})
public class PathwayPlatformAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Named as Boot's, which then stands back. */
    @Bean(name = "mongoHealthIndicator")
    MongoPingHealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
        return new MongoPingHealthIndicator(mongo);
    }

    @Bean
    @ConditionalOnMissingBean
    OpenAPI carepathOpenApi(@Value("${spring.application.name}") String service) {
        return BearerOpenApi.of(service);
    }

    @Bean
    StrictJsonBodies strictJsonBodies(JsonMapper jsonMapper) {
        return new StrictJsonBodies(jsonMapper);
    }

    @Bean
    OutboxMessages outboxMessages(
            JsonMapper jsonMapper, Clock clock, @Value("${spring.application.name}") String service) {
        return new OutboxMessages(jsonMapper, clock, service);
    }

    @Bean
    InboundEvents inboundEvents(JsonMapper jsonMapper) {
        return new InboundEvents(jsonMapper);
    }

    @Bean
    OutboxRelay outboxRelay(
            MongoTemplate mongo,
            KafkaProperties kafkaProperties,
            ObjectProvider<MeterRegistry> meterRegistry,
            OutboxProperties properties) {
        return new OutboxRelay(
                mongo,
                relayProducers(kafkaProperties, properties),
                // Leases and the recovery schedule are machine time, not the business clock a test may move about.
                Clock.systemUTC(),
                () -> OutboxCollections.of(mongo),
                properties,
                meterRegistry.stream().findFirst().map(OutboxMetrics::new).orElseGet(OutboxMetrics::none));
    }

    @Bean
    OutboxStore outboxStore(MongoTemplate mongo, OutboxRelay relay) {
        return new OutboxStore(mongo, relay);
    }

    @Bean
    AggregateBatches aggregateBatches(MongoTemplate mongo, OutboxStore store) {
        return new AggregateBatches(mongo, store);
    }

    @Bean
    BatchConsumers batchConsumers(InboundEvents inbound, ObjectProvider<MeterRegistry> meterRegistry) {
        return new BatchConsumers(inbound, meterRegistry.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    DeadLetterErrorHandling deadLetterErrorHandling(
            KafkaProperties kafkaProperties, ObjectProvider<MeterRegistry> meterRegistry) {
        Map<String, Object> config = new HashMap<>(kafkaProperties.buildProducerProperties());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "dead-letters");
        KafkaTemplate<byte[], byte[]> template = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
        // The default listener quotes the value of a record it failed to send: patient data stays out of logs.
        LoggingProducerListener<byte[], byte[]> failures = new LoggingProducerListener<>();
        failures.setIncludeContents(false);
        template.setProducerListener(failures);
        return new DeadLetterErrorHandling(template, meterRegistry.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    QuickFailover quickFailover() {
        return new QuickFailover();
    }

    @Bean
    OutboxIndexes outboxIndexes(MongoTemplate mongo) {
        return new OutboxIndexes(mongo);
    }

    @Bean
    VersionIndexes versionIndexes(MongoTemplate mongo) {
        return new VersionIndexes(mongo);
    }

    /**
     * The relay's own producer: String key and JSON text value whatever the binder sets as defaults, and
     * idempotent with acks=all so an acknowledged event is durable and a retried send is not doubled.
     */
    private static ProducerFactory<String, String> relayProducers(
            KafkaProperties kafkaProperties, OutboxProperties properties) {
        Map<String, Object> config = new HashMap<>(kafkaProperties.buildProducerProperties());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
        // Every send ends within the relay's send timeout, acknowledged or failed; none blocks the relay for long.
        int timeoutMs = (int) properties.sendTimeout().toMillis();
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeoutMs);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(timeoutMs - 10, 10_000));
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Math.min(timeoutMs, 10_000));
        return new DefaultKafkaProducerFactory<>(config);
    }
}
