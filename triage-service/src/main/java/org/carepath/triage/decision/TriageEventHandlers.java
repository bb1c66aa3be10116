package org.carepath.triage.decision;

import java.util.function.Consumer;
import org.carepath.events.Topics;
import org.carepath.platform.messaging.InboundEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** The topics triage consumes, bound in application.yml as {@code <name>-in-0}. */
@Configuration(proxyBeanMethods = false)
class TriageEventHandlers {

    @Bean
    Consumer<Message<byte[]>> episodeReported(InboundEvents inbound, Triage triage) {
        return message -> triage.reported(inbound.read(message, Topics.EPISODE_REPORTED));
    }

    @Bean
    Consumer<Message<byte[]>> checkInRecorded(InboundEvents inbound, Triage triage) {
        return message -> triage.checkIn(inbound.read(message, Topics.CHECKIN_RECORDED));
    }

    @Bean
    Consumer<Message<byte[]>> findingRecorded(InboundEvents inbound, Triage triage) {
        return message -> triage.finding(inbound.read(message, Topics.FINDING_RECORDED));
    }
}
