package org.carepath.events.triage;

import java.time.Instant;
import java.util.List;

/** One version of an episode's triage decision (clinical-rules.md §10), as published and as served. */
public record TriageDecided(
        String episodeId,
        int version,
        Instant decidedAt,
        Disposition disposition,
        Classification classification,
        StartBackRisk startBackRisk,
        List<String> redFlags,
        List<ImagingRecommendation> imaging,
        List<Consideration> considerations,
        List<CandidateProcedure> candidateProcedures,
        List<CarePlanStep> carePlan,
        List<String> rules,
        List<String> assumptions,
        EpisodeContext episode) {}
