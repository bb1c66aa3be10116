package org.carepath.platform.audit;

import java.util.List;
import org.carepath.events.audit.AuditRecorded;
import org.carepath.platform.messaging.OutboxMessage;
import org.carepath.platform.outbox.WithOutbox;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One audit record as stored, with its {@code carepath.audit.recorded} event in the same document. The id is
 * {@code <episodeId>#<n>}: the n-th record of that episode in this service, so an episode's trail is read by id
 * from its counter, never by a scan.
 */
@Document(AuditEntry.COLLECTION)
record AuditEntry(@Id String id, AuditRecorded record, List<OutboxMessage> outbox) implements WithOutbox {

    static final String COLLECTION = "audit_records";

    static String idOf(String episodeId, long sequence) {
        return episodeId + "#" + sequence;
    }
}
