package org.carepath.platform.audit;

import java.util.List;
import org.carepath.events.audit.AuditRecorded;
import org.carepath.platform.messaging.OutboxMessage;
import org.carepath.platform.outbox.WithOutbox;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * How many audit records an episode has in this service, and its first record with that record's event: the first
 * is stored with the counter it creates, so the request that opens an episode's trail (intake's report) costs one
 * write; the n-th record after it is the entry {@code <episodeId>#<n>} ({@link AuditEntry}).
 */
@Document(AuditTrail.COUNTERS)
record AuditCounter(@Id String id, long count, AuditRecorded first, List<OutboxMessage> outbox) implements WithOutbox {

    static final String COUNT = "count";
    static final String FIRST = "first";
    static final String OUTBOX = "outbox";
}
