package org.carepath.scheduling.directory;

import java.time.Duration;
import java.time.Instant;
import org.carepath.events.intake.ImagingModality;
import org.carepath.events.intake.Region;
import org.carepath.events.scheduling.AppointmentType;
import org.carepath.events.scheduling.Specialty;

/** One bookable period of one provider; {@code modality} is set for imaging rooms only. */
public record Slot(
        String slotId,
        String providerId,
        String siteId,
        Region region,
        Specialty specialty,
        ImagingModality modality,
        Instant start,
        Instant end) {

    public Duration length() {
        return Duration.between(start, end);
    }

    /** Whether an appointment of this type may take this slot: the right specialty, and it fits. */
    public boolean suits(AppointmentType type) {
        boolean rightProvider = AppointmentTypes.specialtiesFor(type).contains(specialty)
                && (specialty != Specialty.IMAGING || modality == AppointmentTypes.modalityOf(type));
        return rightProvider && Duration.ofMinutes(type.minutes()).compareTo(length()) <= 0;
    }
}
