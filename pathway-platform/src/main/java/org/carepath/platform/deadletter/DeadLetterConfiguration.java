package org.carepath.platform.deadletter;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.carepath.platform.messaging.DeadLetterErrorHandling;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The dead-letter overview and replay of every consuming service (CONTRACT.md "Dead letters"). */
@Configuration(proxyBeanMethods = false)
public class DeadLetterConfiguration {

    @Bean
    DeadLetters deadLetters(
            @Value("${spring.cloud.stream.default.group:${spring.application.name}}") String group,
            BindingServiceProperties bindings,
            KafkaProperties kafkaProperties,
            DeadLetterErrorHandling errorHandling,
            MongoTemplate mongo,
            Clock clock) {
        Map<String, Object> config = new HashMap<>(kafkaProperties.buildConsumerProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "dead-letter-reader");
        return new DeadLetters(
                group,
                () -> deadLetterTopics(bindings),
                () -> new KafkaConsumer<>(config),
                errorHandling.deadLetterProducer(),
                mongo,
                clock);
    }

    @Bean
    DeadLetterController deadLetterController(DeadLetters deadLetters) {
        return new DeadLetterController(deadLetters);
    }

    /**
     * {@code <destination>.dlq} of every destination of every consumer binding ({@code <function>-in-<n>}; a binding
     * may list several, comma-separated). A binding that reads dead-letter topics themselves (clinic-view counts
     * them) has none of its own, nor has one subscribed by a pattern.
     */
    static Collection<String> deadLetterTopics(BindingServiceProperties bindings) {
        TreeSet<String> topics = new TreeSet<>();
        bindings.getBindings().forEach((name, binding) -> {
            if (name.contains("-in-") && binding.getDestination() != null) {
                for (String destination : binding.getDestination().split(",")) {
                    String topic = destination.trim();
                    if (!topic.isEmpty() && !topic.endsWith(".dlq") && !isPattern(topic)) {
                        topics.add(topic + ".dlq");
                    }
                }
            }
        });
        return topics;
    }

    private static boolean isPattern(String destination) {
        return destination.chars().anyMatch(c -> "\\()[]*+?|^$".indexOf(c) >= 0);
    }
}
