package org.carepath.scheduling.directory;

import org.carepath.events.intake.Region;

/** A clinic or an affiliated hospital; {@code name} is what patients read in messages. */
public record Site(String id, String name, SiteKind kind, Region region) {}
