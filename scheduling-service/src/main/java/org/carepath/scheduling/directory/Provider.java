package org.carepath.scheduling.directory;

import java.time.Duration;
import java.util.List;
import org.carepath.events.intake.ImagingModality;
import org.carepath.events.scheduling.Specialty;

/**
 * A clinician or an imaging room at a site. {@code modality} is set for IMAGING rooms only (null otherwise).
 */
public record Provider(
        String id,
        String name,
        Specialty specialty,
        ImagingModality modality,
        String siteId,
        List<AvailabilityWindow> availability) {

    public Provider {
        availability = List.copyOf(availability);
    }

    public Duration slotLength() {
        return SlotLengths.of(specialty, modality);
    }

    public boolean offers(Specialty wanted, ImagingModality wantedModality) {
        return specialty == wanted && (wanted != Specialty.IMAGING || modality == wantedModality);
    }
}
