package org.carepath.scheduling.directory;

import java.time.Instant;
import java.util.List;
import org.carepath.events.intake.ImagingModality;
import org.carepath.events.intake.Region;
import org.carepath.events.scheduling.Specialty;

/**
 * Open slots of one specialty (and modality, for IMAGING) in the given regions whose start lies in
 * {@code [from, to)}. An empty region list matches nothing.
 */
public record SlotQuery(Specialty specialty, ImagingModality modality, List<Region> regions, Instant from, Instant to) {

    public SlotQuery {
        regions = List.copyOf(regions);
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("slot query range is empty: " + from + " .. " + to);
        }
    }
}
