package org.carepath.intake.episode;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import org.carepath.events.intake.CheckInRecorded;
import org.carepath.events.intake.EpisodeReported;
import org.carepath.events.intake.FindingRecorded;
import org.carepath.events.triage.Disposition;

/**
 * {@code GET /api/v1/episodes/{episodeId}}: the report as stored, with its status, what was added since, and
 * triage's latest disposition once there is one.
 */
record EpisodeView(
        @JsonUnwrapped EpisodeReported report,
        String status,
        List<CheckInRecorded> checkIns,
        List<FindingRecorded> findings,
        Disposition disposition,
        Integer decisionVersion) {

    static EpisodeView of(Episode episode) {
        return new EpisodeView(
                episode.report(),
                episode.status(),
                episode.checkIns(),
                episode.findings(),
                episode.disposition(),
                episode.decisionVersion() == 0 ? null : episode.decisionVersion());
    }
}
