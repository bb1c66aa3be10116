package org.carepath.scheduling.directory;

import org.carepath.events.intake.Region;

/** Two neighbouring regions; adjacency is symmetric and drives the booking fallback. */
public record Adjacency(Region one, Region other) {

    public boolean touches(Region region) {
        return one == region || other == region;
    }

    public Region otherThan(Region region) {
        return one == region ? other : one;
    }
}
