package org.carepath.platform;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.carepath.platform.messaging.InboundEvents;
import org.carepath.platform.messaging.OutboxMessages;
import org.carepath.platform.messaging.OutboxRelay;
import org.carepath.platform.web.ProblemDetailsAdvice;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.LoggingProducerListener;
import tools.jackson.databind.json.JsonMapper;

/** What every Carepath service gets by depending on the platform. */
@AutoConfiguration(
        beforeName = "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration")
@EnableConfigurationProperties(OutboxProperties.class)
@Import(ProblemDetailsAdvice.class)
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
    OutboxMessages outboxMessages(
            JsonMapper jsonMapper, Clock clock, @Value("${spring.application.name}") String service) {
        return new OutboxMessages(jsonMapper, clock, service);
    }

    @Bean
    InboundEvents inboundEvents(JsonMapper jsonMapper) {
        return new InboundEvents(jsonMapper);
    }

    @Bean
    @ConditionalOnProperty("carepath.outbox.collections")
    OutboxRelay outboxRelay(
            MongoTemplate mongo,
            KafkaProperties kafkaProperties,
            ObjectProvider<CircuitBreakerRegistry> circuitBreakers,
            OutboxProperties properties) {
        CircuitBreakerRegistry registry = circuitBreakers.getIfAvailable(CircuitBreakerRegistry::ofDefaults);
        return new OutboxRelay(
                mongo,
                relayTemplate(kafkaProperties),
                registry.circuitBreaker("outbox-relay"),
                // Leases are machine time, not the business clock a test may move about.
                Clock.systemUTC(),
                properties.collections(),
                properties.pollInterval(),
                properties.batchSize());
    }

    /**
     * The relay's own producer: String key and JSON text value whatever the binder sets as defaults, and
     * idempotent with acks=all so an acknowledged event is durable and a retried send is not doubled.
     */
    private static KafkaTemplate<String, String> relayTemplate(KafkaProperties kafkaProperties) {
        Map<String, Object> config = new HashMap<>(kafkaProperties.buildProducerProperties());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
        KafkaTemplate<String, String> template = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
        // The default listener quotes the value of a record it failed to send: patient data stays out of logs.
        LoggingProducerListener<String, String> failures = new LoggingProducerListener<>();
        failures.setIncludeContents(false);
        template.setProducerListener(failures);
        return template;
    }
}
