package org.carepath.triage.decision;

import java.util.List;
import java.util.function.Consumer;
import org.carepath.events.Topics;
import org.carepath.platform.messaging.BatchConsumers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** The topics triage consumes in batches, bound in application.yml as {@code <name>-in-0}. */
@Configuration(proxyBeanMethods = false)
class TriageEventHandlers {

    @Bean
    Consumer<Message<List<byte[]>>> episodeReported(BatchConsumers consumers, Triage triage) {
        return consumers.consumer(Topics.EPISODE_REPORTED, triage::reported);
    }

    @Bean
    Consumer<Message<List<byte[]>>> checkInRecorded(BatchConsumers consumers, Triage triage) {
        return consumers.consumer(Topics.CHECKIN_RECORDED, triage::checkIns);
    }

    @Bean
    Consumer<Message<List<byte[]>>> findingRecorded(BatchConsumers consumers, Triage triage) {
        return consumers.consumer(Topics.FINDING_RECORDED, triage::findings);
    }
}
