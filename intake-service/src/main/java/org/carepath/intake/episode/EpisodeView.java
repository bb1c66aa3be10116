package org.carepath.intake.episode;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import org.carepath.events.intake.CheckInRecorded;
import org.carepath.events.intake.EpisodeReported;
import org.carepath.events.intake.FindingRecorded;

/** {@code GET /api/v1/episodes/{episodeId}}: the report as stored, with its status and what was added since. */
record EpisodeView(
        @JsonUnwrapped EpisodeReported report,
        String status,
        List<CheckInRecorded> checkIns,
        List<FindingRecorded> findings) {

    static EpisodeView of(Episode episode) {
        return new EpisodeView(episode.report(), episode.status(), episode.checkIns(), episode.findings());
    }
}
