package org.carepath.events.scheduling;

import java.time.Instant;
import org.carepath.events.intake.ContactChannel;

/** A follow-up message for the messaging tools, published once, when it is due. */
public record FollowUpDue(
        String followUpId,
        String episodeId,
        FollowUpKind kind,
        Instant dueAt,
        ContactChannel channel,
        String to,
        String message) {}
