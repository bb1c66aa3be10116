package org.carepath.intake.episode;

import java.util.function.Consumer;
import org.carepath.events.Topics;
import org.carepath.platform.messaging.InboundEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** The topic intake follows, bound in application.yml as {@code triageDecided-in-0}. */
@Configuration(proxyBeanMethods = false)
class EpisodeEventHandlers {

    @Bean
    Consumer<Message<byte[]>> triageDecided(InboundEvents inbound, EpisodeIntake intake) {
        return message -> intake.triaged(inbound.read(message, Topics.TRIAGE_DECIDED));
    }
}
