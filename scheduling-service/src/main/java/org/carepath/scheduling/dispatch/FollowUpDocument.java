package org.carepath.scheduling.dispatch;

import java.time.Instant;
import java.util.List;
import org.carepath.events.intake.ContactChannel;
import org.carepath.events.scheduling.FollowUpKind;
import org.carepath.platform.messaging.OutboxMessage;
import org.carepath.scheduling.followup.FollowUp;
import org.carepath.scheduling.followup.FollowUpStatus;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One follow-up message, keyed by the planner's deterministic id (so planning it twice stores it once). Marking
 * it sent and putting its {@code followup.due} event into {@code outbox} is one conditional write on
 * {@code status = PENDING}: however many instances dispatch, one of them sends it, once.
 */
@Document(FollowUpDocument.COLLECTION)
@CompoundIndex(name = "due", def = "{'status': 1, 'dueAt': 1}")
record FollowUpDocument(
        @Id String followUpId,
        @Version Long version,
        @Indexed String episodeId,
        FollowUpKind kind,
        String rule,
        Instant dueAt,
        ContactChannel channel,
        String to,
        String message,
        String appointmentId,
        FollowUpStatus status,
        Instant sentAt,
        List<OutboxMessage> outbox) {

    static final String COLLECTION = "follow_ups";

    FollowUpDocument {
        outbox = outbox == null ? List.of() : List.copyOf(outbox);
    }

    static FollowUpDocument of(FollowUp followUp) {
        return new FollowUpDocument(
                followUp.followUpId(),
                0L,
                followUp.episodeId(),
                followUp.kind(),
                followUp.rule(),
                followUp.dueAt(),
                followUp.channel(),
                followUp.to(),
                followUp.message(),
                followUp.appointmentId(),
                followUp.status(),
                null,
                List.of());
    }

    FollowUp followUp() {
        return new FollowUp(followUpId, episodeId, kind, rule, dueAt, channel, to, message, appointmentId, status);
    }
}
