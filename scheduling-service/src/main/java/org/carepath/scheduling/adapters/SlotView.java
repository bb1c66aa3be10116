package org.carepath.scheduling.adapters;

import java.time.Instant;
import org.carepath.events.intake.ImagingModality;
import org.carepath.events.intake.Region;
import org.carepath.events.scheduling.Specialty;
import org.carepath.scheduling.directory.Slot;

/** An open slot; {@code slotId} is what {@code POST /api/v1/appointments} books. */
record SlotView(
        String slotId,
        String providerId,
        String siteId,
        Region region,
        Specialty specialty,
        ImagingModality modality,
        Instant start,
        Instant end) {

    static SlotView of(Slot slot) {
        return new SlotView(
                slot.slotId(),
                slot.providerId(),
                slot.siteId(),
                slot.region(),
                slot.specialty(),
                slot.modality(),
                slot.start(),
                slot.end());
    }
}
