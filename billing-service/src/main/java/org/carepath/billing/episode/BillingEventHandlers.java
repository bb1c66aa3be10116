package org.carepath.billing.episode;

import java.util.function.Consumer;
import org.carepath.events.Topics;
import org.carepath.platform.messaging.InboundEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** The topics billing consumes, bound in application.yml as {@code <name>-in-0}. */
@Configuration(proxyBeanMethods = false)
class BillingEventHandlers {

    @Bean
    Consumer<Message<byte[]>> triageDecided(InboundEvents inbound, EpisodeEstimates estimates) {
        return message -> estimates.decided(inbound.read(message, Topics.TRIAGE_DECIDED));
    }

    @Bean
    Consumer<Message<byte[]>> appointmentBooked(InboundEvents inbound, EpisodeEstimates estimates) {
        return message -> estimates.booked(inbound.read(message, Topics.APPOINTMENT_BOOKED));
    }

    @Bean
    Consumer<Message<byte[]>> appointmentCancelled(InboundEvents inbound, EpisodeEstimates estimates) {
        return message -> estimates.cancelled(inbound.read(message, Topics.APPOINTMENT_CANCELLED));
    }
}
