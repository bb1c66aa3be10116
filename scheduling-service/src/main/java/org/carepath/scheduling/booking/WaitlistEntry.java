package org.carepath.scheduling.booking;

import java.time.Instant;
import java.util.List;
import org.carepath.events.intake.ImagingModality;
import org.carepath.events.intake.Region;
import org.carepath.events.scheduling.AppointmentType;
import org.carepath.events.scheduling.AppointmentWaitlisted;
import org.carepath.events.scheduling.Specialty;
import org.carepath.scheduling.directory.Slot;

/**
 * A booking request no slot could take within its window (scheduling-rules §4.3). {@code region} is the
 * patient's; {@code after} lists the imaging types that must be booked, at least one business day earlier,
 * before this one may be, unless it is {@code urgent} (BK-URGENT: its window wins over that order); {@code
 * entryId} becomes the appointment id once it is served.
 */
public record WaitlistEntry(
        String entryId,
        String episodeId,
        int decisionVersion,
        AppointmentType type,
        Specialty specialty,
        ImagingModality modality,
        Region region,
        Instant windowStart,
        Instant windowEnd,
        List<AppointmentType> after,
        Instant waitlistedAt,
        WaitlistStatus status,
        String rule,
        boolean urgent) {

    public WaitlistEntry {
        after = List.copyOf(after);
    }

    /** An entry that waits for its prerequisite imaging, if any. */
    public WaitlistEntry(
            String entryId,
            String episodeId,
            int decisionVersion,
            AppointmentType type,
            Specialty specialty,
            ImagingModality modality,
            Region region,
            Instant windowStart,
            Instant windowEnd,
            List<AppointmentType> after,
            Instant waitlistedAt,
            WaitlistStatus status,
            String rule) {
        this(
                entryId,
                episodeId,
                decisionVersion,
                type,
                specialty,
                modality,
                region,
                windowStart,
                windowEnd,
                after,
                waitlistedAt,
                status,
                rule,
                false);
    }

    public boolean isWaiting() {
        return status == WaitlistStatus.WAITING;
    }

    /** Whether {@code slot} is of the kind this entry waits for and starts within its window. */
    public boolean wants(Slot slot) {
        return isWaiting()
                && slot.specialty() == specialty
                && slot.suits(type)
                && !slot.start().isBefore(windowStart)
                && slot.start().isBefore(windowEnd);
    }

    public WaitlistEntry serve() {
        return withStatus(WaitlistStatus.SERVED);
    }

    public WaitlistEntry withdraw() {
        return withStatus(WaitlistStatus.WITHDRAWN);
    }

    public AppointmentWaitlisted waitlisted() {
        return new AppointmentWaitlisted(episodeId, type, specialty, windowEnd);
    }

    private WaitlistEntry withStatus(WaitlistStatus newStatus) {
        if (!isWaiting()) {
            throw new IllegalStateException("waitlist entry " + entryId + " is " + status + ", no longer waiting");
        }
        return new WaitlistEntry(
                entryId,
                episodeId,
                decisionVersion,
                type,
                specialty,
                modality,
                region,
                windowStart,
                windowEnd,
                after,
                waitlistedAt,
                newStatus,
                rule,
                urgent);
    }
}
