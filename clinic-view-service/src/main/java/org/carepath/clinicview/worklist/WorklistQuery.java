package org.carepath.clinicview.worklist;

import org.carepath.clinicview.episode.EpisodeStatus;
import org.carepath.clinicview.figures.DayRange;
import org.carepath.events.intake.Region;
import org.carepath.events.triage.Disposition;

/** The worklist's filters (each optional but the days, which bound what is read), and the page wanted. */
public record WorklistQuery(
        EpisodeStatus status, Disposition disposition, Region region, DayRange days, int page, int size) {

    public static final int MAX_SIZE = 200;
}
