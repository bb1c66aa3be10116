package org.carepath.scheduling.appointments;

import java.util.function.Consumer;
import org.carepath.events.Topics;
import org.carepath.platform.messaging.InboundEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** The topics scheduling consumes, bound in application.yml as {@code <name>-in-0}. */
@Configuration(proxyBeanMethods = false)
class SchedulingEventHandlers {

    @Bean
    Consumer<Message<byte[]>> triageDecided(InboundEvents inbound, DecisionScheduling scheduling) {
        return message -> scheduling.decided(inbound.read(message, Topics.TRIAGE_DECIDED));
    }
}
