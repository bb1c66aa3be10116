package org.carepath.clinicview.projection;

import java.util.List;
import java.util.function.Consumer;
import org.carepath.events.PathwayTopic;
import org.carepath.events.Topics;
import org.carepath.platform.messaging.BatchConsumers;
import org.carepath.platform.messaging.EventRejectedException;
import org.carepath.platform.messaging.InboundEvent;
import org.carepath.platform.messaging.InboundEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

/**
 * The read model's two consumers, bound in application.yml: {@code pathwayEvents-in-0} reads every pathway topic on
 * one binding, so each instance applies an episode's events one at a time (the topics share the episode key and
 * partition count, and the range assignor gives one instance the same partition of each); {@code countDeadLetters-in-0}
 * counts the dead letters of every topic.
 */
@Configuration(proxyBeanMethods = false)
class ProjectionConsumers {

    static final List<PathwayTopic<?>> PROJECTED =
            Topics.ALL.stream().filter(topic -> topic != Topics.AUDIT_RECORDED).toList();

    @Bean
    Consumer<Message<List<byte[]>>> pathwayEvents(
            BatchConsumers consumers, InboundEvents inbound, EpisodeProjection projection) {
        return consumers.consumer("pathway-events", record -> read(inbound, record), projection::apply);
    }

    @Bean
    Consumer<Message<List<byte[]>>> countDeadLetters(DeadLetterCounts counts) {
        return counts::count;
    }

    static InboundEvent<ProjectedEvent> read(InboundEvents inbound, Message<byte[]> record) {
        String topicName = String.valueOf(record.getHeaders().get(KafkaHeaders.RECEIVED_TOPIC));
        PathwayTopic<?> topic = PROJECTED.stream()
                .filter(candidate -> candidate.name().equals(topicName))
                .findFirst()
                .orElseThrow(() -> new EventRejectedException("no projection for topic " + topicName));
        InboundEvent<?> event = inbound.read(record, topic);
        Object offset = record.getHeaders().get(KafkaHeaders.OFFSET);
        long position = offset instanceof Number number ? number.longValue() : 0L;
        return new InboundEvent<>(
                event.eventId(), event.type(), event.subject(), new ProjectedEvent(event.payload(), position));
    }
}
