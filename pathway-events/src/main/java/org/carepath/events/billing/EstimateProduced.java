package org.carepath.events.billing;

import java.time.Instant;
import java.util.List;

/**
 * An out-of-pocket estimate; {@code episodeId} and {@code version} are null for an ad-hoc quote. {@code totals} sum
 * the booked (or requested) lines only; {@code candidateTotals} sum the candidate procedure lines, priced "if
 * performed" (billing-rules.md §5, B-CAND).
 */
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
        List<String> rules,
        EstimateTotals candidateTotals) {}
