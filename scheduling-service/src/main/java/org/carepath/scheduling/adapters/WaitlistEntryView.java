package org.carepath.scheduling.adapters;

import java.time.Instant;
import java.util.List;
import org.carepath.events.intake.ImagingModality;
import org.carepath.events.intake.Region;
import org.carepath.events.scheduling.AppointmentType;
import org.carepath.events.scheduling.Specialty;
import org.carepath.scheduling.booking.WaitlistEntry;
import org.carepath.scheduling.booking.WaitlistStatus;

/** A waiting booking request: served into an appointment with the same id as soon as a slot fits. */
record WaitlistEntryView(
        String entryId,
        String episodeId,
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

    static WaitlistEntryView of(WaitlistEntry entry) {
        return new WaitlistEntryView(
                entry.entryId(),
                entry.episodeId(),
                entry.type(),
                entry.specialty(),
                entry.modality(),
                entry.region(),
                entry.windowStart(),
                entry.windowEnd(),
                entry.after(),
                entry.waitlistedAt(),
                entry.status(),
                entry.rule());
    }
}
