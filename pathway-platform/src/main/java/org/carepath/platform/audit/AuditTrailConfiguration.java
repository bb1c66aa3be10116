package org.carepath.platform.audit;

import org.carepath.platform.messaging.OutboxMessages;
import org.carepath.platform.outbox.OutboxStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;

@Configuration(proxyBeanMethods = false)
@Import(AuditController.class)
public class AuditTrailConfiguration {

    @Bean
    AuditTrail auditTrail(MongoTemplate mongo, OutboxStore outbox, OutboxMessages messages) {
        return new AuditTrail(mongo, outbox, messages);
    }
}
