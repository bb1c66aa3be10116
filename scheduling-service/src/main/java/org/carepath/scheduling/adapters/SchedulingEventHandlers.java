package org.carepath.scheduling.adapters;

import java.util.List;
import java.util.function.Consumer;
import org.carepath.events.Topics;
import org.carepath.platform.messaging.BatchConsumers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** The topics scheduling consumes in batches, bound in application.yml as {@code <name>-in-0}. */
@Configuration(proxyBeanMethods = false)
class SchedulingEventHandlers {

    @Bean
    Consumer<Message<List<byte[]>>> triageDecided(BatchConsumers consumers, DecisionScheduling scheduling) {
        return consumers.consumer(Topics.TRIAGE_DECIDED, scheduling::decidedAll);
    }
}
