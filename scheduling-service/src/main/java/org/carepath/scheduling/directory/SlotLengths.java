package org.carepath.scheduling.directory;

import java.time.Duration;
import org.carepath.events.intake.ImagingModality;
import org.carepath.events.scheduling.Specialty;

/**
 * A provider's fixed slot length (chosen): long enough for the longest appointment type it hosts, so that an
 * appointment always occupies exactly one slot and "never double-booked" is a unique slot id.
 */
public final class SlotLengths {

    private SlotLengths() {}

    public static Duration of(Specialty specialty, ImagingModality modality) {
        return Duration.ofMinutes(minutes(specialty, modality));
    }

    private static int minutes(Specialty specialty, ImagingModality modality) {
        return switch (specialty) {
            case ORTHOPEDIC_SPINE, REHABILITATION -> 30;
            case SPINE_SURGEON, PHYSICAL_THERAPY -> 45;
            case IMAGING -> imagingMinutes(modality);
        };
    }

    private static int imagingMinutes(ImagingModality modality) {
        if (modality == null) {
            throw new IllegalArgumentException("an IMAGING provider needs a modality");
        }
        return switch (modality) {
            case XRAY -> 15;
            case CT -> 30;
            case MRI -> 45;
        };
    }
}
