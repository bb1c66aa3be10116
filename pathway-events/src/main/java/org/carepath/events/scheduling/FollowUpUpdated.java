package org.carepath.events.scheduling;

import java.time.Instant;
import org.carepath.events.intake.ContactChannel;

/**
 * A follow-up planned, sent or cancelled (scheduling-rules.md §6), on {@code carepath.followup.updated}: what the
 * operations dashboard counts as due, sent and cancelled. It names no recipient and carries no message text.
 * Added 2026-12 beside the contract's {@code followup.due}, which stays the messaging tools' trigger.
 */
public record FollowUpUpdated(
        String followUpId,
        String episodeId,
        FollowUpKind kind,
        String rule,
        Instant dueAt,
        ContactChannel channel,
        String appointmentId,
        FollowUpState status) {}
