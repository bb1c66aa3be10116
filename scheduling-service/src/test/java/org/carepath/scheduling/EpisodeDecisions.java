package org.carepath.scheduling;

import java.time.Instant;
import java.util.UUID;
import org.carepath.events.intake.Region;
import org.carepath.events.triage.TriageDecided;
import org.carepath.scheduling.booking.Decisions;
import org.carepath.scheduling.directory.ClinicTime;

/**
 * Object Mother for decisions on fresh episodes: a {@link Decisions} template for a Queens patient reached by SMS
 * whose back spasm began the day before the decision.
 */
public final class EpisodeDecisions {

    private EpisodeDecisions() {}

    public static String newEpisodeId() {
        return "ep-" + UUID.randomUUID();
    }

    public static TriageDecided decided(TriageDecided template, String episodeId, Instant decidedAt) {
        return version(template, episodeId, decidedAt, 1);
    }

    public static TriageDecided version(TriageDecided template, String episodeId, Instant decidedAt, int version) {
        TriageDecided decision = Decisions.withVersion(
                Decisions.decidedAt(Decisions.forEpisode(template, episodeId), decidedAt), version);
        return Decisions.withEpisode(
                decision,
                Decisions.episode(Region.QUEENS, ClinicTime.dateOf(decidedAt).minusDays(1), Decisions.sms()));
    }
}
