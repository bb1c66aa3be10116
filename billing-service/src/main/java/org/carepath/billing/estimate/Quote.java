package org.carepath.billing.estimate;

import java.time.Instant;
import java.util.List;
import org.carepath.events.billing.EstimateLine;
import org.carepath.events.billing.EstimateProduced;
import org.carepath.events.billing.EstimateTotals;
import org.carepath.events.billing.Payer;

/**
 * The priced services of one estimate, before it gets ids: {@code rules} are the B-* rules applied, and
 * {@code assumptions} say what the numbers rest on (an estimate is not a bill). {@code totals} sum the booked or
 * requested lines, {@code candidateTotals} the candidate procedures "if performed" (B-CAND).
 */
public record Quote(
        List<EstimateLine> lines,
        EstimateTotals totals,
        Payer primaryPayer,
        boolean goodFaithEstimate,
        List<String> rules,
        List<String> assumptions,
        EstimateTotals candidateTotals) {

    public static final String CURRENCY = "USD";

    public Quote {
        lines = List.copyOf(lines);
        rules = List.copyOf(rules);
        assumptions = List.copyOf(assumptions);
    }

    /** The CPT codes not on the fee schedule, in line order (the ad-hoc quote API answers 422 naming them). */
    public List<String> unpricedCpts() {
        return lines.stream()
                .filter(line -> !line.priced())
                .map(EstimateLine::cpt)
                .toList();
    }

    /** @param episodeId and {@code version} are null for an ad-hoc quote */
    public EstimateProduced toEstimate(String episodeId, String estimateId, Integer version, Instant producedAt) {
        return new EstimateProduced(
                episodeId,
                estimateId,
                version,
                CURRENCY,
                producedAt,
                primaryPayer,
                goodFaithEstimate,
                lines,
                totals,
                assumptions,
                rules,
                candidateTotals);
    }
}
