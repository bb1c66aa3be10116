package org.carepath.scheduling.adapters;

import java.time.Instant;
import org.carepath.events.intake.ContactChannel;
import org.carepath.events.scheduling.FollowUpKind;
import org.carepath.scheduling.followup.FollowUp;
import org.carepath.scheduling.followup.FollowUpStatus;

/** A follow-up as the REST API shows it: no address and no text, those are for the messaging tools. */
record FollowUpView(
        String followUpId,
        String episodeId,
        FollowUpKind kind,
        String rule,
        Instant dueAt,
        FollowUpStatus status,
        ContactChannel channel,
        String appointmentId) {

    static FollowUpView of(FollowUp followUp) {
        return new FollowUpView(
                followUp.followUpId(),
                followUp.episodeId(),
                followUp.kind(),
                followUp.rule(),
                followUp.dueAt(),
                followUp.status(),
                followUp.channel(),
                followUp.appointmentId());
    }
}
