package org.carepath.intake.episode;

import java.util.List;
import java.util.function.Consumer;
import org.carepath.events.Topics;
import org.carepath.platform.messaging.BatchConsumers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** The topic intake follows in batches, bound in application.yml as {@code triageDecided-in-0}. */
@Configuration(proxyBeanMethods = false)
class EpisodeEventHandlers {

    @Bean
    Consumer<Message<List<byte[]>>> triageDecided(BatchConsumers consumers, EpisodeIntake intake) {
        return consumers.consumer(Topics.TRIAGE_DECIDED, intake::triaged);
    }
}
