package org.carepath.events.billing;

import java.time.Instant;
import java.util.List;

/** An out-of-pocket estimate; {@code episodeId} and {@code version} are null for an ad-hoc quote. */
public record EstimateProduced(
        String episodeId,
        String estimateId,
        Integer version,
        String currency,
        Instant producedAt,
        Payer primaryPayer,
        boolean goodFaithEstimate,
        List<EstimateLine> lines,
        EstimateTotals totals,
        List<String> assumptions,
        List<String> rules) {}
