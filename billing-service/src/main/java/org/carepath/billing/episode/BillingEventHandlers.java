package org.carepath.billing.episode;

import java.util.List;
import java.util.function.Consumer;
import org.carepath.events.Topics;
import org.carepath.platform.messaging.BatchConsumers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** The topics billing consumes in batches, bound in application.yml as {@code <name>-in-0}. */
@Configuration(proxyBeanMethods = false)
class BillingEventHandlers {

    @Bean
    Consumer<Message<List<byte[]>>> triageDecided(BatchConsumers consumers, EpisodeEstimates estimates) {
        return consumers.consumer(Topics.TRIAGE_DECIDED, estimates::decided);
    }

    @Bean
    Consumer<Message<List<byte[]>>> appointmentBooked(BatchConsumers consumers, EpisodeEstimates estimates) {
        return consumers.consumer(Topics.APPOINTMENT_BOOKED, estimates::booked);
    }

    @Bean
    Consumer<Message<List<byte[]>>> appointmentCancelled(BatchConsumers consumers, EpisodeEstimates estimates) {
        return consumers.consumer(Topics.APPOINTMENT_CANCELLED, estimates::cancelled);
    }
}
