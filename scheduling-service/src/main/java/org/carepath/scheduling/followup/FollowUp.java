package org.carepath.scheduling.followup;

import java.time.Instant;
import org.carepath.events.intake.ContactChannel;
import org.carepath.events.scheduling.FollowUpDue;
import org.carepath.events.scheduling.FollowUpKind;

/**
 * An automated follow-up message (scheduling-rules §6), PENDING until it is sent once when due, or cancelled.
 * {@code to} is the patient's phone (SMS, PHONE) or email (EMAIL); {@code appointmentId} is set for reminders
 * only. {@link #toString()} leaves out the address and the text.
 */
public record FollowUp(
        String followUpId,
        String episodeId,
        FollowUpKind kind,
        String rule,
        Instant dueAt,
        ContactChannel channel,
        String to,
        String message,
        String appointmentId,
        FollowUpStatus status) {

    public boolean isPending() {
        return status == FollowUpStatus.PENDING;
    }

    public boolean isDueAt(Instant now) {
        return isPending() && !dueAt.isAfter(now);
    }

    /** Sent once: only a pending follow-up can be marked sent. */
    public FollowUp markSent() {
        requirePending("mark sent");
        return withStatus(FollowUpStatus.SENT);
    }

    /** Only a pending follow-up can be cancelled; one already sent stays sent. */
    public FollowUp cancel() {
        requirePending("cancel");
        return withStatus(FollowUpStatus.CANCELLED);
    }

    /** MSG-QUIET: a pending follow-up that fell due in quiet hours waits until {@code later}. */
    public FollowUp deferTo(Instant later) {
        requirePending("defer");
        return new FollowUp(followUpId, episodeId, kind, rule, later, channel, to, message, appointmentId, status);
    }

    public boolean isReminder() {
        return kind == FollowUpKind.APPOINTMENT_REMINDER;
    }

    /** The {@code carepath.followup.due} payload. */
    public FollowUpDue due() {
        return new FollowUpDue(followUpId, episodeId, kind, dueAt, channel, to, message);
    }

    @Override
    public String toString() {
        return "FollowUp[" + followUpId + ", " + kind + ", " + rule + ", due " + dueAt + ", " + channel + ", " + status
                + "]";
    }

    private void requirePending(String action) {
        if (!isPending()) {
            throw new IllegalStateException("cannot " + action + " follow-up " + followUpId + ": it is " + status);
        }
    }

    private FollowUp withStatus(FollowUpStatus newStatus) {
        return new FollowUp(followUpId, episodeId, kind, rule, dueAt, channel, to, message, appointmentId, newStatus);
    }
}
